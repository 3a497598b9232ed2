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

cmk := testing.resource("aws_kms_key", "data", {})

data_source(type, name, values) := object.union(testing.resource(type, name, values), {"address": sprintf("data.%s.%s", [type, name]), "mode": "data", "actions": ["read"]})

aws_ebs := data_source("aws_kms_alias", "ebs", {"name": "alias/aws/ebs"})

aws_ebs_read := data_source("aws_kms_alias", "ebs_read", {
	"name": "alias/aws/ebs",
	"arn": "arn:aws:kms:ap-northeast-1:111122223333:alias/aws/ebs",
	"target_key_arn": "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-00000000aaaa",
})

bank_alias := data_source("aws_kms_alias", "bank", {"name": "alias/bank-data"})

bank_key := data_source("aws_kms_key", "bank", {"key_id": "alias/bank-data"})

named_later := object.union(data_source("aws_kms_alias", "later", {}), {"unknown": {"name": true}})

sources := testing.doc([cmk, aws_ebs, aws_ebs_read, bank_alias, bank_key, named_later])

# volume has a kms_key_id with the given value (null: known only after
# apply) referring to the given resources.
volume(null, refs) := object.union(testing.resource("aws_ebs_volume", "v", {}), {"unknown": {"kms_key_id": true}, "refs": {"kms_key_id": refs}})

volume(value, refs) := object.union(testing.resource("aws_ebs_volume", "v", {"kms_key_id": value}), {"refs": {"kms_key_id": refs}}) if value != null

# each case is [value, refs, status]
statuses_are(cases) if {
	every c in cases {
		kms.key_status(volume(c[0], c[1]), ["kms_key_id"]) == c[2] with input as sources
	}
}

test_key_status if {
	statuses_are([
		[key, [], "cmk"],
		[null, ["aws_kms_key.data"], "cmk"],
		[null, [], "unknown"],
		["alias/aws/ebs", [], "none"],
		["", [], "none"],
	])
	kms.key_status(testing.resource("aws_ebs_volume", "v", {}), ["kms_key_id"]) == "none"
}

# A data source naming an AWS-managed alias is AWS's key, read or not; one
# naming a customer alias is a customer key; one whose key is not known, or
# a mix of sources, leaves the key unknown.
test_key_status_through_data_sources if {
	statuses_are([
		[null, ["data.aws_kms_alias.ebs"], "none"],
		[aws_ebs_read.values.target_key_arn, ["data.aws_kms_alias.ebs_read"], "none"],
		[null, ["data.aws_kms_alias.bank"], "cmk"],
		[null, ["data.aws_kms_key.bank"], "cmk"],
		[null, ["data.aws_kms_alias.later"], "unknown"],
		[null, ["aws_kms_key.data", "data.aws_kms_alias.ebs"], "unknown"],
	])
}

# A reference to something that is not a key does not make a customer key.
test_key_status_of_other_sources if {
	statuses_are([[null, ["aws_s3_bucket.logs"], "unknown"]])
	v := object.union(volume(null, ["aws_kms_key.data"]), {"unresolved": {"kms_key_id": ["module.keys.output.arn"]}})
	kms.key_status(v, ["kms_key_id"]) == "unknown" with input as sources
}

test_key_status_of_a_nested_argument if {
	t := object.union(testing.resource("aws_dynamodb_table", "t", {"server_side_encryption": [{"enabled": true}]}), {
		"unknown": {"server_side_encryption": [{"kms_key_arn": true}]},
		"refs": {"server_side_encryption": ["aws_kms_key.data"]},
	})
	kms.key_status(t, ["server_side_encryption", 0, "kms_key_arn"]) == "cmk" with input as testing.doc([t, cmk])
}
