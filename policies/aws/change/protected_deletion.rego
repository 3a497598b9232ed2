# METADATA
# title: Plans do not delete or replace protected resources
# description: |
#   Under strict management, deleting or replacing a database, a KMS key, a
#   backup vault, an audit trail, a log group or a log bucket destroys data,
#   the key that decrypts it or the evidence of what happened, and replacing
#   one starts it empty. AWS maps deletion protection (SH.RDS.8) to 実100; this
#   rule applies the same protection to the change itself, so such a plan
#   needs an explicit, recorded waiver. The types and bucket names are the
#   protected_resource_types and protected_bucket_patterns parameters.
# custom:
#   id: FG-CHANGE-001
#   severity: high
#   fisc: ["実100"]
#   fisc_basis: {"実100": "derived:AWS maps RDS deletion protection (SH.RDS.8) to 実100; refusing a plan that deletes or replaces protected stores is the same protection applied to the change"}
#   fisc_basis_ja: {"実100": "AWSはRDSの削除保護（SH.RDS.8）を実100に対応付けている。保護対象を削除・置換するプランを拒否することは、同じ保護を変更に適用するものである"}
#   profile: strict
#   strict_reason: "Refusing a plan that deletes protected stores goes beyond deletion protection on the resources, which is the minimum; it is fiscguard's reading."
#   strict_reason_ja: "保護対象を削除するプランを拒否することは、リソースの削除保護（最低限）を超えるものであり、fiscguardの読みである。"
#   responsibility: user
#   resource_types: ["*"]
#   inputs: [plan]
#   title_ja: プランで保護対象のリソースを削除・置換しない
#   description_ja: |
#     厳格な管理のもとでは、データベース、KMSキー、バックアップボールト、監査証跡、ロググループ、ログ用バケットの削除や置換は、
#     データ、その復号に必要な鍵、または何が起きたかの証跡を失わせ、置換すれば空の状態から始まる。
#     AWSは削除保護（SH.RDS.8）を実100に対応付けており、本ルールは同じ保護を変更そのものに適用する。
#     対象の種類とバケット名はパラメータ protected_resource_types と protected_bucket_patterns で定める。
#   remediation: Change the plan so the resource is updated in place (check which argument forces replacement), or, when the deletion is intended, record a waiver with its reason, owner, ticket and expiry.
#   remediation_ja: リソースがその場で更新されるようにプランを見直す（置換を引き起こす引数を確認する）。削除が意図したものであれば、理由・責任者・チケット・期限を記した免除を登録する。
package fiscguard.aws.change.protected_deletion

import data.fiscguard.lib

deny contains fiscguard.fail(
	r, "",
	sprintf("The plan %s %s, a protected resource", [verb(r).en, r.address]),
	sprintf("プランが保護対象のリソース %s を%s", [r.address, verb(r).ja]),
) if {
	some t in lib.param("protected_resource_types")
	some r in lib.deleting(t)
	protected(r)
}

protected(r) if r.type != "aws_s3_bucket"

protected(r) if {
	r.type == "aws_s3_bucket"
	name := fiscguard.value(r, "bucket", "")
	is_string(name)
	some p in lib.param("protected_bucket_patterns")
	glob.match(p, [], name)
}

verb(r) := {"en": "deletes", "ja": "削除する"} if r.actions == ["delete"]

else := {"en": "replaces", "ja": "置換する"}
