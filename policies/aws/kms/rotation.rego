# METADATA
# title: KMS keys rotate automatically
# description: |
#   A symmetric customer-managed key that never rotates keeps protecting new data
#   with the same key material for years, widening what one compromise exposes.
#   In fiscguard's reading, FISC asks for cryptographic keys to be protected (実13) and managed through
#   their life cycle (実30); AWS's core-banking mapping cites KMS key rotation
#   for both. enable_key_rotation must be true on symmetric encryption keys
#   (AWS does not rotate asymmetric or HMAC keys).
# custom:
#   id: FG-KMS-001
#   severity: medium
#   fisc: ["実13", "実30"]
#   fisc_8th: []
#   fisc_basis: {"実13": "aws-blea-workload:core-banking, key protection with AWS KMS (rotation condition is ours)", "実30": "aws-blea-workload:core-banking, encryption keys managed as KMS customer managed keys (rotation condition is ours)"}
#   fisc_basis_ja: {"実13": "勘定系：AWS KMSによる鍵の保護（ローテーションの条件はfiscguardによる）", "実30": "勘定系：暗号鍵をKMSの顧客管理キーとして管理（ローテーションの条件はfiscguardによる）"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_kms_key]
#   title_ja: KMSキーの自動ローテーションを有効にする
#   description_ja: |
#     ローテーションしない対称顧客管理キーは、何年も同じ鍵素材で新しいデータを保護し続けるため、一度の漏えいで影響を受ける範囲が広がる。
#     fiscguardの読みでは、FISCは暗号鍵の保護（実13）と暗号鍵の運用管理（実30）を求めており、AWSは勘定系の対応表でKMSキーのローテーションを両項目に挙げている。
#     対称暗号鍵では enable_key_rotation を true にする（非対称鍵やHMACキーはAWSがローテーションしない）。
#   remediation: Set enable_key_rotation = true (and rotation_period_in_days if the policy requires a period other than 365 days).
#   remediation_ja: enable_key_rotation = true を設定する（365日以外の周期が必要な場合は rotation_period_in_days も設定する）。
package fiscguard.aws.kms.rotation

import data.fiscguard.lib

deny contains fiscguard.fail(
	k, "enable_key_rotation",
	sprintf("KMS key %s does not rotate automatically", [k.address]),
	sprintf("KMSキー %s の自動ローテーションが有効になっていない", [k.address]),
) if {
	some k in lib.resources("aws_kms_key")
	fiscguard.value(k, "enable_key_rotation", false) != true
	symmetric(k)
	not fiscguard.unknown(k, "enable_key_rotation")
}

deny contains fiscguard.inconclusive(
	k, "enable_key_rotation",
	sprintf("KMS key %s: key rotation is known only after apply%s", [k.address, lib.from_text(k, "enable_key_rotation").en]),
	sprintf("KMSキー %s の自動ローテーション設定は適用後まで確定しない%s", [k.address, lib.from_text(k, "enable_key_rotation").ja]),
) if {
	some k in lib.resources("aws_kms_key")
	symmetric(k)
	fiscguard.unknown(k, "enable_key_rotation")
}

# symmetric is true for a symmetric encryption key, the only kind AWS rotates.
symmetric(k) if {
	fiscguard.value(k, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	fiscguard.value(k, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}
