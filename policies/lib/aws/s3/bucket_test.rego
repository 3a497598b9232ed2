package fiscguard.lib.aws.s3.bucket_test

import data.fiscguard.lib.aws.s3.bucket
import data.fiscguard.lib.testing

logs := testing.resource("aws_s3_bucket", "logs", {"bucket": "bank-logs"})

data_bucket := testing.resource("aws_s3_bucket", "data", {"bucket": "bank-data"})

by_ref := object.union(testing.resource("aws_s3_bucket_public_access_block", "logs", {}), {"refs": {"bucket": ["aws_s3_bucket.logs"]}})

by_name := testing.resource("aws_s3_bucket_public_access_block", "data", {"bucket": "bank-data"})

doc := testing.doc([logs, data_bucket, by_ref, by_name])

addresses(xs) := [x.address | some x in xs]

test_attached_by_reference_or_by_name if {
	addresses(bucket.attached(logs, "aws_s3_bucket_public_access_block")) == ["aws_s3_bucket_public_access_block.logs"] with input as doc
	addresses(bucket.attached(data_bucket, "aws_s3_bucket_public_access_block")) == ["aws_s3_bucket_public_access_block.data"] with input as doc
	count(bucket.attached(logs, "aws_s3_bucket_policy")) == 0 with input as doc
}

test_by_name if {
	{b.address | some b in bucket.by_name["bank-logs"]} == {"aws_s3_bucket.logs"} with input as doc
	not bucket.by_name["other"] with input as doc
}

test_by_name_keeps_buckets_of_the_same_name if {
	twin := testing.resource("aws_s3_bucket", "logs_twin", {"bucket": "bank-logs"})
	{b.address | some b in bucket.by_name["bank-logs"]} == {"aws_s3_bucket.logs", "aws_s3_bucket.logs_twin"} with input as testing.doc([logs, twin])
}
