package fiscguard.lib.aws.kms_test

import data.fiscguard.lib.aws.kms
import data.fiscguard.lib.testing

key := "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000001"

test_customer_key if {
	kms.customer_key(key)
	kms.customer_key("alias/bank-data")
	not kms.customer_key("alias/aws/s3")
	not kms.customer_key("arn:aws:kms:ap-northeast-1:111122223333:alias/aws/ebs")
	not kms.customer_key("")
	not kms.customer_key(null)
}

status(values, unknown, refs) := kms.key_status(object.union(testing.resource("aws_ebs_volume", "v", values), {"unknown": unknown, "refs": refs}), ["kms_key_id"])

test_key_status if {
	status({"kms_key_id": key}, {}, {}) == "cmk"
	status({}, {"kms_key_id": true}, {"kms_key_id": ["aws_kms_key.data"]}) == "cmk"
	status({}, {"kms_key_id": true}, {}) == "unknown"
	status({"kms_key_id": "alias/aws/ebs"}, {}, {}) == "none"
	status({"kms_key_id": ""}, {}, {}) == "none"
	status({}, {}, {}) == "none"
}

test_key_status_of_a_nested_argument if {
	t := object.union(testing.resource("aws_dynamodb_table", "t", {"server_side_encryption": [{"enabled": true}]}), {
		"unknown": {"server_side_encryption": [{"kms_key_arn": true}]},
		"refs": {"server_side_encryption": ["aws_kms_key.data"]},
	})
	kms.key_status(t, ["server_side_encryption", 0, "kms_key_arn"]) == "cmk"
}
