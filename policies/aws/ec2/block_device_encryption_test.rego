package fiscguard.aws.ec2.block_device_encryption_test

import data.fiscguard.aws.ec2.block_device_encryption
import data.fiscguard.lib.testing

instance(root, ebs) := testing.resource("aws_instance", "app", {"ami": "ami-1", "root_block_device": root, "ebs_block_device": ebs})

test_encrypted_devices_pass if {
	i := instance([{"encrypted": true}], [{"device_name": "/dev/sdf", "encrypted": true}])
	count(block_device_encryption.deny) == 0 with input as testing.doc([i])
}

test_unencrypted_data_device_fails if {
	i := instance([{"encrypted": true}], [{"device_name": "/dev/sdf", "encrypted": false}])
	res := block_device_encryption.deny with input as testing.doc([i])
	some r in res
	r.status == "fail"
	r.attribute == "ebs_block_device[0].encrypted"
}

test_unknown_device_encryption_is_inconclusive if {
	i := object.union(instance([{"volume_size": 30}], []), {"unknown": {"root_block_device": [{"encrypted": true}]}, "refs": {"root_block_device": ["aws_ssm_parameter.encrypt"]}})
	res := block_device_encryption.deny with input as testing.doc([i])
	testing.has(res, "aws_instance.app", "inconclusive")
	not testing.has(res, "aws_instance.app", "fail")
}

# The plan loader drops the marker of an unset argument the provider computes.
test_unset_device_encryption_fails if {
	i := instance([{"volume_size": 30}], [])
	res := block_device_encryption.deny with input as testing.doc([i])
	testing.has(res, "aws_instance.app", "fail")
}

test_root_left_to_ami_is_inconclusive if {
	i := object.union(testing.resource("aws_instance", "app", {"ami": "ami-1"}), {"unknown": {"root_block_device": true}})
	res := block_device_encryption.deny with input as testing.doc([i])
	testing.has(res, "aws_instance.app", "inconclusive")
}

test_encryption_by_default_passes if {
	i := instance([{"encrypted": false}], [])
	d := testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true})
	count(block_device_encryption.deny) == 0 with input as testing.doc([i, d])
}

test_launch_template if {
	lt := testing.resource("aws_launch_template", "app", {"block_device_mappings": [
		{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true"}]},
		{"device_name": "/dev/sdf", "ebs": [{"encrypted": "false"}]},
		{"device_name": "/dev/sdg", "ebs": [{"encrypted": ""}]},
	]})
	res := block_device_encryption.deny with input as testing.doc([lt])
	count(res) == 1
	some r in res
	r.status == "fail"
	r.attributes == ["block_device_mappings[1].ebs[0].encrypted"]
}

test_launch_template_left_to_the_snapshot_is_inconclusive if {
	lt := testing.resource("aws_launch_template", "app", {"block_device_mappings": [{"device_name": "/dev/sdg", "ebs": [{"encrypted": ""}]}]})
	res := block_device_encryption.deny with input as testing.doc([lt])
	count(res) == 1
	testing.has(res, "aws_launch_template.app", "inconclusive")
}

test_deleted_instance_is_not_checked if {
	i := object.union(instance([{"encrypted": false}], []), {"actions": ["delete"]})
	count(block_device_encryption.deny) == 0 with input as testing.doc([i])
}
