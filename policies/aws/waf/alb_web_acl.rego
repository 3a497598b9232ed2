# METADATA
# title: Internet-facing Application Load Balancers have a WAF web ACL
# description: |
#   A web application firewall filters common attacks (SQL injection, cross-site
#   scripting, known bad inputs, floods) before they reach the application.
#   AWS's core-banking mapping lists applying AWS WAF to the Application Load
#   Balancer as a measure for intrusion prevention (実14). Every internet-facing
#   application aws_lb must be the resource_arn of an
#   aws_wafv2_web_acl_association (or aws_wafregional_web_acl_association) in
#   the plan. The catalog puts a WAF in front of internet-facing services among
#   what strict management adds, so the rule runs under strict management.
# custom:
#   id: FG-WAF-001
#   severity: high
#   fisc: ["実14"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実14": "aws-blea-workload:core-banking, AWS WAF applied to the Application Load Balancer", "運113": "derived:a WAF is the first line of defence against attacks on internet-facing endpoints"}
#   fisc_basis_ja: {"実14": "勘定系：Application Load BalancerへのAWS WAFの適用", "運113": "WAFは、インターネットに面するエンドポイントへの攻撃に対する最初の防御線である"}
#   profile: strict
#   strict_reason: "AWS lists a WAF on the Application Load Balancer as a measure of its core-banking reference, not among its baseline controls; fiscguard reads it as the higher standard of 実14."
#   strict_reason_ja: "AWSはApplication Load BalancerへのWAF適用を勘定系リファレンスの対策に挙げているが、基本の統制には含めていない。fiscguardは実14の高い基準と読む。"
#   responsibility: user
#   resource_types: [aws_lb, aws_alb]
#   title_ja: インターネット向けのApplication Load BalancerにWAFのWeb ACLを関連付ける
#   description_ja: |
#     WebアプリケーションファイアウォールはSQLインジェクション、クロスサイトスクリプティング、既知の不正な入力、大量アクセスなどの一般的な攻撃を、アプリケーションに届く前に遮断する。
#     AWSの勘定系の対応表は、Application Load BalancerへのAWS WAFの適用を不正侵入の防止（実14）の対策に挙げている。
#     インターネット向けのアプリケーション用 aws_lb は、プラン内の aws_wafv2_web_acl_association（または aws_wafregional_web_acl_association）の resource_arn で参照されなければならない。カタログではインターネット向けサービスの前段へのWAFを厳格な管理で加える対策としているため、厳格な管理で適用する。
#   remediation: Create an aws_wafv2_web_acl (scope REGIONAL, e.g. with the AWS managed core and known-bad-inputs rule groups) and an aws_wafv2_web_acl_association with resource_arn = the load balancer's arn.
#   remediation_ja: aws_wafv2_web_acl（scope は REGIONAL。例えばAWSマネージドのコアルールと既知の不正入力のルールグループを使う）を作成し、resource_arn にロードバランサーのARNを指定した aws_wafv2_web_acl_association を追加する。
package fiscguard.aws.waf.alb_web_acl

import data.fiscguard.lib.aws.elb.lb
import data.fiscguard.lib

deny contains fiscguard.fail(
	b, "",
	sprintf("Internet-facing load balancer %s has no WAF web ACL", [b.address]),
	sprintf("インターネット向けロードバランサー %s にWAFのWeb ACLが関連付けられていない", [b.address]),
) if {
	some b in lb.load_balancers
	lb.application(b)
	lb.internet_facing(b)
	count(lib.referrers(b, "aws_wafv2_web_acl_association", "resource_arn")) == 0
	count(lib.referrers(b, "aws_wafregional_web_acl_association", "resource_arn")) == 0
}
