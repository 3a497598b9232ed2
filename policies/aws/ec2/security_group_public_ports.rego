# METADATA
# title: Security groups open only approved ports to the internet
# description: |
#   Every port reachable from 0.0.0.0/0 or ::/0 is attack surface. FISC expects
#   intrusion to be prevented (実14) and externally reachable systems to be kept
#   to a minimum (実15); AWS maps its control that security groups admit
#   unrestricted traffic only on authorised ports (SH.EC2.18) to 実14. An ingress
#   rule open to the internet must cover only ports in the public_ports parameter
#   (80 and 443 by default); all protocols ("-1") or a TCP/UDP range that
#   includes another port fails. ICMP is not judged.
# custom:
#   id: FG-EC2-003
#   severity: high
#   fisc: ["実14", "実15"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実14": "aws-blea-ct:SH.EC2.18", "実15": "derived:a port open to the internet makes the host externally reachable, which 実15 asks to minimise", "運110": "derived:every port open to the internet is a path to the systems holding the data in use"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   title_ja: セキュリティグループでインターネットに開放するポートを承認済みのものに限る
#   description_ja: |
#     0.0.0.0/0 や ::/0 から到達できるポートはすべて攻撃対象となる。
#     FISCは不正侵入の防止（実14）と外部から接続できる機器の最小化（実15）を求めており、AWSは許可したポートのみ無制限の受信を認める統制（SH.EC2.18）を実14に対応付けている。
#     インターネットに開放する受信ルールは、パラメータ public_ports（既定は80と443）のポートだけを対象にしなければならない。全プロトコル（"-1"）や、他のポートを含むTCP/UDPの範囲は違反とする。ICMPは判定しない。
#   remediation: Narrow the rule to the approved ports, or restrict its source to known networks (or a load balancer's security group) instead of the whole internet.
#   remediation_ja: ルールを承認済みのポートに絞るか、送信元をインターネット全体ではなく既知のネットワーク（またはロードバランサーのセキュリティグループ）に限定する。
package fiscguard.aws.ec2.security_group_public_ports

import data.fiscguard.lib

deny contains lib.fail(
	sg, sprintf("ingress[%d].%s", [i, attr]),
	sprintf("Security group %s opens %s to %s, which is not an approved public port", [sg.address, range_text(rule.protocol, rule), cidr]),
	sprintf("セキュリティグループ %s が承認されていない%sを %s に開放している", [sg.address, range_text_ja(rule.protocol, rule), cidr]),
) if {
	some sg in lib.resources("aws_security_group")
	some i, rule in object.get(sg.values, "ingress", [])
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in object.get(rule, attr, [])
	lib.is_open_cidr(cidr)
	unapproved(rule.protocol, rule)
}

deny contains lib.fail(
	r, attr,
	sprintf("Security group rule %s opens %s to %s, which is not an approved public port", [r.address, range_text(r.values.protocol, r.values), cidr]),
	sprintf("セキュリティグループルール %s が承認されていない%sを %s に開放している", [r.address, range_text_ja(r.values.protocol, r.values), cidr]),
) if {
	some r in lib.resources("aws_security_group_rule")
	r.values.type == "ingress"
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in object.get(r.values, attr, [])
	lib.is_open_cidr(cidr)
	unapproved(r.values.protocol, r.values)
}

deny contains lib.fail(
	r, attr,
	sprintf("Security group ingress rule %s opens %s to %s, which is not an approved public port", [r.address, range_text(v.ip_protocol, v), cidr]),
	sprintf("セキュリティグループの受信ルール %s が承認されていない%sを %s に開放している", [r.address, range_text_ja(v.ip_protocol, v), cidr]),
) if {
	some r in lib.resources("aws_vpc_security_group_ingress_rule")
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	cidr := object.get(r.values, attr, "")
	lib.is_open_cidr(cidr)
	v := ingress_rule_values(r)
	unapproved(v.ip_protocol, v)
}

# ingress_rule_values are a rule's values with its ports typed: the resource
# type is newer than the provider schema HCL values are converted with.
ingress_rule_values(r) := lib.typed(r.values, {"from_port": "number", "to_port": "number"})

protocol_text(p) := lower(sprintf("%v", [p]))

all_protocols(p) if protocol_text(p) in {"-1", "all"}

port_protocol(p) if protocol_text(p) in {"tcp", "6", "udp", "17"}

# unapproved is true for all protocols, or a TCP/UDP range that is not a
# single approved port.
unapproved(p, _) if all_protocols(p)

unapproved(p, rule) if {
	port_protocol(p)
	not single_approved(rule)
}

single_approved(rule) if {
	rule.from_port == rule.to_port
	rule.from_port in lib.param("public_ports")
}

range_text(p, rule) := "all ports" if {
	all_protocols(p)
} else := sprintf("port %d", [rule.from_port]) if {
	rule.from_port == rule.to_port
} else := sprintf("ports %d-%d", [rule.from_port, rule.to_port])

range_text_ja(p, rule) := "全ポート" if {
	all_protocols(p)
} else := sprintf("ポート%d", [rule.from_port]) if {
	rule.from_port == rule.to_port
} else := sprintf("ポート%d-%d", [rule.from_port, rule.to_port])
