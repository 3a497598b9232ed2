# METADATA
# title: EC2 instances and launch templates require IMDSv2
# description: |
#   With IMDSv1 any request forgery on an instance (SSRF) can read the instance
#   role's temporary credentials from the metadata service. FISC expects
#   intrusion to be prevented (実14); AWS maps its IMDSv2 controls (SH.EC2.8,
#   SH.AutoScaling.3) to this item. metadata_options.http_tokens must be
#   "required".
# custom:
#   id: FG-EC2-002
#   severity: medium
#   fisc: ["実14"]
#   profile: simple
#   responsibility: user
#   resource_types: [aws_instance, aws_launch_template]
#   title_ja: EC2インスタンスと起動テンプレートでIMDSv2を必須にする
#   description_ja: |
#     IMDSv1では、インスタンス上でリクエストを偽造（SSRF）されるだけで、メタデータサービスからインスタンスロールの一時認証情報を読み取られるおそれがある。
#     FISCは不正侵入の防止（実14）を求めており、AWSはIMDSv2の統制（SH.EC2.8、SH.AutoScaling.3）をこの項目に対応付けている。
#     metadata_options の http_tokens を "required" にする。
#   remediation: Add metadata_options { http_tokens = "required" } to the instance or launch template (http_endpoint may stay "enabled").
#   remediation_ja: インスタンスまたは起動テンプレートに metadata_options { http_tokens = "required" } を追加する（http_endpoint は "enabled" のままでよい）。
package fiscguard.aws.ec2.imdsv2

import data.fiscguard.lib

types := ["aws_instance", "aws_launch_template"]

_path := ["metadata_options", 0, "http_tokens"]

deny contains lib.fail(
	r, "metadata_options[0].http_tokens",
	sprintf("%s does not require IMDSv2 (http_tokens is %q)", [r.address, lib.value(r, _path, "optional")]),
	sprintf("%s でIMDSv2が必須になっていない（http_tokens が %q）", [r.address, lib.value(r, _path, "optional")]),
) if {
	some t in types
	some r in lib.resources(t)
	not lib.unknown(r, ["metadata_options"])
	not lib.unknown(r, _path)
	lib.value(r, _path, "optional") != "required"
}

deny contains lib.inconclusive(
	r, "metadata_options[0].http_tokens",
	sprintf("%s: the IMDS setting is known only after apply (set metadata_options explicitly)", [r.address]),
	sprintf("%s のIMDS設定は適用後まで確定しない（metadata_options を明示的に設定する）", [r.address]),
) if {
	some t in types
	some r in lib.resources(t)
	unknown_setting(r)
}

unknown_setting(r) if lib.unknown(r, ["metadata_options"])

unknown_setting(r) if lib.unknown(r, _path)
