# METADATA
# title: Security Hub is enabled with a security standard
# description: |
#   Security Hub aggregates the findings of GuardDuty, Config and the other
#   services and runs the security checks of its standards; without a
#   standard it checks nothing. AWS's core-banking reference lists alert
#   aggregation and security checks with AWS Security Hub among the measures
#   for security functions across the system (実89), and threat detection
#   with GuardDuty and Security Hub for defence against malicious programs
#   (実20). The configuration of the account baseline must declare an
#   aws_securityhub_account; one that sets enable_default_standards = false
#   needs an aws_securityhub_standards_subscription.
# custom:
#   id: FG-SECURITYHUB-001
#   severity: medium
#   fisc: ["実20", "実89"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実20": "aws-blea-workload:core-banking governance, threat detection with GuardDuty and Security Hub", "実89": "aws-blea-workload:core-banking governance, alert aggregation and security checks with AWS Security Hub", "運113": "derived:aggregated alerts and continuous security checks are part of readiness to respond to attacks"}
#   fisc_basis_ja: {"実20": "勘定系（共通統制）：GuardDutyとSecurity Hubによる脅威検知", "実89": "勘定系（共通統制）：AWS Security Hubによるアラートの集約とセキュリティチェック", "運113": "アラートの集約と継続的なセキュリティチェックは、攻撃への対応態勢の一部である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_securityhub_account]
#   title_ja: Security Hubをセキュリティ標準とともに有効にする
#   description_ja: |
#     Security HubはGuardDutyやConfigなどの検出結果を集約し、標準に含まれるセキュリティチェックを実行する。標準がなければ何もチェックしない。
#     AWSの勘定系リファレンスは、AWS Security Hubによるアラートの集約とセキュリティチェックをシステム全体のセキュリティ機能（実89）の対策に、GuardDutyとSecurity Hubによる脅威検知を不正プログラムへの防御（実20）の対策に挙げている。
#     アカウントのベースラインの構成では aws_securityhub_account を宣言しなければならず、enable_default_standards = false とする場合は aws_securityhub_standards_subscription が必要である。
#   remediation: Declare aws_securityhub_account in the account baseline (enable_default_standards true, the default) or subscribe to a standard with aws_securityhub_standards_subscription, for example AWS Foundational Security Best Practices.
#   remediation_ja: アカウントのベースラインで aws_securityhub_account を宣言する（enable_default_standards は既定値の true）か、aws_securityhub_standards_subscription で AWS Foundational Security Best Practices などの標準を購読する。
package fiscguard.aws.securityhub.standards

import data.fiscguard.lib
import data.fiscguard.lib.aws.account

hubs := lib.resources("aws_securityhub_account")

deny contains fiscguard.fail(
	h, "enable_default_standards",
	sprintf("Security Hub %s subscribes to no security standard", [h.address]),
	sprintf("Security Hub %s がどのセキュリティ標準も購読していない", [h.address]),
) if {
	some h in hubs
	fiscguard.value(h, ["enable_default_standards"], true) == false
	count([s | some s in lib.resources("aws_securityhub_standards_subscription"); s.region == h.region]) == 0
}

deny contains account.missing("aws_securityhub_account", [], []) if count(hubs) == 0
