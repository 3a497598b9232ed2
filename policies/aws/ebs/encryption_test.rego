package fiscguard.aws.ebs.encryption_test

import data.fiscguard.aws.ebs.encryption
import data.fiscguard.lib.testing

test_unencrypted_volume_fails if {
	r := testing.resource("aws_ebs_volume", "data", {"encrypted": false})
	res := encryption.deny with input as testing.doc([r])
	testing.has(res, "aws_ebs_volume.data", "fail")
}

test_missing_attribute_fails if {
	r := testing.resource("aws_ebs_volume", "data", {})
	res := encryption.deny with input as testing.doc([r])
	testing.has(res, "aws_ebs_volume.data", "fail")
}

test_encrypted_volume_passes if {
	r := testing.resource("aws_ebs_volume", "data", {"encrypted": true})
	count(encryption.deny) == 0 with input as testing.doc([r])
}

test_unknown_encryption_is_inconclusive if {
	r := object.union(testing.resource("aws_ebs_volume", "data", {}), {"unknown": {"encrypted": true}, "refs": {"encrypted": ["aws_ssm_parameter.encrypt"]}})
	res := encryption.deny with input as testing.doc([r])
	testing.has(res, "aws_ebs_volume.data", "inconclusive")
	not testing.has(res, "aws_ebs_volume.data", "fail")
}

test_default_encryption_in_region_passes if {
	v := testing.resource("aws_ebs_volume", "data", {})
	d := testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true})
	count(encryption.deny) == 0 with input as testing.doc([v, d])
}

test_default_encryption_in_other_region_does_not_count if {
	v := testing.resource("aws_ebs_volume", "data", {})
	d := object.union(testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true}), {"region": "us-east-1"})
	res := encryption.deny with input as testing.doc([v, d])
	testing.has(res, "aws_ebs_volume.data", "fail")
}

test_deleted_volume_is_not_checked if {
	r := object.union(testing.resource("aws_ebs_volume", "data", {"encrypted": false}), {"actions": ["delete"]})
	count(encryption.deny) == 0 with input as testing.doc([r])
}

test_unset_encryption_fails if {
	r := testing.resource("aws_ebs_volume", "data", {})
	res := encryption.deny with input as testing.doc([r])
	testing.has(res, "aws_ebs_volume.data", "fail")
}

# encrypted = var.encrypt with a value known only after apply, e.g. passed by a module's caller.
test_encryption_from_an_unknown_variable_is_inconclusive if {
	r := object.union(testing.resource("aws_ebs_volume", "data", {}), {"unknown": {"encrypted": true}})
	res := encryption.deny with input as testing.doc([r])
	testing.has(res, "aws_ebs_volume.data", "inconclusive")
	not testing.has(res, "aws_ebs_volume.data", "fail")
}

# An inconclusive message says what is unknown and where it comes from.
test_inconclusive_message_names_the_source if {
	r := object.union(testing.resource("aws_ebs_volume", "data", {}), {"unknown": {"encrypted": true}, "unresolved": {"encrypted": ["module.m.local.encrypt"]}})
	res := encryption.deny with input as testing.doc([r])
	some x in res
	x.message.en == "EBS volume aws_ebs_volume.data: encryption is known only after apply: `encrypted` comes from module.m.local.encrypt"
	x.message.ja == "EBSボリューム aws_ebs_volume.data の暗号化設定は適用後まで確定しない（encrypted は module.m.local.encrypt から決まる）"
}
