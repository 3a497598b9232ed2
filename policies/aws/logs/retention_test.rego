package fiscguard.aws.logs.retention_test

import data.fiscguard.aws.logs.retention
import data.fiscguard.lib.testing

params := {"min_log_retention_days": 365}

group(days) := testing.resource("aws_cloudwatch_log_group", "app", {"name": "/bank/app", "retention_in_days": days})

test_short_retention_fails if {
	res := retention.deny with input as testing.doc([group(30)]) with data.fiscguard.params as params
	testing.has(res, "aws_cloudwatch_log_group.app", "fail")
}

test_long_retention_passes if {
	count(retention.deny) == 0 with input as testing.doc([group(400)]) with data.fiscguard.params as params
}

test_never_expire_passes if {
	count(retention.deny) == 0 with input as testing.doc([group(0)]) with data.fiscguard.params as params
}

test_strict_minimum_is_a_parameter if {
	res := retention.deny with input as testing.doc([group(400)]) with data.fiscguard.params as {"min_log_retention_days": 731}
	testing.has(res, "aws_cloudwatch_log_group.app", "fail")
}

test_deleted_group_is_not_checked if {
	count(retention.deny) == 0 with input as testing.doc([object.union(group(1), {"actions": ["delete"]})]) with data.fiscguard.params as params
}
