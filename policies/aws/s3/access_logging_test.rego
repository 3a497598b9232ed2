package fiscguard.aws.s3.access_logging_test

import data.fiscguard.aws.s3.access_logging
import data.fiscguard.lib.testing

data_bucket := testing.resource("aws_s3_bucket", "data", {"bucket": "bank-data"})

log_bucket := testing.resource("aws_s3_bucket", "logs", {"bucket": "bank-logs"})

logging := object.union(
	testing.resource("aws_s3_bucket_logging", "data", {"target_prefix": "data/"}),
	{"refs": {"bucket": ["aws_s3_bucket.data"], "target_bucket": ["aws_s3_bucket.logs"]}},
)

test_bucket_without_logging_fails if {
	res := access_logging.deny with input as testing.doc([data_bucket])
	testing.has(res, "aws_s3_bucket.data", "fail")
}

test_logged_bucket_and_log_target_pass if {
	count(access_logging.deny) == 0 with input as testing.doc([data_bucket, log_bucket, logging])
}

test_literal_names_pass if {
	l := testing.resource("aws_s3_bucket_logging", "data", {"bucket": "bank-data", "target_bucket": "bank-logs"})
	count(access_logging.deny) == 0 with input as testing.doc([data_bucket, log_bucket, l])
}

test_legacy_inline_logging_passes if {
	b := testing.resource("aws_s3_bucket", "data", {"bucket": "bank-data", "logging": [{"target_bucket": "bank-logs", "target_prefix": "data/"}]})
	count(access_logging.deny) == 0 with input as testing.doc([b, log_bucket])
}

test_deleted_bucket_is_not_checked if {
	count(access_logging.deny) == 0 with input as testing.doc([object.union(data_bucket, {"actions": ["delete"]})])
}
