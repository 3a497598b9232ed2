# METADATA
# title: The IAM account password policy is strong
# description: |
#   IAM users who sign in with a password are protected only as well as the
#   account password policy demands. FISC expects misuse of IDs to be prevented
#   (実9) and passwords to be protected (実26, 実1); AWS maps its control that
#   the IAM password policy has strong settings (SH.IAM.7) to 実9 and lists the
#   password policy of IAM Identity Center as a measure for 実1 and 実26.
#   aws_iam_account_password_policy must require lowercase, uppercase, numbers
#   and symbols, a length of at least password_min_length, reuse prevention of
#   at least password_reuse_prevention and a maximum age of at most
#   password_max_age_days. Each weak setting is its own finding.
# custom:
#   id: FG-IAM-002
#   severity: medium
#   fisc: ["実9", "実26", "実1"]
#   fisc_basis: {"実9": "aws-blea-ct:SH.IAM.7", "実26": "aws-blea-workload:core-banking governance, password policy in IAM Identity Center (same measures as 実1)", "実1": "aws-blea-workload:core-banking governance, password policy and temporary credentials in IAM Identity Center"}
#   fisc_basis_ja: {"実26": "勘定系（共通統制）：IAM Identity Centerのパスワードポリシー（実1と同じ対策）", "実1": "勘定系（共通統制）：IAM Identity Centerのパスワードポリシーと一時認証情報"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_iam_account_password_policy]
#   title_ja: IAMアカウントのパスワードポリシーを強固にする
#   description_ja: |
#     パスワードでサインインするIAMユーザーは、アカウントのパスワードポリシーが求める程度にしか守られない。
#     FISCはIDの不正使用の防止（実9）とパスワードの保護（実26、実1）を求めており、AWSはIAMパスワードポリシーを強固に設定する統制（SH.IAM.7）を実9に対応付け、IAM Identity Centerのパスワードポリシーを実1と実26の対策に挙げている。
#     aws_iam_account_password_policy で小文字、大文字、数字、記号を必須とし、長さを password_min_length 以上、再利用禁止の世代数を password_reuse_prevention 以上、有効期間を password_max_age_days 以下にする。弱い設定ごとに一件の指摘とする。
#   remediation: Set minimum_password_length, require_lowercase_characters, require_uppercase_characters, require_numbers, require_symbols, password_reuse_prevention and max_password_age to the parameter values; prefer IAM Identity Center with MFA over IAM users.
#   remediation_ja: minimum_password_length、require_lowercase_characters、require_uppercase_characters、require_numbers、require_symbols、password_reuse_prevention、max_password_age をパラメータの値に合わせる。IAMユーザーよりも、MFAを有効にした IAM Identity Center を優先する。
package fiscguard.aws.iam.password_policy

import data.fiscguard.lib

required := {
	"require_lowercase_characters": "lowercase letters",
	"require_uppercase_characters": "uppercase letters",
	"require_numbers": "numbers",
	"require_symbols": "symbols",
}

required_ja := {
	"require_lowercase_characters": "小文字",
	"require_uppercase_characters": "大文字",
	"require_numbers": "数字",
	"require_symbols": "記号",
}

deny contains lib.fail(
	p, attr,
	sprintf("Password policy %s does not require %s", [p.address, what]),
	sprintf("パスワードポリシー %s で%sが必須になっていない", [p.address, required_ja[attr]]),
) if {
	some p in lib.resources("aws_iam_account_password_policy")
	some attr, what in required
	object.get(p.values, attr, false) != true
	not lib.set_later(p, attr)
}

deny contains lib.fail(
	p, "minimum_password_length",
	sprintf("Password policy %s allows passwords shorter than %d characters", [p.address, lib.param("password_min_length")]),
	sprintf("パスワードポリシー %s が %d 文字未満のパスワードを許している", [p.address, lib.param("password_min_length")]),
) if {
	some p in lib.resources("aws_iam_account_password_policy")
	_number(object.get(p.values, "minimum_password_length", 6)) < lib.param("password_min_length")
}

deny contains lib.fail(
	p, "password_reuse_prevention",
	sprintf("Password policy %s remembers fewer than %d previous passwords", [p.address, lib.param("password_reuse_prevention")]),
	sprintf("パスワードポリシー %s で再利用を禁止する過去のパスワードが %d 世代未満になっている", [p.address, lib.param("password_reuse_prevention")]),
) if {
	some p in lib.resources("aws_iam_account_password_policy")
	not lib.set_later(p, "password_reuse_prevention")
	_number(object.get(p.values, "password_reuse_prevention", 0)) < lib.param("password_reuse_prevention")
}

deny contains lib.fail(
	p, "max_password_age",
	sprintf("Password policy %s lets passwords live longer than %d days", [p.address, lib.param("password_max_age_days")]),
	sprintf("パスワードポリシー %s でパスワードの有効期間が %d 日を超えている", [p.address, lib.param("password_max_age_days")]),
) if {
	some p in lib.resources("aws_iam_account_password_policy")
	not lib.set_later(p, "max_password_age")
	age := _number(object.get(p.values, "max_password_age", 0))
	not _within(age)
}

# _number gives 0 for an unset (null) setting.
_number(v) := v if is_number(v)

else := 0

_within(age) if {
	age > 0
	age <= lib.param("password_max_age_days")
}
