package fiscguard.aws.securityhub.standards_test

import data.fiscguard.aws.securityhub.standards as rule
import data.fiscguard.lib.testing

hub(values) := testing.resource("aws_securityhub_account", "this", values)

baseline := testing.resource("aws_guardduty_detector", "this", {})

test_default_standards_pass if {
	count(rule.deny) == 0 with input as testing.doc([baseline, hub({})])
}

test_no_standard_fails if {
	testing.has(rule.deny, "aws_securityhub_account.this", "fail") with input as testing.doc([hub({"enable_default_standards": false})])
}

test_subscription_passes if {
	sub := testing.resource("aws_securityhub_standards_subscription", "fsbp", {"standards_arn": "arn:aws:securityhub:ap-northeast-1::standards/aws-foundational-security-best-practices/v/1.0.0"})
	count(rule.deny) == 0 with input as testing.doc([hub({"enable_default_standards": false}), sub])
}

test_baseline_without_security_hub_fails if {
	testing.has(rule.deny, "aws_guardduty_detector.this", "fail") with input as testing.doc([baseline])
}

test_workload_is_not_judged if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_s3_bucket", "b", {})])
}
