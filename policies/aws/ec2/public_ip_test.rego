package fiscguard.aws.ec2.public_ip_test

import data.fiscguard.aws.ec2.public_ip
import data.fiscguard.lib.testing

test_public_subnet_fails if {
	s := testing.resource("aws_subnet", "app", {"cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": true})
	res := public_ip.deny with input as testing.doc([s])
	testing.has(res, "aws_subnet.app", "fail")
}

test_private_subnet_passes if {
	s := testing.resource("aws_subnet", "app", {"cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": false})
	count(public_ip.deny) == 0 with input as testing.doc([s])
}

test_instance_with_public_ip_fails if {
	i := testing.resource("aws_instance", "app", {"associate_public_ip_address": true})
	res := public_ip.deny with input as testing.doc([i])
	testing.has(res, "aws_instance.app", "fail")
}

test_instance_default_passes if {
	i := object.union(testing.resource("aws_instance", "app", {"ami": "ami-1"}), {"unknown": {"associate_public_ip_address": true}})
	count(public_ip.deny) == 0 with input as testing.doc([i])
}

test_launch_template_string_flag_fails if {
	lt := testing.resource("aws_launch_template", "app", {"network_interfaces": [{"associate_public_ip_address": "true"}]})
	res := public_ip.deny with input as testing.doc([lt])
	testing.has(res, "aws_launch_template.app", "fail")
}

test_launch_template_false_passes if {
	lt := testing.resource("aws_launch_template", "app", {"network_interfaces": [{"associate_public_ip_address": "false"}]})
	count(public_ip.deny) == 0 with input as testing.doc([lt])
}

test_deleted_subnet_is_not_checked if {
	s := object.union(testing.resource("aws_subnet", "app", {"map_public_ip_on_launch": true}), {"actions": ["delete"]})
	count(public_ip.deny) == 0 with input as testing.doc([s])
}
