package fiscguard.aws.logs.kms_encryption_test

import data.fiscguard.aws.logs.kms_encryption
import data.fiscguard.lib.testing

test_without_key_fails if {
	g := testing.resource("aws_cloudwatch_log_group", "app", {"name": "/bank/app"})
	res := kms_encryption.deny with input as testing.doc([g])
	testing.has(res, "aws_cloudwatch_log_group.app", "fail")
}

test_key_from_an_unknown_variable_is_inconclusive if {
	g := object.union(testing.resource("aws_cloudwatch_log_group", "app", {"name": "/bank/app"}), {"unknown": {"kms_key_id": true}})
	res := kms_encryption.deny with input as testing.doc([g])
	testing.has(res, "aws_cloudwatch_log_group.app", "inconclusive")
	not testing.has(res, "aws_cloudwatch_log_group.app", "fail")
}

test_key_arn_passes if {
	g := testing.resource("aws_cloudwatch_log_group", "app", {"kms_key_id": "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000001"})
	count(kms_encryption.deny) == 0 with input as testing.doc([g])
}

test_key_created_in_the_plan_passes if {
	g := object.union(testing.resource("aws_cloudwatch_log_group", "app", {}), {"unknown": {"kms_key_id": true}, "refs": {"kms_key_id": ["aws_kms_key.logs"]}})
	count(kms_encryption.deny) == 0 with input as testing.doc([g, testing.resource("aws_kms_key", "logs", {})])
}

test_deleted_group_is_not_checked if {
	g := object.union(testing.resource("aws_cloudwatch_log_group", "app", {}), {"actions": ["delete"]})
	count(kms_encryption.deny) == 0 with input as testing.doc([g])
}
