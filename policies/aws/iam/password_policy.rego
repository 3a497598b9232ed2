# METADATA
# title: The IAM account password policy is strong
# description: |
#   IAM users who sign in with a password are protected only as well as the
#   account password policy demands. In fiscguard's reading, FISC asks for misuse of IDs to be prevented
#   (実9) and passwords to be protected (実26, 実1); AWS maps its control that
#   the IAM password policy has strong settings (SH.IAM.7) to 実9; for 実1 and
#   実26 it lists the password policy of IAM Identity Center, which this rule
#   does not check: citing them for the IAM account password policy is
#   fiscguard's reading.
#   aws_iam_account_password_policy must require lowercase, uppercase, numbers
#   and symbols, a length of at least password_min_length, reuse prevention of
#   at least password_reuse_prevention and a maximum age of at most
#   password_max_age_days. A policy is one finding listing every weak setting.
# custom:
#   id: FG-IAM-002
#   severity: medium
#   fisc: ["実9", "実26", "実1"]
#   fisc_basis: {"実9": "aws-blea-ct:SH.IAM.7", "実26": "derived:the IAM account password policy governs the passwords of IAM users; AWS's measure for 実26 is the password policy of IAM Identity Center, whose users this rule does not see", "実1": "derived:the IAM account password policy governs the passwords of IAM users; AWS's measure for 実1 is the password policy of IAM Identity Center, whose users this rule does not see"}
#   fisc_basis_ja: {"実26": "IAMアカウントのパスワードポリシーはIAMユーザーのパスワードを律する。AWSが実26に挙げる対策はIAM Identity Centerのパスワードポリシーであり、その利用者はこのルールの対象外である", "実1": "IAMアカウントのパスワードポリシーはIAMユーザーのパスワードを律する。AWSが実1に挙げる対策はIAM Identity Centerのパスワードポリシーであり、その利用者はこのルールの対象外である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_iam_account_password_policy]
#   title_ja: IAMアカウントのパスワードポリシーを強固にする
#   description_ja: |
#     パスワードでサインインするIAMユーザーは、アカウントのパスワードポリシーが求める程度にしか守られない。
#     fiscguardの読みでは、FISCはIDの不正使用の防止（実9）とパスワードの保護（実26、実1）を求めており、AWSはIAMパスワードポリシーを強固に設定する統制（SH.IAM.7）を実9に対応付け、実1と実26にはIAM Identity Centerのパスワードポリシーを挙げている。このルールはそれを検査しないため、IAMアカウントのパスワードポリシーにこれらを対応付けるのはfiscguardの読みである。
#     aws_iam_account_password_policy で小文字、大文字、数字、記号を必須とし、長さを password_min_length 以上、再利用禁止の世代数を password_reuse_prevention 以上、有効期間を password_max_age_days 以下にする。ポリシーごとに一件の指摘とし、弱いすべての設定を挙げる。
#   remediation: Set minimum_password_length, require_lowercase_characters, require_uppercase_characters, require_numbers, require_symbols, password_reuse_prevention and max_password_age to the parameter values; prefer IAM Identity Center with MFA over IAM users.
#   remediation_ja: minimum_password_length、require_lowercase_characters、require_uppercase_characters、require_numbers、require_symbols、password_reuse_prevention、max_password_age をパラメータの値に合わせる。IAMユーザーよりも、MFAを有効にした IAM Identity Center を優先する。
package fiscguard.aws.iam.password_policy

import data.fiscguard.lib

required := {
	"require_lowercase_characters": {"en": "lowercase letters", "ja": "小文字"},
	"require_uppercase_characters": {"en": "uppercase letters", "ja": "大文字"},
	"require_numbers": {"en": "numbers", "ja": "数字"},
	"require_symbols": {"en": "symbols", "ja": "記号"},
}

# One finding per password policy, listing every weak setting.
deny contains result if {
	some result in fiscguard.one_per_resource(problems, {
		"fail": {"en": "Password policy %s is weak: ", "ja": "パスワードポリシー %s が弱い: "},
		"inconclusive": {"en": "Password policy %s: ", "ja": "パスワードポリシー %s の"},
	})
}

problems contains {
	"resource": p, "attribute": attr, "status": "fail",
	"en": sprintf("it does not require %s", [what.en]),
	"ja": sprintf("%sが必須になっていない", [what.ja]),
} if {
	some p in lib.resources("aws_iam_account_password_policy")
	some attr, what in required
	fiscguard.value(p, attr, false) != true
	not fiscguard.unknown(p, attr)
}

problems contains {
	"resource": p, "attribute": "minimum_password_length", "status": "fail",
	"en": sprintf("it allows passwords shorter than %s", [lib.count_text(minimum, "character", "characters")]),
	"ja": sprintf("%d 文字未満のパスワードを許している", [minimum]),
} if {
	some p in lib.resources("aws_iam_account_password_policy")
	not fiscguard.unknown(p, "minimum_password_length")
	minimum := lib.param("password_min_length")
	_number(fiscguard.value(p, "minimum_password_length", 6)) < minimum
}

problems contains {
	"resource": p, "attribute": "password_reuse_prevention", "status": "fail",
	"en": sprintf("it remembers fewer than %s", [lib.count_text(remembered, "previous password", "previous passwords")]),
	"ja": sprintf("再利用を禁止する過去のパスワードが %d 世代未満になっている", [remembered]),
} if {
	some p in lib.resources("aws_iam_account_password_policy")
	not fiscguard.unknown(p, "password_reuse_prevention")
	remembered := lib.param("password_reuse_prevention")
	_number(fiscguard.value(p, "password_reuse_prevention", 0)) < remembered
}

problems contains {
	"resource": p, "attribute": "max_password_age", "status": "fail",
	"en": sprintf("it lets passwords live longer than %s", [lib.count_text(days, "day", "days")]),
	"ja": sprintf("パスワードの有効期間が %d 日を超えている", [days]),
} if {
	some p in lib.resources("aws_iam_account_password_policy")
	not fiscguard.unknown(p, "max_password_age")
	days := lib.param("password_max_age_days")
	not _within(_number(fiscguard.value(p, "max_password_age", 0)), days)
}

problems contains {
	"resource": p, "attribute": attr, "status": "inconclusive",
	"en": sprintf("%s is known only after apply", [attr]),
	"ja": sprintf("%s は適用後まで確定しない", [attr]),
} if {
	some p in lib.resources("aws_iam_account_password_policy")
	some attr in object.keys(required) | {"minimum_password_length", "password_reuse_prevention", "max_password_age"}
	fiscguard.unknown(p, attr)
}

_number(v) := v if is_number(v)

else := 0

_within(age, days) if {
	age > 0
	age <= days
}
