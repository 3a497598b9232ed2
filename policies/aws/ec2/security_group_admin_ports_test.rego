package fiscguard.aws.ec2.security_group_admin_ports_test

import data.fiscguard.aws.ec2.security_group_admin_ports as sg
import data.fiscguard.lib.testing

params := {"admin_ports": [22, 3389]}

ingress(from, to, protocol, v4, v6) := {
	"from_port": from,
	"to_port": to,
	"protocol": protocol,
	"cidr_blocks": v4,
	"ipv6_cidr_blocks": v6,
	"description": "",
	"prefix_list_ids": [],
	"security_groups": [],
	"self": false,
}

group(rules) := testing.resource("aws_security_group", "bastion", {"name": "bastion", "ingress": rules})

test_ssh_open_to_world_fails if {
	res := sg.deny with input as testing.doc([group([ingress(22, 22, "tcp", ["0.0.0.0/0"], [])])])
		with data.fiscguard.params as params
	some r in res
	r.resource == "aws_security_group.bastion"
	r.status == "fail"
	r.attribute == "ingress[0].cidr_blocks"
}

test_rdp_open_to_ipv6_world_in_second_block_fails if {
	rules := [ingress(443, 443, "tcp", ["0.0.0.0/0"], []), ingress(3389, 3389, "tcp", [], ["::/0"])]
	res := sg.deny with input as testing.doc([group(rules)]) with data.fiscguard.params as params
	some r in res
	r.attribute == "ingress[1].ipv6_cidr_blocks"
	count(res) == 1
}

test_all_protocols_open_to_world_fails if {
	res := sg.deny with input as testing.doc([group([ingress(0, 0, "-1", ["0.0.0.0/0"], [])])])
		with data.fiscguard.params as params
	testing.has(res, "aws_security_group.bastion", "fail")
}

test_port_range_covering_ssh_fails if {
	res := sg.deny with input as testing.doc([group([ingress(0, 1024, "tcp", ["10.0.0.0/8", "0.0.0.0/0"], [])])])
		with data.fiscguard.params as params
	testing.has(res, "aws_security_group.bastion", "fail")
}

test_https_open_to_world_passes if {
	count(sg.deny) == 0 with input as testing.doc([group([ingress(443, 443, "tcp", ["0.0.0.0/0"], ["::/0"])])])
		with data.fiscguard.params as params
}

test_ssh_from_private_network_passes if {
	count(sg.deny) == 0 with input as testing.doc([group([ingress(22, 22, "tcp", ["10.20.0.0/16"], [])])])
		with data.fiscguard.params as params
}

test_unknown_source_is_inconclusive if {
	g := object.union(group([ingress(22, 22, "tcp", null, [])]), {"unknown": {"ingress": [{"cidr_blocks": true}]}})
	res := sg.deny with input as testing.doc([g]) with data.fiscguard.params as params
	testing.has(res, "aws_security_group.bastion", "inconclusive")
	not testing.has(res, "aws_security_group.bastion", "fail")
}

# cidr_blocks = [var.admin_cidr] with no value: HCL knows the list in part.
test_source_list_known_in_part_is_inconclusive if {
	g := object.union(group([ingress(22, 22, "tcp", [null], [])]), {"unknown": {"ingress": [{"cidr_blocks": [true]}]}})
	res := sg.deny with input as testing.doc([g]) with data.fiscguard.params as params
	count(res) == 1
	some r in res
	r.status == "inconclusive"
	r.attribute == "ingress[0].cidr_blocks"
}

# A known open CIDR beside an unknown one fails.
test_open_source_beside_an_unknown_one_fails if {
	g := object.union(group([ingress(22, 22, "tcp", ["0.0.0.0/0", null], [])]), {"unknown": {"ingress": [{"cidr_blocks": [false, true]}]}})
	res := sg.deny with input as testing.doc([g]) with data.fiscguard.params as params
	testing.has(res, "aws_security_group.bastion", "fail")
}

# A source group known only after apply is not an internet source, and
# leaves the rules known.
test_unknown_source_group_passes if {
	rule := object.union(ingress(22, 22, "tcp", [], []), {"security_groups": [null]})
	g := object.union(group([rule]), {"unknown": {"ingress": [{"security_groups": [true]}]}})
	count(sg.deny) == 0 with input as testing.doc([g]) with data.fiscguard.params as params
}

test_dynamic_ingress_known_after_apply_is_inconclusive if {
	g := object.union(testing.resource("aws_security_group", "bastion", {"name": "bastion"}), {
		"unknown": {"ingress": true},
		"refs": {"ingress": ["aws_vpc.main"]},
	})
	res := sg.deny with input as testing.doc([g]) with data.fiscguard.params as params
	testing.has(res, "aws_security_group.bastion", "inconclusive")
}

# The plan loader drops the marker of ingress computed from separate rules.
test_group_with_separate_rules_passes if {
	g := testing.resource("aws_security_group", "app", {"name": "app"})
	count(sg.deny) == 0 with input as testing.doc([g]) with data.fiscguard.params as params
}

test_strict_ports_include_winrm if {
	res := sg.deny with input as testing.doc([group([ingress(5985, 5986, "tcp", ["0.0.0.0/0"], [])])])
		with data.fiscguard.params as {"admin_ports": [22, 23, 3389, 5985, 5986]}
	testing.has(res, "aws_security_group.bastion", "fail")
}

test_security_group_rule_fails if {
	r := testing.resource("aws_security_group_rule", "ssh", {
		"type": "ingress", "from_port": 22, "to_port": 22, "protocol": "tcp",
		"cidr_blocks": ["0.0.0.0/0"], "security_group_id": "sg-0123456789abcdef0",
	})
	res := sg.deny with input as testing.doc([r]) with data.fiscguard.params as params
	some f in res
	f.resource == "aws_security_group_rule.ssh"
	f.attribute == "cidr_blocks"
}

test_egress_security_group_rule_passes if {
	r := testing.resource("aws_security_group_rule", "out", {
		"type": "egress", "from_port": 0, "to_port": 0, "protocol": "-1",
		"cidr_blocks": ["0.0.0.0/0"],
	})
	count(sg.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_vpc_ingress_rule_all_traffic_fails if {
	r := testing.resource("aws_vpc_security_group_ingress_rule", "any", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0", "from_port": null, "to_port": null})
	res := sg.deny with input as testing.doc([r]) with data.fiscguard.params as params
	some f in res
	f.resource == "aws_vpc_security_group_ingress_rule.any"
	f.attribute == "cidr_ipv4"
}

test_vpc_ingress_rule_rdp_ipv6_fails if {
	r := testing.resource("aws_vpc_security_group_ingress_rule", "rdp", {"ip_protocol": "tcp", "cidr_ipv6": "::/0", "from_port": 3389, "to_port": 3389})
	res := sg.deny with input as testing.doc([r]) with data.fiscguard.params as params
	testing.has(res, "aws_vpc_security_group_ingress_rule.rdp", "fail")
}

test_vpc_ingress_rule_https_passes if {
	r := testing.resource("aws_vpc_security_group_ingress_rule", "https", {"ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0", "from_port": 443, "to_port": 443})
	count(sg.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_deleted_group_is_not_checked if {
	g := object.union(group([ingress(22, 22, "tcp", ["0.0.0.0/0"], [])]), {"actions": ["delete"]})
	count(sg.deny) == 0 with input as testing.doc([g]) with data.fiscguard.params as params
}

test_every_open_admin_rule_of_a_group_is_one_finding if {
	rules := [ingress(22, 22, "tcp", ["0.0.0.0/0"], ["::/0"]), ingress(443, 443, "tcp", ["0.0.0.0/0"], []), ingress(3389, 3389, "tcp", ["0.0.0.0/0"], [])]
	res := sg.deny with input as testing.doc([group(rules)]) with data.fiscguard.params as params
	count(res) == 1
	some r in res
	r.status == "fail"
	r.attributes == ["ingress[0].cidr_blocks", "ingress[0].ipv6_cidr_blocks", "ingress[2].cidr_blocks"]
	r.attribute == "ingress[0].cidr_blocks"
	r.message.en == "aws_security_group.bastion admits the internet to administration ports: 0.0.0.0/0 on port 22 (ingress[0].cidr_blocks); ::/0 on port 22 (ingress[0].ipv6_cidr_blocks); 0.0.0.0/0 on port 3389 (ingress[2].cidr_blocks)"
}

test_failure_and_unknown_source_are_one_failing_finding if {
	g := object.union(group([ingress(22, 22, "tcp", ["0.0.0.0/0"], []), ingress(3389, 3389, "tcp", null, [])]), {"unknown": {"ingress": [{}, {"cidr_blocks": true}]}})
	res := sg.deny with input as testing.doc([g]) with data.fiscguard.params as params
	count(res) == 1
	testing.has(res, "aws_security_group.bastion", "fail")
}
