package fiscguard.aws.s3.kms_encryption_test

import data.fiscguard.aws.s3.kms_encryption
import data.fiscguard.lib.testing

bucket := testing.resource("aws_s3_bucket", "data", {"bucket": "bank-data"})

config(alg, key) := object.union(
	testing.resource("aws_s3_bucket_server_side_encryption_configuration", "data", {"rule": [{
		"apply_server_side_encryption_by_default": [{"sse_algorithm": alg, "kms_master_key_id": key}],
		"bucket_key_enabled": true,
	}]}),
	{"refs": {"bucket": ["aws_s3_bucket.data"]}},
)

key_arn := "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000001"

test_bucket_without_configuration_fails if {
	res := kms_encryption.deny with input as testing.doc([bucket])
	testing.has(res, "aws_s3_bucket.data", "fail")
}

test_customer_key_passes if {
	count(kms_encryption.deny) == 0 with input as testing.doc([bucket, config("aws:kms", key_arn)])
}

test_dsse_with_customer_key_passes if {
	count(kms_encryption.deny) == 0 with input as testing.doc([bucket, config("aws:kms:dsse", key_arn)])
}

test_sse_s3_fails_on_the_configuration if {
	res := kms_encryption.deny with input as testing.doc([bucket, config("AES256", null)])
	testing.has(res, "aws_s3_bucket_server_side_encryption_configuration.data", "fail")
	not testing.has(res, "aws_s3_bucket.data", "fail")
	some r in res
	r.attribute == "rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"
}

test_aws_managed_key_fails if {
	res := kms_encryption.deny with input as testing.doc([bucket, config("aws:kms", "alias/aws/s3")])
	some r in res
	r.status == "fail"
	r.attribute == "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id"
}

test_kms_without_key_fails if {
	res := kms_encryption.deny with input as testing.doc([bucket, config("aws:kms", null)])
	testing.has(res, "aws_s3_bucket_server_side_encryption_configuration.data", "fail")
}

test_key_created_in_the_same_plan_passes if {
	c := object.union(config("aws:kms", null), {
		"unknown": {"rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": true}]}]},
		"refs": {"bucket": ["aws_s3_bucket.data"], "rule": ["aws_kms_key.s3"]},
	})
	count(kms_encryption.deny) == 0 with input as testing.doc([bucket, c, testing.resource("aws_kms_key", "s3", {})])
}

test_unknown_key_without_reference_is_inconclusive if {
	c := object.union(config("aws:kms", null), {"unknown": {"rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": true}]}]}})
	res := kms_encryption.deny with input as testing.doc([bucket, c])
	testing.has(res, "aws_s3_bucket_server_side_encryption_configuration.data", "inconclusive")
	not testing.has(res, "aws_s3_bucket_server_side_encryption_configuration.data", "fail")
}

test_legacy_inline_customer_key_passes if {
	b := testing.resource("aws_s3_bucket", "data", {
		"bucket": "bank-data",
		"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": key_arn}]}]}],
	})
	count(kms_encryption.deny) == 0 with input as testing.doc([b])
}

test_legacy_inline_sse_s3_fails if {
	b := testing.resource("aws_s3_bucket", "data", {
		"bucket": "bank-data",
		"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256", "kms_master_key_id": ""}]}]}],
	})
	res := kms_encryption.deny with input as testing.doc([b])
	some r in res
	r.resource == "aws_s3_bucket.data"
	r.status == "fail"
	r.attribute == "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"
}

test_inline_block_set_from_an_unknown_value_is_inconclusive if {
	b := object.union(bucket, {"unknown": {"server_side_encryption_configuration": true}})
	res := kms_encryption.deny with input as testing.doc([b])
	testing.has(res, "aws_s3_bucket.data", "inconclusive")
	not testing.has(res, "aws_s3_bucket.data", "fail")
}

test_deleted_bucket_is_not_checked if {
	count(kms_encryption.deny) == 0 with input as testing.doc([object.union(bucket, {"actions": ["delete"]})])
}
