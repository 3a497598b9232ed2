package fiscguard.aws.elb.access_logs_test

import data.fiscguard.aws.elb.access_logs
import data.fiscguard.lib.testing

test_without_logs_fails if {
	b := testing.resource("aws_lb", "web", {"load_balancer_type": "application", "internal": false})
	res := access_logs.deny with input as testing.doc([b])
	testing.has(res, "aws_lb.web", "fail")
}

test_disabled_logs_fail if {
	b := testing.resource("aws_alb", "web", {"access_logs": [{"bucket": "bank-lb-logs", "enabled": false}]})
	res := access_logs.deny with input as testing.doc([b])
	testing.has(res, "aws_alb.web", "fail")
}

test_enabled_logs_pass if {
	b := testing.resource("aws_lb", "web", {"access_logs": [{"bucket": "bank-lb-logs", "enabled": true}]})
	count(access_logs.deny) == 0 with input as testing.doc([b])
}

test_deleted_lb_is_not_checked if {
	b := object.union(testing.resource("aws_lb", "web", {}), {"actions": ["delete"]})
	count(access_logs.deny) == 0 with input as testing.doc([b])
}
