package fiscguard.aws.kms.rotation_test

import data.fiscguard.aws.kms.rotation
import data.fiscguard.lib.testing

key(values) := testing.resource("aws_kms_key", "data", values)

test_key_without_rotation_fails if {
	res := rotation.deny with input as testing.doc([key({"description": "data", "enable_key_rotation": false})])
	testing.has(res, "aws_kms_key.data", "fail")
}

test_default_is_no_rotation if {
	res := rotation.deny with input as testing.doc([key({"description": "data"})])
	testing.has(res, "aws_kms_key.data", "fail")
}

test_rotating_key_passes if {
	count(rotation.deny) == 0 with input as testing.doc([key({"enable_key_rotation": true, "customer_master_key_spec": "SYMMETRIC_DEFAULT"})])
}

test_asymmetric_key_is_skipped if {
	count(rotation.deny) == 0 with input as testing.doc([key({"customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})])
}

test_hmac_key_is_skipped if {
	count(rotation.deny) == 0 with input as testing.doc([key({"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})])
}

test_unknown_is_inconclusive if {
	k := object.union(key({}), {"unknown": {"enable_key_rotation": true}})
	res := rotation.deny with input as testing.doc([k])
	testing.has(res, "aws_kms_key.data", "inconclusive")
	not testing.has(res, "aws_kms_key.data", "fail")
}

test_deleted_key_is_not_checked if {
	count(rotation.deny) == 0 with input as testing.doc([object.union(key({}), {"actions": ["delete"]})])
}
