# METADATA
# title: Network helpers
# description: |
#   Open CIDRs, and the ingress rules of security groups in the three shapes
#   Terraform writes them: inline ingress blocks of aws_security_group,
#   aws_security_group_rule of type ingress, and
#   aws_vpc_security_group_ingress_rule. Policies judge ingress_rules and
#   never walk the shapes themselves.
package fiscguard.lib.aws.network

import data.fiscguard.lib

# is_open_cidr is true for a CIDR that admits the whole internet.
is_open_cidr(c) if c in {"0.0.0.0/0", "::/0"}

# ingress_rules lists every ingress rule of the checked resources, as
#
#	resource:  the resource that holds the rule
#	path:      the rule's attribute path in it ("ingress[0]", or "" when the
#	           resource is the rule)
#	protocol:  the protocol in lower case ("tcp", "6", "-1", ...)
#	from_port, to_port: numbers (a numeric string is read as its number),
#	           or null when absent
#	open:      the rule's sources that admit the whole internet, each
#	           {"attribute": path, "cidr": ...}
#	unknown:   the attribute paths of sources not wholly known until apply
#	           (a list of CIDRs with one known only after apply is one)
ingress_rules := array.concat(array.concat(_inline, _group_rules), _vpc_rules)

_inline := [_rule(sg, ["ingress", i], rule, _list_sources) |
	some sg in lib.resources("aws_security_group")
	some i, rule in fiscguard.value(sg, "ingress", [])
]

_group_rules := [_rule(r, [], r.values, _list_sources) |
	some r in lib.resources("aws_security_group_rule")
	fiscguard.value(r, "type", "") == "ingress"
]

_vpc_rules := [_rule(r, [], object.union(r.values, {"protocol": fiscguard.value(r, "ip_protocol", null)}), _single_sources) |
	some r in lib.resources("aws_vpc_security_group_ingress_rule")
]

_list_sources := ["cidr_blocks", "ipv6_cidr_blocks"]

_single_sources := ["cidr_ipv4", "cidr_ipv6"]

# _rule describes the rule at path at (an array; [] for the resource itself)
# in r, whose arguments are rule.
_rule(r, at, rule, sources) := {
	"resource": r,
	"path": path,
	"protocol": lower(sprintf("%v", [object.get(rule, "protocol", "")])),
	"from_port": _port(object.get(rule, "from_port", null)),
	"to_port": _port(object.get(rule, "to_port", null)),
	"open": [{"attribute": _join(path, attr), "cidr": cidr} |
		some attr in sources
		some cidr in lib.as_array(object.get(rule, attr, []))
		is_open_cidr(cidr)
	],
	"unknown": [_join(path, attr) |
		some attr in sources
		fiscguard.unknown(r, array.concat(at, [attr]))
	],
} if {
	path := _path_text(at)
}

_path_text([]) := ""

_path_text([block, i]) := sprintf("%s[%d]", [block, i])

_join("", attr) := attr

_join(path, attr) := sprintf("%s.%s", [path, attr]) if path != ""

# _port is a port as Terraform converts it to a number ("22", "+22" and
# "22.0" are 22), null where it is not one.
_port(v) := n if {
	n := lib.as_number(v)
} else := null

# all_protocols is true for a rule that admits every protocol (and so every port).
all_protocols(rule) if rule.protocol in {"-1", "all"}

# port_protocol is true for a rule whose protocol has ports (TCP or UDP).
port_protocol(rule) if rule.protocol in {"tcp", "6", "udp", "17"}

# reached returns the ports of the list given that rule admits traffic to,
# in their order: one call for a list, not one per port. Most rules open
# one port, which is looked up rather than compared with each of the list.
reached(rule, ports) := ports if {
	all_protocols(rule)
} else := [rule.from_port] if {
	single_port(rule)
	rule.from_port in ports
} else := [] if {
	single_port(rule)
} else := [p |
	some p in ports
	rule.from_port <= p
	p <= rule.to_port
] if {
	port_protocol(rule)
	is_number(rule.from_port)
	is_number(rule.to_port)
} else := []

# single_port is true for a port rule that opens exactly one port.
single_port(rule) if {
	port_protocol(rule)
	is_number(rule.from_port)
	rule.from_port == rule.to_port
}

# ports_without returns the port ranges, as [from, to] pairs in order, that
# rule opens besides the ports listed: its from_port-to_port range cut at
# each of them, or for a rule that admits all protocols, every port
# (0-65535) cut likewise.
ports_without(rule, ports) := _cut(0, 65535, ports) if {
	all_protocols(rule)
} else := _cut(rule.from_port, rule.to_port, ports) if {
	port_protocol(rule)
	is_number(rule.from_port)
	is_number(rule.to_port)
}

_cut(from, to, ports) := [[lo, hi] |
	some i in numbers.range(0, count(bounds) - 2)
	lo := bounds[i] + 1
	hi := bounds[i + 1] - 1
	lo <= hi
] if {
	inside := sort({p | some p in ports; from <= p; p <= to})
	bounds := array.concat(array.concat([from - 1], inside), [to + 1])
}
