# METADATA
# title: GuardDuty detectors are enabled
# description: |
#   GuardDuty analyses the API trail, flow logs and DNS queries for signs of
#   compromise. In fiscguard's reading, FISC asks for unauthorised access to be monitored (実16) and
#   defences against malicious programs (実20); AWS maps its control that
#   GuardDuty is enabled (SH.GuardDuty.1) to 実16 and lists GuardDuty threat
#   detection as a measure for 実20. A declared aws_guardduty_detector must not
#   set enable = false.
# custom:
#   id: FG-GUARDDUTY-001
#   severity: high
#   fisc: ["実16", "実20"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実16": "aws-blea-ct:SH.GuardDuty.1", "実20": "aws-blea-workload:core-banking governance, threat detection with GuardDuty and Security Hub", "運113": "seed:運113 names readiness for cyber attacks; continuous threat detection is its detection part"}
#   fisc_basis_ja: {"実20": "勘定系（共通統制）：GuardDutyとSecurity Hubによる脅威検知", "運113": "運113はサイバー攻撃への対応態勢を挙げる。継続的な脅威検知はその検知の部分にあたる"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_guardduty_detector]
#   title_ja: GuardDutyの検出器を有効にする
#   description_ja: |
#     GuardDutyはAPI証跡、フローログ、DNSクエリを分析して侵害の兆候を検知する。
#     fiscguardの読みでは、FISCは不正アクセスの監視（実16）と不正プログラムへの防御（実20）を求めており、AWSはGuardDutyを有効にする統制（SH.GuardDuty.1）を実16に対応付け、GuardDutyによる脅威検知を実20の対策に挙げている。
#     宣言した aws_guardduty_detector で enable = false としてはならない。
#   remediation: Set enable = true on the detector (the default) in every region the institution uses, ideally managed from a delegated administrator account.
#   remediation_ja: 利用するすべてのリージョンで検出器を enable = true（既定値）とする。委任管理者アカウントから一元管理することが望ましい。
package fiscguard.aws.guardduty.detector

import data.fiscguard.lib

deny contains fiscguard.fail(
	d, "enable",
	sprintf("GuardDuty detector %s is disabled", [d.address]),
	sprintf("GuardDutyの検出器 %s が無効になっている", [d.address]),
) if {
	some d in lib.resources("aws_guardduty_detector")
	fiscguard.value(d, "enable", null) == false
}
