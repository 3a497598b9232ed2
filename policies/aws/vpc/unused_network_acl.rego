# METADATA
# title: Network ACLs are associated with subnets
# description: |
#   A network ACL that no subnet uses filters nothing; left in place it hides
#   which rules are really in force and can be attached later by mistake. AWS
#   maps its control that unused network ACLs are removed (SH.EC2.16) to
#   minimising externally reachable devices (実15) and managing hardware and
#   software (実48). Every aws_network_acl must list subnet_ids or be the
#   network_acl_id of an aws_network_acl_association. The default network ACL
#   of a VPC is not checked: AWS associates it with every subnet that has no
#   other.
# custom:
#   id: FG-VPC-003
#   severity: low
#   fisc: ["実15", "実48"]
#   fisc_basis: {"実15": "aws-blea-ct:SH.EC2.16", "実48": "aws-blea-ct:SH.EC2.16"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_network_acl]
#   title_ja: ネットワークACLをサブネットに関連付ける
#   description_ja: |
#     どのサブネットにも使われていないネットワークACLは何も制御せず、残しておくと実際に有効なルールが分かりにくくなり、誤って関連付けられるおそれもある。
#     AWSは未使用のネットワークACLを削除する統制（SH.EC2.16）を、外部から接続できる機器の最小化（実15）とハードウェア・ソフトウェアの管理（実48）に対応付けている。
#     aws_network_acl は subnet_ids を指定するか、aws_network_acl_association の network_acl_id から参照されなければならない。VPCのデフォルトのネットワークACLは、他のACLのないすべてのサブネットにAWSが関連付けるため対象外とする。
#   remediation: Associate the network ACL with its subnets (subnet_ids or aws_network_acl_association), or remove it.
#   remediation_ja: ネットワークACLをサブネットに関連付ける（subnet_ids または aws_network_acl_association）か、削除する。
package fiscguard.aws.vpc.unused_network_acl

import data.fiscguard.lib

deny contains fiscguard.fail(
	acl, "subnet_ids",
	sprintf("network ACL %s is associated with no subnet", [acl.address]),
	sprintf("ネットワークACL %s がどのサブネットにも関連付けられていない", [acl.address]),
) if {
	some acl in unassociated
	not fiscguard.wholly_unknown(acl, "subnet_ids")
}

deny contains fiscguard.inconclusive(
	acl, "subnet_ids",
	sprintf("network ACL %s: its subnets are known only after apply", [acl.address]),
	sprintf("ネットワークACL %s の関連付けるサブネットは適用後まで確定しない", [acl.address]),
) if {
	some acl in unassociated
	fiscguard.wholly_unknown(acl, "subnet_ids")
}

# An ACL whose subnet_ids refers to subnets is associated, even while their
# IDs are known only after apply.
unassociated contains acl if {
	some acl in lib.resources("aws_network_acl")
	lib.empty(fiscguard.value(acl, ["subnet_ids"], []))
	not fiscguard.refers(acl, "subnet_ids")
	count(lib.referrers(acl, "aws_network_acl_association", "network_acl_id")) == 0
}
