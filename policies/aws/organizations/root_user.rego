# METADATA
# title: Service control policies deny the root user's actions
# description: |
#   The root user of a member account can do anything in it, beyond the reach
#   of IAM policies, and its credentials are rarely watched. AWS maps its
#   Control Tower guardrail that disallows actions as the root user
#   (AWS-GR_RESTRICT_ROOT_USER) to the prevention of ID misuse (実9). In the
#   configuration that manages the organisation (one that declares
#   aws_organizations_organization or a service control policy), an attached
#   service control policy (aws_organizations_policy with an
#   aws_organizations_policy_attachment) must deny every action ("*") when
#   aws:PrincipalArn is like arn:aws:iam::*:root.
# custom:
#   id: FG-ORG-001
#   severity: high
#   fisc: ["実9"]
#   fisc_basis: {"実9": "aws-blea-ct:AWS-GR_RESTRICT_ROOT_USER"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_organizations_organization, aws_organizations_policy, aws_organizations_policy_attachment]
#   title_ja: SCPでルートユーザーによる操作を拒否する
#   description_ja: |
#     メンバーアカウントのルートユーザーはIAMポリシーの及ばないところで何でも行え、その認証情報が監視されることも少ない。
#     AWSはルートユーザーとしての操作を許可しないControl Towerのガードレール（AWS-GR_RESTRICT_ROOT_USER）をIDの不正使用防止（実9）に対応付けている。
#     組織を管理する構成（aws_organizations_organization またはSCPを宣言する構成）では、アタッチしたSCP（aws_organizations_policy と aws_organizations_policy_attachment）で、aws:PrincipalArn が arn:aws:iam::*:root に一致するときすべての操作（"*"）を拒否しなければならない。
#   remediation: Attach to the organisation's accounts (or their organisational units) an SCP with a statement Effect Deny, Action "*", Resource "*", Condition StringLike aws:PrincipalArn arn:aws:iam::*:root.
#   remediation_ja: 組織のアカウント（または組織単位）に、Effect が Deny、Action が "*"、Resource が "*"、Condition が StringLike aws:PrincipalArn arn:aws:iam::*:root のステートメントを持つSCPをアタッチする。
package fiscguard.aws.organizations.root_user

import data.fiscguard.lib.aws.scp

deny contains r if {
	some r in scp.guardrail(["*"], true, "the root user can act in member accounts", "メンバーアカウントでルートユーザーが操作できる")
}
