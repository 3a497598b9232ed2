package fiscguard.aws.vpc.unused_network_acl_test

import data.fiscguard.aws.vpc.unused_network_acl as rule
import data.fiscguard.lib.testing

acl := testing.resource("aws_network_acl", "private", {"vpc_id": "vpc-1"})

test_subnets_listed_pass if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_network_acl", "private", {"subnet_ids": ["subnet-1"]})])
}

test_association_passes if {
	assoc := object.union(testing.resource("aws_network_acl_association", "a", {}), {"refs": {"network_acl_id": ["aws_network_acl.private"]}})
	count(rule.deny) == 0 with input as testing.doc([acl, assoc])
}

test_unassociated_fails if {
	res := rule.deny with input as testing.doc([acl])
	count(res) == 1
	testing.has(res, "aws_network_acl.private", "fail")
}

test_subnets_known_after_apply_pass if {
	a := object.union(acl, {"unknown": {"subnet_ids": true}, "refs": {"subnet_ids": ["aws_subnet.a"]}})
	count(rule.deny) == 0 with input as testing.doc([a])
}

test_subnets_from_an_unresolved_reference_are_inconclusive if {
	a := object.union(acl, {"unknown": {"subnet_ids": true}, "unresolved": {"subnet_ids": ["local.subnets"]}})
	res := rule.deny with input as testing.doc([a])
	testing.has(res, "aws_network_acl.private", "inconclusive")
}
