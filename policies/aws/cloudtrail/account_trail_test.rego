package fiscguard.aws.cloudtrail.account_trail_test

import data.fiscguard.aws.cloudtrail.account_trail as rule
import data.fiscguard.lib.testing

policy := testing.resource("aws_iam_account_password_policy", "this", {})

org := testing.resource("aws_organizations_organization", "this", {})

test_baseline_with_a_trail_passes if {
	count(rule.deny) == 0 with input as testing.doc([policy, testing.resource("aws_cloudtrail", "main", {})])
}

test_organisation_baseline_without_a_trail_fails if {
	res := rule.deny with input as testing.doc([policy, org])
	count(res) == 1
	testing.has(res, "aws_iam_account_password_policy.this", "fail")
}

test_member_baseline_without_a_trail_is_inconclusive if {
	res := rule.deny with input as testing.doc([policy])
	testing.has(res, "aws_iam_account_password_policy.this", "inconclusive")
}

test_workload_is_not_judged if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_s3_bucket", "b", {})])
}
