# METADATA
# title: CloudWatch log groups are encrypted with a customer-managed KMS key
# description: |
#   CloudWatch Logs encrypts log data with keys AWS manages; the institution can
#   neither restrict their use nor destroy them. Under strict management, in fiscguard's reading, FISC
#   asks for keys the institution controls (実13) and data that can be made
#   unrecoverable at contract end (運111). AWS's core-banking mapping protects the
#   CloudTrail and Config logs with customer-managed keys under 実13; extending
#   it to every log group is ours. aws_cloudwatch_log_group must set kms_key_id.
# custom:
#   id: FG-LOGS-002
#   severity: medium
#   fisc: ["実13"]
#   fisc_8th: ["運110", "運111"]
#   fisc_basis: {"実13": "derived:AWS protects CloudTrail and Config logs with customer managed keys under 実13; the same for every log group is our extension", "運110": "seed:運110 names data leakage while the service is in use (strict side: institution-controlled keys)", "運111": "derived:logs under a key the institution owns can be made unrecoverable at contract end by deleting the key (crypto-erasure)"}
#   fisc_basis_ja: {"実13": "AWSは実13の対策としてCloudTrailとConfigのログを顧客管理キーで保護している。すべてのロググループへの適用はfiscguardによる拡張である", "運110": "運110は利用中のデータ漏洩を挙げる（厳格な側：金融機関が管理する鍵）", "運111": "金融機関が所有する鍵で暗号化したログは、契約終了時に鍵を削除して復元不能にできる（暗号学的消去）"}
#   profile: strict
#   strict_reason: "CloudWatch Logs are encrypted by default; customer-managed keys for every log group extend AWS's measure for the CloudTrail and Config logs, which is more than the minimum."
#   strict_reason_ja: "CloudWatch Logsは既定で暗号化される。すべてのロググループに顧客管理キーを求めるのは、CloudTrailとConfigのログに対するAWSの対策の拡張であり、最低限を超える。"
#   responsibility: user
#   resource_types: [aws_cloudwatch_log_group]
#   title_ja: CloudWatchロググループを顧客管理のKMSキーで暗号化する
#   description_ja: |
#     CloudWatch LogsはAWSが管理する鍵でログを暗号化しており、金融機関はその利用を制限することも破棄することもできない。
#     fiscguardの読みでは、厳格な管理についてFISCは金融機関が管理する鍵（実13）と、契約終了時に復元不能にできるデータ（運111）を求めている。AWSの勘定系の対応表は実13でCloudTrailとConfigのログを顧客管理キーで保護しており、すべてのロググループへの適用はfiscguardによる拡張である。
#     aws_cloudwatch_log_group で kms_key_id を指定する。
#   remediation: Set kms_key_id to a customer-managed aws_kms_key whose key policy lets the regional CloudWatch Logs service use it.
#   remediation_ja: kms_key_id に、キーポリシーでリージョンのCloudWatch Logsサービスによる利用を許可した顧客管理の aws_kms_key を指定する。
package fiscguard.aws.logs.kms_encryption

import data.fiscguard.lib
import data.fiscguard.lib.aws.kms

deny contains fiscguard.fail(
	g, "kms_key_id",
	sprintf("Log group %s is not encrypted with a customer-managed KMS key", [g.address]),
	sprintf("ロググループ %s が顧客管理のKMSキーで暗号化されていない", [g.address]),
) if {
	some g in lib.resources("aws_cloudwatch_log_group")
	kms.key_status(g, ["kms_key_id"]) == "none"
}

deny contains fiscguard.inconclusive(
	g, "kms_key_id",
	sprintf("Log group %s: the KMS key is known only after apply%s", [g.address, lib.from_text(g, "kms_key_id").en]),
	sprintf("ロググループ %s のKMSキーは適用後まで確定しない%s", [g.address, lib.from_text(g, "kms_key_id").ja]),
) if {
	some g in lib.resources("aws_cloudwatch_log_group")
	kms.key_status(g, ["kms_key_id"]) == "unknown"
}
