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

in_part(statements, unknown) := testing.known_in_part(testing.resource("aws_s3_bucket_policy", "data", {}), "policy", statements, unknown)

test_other_account_known_in_part_fails if {
	st := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:PutBucketAcl", "Resource": null}
	res := cross_account_actions.deny with input as testing.doc([in_part([st], [{"Resource": true}])])
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

# An account known only after apply, restricted to the organisation (so
# not everyone): it may still be another account.
test_unknown_principal_with_a_protected_action_is_inconclusive if {
	st := {
		"Effect": "Allow", "Principal": {"AWS": null}, "Action": ["s3:PutObject", "s3:PutBucketPolicy"], "Resource": null,
		"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-bank"}},
	}
	res := cross_account_actions.deny with input as testing.doc([in_part([st], [{"Principal": {"AWS": true}, "Resource": true}])])
	testing.has(res, "aws_s3_bucket_policy.data", "inconclusive")
}

# Without the condition the unknown principal may be everyone: FG-S3-004's
# cause.
test_unknown_principal_that_may_be_everyone_is_left_to_s3_004 if {
	st := {"Effect": "Allow", "Principal": {"AWS": null}, "Action": "s3:PutBucketPolicy", "Resource": null}
	res := cross_account_actions.deny with input as testing.doc([in_part([st], [{"Principal": {"AWS": true}, "Resource": true}])])
	count(res) == 1
	some r in res
	r.status == "inconclusive"
	r.owner == "FG-S3-004"
}

test_known_account_with_unknown_actions_is_inconclusive if {
	st := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": null, "Resource": null}
	res := cross_account_actions.deny with input as testing.doc([in_part([st], [{"Action": true, "Resource": true}])])
	testing.has(res, "aws_s3_bucket_policy.data", "inconclusive")
}

test_unknown_principal_without_a_protected_action_passes if {
	st := {"Effect": "Allow", "Principal": {"AWS": null}, "Action": "s3:GetObject", "Resource": null}
	count(cross_account_actions.deny) == 0 with input as testing.doc([in_part([st], [{"Principal": {"AWS": true}, "Resource": true}])])
}

# A document known only after apply as a whole is FG-S3-004's cause.
test_unknown_document_is_left_to_s3_004 if {
	res := cross_account_actions.deny with input as testing.doc([in_part(null, true)])
	count(res) == 1
	some r in res
	r.owner == "FG-S3-004"
}

test_own_problem_and_no_owned_result if {
	known := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:PutBucketAcl", "Resource": null}
	public := {"Effect": "Allow", "Principal": {"AWS": null}, "Action": "s3:PutBucketPolicy", "Resource": null}
	res := cross_account_actions.deny with input as testing.doc([in_part([known, public], [{"Resource": true}, {"Principal": {"AWS": true}, "Resource": true}])])
	count(res) == 1
	some r in res
	r.status == "fail"
	not r.owner
}
