package fiscguard.aws.ec2.default_security_group_test

import data.fiscguard.aws.ec2.default_security_group
import data.fiscguard.lib.testing

test_closed_group_passes if {
	g := testing.resource("aws_default_security_group", "main", {"ingress": [], "egress": []})
	count(default_security_group.deny) == 0 with input as testing.doc([g])
}

test_group_with_rules_fails if {
	g := testing.resource("aws_default_security_group", "main", {
		"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "self": true}],
		"egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}],
	})
	res := default_security_group.deny with input as testing.doc([g])
	count(res) == 1
	some r in res
	r.status == "fail"
	r.attributes == ["egress", "ingress"]
}

test_dynamic_rules_are_inconclusive if {
	g := object.union(testing.resource("aws_default_security_group", "main", {}), {"unknown": {"ingress": true}, "refs": {"ingress": ["aws_vpc.main"]}})
	res := default_security_group.deny with input as testing.doc([g])
	testing.has(res, "aws_default_security_group.main", "inconclusive")
}

test_deleted_group_is_not_checked if {
	g := object.union(testing.resource("aws_default_security_group", "main", {"ingress": [{"protocol": "-1"}]}), {"actions": ["delete"]})
	count(default_security_group.deny) == 0 with input as testing.doc([g])
}
