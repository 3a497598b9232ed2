package fiscguard.aws.ec2.security_group_public_ports_test

import data.fiscguard.aws.ec2.security_group_public_ports
import data.fiscguard.lib.testing

params := {"public_ports": [80, 443]}

sg(rules) := testing.resource("aws_security_group", "web", {"ingress": rules})

rule(from, to, proto, cidr) := {"from_port": from, "to_port": to, "protocol": proto, "cidr_blocks": [cidr], "ipv6_cidr_blocks": []}

test_https_to_world_passes if {
	count(security_group_public_ports.deny) == 0 with input as testing.doc([sg([rule(443, 443, "tcp", "0.0.0.0/0")])])
		with data.fiscguard.params as params
}

test_other_port_to_world_fails if {
	res := security_group_public_ports.deny with input as testing.doc([sg([rule(8080, 8080, "tcp", "0.0.0.0/0")])])
		with data.fiscguard.params as params
	testing.has(res, "aws_security_group.web", "fail")
}

test_range_covering_approved_ports_fails if {
	res := security_group_public_ports.deny with input as testing.doc([sg([rule(80, 443, "tcp", "0.0.0.0/0")])])
		with data.fiscguard.params as params
	testing.has(res, "aws_security_group.web", "fail")
}

test_all_protocols_to_world_fails if {
	res := security_group_public_ports.deny with input as testing.doc([sg([rule(0, 0, "-1", "0.0.0.0/0")])])
		with data.fiscguard.params as params
	testing.has(res, "aws_security_group.web", "fail")
}

test_internal_source_passes if {
	count(security_group_public_ports.deny) == 0 with input as testing.doc([sg([rule(5432, 5432, "tcp", "10.0.0.0/8")])])
		with data.fiscguard.params as params
}

test_icmp_is_not_judged if {
	count(security_group_public_ports.deny) == 0 with input as testing.doc([sg([rule(8, 0, "icmp", "0.0.0.0/0")])])
		with data.fiscguard.params as params
}

test_standalone_rules if {
	r1 := testing.resource("aws_security_group_rule", "mq", {"type": "ingress", "from_port": 5671, "to_port": 5671, "protocol": "tcp", "ipv6_cidr_blocks": ["::/0"]})
	r2 := testing.resource("aws_vpc_security_group_ingress_rule", "http", {"ip_protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_ipv4": "0.0.0.0/0"})
	r3 := testing.resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	res := security_group_public_ports.deny with input as testing.doc([r1, r2, r3]) with data.fiscguard.params as params
	testing.has(res, "aws_security_group_rule.mq", "fail")
	testing.has(res, "aws_vpc_security_group_ingress_rule.all", "fail")
	not testing.has(res, "aws_vpc_security_group_ingress_rule.http", "fail")
}

test_deleted_group_is_not_checked if {
	g := object.union(sg([rule(8080, 8080, "tcp", "0.0.0.0/0")]), {"actions": ["delete"]})
	count(security_group_public_ports.deny) == 0 with input as testing.doc([g]) with data.fiscguard.params as params
}

# An administration port open to the internet is FG-EC2-001's cause only;
# the other ports of the same rule are this rule's.
test_admin_ports_are_left_to_ec2_001_and_the_other_ports_reported if {
	p := {"public_ports": [80, 443], "admin_ports": [22, 3389]}
	rules := [rule(22, 22, "tcp", "0.0.0.0/0"), rule(0, 0, "-1", "0.0.0.0/0"), rule(20, 25, "tcp", "0.0.0.0/0"), rule(8080, 8080, "tcp", "0.0.0.0/0")]
	res := security_group_public_ports.deny with input as testing.doc([sg(rules)]) with data.fiscguard.params as p
	reported := [r | some r in res; not r.owner]
	count(reported) == 1
	reported[0].attributes == ["ingress[1].cidr_blocks", "ingress[2].cidr_blocks", "ingress[3].cidr_blocks"]
	contains(reported[0].message.en, "all ports but 22, 3389 to 0.0.0.0/0 (ingress[1].cidr_blocks)")
	contains(reported[0].message.en, "ports 20-21, 23-25 to 0.0.0.0/0 (ingress[2].cidr_blocks)")
	contains(reported[0].message.en, "port 8080 to 0.0.0.0/0 (ingress[3].cidr_blocks)")
	contains(reported[0].message.ja, "ポート20-21、23-25を 0.0.0.0/0 に")
	contains(reported[0].message.ja, "22、3389以外の全ポートを 0.0.0.0/0 に")

	# This rule's failure on the administration ports, kept for pass records under FG-EC2-001.
	owned := [r | some r in res; r.owner == "FG-EC2-001"]
	count(owned) == 1
	owned[0].status == "fail"
	owned[0].attributes == ["ingress[0].cidr_blocks", "ingress[1].cidr_blocks", "ingress[2].cidr_blocks"]
	contains(owned[0].message.en, "port 22 to 0.0.0.0/0 (ingress[2].cidr_blocks)")
}

# Ranges that hold only administration ports leave nothing to this rule
# but its verdict; the strict list splits 20-25 differently.
test_split_follows_the_admin_ports_in_force if {
	strict := {"public_ports": [80, 443], "admin_ports": [20, 21, 22, 23, 25]}
	res := security_group_public_ports.deny with input as testing.doc([sg([rule(20, 25, "tcp", "0.0.0.0/0")])]) with data.fiscguard.params as strict
	reported := [r | some r in res; not r.owner]
	count(reported) == 1
	contains(reported[0].message.en, "port 24 to 0.0.0.0/0")

	only_admin := security_group_public_ports.deny with input as testing.doc([sg([rule(20, 23, "tcp", "0.0.0.0/0")])]) with data.fiscguard.params as strict
	[r.owner | some r in only_admin] == ["FG-EC2-001"]
}

# A source known only after apply on a port that is not approved is
# inconclusive, not a pass; on administration ports it is FG-EC2-001's.
test_unknown_source_on_other_ports_is_inconclusive if {
	p := {"public_ports": [80, 443], "admin_ports": [22, 3389]}
	g := object.union(sg([object.union(rule(20, 25, "tcp", null), {"cidr_blocks": [null]})]), {"unknown": {"ingress": [{"cidr_blocks": [true]}]}})
	res := security_group_public_ports.deny with input as testing.doc([g]) with data.fiscguard.params as p
	reported := [r | some r in res; not r.owner]
	count(reported) == 1
	reported[0].status == "inconclusive"
	contains(reported[0].message.en, "ports 20-21, 23-25 (ingress[0].cidr_blocks) is known only after apply")
	[r.status | some r in res; r.owner == "FG-EC2-001"] == ["inconclusive"]
}

test_unknown_source_on_an_approved_port_passes if {
	g := object.union(sg([object.union(rule(443, 443, "tcp", null), {"cidr_blocks": [null]})]), {"unknown": {"ingress": [{"cidr_blocks": [true]}]}})
	count(security_group_public_ports.deny) == 0 with input as testing.doc([g]) with data.fiscguard.params as params
}

# Ports written as strings (HCL without the provider's schema) read as numbers.
test_string_ports_are_numbers_in_the_message if {
	res := security_group_public_ports.deny with input as testing.doc([sg([rule("8080", "8080", "tcp", "0.0.0.0/0")])])
		with data.fiscguard.params as params
	some r in res
	contains(r.message.en, "port 8080 to 0.0.0.0/0")
	not contains(r.message.en, "%!")
}
