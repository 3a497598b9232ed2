package fiscguard.aws.s3.cross_account_actions_test

import data.fiscguard.aws.s3.cross_account_actions
import data.fiscguard.lib.testing

policy(principal, action) := testing.resource("aws_s3_bucket_policy", "data", {"policy": json.marshal({
	"Version": "2012-10-17",
	"Statement": [{"Effect": "Allow", "Principal": {"AWS": principal}, "Action": action, "Resource": "arn:aws:s3:::bank-data"}],
})})

params := {"trusted_accounts": ["111122223333"]}

test_other_account_put_policy_fails if {
	res := cross_account_actions.deny with input as testing.doc([policy("arn:aws:iam::444455556666:root", "s3:PutBucketPolicy")])
		with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

test_wildcard_action_fails if {
	res := cross_account_actions.deny with input as testing.doc([policy(["arn:aws:iam::444455556666:role/vendor"], ["s3:Put*"])])
		with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

test_read_only_grant_passes if {
	count(cross_account_actions.deny) == 0 with input as testing.doc([policy("arn:aws:iam::444455556666:root", ["s3:GetObject", "s3:ListBucket"])])
		with data.fiscguard.params as params
}

test_trusted_account_passes if {
	count(cross_account_actions.deny) == 0 with input as testing.doc([policy("arn:aws:iam::111122223333:role/admin", "s3:*")])
		with data.fiscguard.params as params
}

test_deleted_policy_is_not_checked if {
	p := object.union(policy("arn:aws:iam::444455556666:root", "s3:*"), {"actions": ["delete"]})
	count(cross_account_actions.deny) == 0 with input as testing.doc([p]) with data.fiscguard.params as params
}
