# METADATA
# title: Security groups do not open administration ports to the internet
# description: |
#   SSH or RDP reachable from 0.0.0.0/0 or ::/0 invites password guessing and
#   exploitation of the remote-access service from anywhere. In fiscguard's reading, FISC asks for
#   externally reachable systems to be kept to a minimum (実15) and intrusion to
#   be prevented (実14); AWS maps its restricted-SSH and restricted-common-ports
#   controls to these items. Checked in aws_security_group ingress blocks,
#   aws_security_group_rule and aws_vpc_security_group_ingress_rule; the ports
#   are the admin_ports parameter (SSH and RDP; under strict management the
#   high-risk ports of SH.EC2.19 and WinRM), and protocol "-1" means every
#   port.
# custom:
#   id: FG-EC2-001
#   severity: critical
#   fisc: ["実15", "実14"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実15": "aws-blea-ct:AWS-GR_RESTRICTED_SSH, AWS-GR_RESTRICTED_COMMON_PORTS, SH.EC2.19", "実14": "aws-blea-ct:SH.EC2.18 (internet ingress only on authorised ports)", "運110": "derived:an administration port open to the internet is a direct path to the systems holding the data in use"}
#   fisc_basis_ja: {"実14": "SH.EC2.18（インターネットからの受信は承認したポートのみ）", "運110": "インターネットに開いた管理用ポートは、利用中のデータを持つシステムへの直接の経路である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   title_ja: セキュリティグループで管理用ポートをインターネットに開放しない
#   description_ja: |
#     SSHやRDPが 0.0.0.0/0 や ::/0 から到達できると、どこからでもパスワード推測や遠隔接続サービスの脆弱性を突く攻撃を受けるおそれがある。
#     fiscguardの読みでは、FISCは外部から接続できる機器の最小化（実15）と不正侵入の防止（実14）を求めており、AWSはSSHと主要ポートの制限に関する統制をこれらの項目に対応付けている。
#     aws_security_group の ingress ブロック、aws_security_group_rule、aws_vpc_security_group_ingress_rule を検査する。対象ポートはパラメータ admin_ports（SSHとRDP。厳格な管理ではSH.EC2.19の高リスクポートとWinRM）で、プロトコル "-1" はすべてのポートを意味する。
#   remediation: Limit the rule's source to known networks (for example the office or a bastion's security group), or use AWS Systems Manager Session Manager instead of opening SSH or RDP.
#   remediation_ja: ルールの送信元を既知のネットワーク（社内拠点や踏み台のセキュリティグループなど）に限定するか、SSHやRDPを開放せずに AWS Systems Manager Session Manager を使う。
package fiscguard.aws.ec2.security_group_admin_ports

import data.fiscguard.lib
import data.fiscguard.lib.aws.network

# One finding per security group or rule, listing every ingress source that
# admits the internet to an administration port.
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "%s admits the internet to administration ports: ", "ja": "%s がインターネットから管理用ポートへの接続を許可している: "},
		"inconclusive": {"en": "%s: ", "ja": "%s の"},
	})
}

_problems contains {
	"resource": rule.resource, "attribute": src.attribute, "status": "fail",
	"en": sprintf("%s on %s (%s)", [src.cidr, ports_text(rule), src.attribute]),
	"ja": sprintf("%s から%s（%s）", [src.cidr, ports_text_ja(rule), src.attribute]),
} if {
	some rule in admin_rules
	some src in rule.open
}

_problems contains {
	"resource": rule.resource, "attribute": attr, "status": "inconclusive",
	"en": sprintf("the source of the ingress rule on %s (%s) is known only after apply", [ports_text(rule), attr]),
	"ja": sprintf("%sへの受信ルールの送信元（%s）は適用後まで確定しない", [ports_text_ja(rule), attr]),
} if {
	some rule in admin_rules
	some attr in rule.unknown
}

_problems contains {
	"resource": sg, "attribute": "ingress", "status": "inconclusive",
	"en": "its ingress rules are known only after apply",
	"ja": "受信ルールは適用後まで確定しない",
} if {
	some sg in lib.resources("aws_security_group")
	fiscguard.wholly_unknown(sg, "ingress")
}

# admin_rules are the ingress rules that reach an administration port: this
# rule owns them (FG-EC2-003 judges the other ports).
admin_rules := [rule |
	some rule in network.ingress_rules
	count(admin_ports(rule)) > 0
]

# admin_ports returns the administration ports a rule reaches (every one
# for a rule that admits all protocols).
admin_ports(rule) := network.reached(rule, _admin_ports)

# _admin_ports are the ports of the parameter (none where it is unset).
_admin_ports := [p | some p in lib.param("admin_ports")]

ports_text(rule) := "all ports" if {
	network.all_protocols(rule)
} else := sprintf("port %s", [concat(", ", _port_list(rule))]) if {
	count(admin_ports(rule)) == 1
} else := sprintf("ports %s", [concat(", ", _port_list(rule))])

ports_text_ja(rule) := "全ポート" if {
	network.all_protocols(rule)
} else := sprintf("ポート%s", [concat("、", _port_list(rule))])

_port_list(rule) := [sprintf("%d", [p]) | some p in admin_ports(rule)]
