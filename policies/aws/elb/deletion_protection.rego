# METADATA
# title: Load balancers have deletion protection
# description: |
#   Deleting the load balancer in front of a service takes the service offline
#   and frees its DNS name. AWS maps deletion protection of RDS instances
#   (SH.RDS.8) to 実100; we extend it to load balancers under strict
#   management. aws_lb (and aws_alb) must set enable_deletion_protection = true.
# custom:
#   id: FG-ELB-003
#   severity: low
#   fisc: ["実100"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実100": "derived:AWS maps RDS deletion protection (SH.RDS.8) to 実100; the same protection for load balancers is our extension", "運113": "derived:an attacker with stolen credentials should not be able to take the service offline in one call"}
#   fisc_basis_ja: {"実100": "AWSはRDSの削除保護（SH.RDS.8）を実100に対応付けている。ロードバランサーへの同じ保護はfiscguardによる拡張である", "運113": "認証情報を盗んだ攻撃者が一度の呼び出しでサービスを停止できてはならない"}
#   profile: strict
#   strict_reason: "AWS maps deletion protection only for RDS (SH.RDS.8); extending it to load balancers is fiscguard's reading, so it belongs to the higher standard."
#   strict_reason_ja: "AWSが削除保護を対応付けているのはRDS（SH.RDS.8）のみであり、ロードバランサーへの拡張はfiscguardの読みであるため、高い基準に置く。"
#   responsibility: user
#   resource_types: [aws_lb, aws_alb]
#   title_ja: ロードバランサーの削除保護を有効にする
#   description_ja: |
#     サービスの前段のロードバランサーを削除すると、サービスが停止し、そのDNS名も失われる。
#     AWSはRDSインスタンスの削除保護（SH.RDS.8）を実100に対応付けており、厳格な管理ではロードバランサーにも適用する。
#     aws_lb（および aws_alb）で enable_deletion_protection = true とする。
#   remediation: Set enable_deletion_protection = true on the load balancer.
#   remediation_ja: ロードバランサーで enable_deletion_protection = true とする。
package fiscguard.aws.elb.deletion_protection

import data.fiscguard.lib.aws.elb.lb

deny contains fiscguard.fail(
	b, "enable_deletion_protection",
	sprintf("Load balancer %s has no deletion protection", [b.address]),
	sprintf("ロードバランサー %s の削除保護が有効になっていない", [b.address]),
) if {
	some b in lb.load_balancers
	fiscguard.value(b, "enable_deletion_protection", false) != true
	not fiscguard.unknown(b, "enable_deletion_protection")
}
