# METADATA
# title: Security groups do not open administration ports to the internet
# description: |
#   SSH or RDP reachable from 0.0.0.0/0 or ::/0 invites password guessing and
#   exploitation of the remote-access service from anywhere. FISC expects
#   externally reachable systems to be kept to a minimum (実15) and intrusion to
#   be prevented (実14); AWS maps its restricted-SSH and restricted-common-ports
#   controls to these items. Checked in aws_security_group ingress blocks,
#   aws_security_group_rule and aws_vpc_security_group_ingress_rule; the ports
#   are the admin_ports parameter, and protocol "-1" means every port.
# custom:
#   id: FG-EC2-001
#   severity: critical
#   fisc: ["実15", "実14"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実15": "aws-blea-ct:AWS-GR_RESTRICTED_SSH, AWS-GR_RESTRICTED_COMMON_PORTS, SH.EC2.19", "実14": "aws-blea-ct:SH.EC2.18 (internet ingress only on authorised ports)", "運110": "derived:an administration port open to the internet is a direct path to the systems holding the data in use"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   title_ja: セキュリティグループで管理用ポートをインターネットに開放しない
#   description_ja: |
#     SSHやRDPが 0.0.0.0/0 や ::/0 から到達できると、どこからでもパスワード推測や遠隔接続サービスの脆弱性を突く攻撃を受けるおそれがある。
#     FISCは外部から接続できる機器の最小化（実15）と不正侵入の防止（実14）を求めており、AWSはSSHと主要ポートの制限に関する統制をこれらの項目に対応付けている。
#     aws_security_group の ingress ブロック、aws_security_group_rule、aws_vpc_security_group_ingress_rule を検査する。対象ポートはパラメータ admin_ports で、プロトコル "-1" はすべてのポートを意味する。
#   remediation: Limit the rule's source to known networks (for example the office or a bastion's security group), or use AWS Systems Manager Session Manager instead of opening SSH or RDP.
#   remediation_ja: ルールの送信元を既知のネットワーク（社内拠点や踏み台のセキュリティグループなど）に限定するか、SSHやRDPを開放せずに AWS Systems Manager Session Manager を使う。
package fiscguard.aws.ec2.security_group_admin_ports

import data.fiscguard.lib

# Inline ingress blocks of aws_security_group.
deny contains lib.fail(
	sg, sprintf("ingress[%d].%s", [i, attr]),
	sprintf("Security group %s admits %s on %s", [sg.address, cidr, ports_text(rule.protocol, rule)]),
	sprintf("セキュリティグループ %s が %s から%sへの接続を許可している", [sg.address, cidr, ports_text_ja(rule.protocol, rule)]),
) if {
	some sg in lib.resources("aws_security_group")
	some i, rule in lib.value(sg, ["ingress"], [])
	admin_reachable(rule.protocol, rule)
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in object.get(rule, attr, [])
	lib.is_open_cidr(cidr)
}

deny contains lib.inconclusive(
	sg, "ingress",
	sprintf("Security group %s: its ingress rules are known only after apply", [sg.address]),
	sprintf("セキュリティグループ %s の受信ルールは適用後まで確定しない", [sg.address]),
) if {
	some sg in lib.resources("aws_security_group")
	lib.unknown(sg, ["ingress"])

	# Without inline blocks the attribute is computed from separate rules
	# (checked on their own); it matters only when configured, e.g. dynamic blocks.
	count(object.get(sg.refs, "ingress", [])) > 0
}

deny contains lib.inconclusive(
	sg, sprintf("ingress[%d].%s", [i, attr]),
	sprintf("Security group %s: the source of an ingress rule on %s is known only after apply", [sg.address, ports_text(rule.protocol, rule)]),
	sprintf("セキュリティグループ %s の%sへの受信ルールの送信元は適用後まで確定しない", [sg.address, ports_text_ja(rule.protocol, rule)]),
) if {
	some sg in lib.resources("aws_security_group")
	some i, rule in lib.value(sg, ["ingress"], [])
	admin_reachable(rule.protocol, rule)
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	lib.unknown(sg, ["ingress", i, attr])
}

# Standalone aws_security_group_rule of type ingress.
deny contains lib.fail(
	r, attr,
	sprintf("Security group rule %s admits %s on %s", [r.address, cidr, ports_text(r.values.protocol, r.values)]),
	sprintf("セキュリティグループルール %s が %s から%sへの接続を許可している", [r.address, cidr, ports_text_ja(r.values.protocol, r.values)]),
) if {
	some r in lib.resources("aws_security_group_rule")
	r.values.type == "ingress"
	admin_reachable(r.values.protocol, r.values)
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in lib.value(r, [attr], [])
	lib.is_open_cidr(cidr)
}

deny contains lib.inconclusive(
	r, attr,
	sprintf("Security group rule %s: its source on %s is known only after apply", [r.address, ports_text(r.values.protocol, r.values)]),
	sprintf("セキュリティグループルール %s の%sへの送信元は適用後まで確定しない", [r.address, ports_text_ja(r.values.protocol, r.values)]),
) if {
	some r in lib.resources("aws_security_group_rule")
	r.values.type == "ingress"
	admin_reachable(r.values.protocol, r.values)
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	lib.unknown(r, [attr])
}

# aws_vpc_security_group_ingress_rule (one CIDR per rule).
deny contains lib.fail(
	r, attr,
	sprintf("Security group ingress rule %s admits %s on %s", [r.address, cidr, ports_text(v.ip_protocol, v)]),
	sprintf("セキュリティグループの受信ルール %s が %s から%sへの接続を許可している", [r.address, cidr, ports_text_ja(v.ip_protocol, v)]),
) if {
	some r in lib.resources("aws_vpc_security_group_ingress_rule")
	v := ingress_rule_values(r)
	admin_reachable(v.ip_protocol, v)
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	cidr := lib.value(r, [attr], "")
	lib.is_open_cidr(cidr)
}

deny contains lib.inconclusive(
	r, attr,
	sprintf("Security group ingress rule %s: its source on %s is known only after apply", [r.address, ports_text(v.ip_protocol, v)]),
	sprintf("セキュリティグループの受信ルール %s の%sへの送信元は適用後まで確定しない", [r.address, ports_text_ja(v.ip_protocol, v)]),
) if {
	some r in lib.resources("aws_vpc_security_group_ingress_rule")
	v := ingress_rule_values(r)
	admin_reachable(v.ip_protocol, v)
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	lib.unknown(r, [attr])
}

# ingress_rule_values are a rule's values with its ports typed: the resource
# type is newer than the provider schema HCL values are converted with.
ingress_rule_values(r) := lib.typed(r.values, {"from_port": "number", "to_port": "number"})

# all_protocols is true for the protocol value meaning every protocol and port.
all_protocols(protocol) if lower(format_int_or_string(protocol)) in {"-1", "all"}

format_int_or_string(p) := p if is_string(p)

else := sprintf("%v", [p])

port_protocols := {"tcp", "6", "udp", "17"}

# admin_reachable is true when a rule with this protocol and port range
# (from_port/to_port in rule) admits one of the administration ports.
admin_reachable(protocol, _) if all_protocols(protocol)

admin_reachable(protocol, rule) if count(covered_ports(protocol, rule)) > 0

covered_ports(protocol, rule) := [p |
	lower(format_int_or_string(protocol)) in port_protocols
	some p in lib.param("admin_ports")
	object.get(rule, "from_port", -1) <= p
	p <= object.get(rule, "to_port", -1)
]

ports_text(protocol, rule) := "all ports" if {
	all_protocols(protocol)
} else := sprintf("port %s", [concat(", ", port_list(protocol, rule))]) if {
	count(covered_ports(protocol, rule)) == 1
} else := sprintf("ports %s", [concat(", ", port_list(protocol, rule))])

ports_text_ja(protocol, rule) := "全ポート" if {
	all_protocols(protocol)
} else := sprintf("ポート%s", [concat("、", port_list(protocol, rule))])

port_list(protocol, rule) := [sprintf("%d", [p]) | some p in covered_ports(protocol, rule)]
