# METADATA
# title: CloudTrail trails deliver to CloudWatch Logs
# description: |
#   A trail delivered only to S3 is read after the fact; delivered to CloudWatch
#   Logs, API activity can raise metric filters and alarms within minutes (root
#   sign-in, security group or policy changes). AWS maps its control that trails
#   are integrated with CloudWatch Logs (SH.CloudTrail.5) to intrusion
#   prevention (実14) and unauthorised-access monitoring (実16).
#   aws_cloudtrail must set cloud_watch_logs_group_arn (with a role).
# custom:
#   id: FG-CLOUDTRAIL-002
#   severity: low
#   fisc: ["実14", "実16"]
#   fisc_8th: ["運113"]
#   fisc_basis: {"実14": "aws-blea-ct:SH.CloudTrail.5", "実16": "aws-blea-ct:SH.CloudTrail.5", "運113": "derived:alerting on API activity within minutes is part of readiness to respond to attacks"}
#   fisc_basis_ja: {"運113": "API操作を数分以内に通知することは、攻撃への対応態勢の一部である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_cloudtrail]
#   title_ja: CloudTrailの証跡をCloudWatch Logsに配信する
#   description_ja: |
#     S3にしか配信しない証跡は事後に読むことしかできない。CloudWatch Logsに配信すれば、API操作（ルートユーザーのサインイン、セキュリティグループやポリシーの変更など）に対してメトリクスフィルターとアラームで数分以内に通知できる。
#     AWSは証跡をCloudWatch Logsと統合する統制（SH.CloudTrail.5）を不正侵入の防止（実14）と不正アクセスの監視（実16）に対応付けている。
#     aws_cloudtrail で cloud_watch_logs_group_arn（とロール）を指定する。
#   remediation: Set cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*" and cloud_watch_logs_role_arn to a role CloudTrail can assume to write to it.
#   remediation_ja: cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*" とし、cloud_watch_logs_role_arn にCloudTrailが引き受けて書き込めるロールを指定する。
package fiscguard.aws.cloudtrail.cloudwatch_logs

import data.fiscguard.lib

deny contains fiscguard.fail(
	t, "cloud_watch_logs_group_arn",
	sprintf("CloudTrail trail %s is not delivered to CloudWatch Logs", [t.address]),
	sprintf("CloudTrailの証跡 %s がCloudWatch Logsに配信されていない", [t.address]),
) if {
	some t in lib.resources("aws_cloudtrail")
	fiscguard.value(t, "cloud_watch_logs_group_arn", "") in {"", null}
	not fiscguard.unknown(t, "cloud_watch_logs_group_arn")
}
