# METADATA
# title: Subnets, instances and launch templates do not assign public IP addresses
# description: |
#   An instance with a public IP address is reachable from the internet as soon
#   as a security group allows it. In fiscguard's reading, FISC asks for externally reachable systems to
#   be kept to a minimum (実15); AWS maps its controls against automatic public
#   IP assignment on subnets (SH.EC2.15), launch templates (SH.EC2.25) and
#   Auto Scaling launch configurations (SH.Autoscaling.5) to 実15. Fails when
#   aws_subnet.map_public_ip_on_launch, aws_instance or
#   aws_launch_configuration associate_public_ip_address, or a launch template
#   network interface's associate_public_ip_address is true.
# custom:
#   id: FG-EC2-005
#   severity: medium
#   fisc: ["実15"]
#   fisc_basis: {"実15": "aws-blea-ct:SH.EC2.15, SH.EC2.25, SH.Autoscaling.5"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_subnet, aws_instance, aws_launch_template, aws_launch_configuration]
#   title_ja: サブネット、インスタンス、起動テンプレートでパブリックIPアドレスを割り当てない
#   description_ja: |
#     パブリックIPアドレスを持つインスタンスは、セキュリティグループが許可した時点でインターネットから到達できてしまう。
#     fiscguardの読みでは、FISCは外部から接続できる機器の最小化（実15）を求めており、AWSはサブネット（SH.EC2.15）、起動テンプレート（SH.EC2.25）、Auto Scalingの起動設定（SH.Autoscaling.5）でのパブリックIPの自動割り当てを禁じる統制を実15に対応付けている。
#     aws_subnet の map_public_ip_on_launch、aws_instance や aws_launch_configuration の associate_public_ip_address、起動テンプレートのネットワークインターフェースの associate_public_ip_address が true の場合に違反とする。
#   remediation: Set map_public_ip_on_launch = false and associate_public_ip_address = false; publish services through a load balancer and reach instances through Session Manager or a VPN.
#   remediation_ja: map_public_ip_on_launch = false、associate_public_ip_address = false とする。サービスはロードバランサー経由で公開し、インスタンスへは Session Manager やVPN経由で接続する。
package fiscguard.aws.ec2.public_ip

import data.fiscguard.lib

deny contains fiscguard.fail(
	s, "map_public_ip_on_launch",
	sprintf("Subnet %s assigns public IP addresses to instances launched in it", [s.address]),
	sprintf("サブネット %s が起動したインスタンスにパブリックIPアドレスを割り当てる", [s.address]),
) if {
	some s in lib.resources("aws_subnet")
	fiscguard.value(s, "map_public_ip_on_launch", null) == true
}

deny contains fiscguard.fail(
	r, "associate_public_ip_address",
	sprintf("%s is given a public IP address", [r.address]),
	sprintf("%s にパブリックIPアドレスが割り当てられる", [r.address]),
) if {
	some t in ["aws_instance", "aws_launch_configuration"]
	some r in lib.resources(t)
	fiscguard.value(r, "associate_public_ip_address", null) == true
}

# Launch templates write the flag as a string ("true", "false" or "").
deny contains fiscguard.fail(
	lt, sprintf("network_interfaces[%d].associate_public_ip_address", [i]),
	sprintf("Launch template %s gives instances a public IP address", [lt.address]),
	sprintf("起動テンプレート %s がインスタンスにパブリックIPアドレスを割り当てる", [lt.address]),
) if {
	some lt in lib.resources("aws_launch_template")
	some i, ni in fiscguard.value(lt, "network_interfaces", [])
	ni.associate_public_ip_address in {true, "true"}
}
