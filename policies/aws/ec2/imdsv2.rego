# METADATA
# title: EC2 instances, launch templates and launch configurations require IMDSv2
# description: |
#   With IMDSv1 any request forgery on an instance (SSRF) can read the instance
#   role's temporary credentials from the metadata service. In fiscguard's reading, FISC asks for
#   intrusion to be prevented (実14); AWS maps its IMDSv2 controls (SH.EC2.8,
#   SH.AutoScaling.3) to this item. metadata_options.http_tokens must be
#   "required" on aws_instance, aws_launch_template and
#   aws_launch_configuration (Auto Scaling).
# custom:
#   id: FG-EC2-002
#   severity: medium
#   fisc: ["実14"]
#   fisc_basis: {"実14": "aws-blea-ct:SH.EC2.8, SH.AutoScaling.3"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   title_ja: EC2インスタンス、起動テンプレート、起動設定でIMDSv2を必須にする
#   description_ja: |
#     IMDSv1では、インスタンス上でリクエストを偽造（SSRF）されるだけで、メタデータサービスからインスタンスロールの一時認証情報を読み取られるおそれがある。
#     fiscguardの読みでは、FISCは不正侵入の防止（実14）を求めており、AWSはIMDSv2の統制（SH.EC2.8、SH.AutoScaling.3）をこの項目に対応付けている。
#     aws_instance、aws_launch_template、aws_launch_configuration（Auto Scaling）の metadata_options で http_tokens を "required" にする。
#   remediation: Add metadata_options { http_tokens = "required" } to the instance, launch template or launch configuration (http_endpoint may stay "enabled").
#   remediation_ja: インスタンス、起動テンプレート、起動設定に metadata_options { http_tokens = "required" } を追加する（http_endpoint は "enabled" のままでよい）。
package fiscguard.aws.ec2.imdsv2

import data.fiscguard.lib

types := ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

_path := ["metadata_options", 0, "http_tokens"]

deny contains fiscguard.fail(
	r, "metadata_options[0].http_tokens",
	sprintf("%s does not require IMDSv2 (http_tokens is %q)", [r.address, tokens]),
	sprintf("%s でIMDSv2が必須になっていない（http_tokens が %q）", [r.address, tokens]),
) if {
	some t in types
	some r in lib.resources(t)
	tokens := fiscguard.value(r, _path, null)
	is_string(tokens)
	tokens != "required"
}

# Left unset, the AMI's or the account's default decides; set from a value
# known only after apply, the plan cannot tell either.
deny contains fiscguard.inconclusive(
	r, "metadata_options[0].http_tokens",
	sprintf("%s: whether IMDSv2 is required is not known from the configuration: http_tokens is not set there, so the AMI's default applies (set metadata_options { http_tokens = \"required\" })", [r.address]),
	sprintf("%s でIMDSv2が必須かは構成からは分からない。http_tokens が構成で決まっておらず、AMIの既定に従う（metadata_options { http_tokens = \"required\" } を設定する）", [r.address]),
) if {
	some t in types
	some r in lib.resources(t)
	not is_string(fiscguard.value(r, _path, null))
}
