# METADATA
# title: IAM policies do not grant full administrative access
# description: |
#   A policy that allows every action on every resource ("Action": "*",
#   "Resource": "*") turns any principal it is attached to into an
#   administrator, so one stolen credential exposes the whole account. In fiscguard's reading, FISC
#   asks for IDs to be protected against misuse (実9) and access rights to be
#   clearly limited (実25); AWS maps its no-admin-statements control (SH.IAM.1)
#   to 実9. Customer-managed and inline policies (role, user, group) are checked;
#   the policy JSON is decoded and every Allow statement is examined.
# custom:
#   id: FG-IAM-001
#   severity: high
#   fisc: ["実5", "実9", "実25"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実9": "aws-blea-ct:SH.IAM.1", "実25": "aws-blea-workload:core-banking, IAM policies grant least privilege only", "運110": "derived:least privilege limits who can read the data in use; fiscguard reads 運110 as including it", "実5": "aws-blea-workload:core-banking, access control with IAM"}
#   fisc_basis_ja: {"実25": "勘定系：IAMポリシーで最小限の権限のみを付与", "運110": "最小権限は利用中のデータを読める者を限定する。fiscguardは運110にこれを含むと読む", "実5": "勘定系：IAMによるアクセス制御"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#   title_ja: IAMポリシーで全操作・全リソースを許可しない
#   description_ja: |
#     すべてのリソースに対するすべての操作を許可するポリシー（"Action": "*"、"Resource": "*"）は、付与した主体を管理者にしてしまい、認証情報が一つ漏れるだけでアカウント全体が危険にさらされる。
#     fiscguardの読みでは、FISCはIDの不正使用防止（実9）とアクセス権限の明確化（実25）を求めており、AWSは管理者権限を与えるステートメントを禁止する統制（SH.IAM.1）を実9に対応付けている。
#     カスタマー管理ポリシーとインラインポリシー（ロール、ユーザー、グループ）のJSONを解析し、Allow のステートメントをすべて検査する。
#   remediation: List only the actions and resources the principal needs; for administrators use a separate role with MFA and the AWS-managed AdministratorAccess policy under change control.
#   remediation_ja: 主体に必要な操作とリソースだけを列挙する。管理者には、MFAを必須とした専用ロールにAWS管理の AdministratorAccess ポリシーを変更管理のもとで付与する。
package fiscguard.aws.iam.admin_policy

import data.fiscguard.lib
import data.fiscguard.lib.aws.iam

deny contains fiscguard.fail(
	p, "policy",
	sprintf("IAM policy %s allows every action on every resource", [p.address]),
	sprintf("IAMポリシー %s がすべてのリソースに対するすべての操作を許可している", [p.address]),
) if {
	some t in iam.policy_types
	some p in lib.resources(t)
	admin(p)
}

deny contains fiscguard.inconclusive(
	p, "policy",
	sprintf("IAM policy %s: the policy document is known only after apply%s", [p.address, lib.from_text(p, "policy").en]),
	sprintf("IAMポリシー %s のポリシー文書は適用後まで確定しない%s", [p.address, lib.from_text(p, "policy").ja]),
) if {
	some t in iam.policy_types
	some p in lib.resources(t)
	iam.unknown_statements(iam.document(p, "policy"))
}

deny contains fiscguard.inconclusive(
	p, "policy",
	sprintf("IAM policy %s: whether statement %s allows every action on every resource is known only after apply%s", [p.address, concat(", ", undecided), lib.from_text(p, "policy").en]),
	sprintf("IAMポリシー %s のステートメント %s がすべてのリソースに対するすべての操作を許可するかは適用後まで確定しない%s", [p.address, concat("、", undecided), lib.from_text(p, "policy").ja]),
) if {
	some t in iam.policy_types
	some p in lib.resources(t)
	doc := iam.document(p, "policy")
	not iam.unknown_statements(doc)
	not admin(p)
	undecided := [sprintf("%d", [i]) |
		some i, s in iam.statements(doc)
		may_be_admin(s)
	]
	count(undecided) > 0
}

admin(p) if {
	some s in iam.statements(iam.document(p, "policy"))
	full_admin(s.value)
}

full_admin(st) if {
	st.Effect == "Allow"
	"*" in iam.actions(st)
	"*" in iam.resources(st)
}

may_be_admin(s) if {
	iam.may_have_effect(s, "Allow")
	iam.may_include(s, "Action", "*")
	iam.may_include(s, "Resource", "*")
}
