# METADATA
# title: Load balancers write access logs
# description: |
#   Access logs record every request a load balancer receives, with the
#   client's address, which the application's own logs may not show. AWS's
#   core-banking mapping lists enabling Application Load Balancer access logs as
#   a measure for access records (実10) and for analysing failures (実72).
#   aws_lb (and aws_alb) must set access_logs { enabled = true } with a bucket.
# custom:
#   id: FG-ELB-001
#   severity: medium
#   fisc: ["実10", "実72"]
#   fisc_8th: ["運112"]
#   fisc_basis: {"実10": "aws-blea-workload:core-banking, ALB access logs enabled", "実72": "aws-blea-workload:core-banking, ALB access logs enabled", "運112": "derived:request records of internet-facing endpoints are what the institution monitors and audits its cloud use with"}
#   fisc_basis_ja: {"実10": "勘定系：ALBのアクセスログを有効化", "実72": "勘定系：ALBのアクセスログを有効化", "運112": "インターネットに面するエンドポイントのリクエスト記録は、金融機関がクラウドの利用を監視・監査するための記録である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_lb, aws_alb]
#   title_ja: ロードバランサーのアクセスログを有効にする
#   description_ja: |
#     アクセスログは、ロードバランサーが受けたすべての要求をクライアントのアドレスとともに記録する。これはアプリケーション自身のログには残らないことがある。
#     AWSの勘定系の対応表は、Application Load Balancerのアクセスログの有効化をアクセス履歴の管理（実10）と障害の分析（実72）の対策に挙げている。
#     aws_lb（および aws_alb）で access_logs { enabled = true } とし、保存先のバケットを指定する。
#   remediation: Add access_logs { bucket = <log bucket>, enabled = true } to the load balancer; the bucket policy must let the regional ELB log delivery write to it.
#   remediation_ja: ロードバランサーに access_logs { bucket = <ログ用バケット>, enabled = true } を追加する。バケットポリシーでリージョンのELBログ配信による書き込みを許可する。
package fiscguard.aws.elb.access_logs

import data.fiscguard.lib.aws.elb.lb

deny contains fiscguard.fail(
	b, "access_logs[0].enabled",
	sprintf("Load balancer %s writes no access logs", [b.address]),
	sprintf("ロードバランサー %s のアクセスログが有効になっていない", [b.address]),
) if {
	some b in lb.load_balancers
	fiscguard.value(b, ["access_logs", 0, "enabled"], false) != true
	not fiscguard.unknown(b, ["access_logs", 0, "enabled"])
}
