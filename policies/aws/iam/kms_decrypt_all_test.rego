package fiscguard.aws.iam.kms_decrypt_all_test

import data.fiscguard.aws.iam.kms_decrypt_all
import data.fiscguard.lib.testing

policy(action, resource) := testing.resource("aws_iam_role_policy", "app", {"name": "app", "policy": json.marshal({
	"Version": "2012-10-17",
	"Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}],
})})

test_decrypt_on_every_key_fails if {
	res := kms_decrypt_all.deny with input as testing.doc([policy(["kms:Decrypt", "kms:GenerateDataKey"], "*")])
	testing.has(res, "aws_iam_role_policy.app", "fail")
}

test_kms_wildcard_fails if {
	res := kms_decrypt_all.deny with input as testing.doc([policy("kms:*", ["*"])])
	testing.has(res, "aws_iam_role_policy.app", "fail")
}

test_named_key_passes if {
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([policy("kms:Decrypt", "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000001")])
}

test_full_admin_is_left_to_iam_001 if {
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([policy("*", "*")])
}

test_deleted_policy_is_not_checked if {
	p := object.union(policy("kms:Decrypt", "*"), {"actions": ["delete"]})
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([p])
}
