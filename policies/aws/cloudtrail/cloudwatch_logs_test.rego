package fiscguard.aws.cloudtrail.cloudwatch_logs_test

import data.fiscguard.aws.cloudtrail.cloudwatch_logs
import data.fiscguard.lib.testing

test_without_log_group_fails if {
	t := testing.resource("aws_cloudtrail", "main", {"name": "main", "s3_bucket_name": "bank-trail"})
	res := cloudwatch_logs.deny with input as testing.doc([t])
	testing.has(res, "aws_cloudtrail.main", "fail")
}

test_log_group_from_the_plan_passes if {
	t := object.union(testing.resource("aws_cloudtrail", "main", {"name": "main"}), {"unknown": {"cloud_watch_logs_group_arn": true}, "refs": {"cloud_watch_logs_group_arn": ["aws_cloudwatch_log_group.trail"]}})
	count(cloudwatch_logs.deny) == 0 with input as testing.doc([t])
}

test_literal_log_group_passes if {
	t := testing.resource("aws_cloudtrail", "main", {"cloud_watch_logs_group_arn": "arn:aws:logs:ap-northeast-1:111122223333:log-group:trail:*"})
	count(cloudwatch_logs.deny) == 0 with input as testing.doc([t])
}

test_deleted_trail_is_not_checked if {
	t := object.union(testing.resource("aws_cloudtrail", "main", {}), {"actions": ["delete"]})
	count(cloudwatch_logs.deny) == 0 with input as testing.doc([t])
}
