package fiscguard.aws.rds.log_exports_test

import data.fiscguard.aws.rds.log_exports
import data.fiscguard.lib.testing

test_no_exports_fails if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres"})
	res := log_exports.deny with input as testing.doc([db])
	testing.has(res, "aws_db_instance.core", "fail")
}

test_empty_exports_fails if {
	cl := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": []})
	res := log_exports.deny with input as testing.doc([cl])
	testing.has(res, "aws_rds_cluster.core", "fail")
}

test_exports_pass if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"]})
	count(log_exports.deny) == 0 with input as testing.doc([db])
}

test_exports_from_a_variable_are_not_judged if {
	db := object.union(testing.resource("aws_db_instance", "core", {"engine": "postgres"}), {"unknown": {"enabled_cloudwatch_logs_exports": true}, "refs": {"enabled_cloudwatch_logs_exports": ["aws_ssm_parameter.logs"]}})
	count(log_exports.deny) == 0 with input as testing.doc([db])
}

test_deleted_instance_is_not_checked if {
	db := object.union(testing.resource("aws_db_instance", "core", {"engine": "postgres"}), {"actions": ["delete"]})
	count(log_exports.deny) == 0 with input as testing.doc([db])
}
