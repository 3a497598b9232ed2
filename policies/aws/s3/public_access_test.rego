package fiscguard.aws.s3.public_access_test

import data.fiscguard.aws.s3.public_access
import data.fiscguard.lib.testing

bucket := testing.resource("aws_s3_bucket", "logs", {"bucket": "bank-logs"})

block(values) := object.union(
	testing.resource("aws_s3_bucket_public_access_block", "logs", values),
	{"refs": {"bucket": ["aws_s3_bucket.logs"]}},
)

all_true := {
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
}

test_bucket_without_block_fails if {
	res := public_access.deny with input as testing.doc([bucket])
	testing.has(res, "aws_s3_bucket.logs", "fail")
}

test_block_with_all_flags_passes if {
	count(public_access.deny) == 0 with input as testing.doc([bucket, block(all_true)])
}

test_block_with_a_false_flag_fails if {
	res := public_access.deny with input as testing.doc([bucket, block(object.union(all_true, {"restrict_public_buckets": false}))])
	testing.has(res, "aws_s3_bucket_public_access_block.logs", "fail")
	some r in res
	r.attribute == "restrict_public_buckets"
	count(res) == 1
}

test_block_with_a_missing_flag_fails if {
	res := public_access.deny with input as testing.doc([bucket, block(object.remove(all_true, ["ignore_public_acls"]))])
	testing.has(res, "aws_s3_bucket_public_access_block.logs", "fail")
}

test_block_for_another_bucket_does_not_count if {
	other := object.union(block(all_true), {"refs": {"bucket": ["aws_s3_bucket.other"]}})
	res := public_access.deny with input as testing.doc([bucket, other])
	testing.has(res, "aws_s3_bucket.logs", "fail")
}

test_block_naming_the_bucket_literally_passes if {
	literal := testing.resource("aws_s3_bucket_public_access_block", "logs", object.union(all_true, {"bucket": "bank-logs"}))
	count(public_access.deny) == 0 with input as testing.doc([bucket, literal])
}

test_unknown_flag_is_inconclusive if {
	p := object.union(block(object.remove(all_true, ["block_public_policy"])), {"unknown": {"block_public_policy": true}})
	res := public_access.deny with input as testing.doc([bucket, p])
	testing.has(res, "aws_s3_bucket_public_access_block.logs", "inconclusive")
	not testing.has(res, "aws_s3_bucket_public_access_block.logs", "fail")
}

test_account_level_block_passes if {
	account := testing.resource("aws_s3_account_public_access_block", "this", all_true)
	count(public_access.deny) == 0 with input as testing.doc([bucket, account])
}

test_partial_account_level_block_does_not_count if {
	account := testing.resource("aws_s3_account_public_access_block", "this", object.union(all_true, {"block_public_policy": false}))
	res := public_access.deny with input as testing.doc([bucket, account])
	testing.has(res, "aws_s3_bucket.logs", "fail")
}

test_deleted_bucket_is_not_checked if {
	gone := object.union(bucket, {"actions": ["delete"]})
	count(public_access.deny) == 0 with input as testing.doc([gone])
}

test_block_being_deleted_does_not_count if {
	gone := object.union(block(all_true), {"actions": ["delete"]})
	res := public_access.deny with input as testing.doc([bucket, gone])
	testing.has(res, "aws_s3_bucket.logs", "fail")
}
