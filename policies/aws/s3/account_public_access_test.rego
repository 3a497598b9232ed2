package fiscguard.aws.s3.account_public_access_test

import data.fiscguard.aws.s3.account_public_access as rule
import data.fiscguard.lib.testing

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

bucket := testing.resource("aws_s3_bucket", "data", {"bucket": "data"})

test_all_four_on_passes if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_s3_account_public_access_block", "this", all_on), bucket])
}

test_settings_off_are_one_finding if {
	res := rule.deny with input as testing.doc([testing.resource("aws_s3_account_public_access_block", "this", {"block_public_acls": true})])
	count(res) == 1
	some r in res
	r.status == "fail"
	r.attribute == "block_public_policy"
	contains(r.message.en, "block_public_policy, ignore_public_acls, restrict_public_buckets")
}

test_unknown_setting_is_inconclusive if {
	a := object.union(testing.resource("aws_s3_account_public_access_block", "this", object.remove(all_on, ["ignore_public_acls"])), {"unknown": {"ignore_public_acls": true}})
	res := rule.deny with input as testing.doc([a])
	count(res) == 1
	testing.has(res, "aws_s3_account_public_access_block.this", "inconclusive")
}

test_baseline_without_block_fails if {
	res := rule.deny with input as testing.doc([testing.resource("aws_iam_account_password_policy", "this", {}), bucket])
	count(res) == 1
	testing.has(res, "aws_s3_bucket.data", "fail")
}

test_baseline_without_block_or_buckets_fails_at_the_baseline if {
	res := rule.deny with input as testing.doc([testing.resource("aws_iam_account_password_policy", "this", {})])
	count(res) == 1
	testing.has(res, "aws_iam_account_password_policy.this", "fail")
}

test_workload_without_baseline_is_one_inconclusive if {
	other := testing.resource("aws_s3_bucket", "a_logs", {"bucket": "logs"})
	res := rule.deny with input as testing.doc([bucket, other])
	count(res) == 1
	testing.has(res, "aws_s3_bucket.a_logs", "inconclusive")
}

test_nothing_to_judge if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_sns_topic", "t", {})])
}
