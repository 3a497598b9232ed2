# METADATA
# title: Service control policies keep internal accounts' VPCs off the internet
# description: |
#   In an account meant for internal systems only, an internet gateway is the
#   one change that makes its networks reachable from the internet. AWS maps
#   its Control Tower guardrail that disallows internet access for the
#   customer's VPCs (AWS-GR_DISALLOW_VPC_INTERNET_ACCESS) to minimising
#   externally reachable devices (実15). In the configuration that manages the
#   organisation, an attached service control policy must deny
#   ec2:CreateInternetGateway, ec2:AttachInternetGateway and
#   ec2:CreateEgressOnlyInternetGateway; attach it to the organisational units
#   of internal accounts.
# custom:
#   id: FG-ORG-004
#   severity: medium
#   fisc: ["実15"]
#   fisc_basis: {"実15": "aws-blea-ct:AWS-GR_DISALLOW_VPC_INTERNET_ACCESS"}
#   profile: strict
#   strict_reason: "AWS marks the guardrail optional, and it fits only accounts with no internet-facing system; which accounts those are is the institution's design."
#   strict_reason_ja: "AWSはこのガードレールを任意としており、インターネットに面するシステムを持たないアカウントにしか合わない。どのアカウントが該当するかは金融機関の設計による。"
#   responsibility: user
#   resource_types: [aws_organizations_organization, aws_organizations_policy, aws_organizations_policy_attachment]
#   title_ja: SCPで内部向けアカウントのVPCをインターネットから切り離す
#   description_ja: |
#     内部システム専用のアカウントでは、インターネットゲートウェイを一つ加えるだけで、そのネットワークがインターネットから到達可能になる。
#     AWSは利用者のVPCのインターネットアクセスを許可しないControl Towerのガードレール（AWS-GR_DISALLOW_VPC_INTERNET_ACCESS）を、外部から接続できる機器の最小化（実15）に対応付けている。
#     組織を管理する構成では、アタッチしたSCPで ec2:CreateInternetGateway、ec2:AttachInternetGateway、ec2:CreateEgressOnlyInternetGateway を拒否し、内部向けアカウントの組織単位にアタッチしなければならない。
#   remediation: Attach to the organisational units of internal accounts an SCP that denies ec2:CreateInternetGateway, ec2:AttachInternetGateway and ec2:CreateEgressOnlyInternetGateway.
#   remediation_ja: 内部向けアカウントの組織単位に、ec2:CreateInternetGateway、ec2:AttachInternetGateway、ec2:CreateEgressOnlyInternetGateway を拒否するSCPをアタッチする。
package fiscguard.aws.organizations.vpc_internet_access

import data.fiscguard.lib.aws.scp

actions := ["ec2:createinternetgateway", "ec2:attachinternetgateway", "ec2:createegressonlyinternetgateway"]

deny contains r if {
	some r in scp.guardrail(actions, false, "internal accounts can connect their VPCs to the internet", "内部向けアカウントのVPCをインターネットに接続できる")
}
