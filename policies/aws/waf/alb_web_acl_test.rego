package fiscguard.aws.waf.alb_web_acl_test

import data.fiscguard.aws.waf.alb_web_acl
import data.fiscguard.lib.testing

public_lb := testing.resource("aws_lb", "web", {"internal": false, "load_balancer_type": "application"})

association := object.union(testing.resource("aws_wafv2_web_acl_association", "web", {}), {"refs": {"resource_arn": ["aws_lb.web"], "web_acl_arn": ["aws_wafv2_web_acl.main"]}})

test_public_alb_without_waf_fails if {
	res := alb_web_acl.deny with input as testing.doc([public_lb])
	testing.has(res, "aws_lb.web", "fail")
}

test_public_alb_with_waf_passes if {
	count(alb_web_acl.deny) == 0 with input as testing.doc([public_lb, association])
}

test_internal_alb_passes if {
	count(alb_web_acl.deny) == 0 with input as testing.doc([testing.resource("aws_lb", "web", {"internal": true})])
}

test_network_lb_passes if {
	count(alb_web_acl.deny) == 0 with input as testing.doc([testing.resource("aws_lb", "web", {"internal": false, "load_balancer_type": "network"})])
}

test_deleted_lb_is_not_checked if {
	count(alb_web_acl.deny) == 0 with input as testing.doc([object.union(public_lb, {"actions": ["delete"]})])
}
