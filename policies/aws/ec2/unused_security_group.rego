# METADATA
# title: Security groups are attached to something
# description: |
#   A security group that nothing uses grants nothing today, but its rules are
#   ready to open whatever it is attached to next, and it blurs the picture of
#   what is reachable. AWS maps its control that unused security groups are
#   removed (SH.EC2.22) to minimising externally reachable devices (実15) and
#   managing hardware and software (実48). Every aws_security_group must be
#   referred to by a resource other than a security group or a security group
#   rule (an instance, launch template, load balancer, database, function,
#   endpoint, network interface and so on). A group that a root output
#   exports is there for another configuration to attach, so whether it is
#   used is inconclusive; any other group used outside the configuration
#   looks unused here, so the rule runs under strict management.
# custom:
#   id: FG-EC2-007
#   severity: low
#   fisc: ["実15", "実48"]
#   fisc_basis: {"実15": "aws-blea-ct:SH.EC2.22", "実48": "aws-blea-ct:SH.EC2.22"}
#   profile: strict
#   strict_reason: "A plan shows only the uses inside the configuration; a group attached by another configuration or by hand looks unused, so the rule suits a configuration that owns all of its groups' uses."
#   strict_reason_ja: "プランで分かるのは構成内での利用だけであり、他の構成や手作業で関連付けたグループは未使用に見える。グループの利用をすべて自ら管理する構成に向くルールである。"
#   responsibility: user
#   resource_types: [aws_security_group]
#   title_ja: セキュリティグループをいずれかのリソースに関連付ける
#   description_ja: |
#     どこにも使われていないセキュリティグループは現時点では何も許可しないが、次に関連付けたものにそのルールを開き、到達可能な範囲の把握を妨げる。
#     AWSは未使用のセキュリティグループを削除する統制（SH.EC2.22）を、外部から接続できる機器の最小化（実15）とハードウェア・ソフトウェアの管理（実48）に対応付けている。
#     aws_security_group は、セキュリティグループやそのルール以外のリソース（インスタンス、起動テンプレート、ロードバランサー、データベース、関数、エンドポイント、ネットワークインターフェイスなど）から参照されなければならない。
#     ルートモジュールの出力（output）が公開するグループは他の構成が関連付けるためのものであり、使われているかは判定不能とする。それ以外に構成の外で使われるグループはここでは未使用に見えるため、厳格な管理でのみ適用する。
#   remediation: Remove the security group, or attach it where it is meant to be used; a group used by another configuration needs a recorded waiver saying where.
#   remediation_ja: セキュリティグループを削除するか、使う予定のリソースに関連付ける。他の構成で使うグループは、使う場所を記した例外（適用除外）を記録する。
package fiscguard.aws.ec2.unused_security_group

import data.fiscguard.lib

# Resources that refer to a group without attaching it to anything.
not_uses := {
	"aws_security_group",
	"aws_security_group_rule",
	"aws_vpc_security_group_ingress_rule",
	"aws_vpc_security_group_egress_rule",
}

deny contains fiscguard.fail(
	sg, "",
	sprintf("security group %s is attached to nothing in this configuration", [sg.address]),
	sprintf("セキュリティグループ %s がこの構成のどのリソースにも関連付けられていない", [sg.address]),
) if {
	some sg in _unattached
	count(lib.exported_by(sg)) == 0
}

# A group that a root output exports is there for another configuration,
# where it may be attached: whether it is used is not known here.
deny contains fiscguard.inconclusive(
	sg, "",
	sprintf("security group %s: whether it is used is not known from this configuration, which attaches it to nothing but exports it (output %s) for another configuration to use", [sg.address, concat(", ", lib.exported_by(sg))]),
	sprintf("セキュリティグループ %s は、この構成ではどのリソースにも関連付けられていないが、他の構成が使うよう出力（output %s）しているため、使われているかはこの構成からは分からない", [sg.address, concat("、", lib.exported_by(sg))]),
) if {
	some sg in _unattached
	count(lib.exported_by(sg)) > 0
}

_unattached := [sg |
	some sg in lib.resources("aws_security_group")
	count([x | some x in lib.referrers_of(sg); not x.type in not_uses]) == 0
]
