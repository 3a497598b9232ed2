# METADATA
# title: The account baseline keeps a CloudTrail trail
# description: |
#   Without a trail, nothing keeps the account's API activity beyond the
#   90-day event history. AWS maps its Control Tower control that detects
#   whether CloudTrail is enabled in the account
#   (AWS-GR_DETECT_CLOUDTRAIL_ENABLED_ON_MEMBER_ACCOUNTS) to
#   unauthorised-access monitoring (実16). The configuration of the account
#   baseline must declare an aws_cloudtrail; where it also manages the
#   organisation that is a failure, otherwise an organisation trail kept in
#   the management account may cover the account, and the result is
#   inconclusive. That a declared trail logs is FG-CLOUDTRAIL-001's concern.
# custom:
#   id: FG-CLOUDTRAIL-003
#   severity: high
#   fisc: ["実16"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実16": "aws-blea-ct:AWS-GR_DETECT_CLOUDTRAIL_ENABLED_ON_MEMBER_ACCOUNTS", "運113": "derived:investigating a cyber attack starts from the API trail"}
#   fisc_basis_ja: {"運113": "サイバー攻撃の調査はAPIの証跡から始まる"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_cloudtrail]
#   title_ja: アカウントのベースラインでCloudTrailの証跡を設ける
#   description_ja: |
#     証跡がなければ、アカウントのAPI操作は90日間のイベント履歴を超えて残らない。
#     AWSは、アカウントでCloudTrailが有効かを検出するControl Towerの統制（AWS-GR_DETECT_CLOUDTRAIL_ENABLED_ON_MEMBER_ACCOUNTS）を不正アクセスの監視（実16）に対応付けている。
#     アカウントのベースラインの構成では aws_cloudtrail を宣言しなければならない。その構成が組織も管理していれば違反とし、そうでなければ管理アカウントの組織の証跡がこのアカウントを対象にしている可能性があるため判定不能とする。宣言した証跡が記録しているかは FG-CLOUDTRAIL-001 で判定する。
#   remediation: Declare an aws_cloudtrail in the account baseline (or an organisation trail, is_organization_trail = true, in the management account).
#   remediation_ja: アカウントのベースラインに aws_cloudtrail を宣言する（または管理アカウントで is_organization_trail = true の組織の証跡を設ける）。
package fiscguard.aws.cloudtrail.account_trail

import data.fiscguard.lib
import data.fiscguard.lib.aws.account
import data.fiscguard.lib.aws.scp

deny contains fiscguard.fail(
	account.anchor, "",
	sprintf("the account baseline (%s) declares no CloudTrail trail", [concat(", ", account.baseline)]),
	sprintf("アカウントのベースライン（%s）にCloudTrailの証跡がない", [concat("、", account.baseline)]),
) if {
	no_trail
	scp.manages_organization
}

deny contains fiscguard.inconclusive(
	account.anchor, "",
	sprintf("the account baseline (%s) declares no CloudTrail trail; whether an organisation trail kept elsewhere covers the account is not known", [concat(", ", account.baseline)]),
	sprintf("アカウントのベースライン（%s）にCloudTrailの証跡がない。他の構成で管理する組織の証跡がこのアカウントを対象にしているかは分からない", [concat("、", account.baseline)]),
) if {
	no_trail
	not scp.manages_organization
}

no_trail if {
	account.declares_baseline
	count(lib.resources("aws_cloudtrail")) == 0
}
