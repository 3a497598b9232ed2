package fiscguard.lib.aws.network_test

import data.fiscguard.lib.aws.network
import data.fiscguard.lib.testing

group := object.union(testing.resource("aws_security_group", "web", {"ingress": [
	{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]},
	{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": []},
	{"protocol": "tcp", "from_port": "22", "to_port": "22", "cidr_blocks": null, "ipv6_cidr_blocks": []},
]}), {"unknown": {"ingress": [{}, {}, {"cidr_blocks": true}]}})

group_rule := testing.resource("aws_security_group_rule", "ssh", {"type": "ingress", "protocol": "TCP", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]})

egress_rule := testing.resource("aws_security_group_rule", "out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})

vpc_rule := testing.resource("aws_vpc_security_group_ingress_rule", "any", {"ip_protocol": "-1", "cidr_ipv6": "::/0", "from_port": null, "to_port": null})

by_place := {sprintf("%s/%s", [r.resource.address, r.path]): r |
	some r in network.ingress_rules with input as testing.doc([group, group_rule, egress_rule, vpc_rule])
}

test_every_shape_is_read if {
	object.keys(by_place) == {
		"aws_security_group.web/ingress[0]", "aws_security_group.web/ingress[1]", "aws_security_group.web/ingress[2]",
		"aws_security_group_rule.ssh/", "aws_vpc_security_group_ingress_rule.any/",
	}
}

test_open_sources_name_their_attribute if {
	by_place["aws_security_group.web/ingress[0]"].open == [
		{"attribute": "ingress[0].cidr_blocks", "cidr": "0.0.0.0/0"},
		{"attribute": "ingress[0].ipv6_cidr_blocks", "cidr": "::/0"},
	]
	by_place["aws_security_group.web/ingress[1]"].open == []
	by_place["aws_security_group_rule.ssh/"].open == [{"attribute": "cidr_blocks", "cidr": "0.0.0.0/0"}]
	by_place["aws_vpc_security_group_ingress_rule.any/"].open == [{"attribute": "cidr_ipv6", "cidr": "::/0"}]
}

test_unknown_sources if {
	by_place["aws_security_group.web/ingress[2]"].unknown == ["ingress[2].cidr_blocks"]
	by_place["aws_security_group.web/ingress[0]"].unknown == []
}

# A list of sources known in part (cidr_blocks = [var.admin_cidr] in HCL,
# whose plan may mark the whole list) is an unknown source, in every shape.
test_sources_known_in_part_are_unknown if {
	sg := object.union(
		testing.resource("aws_security_group", "g", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8", null]}]}),
		{"unknown": {"ingress": [{"cidr_blocks": [false, true]}]}},
	)
	rule := object.union(
		testing.resource("aws_security_group_rule", "r", {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [null]}),
		{"unknown": {"cidr_blocks": [true]}},
	)
	rules := network.ingress_rules with input as testing.doc([sg, rule])
	[r.unknown | some r in rules] == [["ingress[0].cidr_blocks"], ["cidr_blocks"]]
}

test_ports_without if {
	network.ports_without({"protocol": "tcp", "from_port": 20, "to_port": 25}, [22, 3389]) == [[20, 21], [23, 25]]
	network.ports_without({"protocol": "tcp", "from_port": 20, "to_port": 25}, [20, 21, 22, 23, 25]) == [[24, 24]]
	network.ports_without({"protocol": "tcp", "from_port": 22, "to_port": 22}, [22]) == []
	network.ports_without({"protocol": "tcp", "from_port": 80, "to_port": 443}, [22]) == [[80, 443]]
	network.ports_without({"protocol": "-1", "from_port": 0, "to_port": 0}, [3389, 22]) == [[0, 21], [23, 3388], [3390, 65535]]
	not network.ports_without({"protocol": "icmp", "from_port": 8, "to_port": 0}, [22])
}

test_ports_and_protocols_are_normalised if {
	r := by_place["aws_security_group.web/ingress[2]"]
	r.from_port == 22
	r.to_port == 22
	by_place["aws_security_group_rule.ssh/"].protocol == "tcp"
	by_place["aws_vpc_security_group_ingress_rule.any/"].protocol == "-1"
	by_place["aws_vpc_security_group_ingress_rule.any/"].from_port == null
}

test_ports_convert_as_terraform_converts_them if {
	every written in ["22", "+22", "22.0", 22] {
		r := testing.resource("aws_vpc_security_group_ingress_rule", "ssh", {"ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0", "from_port": written, "to_port": written})
		some rule in network.ingress_rules with input as testing.doc([r])
		rule.from_port == 22
		rule.to_port == 22
	}
	r := testing.resource("aws_vpc_security_group_ingress_rule", "ssh", {"ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0", "from_port": "ssh", "to_port": "ssh"})
	some rule in network.ingress_rules with input as testing.doc([r])
	rule.from_port == null
}

test_reached if {
	network.reached(by_place["aws_security_group.web/ingress[0]"], [22, 443]) == [443]
	network.reached(by_place["aws_security_group.web/ingress[1]"], [22, 3389]) == [22, 3389]
	network.reached(by_place["aws_security_group.web/ingress[2]"], [22, 3389]) == [22]
	network.reached(by_place["aws_vpc_security_group_ingress_rule.any/"], [3389, 22]) == [3389, 22]
	network.reached({"protocol": "tcp", "from_port": 20, "to_port": 25}, [20, 22, 80, 25]) == [20, 22, 25]
	network.reached({"protocol": "icmp", "from_port": 0, "to_port": 65535}, [22]) == []
	network.reached({"protocol": "tcp", "from_port": 80, "to_port": 80}, [22, 443]) == []
	network.reached({"protocol": "6", "from_port": 22, "to_port": 22}, [3389, 22]) == [22]
	network.reached({"protocol": "tcp", "from_port": null, "to_port": 22}, [22]) == []
}

test_single_port if {
	network.single_port(by_place["aws_security_group.web/ingress[0]"])
	not network.single_port(by_place["aws_security_group.web/ingress[1]"])
	not network.single_port({"protocol": "tcp", "from_port": 80, "to_port": 443})
}

test_is_open_cidr if {
	network.is_open_cidr("0.0.0.0/0")
	network.is_open_cidr("::/0")
	not network.is_open_cidr("10.0.0.0/8")
}
