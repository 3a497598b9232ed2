# METADATA
# title: VPCs have flow logs
# description: |
#   Without flow logs there is no record of which addresses talked to which, so
#   unauthorised connections can be neither detected nor reconstructed. In fiscguard's reading, FISC
#   asks for access records to be kept (実10) and unauthorised access to be
#   monitored (実16); AWS maps its VPC flow logging control (SH.EC2.6) to both.
#   Every VPC needs an aws_flow_log whose vpc_id refers to it.
# custom:
#   id: FG-VPC-001
#   severity: medium
#   fisc: ["実10", "実16"]
#   fisc_8th: ["運112", "運113"]
#   fisc_basis: {"実10": "aws-blea-ct:SH.EC2.6", "実16": "aws-blea-ct:SH.EC2.6", "運112": "derived:network flow records are monitoring evidence for the cloud environment in use", "運113": "derived:flow records are needed to detect and reconstruct attacks"}
#   fisc_basis_ja: {"運112": "ネットワークのフロー記録は、利用中のクラウド環境を監視した証跡である", "運113": "フロー記録は攻撃の検知と再構成に必要である"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_vpc, aws_flow_log]
#   title_ja: VPCフローログを有効にする
#   description_ja: |
#     フローログがないと、どのアドレスとどのアドレスが通信したかの記録が残らず、不正な接続を検知することも後から追跡することもできない。
#     fiscguardの読みでは、FISCはアクセス履歴の管理（実10）と不正アクセスの監視（実16）を求めており、AWSはVPCフローログの統制（SH.EC2.6）を両項目に対応付けている。
#     すべてのVPCに、vpc_id でそのVPCを参照する aws_flow_log を設ける。
#   remediation: Add an aws_flow_log with vpc_id = the VPC's id, traffic_type = "ALL" and a CloudWatch Logs or S3 destination.
#   remediation_ja: vpc_id にVPCのIDを指定し、traffic_type = "ALL"、送信先をCloudWatch LogsまたはS3とした aws_flow_log を追加する。
package fiscguard.aws.vpc.flow_logs

import data.fiscguard.lib

deny contains fiscguard.fail(
	v, "",
	sprintf("VPC %s has no flow log", [v.address]),
	sprintf("VPC %s にフローログが設定されていない", [v.address]),
) if {
	some v in lib.resources("aws_vpc")
	count(lib.referrers(v, "aws_flow_log", "vpc_id")) == 0
	not logged_by_id(v)
}

# A flow log may name an existing VPC by its literal ID.
logged_by_id(v) if {
	id := fiscguard.value(v, "id", "")
	id != ""
	_by_vpc_id[id]
}

_by_vpc_id contains id if {
	some f in lib.resources("aws_flow_log")
	id := fiscguard.value(f, "vpc_id", "")
	is_string(id)
	id != ""
}
