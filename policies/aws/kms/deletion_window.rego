# METADATA
# title: KMS keys wait long enough before deletion
# description: |
#   Deleting a KMS key makes everything encrypted under it unrecoverable; the
#   deletion window is the only time to notice and cancel a mistaken or
#   malicious deletion. AWS maps its control that KMS keys are not deleted
#   unintentionally (SH.KMS.3) to the operational management of keys (実30); a
#   plan can show the window, not the deletion itself. Under strict management
#   (where data is meant to be erased by deleting its key at contract end, 運111)
#   deletion_window_in_days of aws_kms_key must be at least the
#   min_kms_deletion_window_days parameter (30 days); unset means 30.
# custom:
#   id: FG-KMS-002
#   severity: low
#   fisc: ["実30"]
#   fisc_8th: ["運111"]
#   fisc_basis: {"実30": "aws-blea-ct:SH.KMS.3 (static proxy: the deletion window)", "運111": "derived:when data is erased at contract end by deleting its key, the deletion window is the safeguard against erasing it too early"}
#   fisc_basis_ja: {"実30": "SH.KMS.3（構成から判断できる代わりの指標：削除の待機期間）", "運111": "契約終了時に鍵の削除でデータを消去する場合、待機期間は早すぎる消去に対する安全策である"}
#   profile: strict
#   strict_reason: "The window matters where data is erased by deleting its key (the strict side of 運111); the default window already lets a mistaken deletion be cancelled."
#   strict_reason_ja: "待機期間が意味を持つのは鍵の削除でデータを消去する場合（運111の厳格な側）であり、既定の待機期間でも誤った削除は取り消せる。"
#   responsibility: user
#   resource_types: [aws_kms_key]
#   title_ja: KMSキーの削除待機期間を十分に取る
#   description_ja: |
#     KMSキーを削除すると、その鍵で暗号化したものはすべて復元できなくなる。削除待機期間は、誤った削除や悪意のある削除に気付いて取り消せる唯一の期間である。
#     AWSはKMSキーを意図せず削除しない統制（SH.KMS.3）を暗号鍵の運用管理（実30）に対応付けている。プランから分かるのは削除そのものではなく待機期間である。
#     鍵の削除により契約終了時にデータを消去する厳格な管理（運111）では、aws_kms_key の deletion_window_in_days をパラメータ min_kms_deletion_window_days（30日）以上にする。未指定は30日である。
#   remediation: Set deletion_window_in_days = 30 (or leave it unset) and require approval for ScheduleKeyDeletion in the key policy.
#   remediation_ja: deletion_window_in_days = 30 とする（または指定しない）。キーポリシーで ScheduleKeyDeletion に承認を必要とする。
package fiscguard.aws.kms.deletion_window

import data.fiscguard.lib

deny contains fiscguard.fail(
	k, "deletion_window_in_days",
	sprintf("KMS key %s can be deleted after %s, less than %d", [k.address, lib.count_text(days, "day", "days"), lib.param("min_kms_deletion_window_days")]),
	sprintf("KMSキー %s が %d 日で削除でき、%d 日に満たない", [k.address, days, lib.param("min_kms_deletion_window_days")]),
) if {
	some k in lib.resources("aws_kms_key")
	days := fiscguard.value(k, "deletion_window_in_days", 30)
	is_number(days)
	days < lib.param("min_kms_deletion_window_days")
}
