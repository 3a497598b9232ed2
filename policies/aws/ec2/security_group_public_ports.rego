# METADATA
# title: Security groups open only approved ports to the internet
# description: |
#   Every port reachable from 0.0.0.0/0 or ::/0 is attack surface. In fiscguard's reading, FISC asks for
#   intrusion to be prevented (実14) and externally reachable systems to be kept
#   to a minimum (実15); AWS maps its control that security groups admit
#   unrestricted traffic only on authorised ports (SH.EC2.18) to 実14. An ingress
#   rule open to the internet must cover only ports in the public_ports parameter
#   (80 and 443 by default); all protocols ("-1") or a TCP/UDP range that
#   includes another port fails. ICMP is not judged. The administration ports
#   a rule opens are FG-EC2-001's: a range of 20-25 is FG-EC2-001's for
#   port 22 and this rule's for 20-21 and 23-25.
# custom:
#   id: FG-EC2-003
#   severity: high
#   fisc: ["実14", "実15"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実14": "aws-blea-ct:SH.EC2.18", "実15": "derived:a port open to the internet makes the host externally reachable, which 実15 asks to minimise", "運110": "derived:every port open to the internet is a path to the systems holding the data in use"}
#   fisc_basis_ja: {"実15": "インターネットに開いたポートはホストを外部から接続可能にする。実15はそれを最小化するよう求める項目と読める", "運110": "インターネットに開いたポートはどれも、利用中のデータを持つシステムへの経路である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   title_ja: セキュリティグループでインターネットに開放するポートを承認済みのものに限る
#   description_ja: |
#     0.0.0.0/0 や ::/0 から到達できるポートはすべて攻撃対象となる。
#     fiscguardの読みでは、FISCは不正侵入の防止（実14）と外部から接続できる機器の最小化（実15）を求めており、AWSは許可したポートのみ無制限の受信を認める統制（SH.EC2.18）を実14に対応付けている。
#     インターネットに開放する受信ルールは、パラメータ public_ports（既定は80と443）のポートだけを対象にしなければならない。全プロトコル（"-1"）や、他のポートを含むTCP/UDPの範囲は違反とする。ICMPは判定しない。
#     ルールが開放する管理用ポートは FG-EC2-001 が報告する。20-25 の範囲なら、ポート22は FG-EC2-001、20-21 と 23-25 はこのルールが報告する。
#   remediation: Narrow the rule to the approved ports, or restrict its source to known networks (or a load balancer's security group) instead of the whole internet.
#   remediation_ja: ルールを承認済みのポートに絞るか、送信元をインターネット全体ではなく既知のネットワーク（またはロードバランサーのセキュリティグループ）に限定する。
package fiscguard.aws.ec2.security_group_public_ports

import data.fiscguard.aws.ec2.security_group_admin_ports as admin
import data.fiscguard.lib
import data.fiscguard.lib.aws.network

# One finding per security group or rule, listing every ingress source that
# opens a port other than the approved public ones to the internet. The
# administration ports a rule reaches fail this rule too, but that cause is
# FG-EC2-001's, which reports it: a range of 20-25 is FG-EC2-001's for port
# 22 and this rule's for 20-21 and 23-25.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, _intro)
}

deny contains lib.owned_by(result, "FG-EC2-001") if {
	some result in fiscguard.one_per_resource(_admin_problems, _intro)
}

_intro := {
	"fail": {"en": "%s opens ports that are not approved public ports to the internet: ", "ja": "%s が承認されていないポートをインターネットに開放している: "},
	"inconclusive": {"en": "%s: ", "ja": "%s の"},
}

_problems contains {
	"resource": rule.resource, "attribute": src.attribute, "status": "fail",
	"en": sprintf("%s to %s (%s)", [range_text(rule), src.cidr, src.attribute]),
	"ja": sprintf("%sを %s に（%s）", [range_text_ja(rule), src.cidr, src.attribute]),
} if {
	some rule in _unapproved
	count(other_ports(rule)) > 0
	some src in rule.open
}

_problems contains {
	"resource": rule.resource, "attribute": attr, "status": "inconclusive",
	"en": sprintf("the source of the ingress rule on %s (%s) is known only after apply", [range_text(rule), attr]),
	"ja": sprintf("%sへの受信ルールの送信元（%s）は適用後まで確定しない", [range_text_ja(rule), attr]),
} if {
	some rule in _unapproved
	count(other_ports(rule)) > 0
	some attr in rule.unknown
}

_admin_problems contains {
	"resource": rule.resource, "attribute": src.attribute, "status": "fail",
	"en": sprintf("%s to %s (%s)", [admin.ports_text(rule), src.cidr, src.attribute]),
	"ja": sprintf("%sを %s に（%s）", [admin.ports_text_ja(rule), src.cidr, src.attribute]),
} if {
	some rule in _unapproved
	count(admin.admin_ports(rule)) > 0
	some src in rule.open
}

_admin_problems contains {
	"resource": rule.resource, "attribute": attr, "status": "inconclusive",
	"en": sprintf("the source of the ingress rule on %s (%s) is known only after apply", [admin.ports_text(rule), attr]),
	"ja": sprintf("%sへの受信ルールの送信元（%s）は適用後まで確定しない", [admin.ports_text_ja(rule), attr]),
} if {
	some rule in _unapproved
	count(admin.admin_ports(rule)) > 0
	some attr in rule.unknown
}

_unapproved := [rule |
	some rule in network.ingress_rules
	unapproved(rule)
]

# unapproved is true for a rule that opens a port that is not one approved
# public port.
unapproved(rule) if network.all_protocols(rule)

unapproved(rule) if {
	network.port_protocol(rule)
	not _single_approved(rule)
}

_single_approved(rule) if {
	network.single_port(rule)
	rule.from_port in lib.param("public_ports")
}

# other_ports returns the port ranges of an unapproved rule that are not
# administration ports, as [from, to] pairs.
other_ports(rule) := network.ports_without(rule, admin.admin_ports(rule))

range_text(rule) := "all ports" if {
	network.all_protocols(rule)
	count(admin.admin_ports(rule)) == 0
} else := sprintf("all ports but %s", [concat(", ", _numbers(admin.admin_ports(rule)))]) if {
	network.all_protocols(rule)
} else := sprintf("port %d", [from]) if {
	[[from, to]] := other_ports(rule)
	from == to
} else := sprintf("ports %s", [concat(", ", [_range(r) | some r in other_ports(rule)])])

range_text_ja(rule) := "全ポート" if {
	network.all_protocols(rule)
	count(admin.admin_ports(rule)) == 0
} else := sprintf("%s以外の全ポート", [concat("、", _numbers(admin.admin_ports(rule)))]) if {
	network.all_protocols(rule)
} else := sprintf("ポート%s", [concat("、", [_range(r) | some r in other_ports(rule)])])

_range(r) := sprintf("%d", [r[0]]) if {
	r[0] == r[1]
} else := sprintf("%d-%d", r)

_numbers(ports) := [sprintf("%d", [p]) | some p in sort({p | some p in ports})]
