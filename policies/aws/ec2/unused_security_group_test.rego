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

test_group_a_root_output_exports_is_inconclusive if {
	doc := object.union(testing.doc([sg]), {"outputs": {"app_sg_id": ["aws_security_group.app"], "vpc_id": []}})
	res := rule.deny with input as doc
	count(res) == 1
	testing.has(res, "aws_security_group.app", "inconclusive")
	some r in res
	contains(r.message.en, "output app_sg_id")
}

test_output_of_another_group_leaves_this_one_failing if {
	doc := object.union(testing.doc([sg]), {"outputs": {"lb_sg_id": ["aws_security_group.lb"]}})
	res := rule.deny with input as doc
	testing.has(res, "aws_security_group.app", "fail")
}
