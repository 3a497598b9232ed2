package fiscguard.aws.ec2.unused_security_group_test

import data.fiscguard.aws.ec2.unused_security_group as rule
import data.fiscguard.lib.testing

sg := testing.resource("aws_security_group", "app", {"name": "app"})

refer(r, attr, target) := object.union(r, {"refs": {attr: [target]}})

test_attached_group_passes if {
	count(rule.deny) == 0 with input as testing.doc([sg, refer(testing.resource("aws_instance", "app", {}), "vpc_security_group_ids", "aws_security_group.app")])
}

test_group_with_only_rules_fails if {
	ingress := refer(testing.resource("aws_vpc_security_group_ingress_rule", "https", {}), "security_group_id", "aws_security_group.app")
	other := refer(testing.resource("aws_security_group", "lb", {}), "ingress", "aws_security_group.app")
	res := rule.deny with input as testing.doc([sg, ingress, other])
	testing.has(res, "aws_security_group.app", "fail")
}

test_unused_group_fails if {
	res := rule.deny with input as testing.doc([sg])
	count(res) == 1
	testing.has(res, "aws_security_group.app", "fail")
}
