# METADATA
# title: account baseline helpers
# description: |
#   Account-wide settings (S3 Block Public Access for the account, EBS
#   encryption by default, CloudTrail) are declared once, in the configuration
#   that holds the account baseline, not in every workload. A configuration
#   declares the baseline when it holds one of the account-level resource
#   types below; there a missing setting is a failure, elsewhere it is
#   inconclusive, to be judged where the baseline is kept.
package fiscguard.lib.aws.account

import data.fiscguard.lib

# baseline_types are resource types that exist once per account (or per
# account and region) and so mark the configuration of the account baseline.
baseline_types := [
	"aws_accessanalyzer_analyzer",
	"aws_config_configuration_recorder",
	"aws_ebs_encryption_by_default",
	"aws_ebs_snapshot_block_public_access",
	"aws_guardduty_detector",
	"aws_iam_account_password_policy",
	"aws_organizations_organization",
	"aws_s3_account_public_access_block",
	"aws_securityhub_account",
]

# baseline lists the account-level resources of the input, by address.
baseline := sort([r.address | some t in baseline_types; some r in lib.resources(t)])

# declares_baseline is true for the configuration of the account baseline.
declares_baseline if count(baseline) > 0

# anchor is where a missing account-wide setting is reported when nothing
# in the configuration relies on it: its first account-level resource.
anchor := first([r | some t in baseline_types; some r in lib.resources(t)]) if declares_baseline

# missing reports that the account-wide setting setting (a resource type,
# e.g. aws_s3_account_public_access_block) is absent, given the resources
# that rely on it (subjects, named in the message by what: en singular, en
# plural and ja nouns), at the first of them (or at the anchor when there is
# none): a failure in the configuration of the account baseline, else
# inconclusive, to be judged where the baseline is kept; nothing when there
# is neither.
missing(setting, subjects, what) := fiscguard.fail(
	_subject(subjects), "",
	sprintf("the account baseline (%s) declares no %s%s", [concat(", ", baseline), setting, _relying_en(subjects, what)]),
	sprintf("アカウントのベースライン（%s）に %s がない%s", [concat("、", baseline), setting, _relying_ja(subjects, what)]),
) if declares_baseline

else := fiscguard.inconclusive(
	first(subjects), "",
	sprintf("whether the account has %s is not known from this configuration, which holds no account baseline%s; judge it in the configuration that keeps the account baseline", [setting, _relying_en(subjects, what)]),
	sprintf("アカウントに %s があるかは、アカウントのベースラインを含まないこの構成からは分からない%s。アカウントのベースラインを管理する構成で判定すること", [setting, _relying_ja(subjects, what)]),
) if count(subjects) > 0

_subject(subjects) := first(subjects) if count(subjects) > 0

else := anchor

# first returns the resource with the least address (the least address
# found once, not again for each resource).
first(rs) := [r | some r in rs; r.address == least][0] if {
	least := min({x.address | some x in rs})
}

_relying_en(subjects, what) := sprintf(" (%s here rely on it)", [lib.count_text(count(subjects), what[0], what[1])]) if count(subjects) > 0

else := ""

_relying_ja(subjects, what) := sprintf("（この構成の%s%d件がこれに依拠している）", [what[2], count(subjects)]) if count(subjects) > 0

else := ""
