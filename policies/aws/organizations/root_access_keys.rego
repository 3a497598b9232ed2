# METADATA
# title: Service control policies deny access keys for the root user
# description: |
#   An access key of the root user is a long-lived credential with unlimited
#   power over the account. AWS maps its Control Tower guardrail that
#   disallows creating access keys for the root user
#   (AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS) to the prevention of ID misuse
#   (実9). In the configuration that manages the organisation, an attached
#   service control policy must deny iam:CreateAccessKey when aws:PrincipalArn
#   is like arn:aws:iam::*:root (a denial of every root action holds it too).
# custom:
#   id: FG-ORG-002
#   severity: high
#   fisc: ["実9"]
#   fisc_basis: {"実9": "aws-blea-ct:AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_organizations_organization, aws_organizations_policy, aws_organizations_policy_attachment]
#   title_ja: SCPでルートユーザーのアクセスキー作成を拒否する
#   description_ja: |
#     ルートユーザーのアクセスキーは、アカウントに対する無制限の権限を持つ長期の認証情報である。
#     AWSはルートユーザーのアクセスキーの作成を許可しないControl Towerのガードレール（AWS-GR_RESTRICT_ROOT_USER_ACCESS_KEYS）をIDの不正使用防止（実9）に対応付けている。
#     組織を管理する構成では、アタッチしたSCPで、aws:PrincipalArn が arn:aws:iam::*:root に一致するとき iam:CreateAccessKey を拒否しなければならない（ルートユーザーのすべての操作を拒否するSCPでもよい）。
#   remediation: Attach an SCP that denies iam:CreateAccessKey (or every action) with Condition StringLike aws:PrincipalArn arn:aws:iam::*:root.
#   remediation_ja: Condition が StringLike aws:PrincipalArn arn:aws:iam::*:root で iam:CreateAccessKey（またはすべての操作）を拒否するSCPをアタッチする。
package fiscguard.aws.organizations.root_access_keys

import data.fiscguard.lib.aws.scp

deny contains r if {
	some r in scp.guardrail(["iam:createaccesskey"], true, "access keys can be created for the root user", "ルートユーザーのアクセスキーを作成できる")
}
