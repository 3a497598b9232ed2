package fiscguard.aws.rds.backup_retention_test

import data.fiscguard.aws.rds.backup_retention
import data.fiscguard.lib.testing

params := {"min_backup_retention_days": 7}

db(values) := testing.resource("aws_db_instance", "core", object.union({"engine": "postgres"}, values))

test_short_retention_fails if {
	res := backup_retention.deny with input as testing.doc([db({"backup_retention_period": 1})]) with data.fiscguard.params as params
	testing.has(res, "aws_db_instance.core", "fail")
}

test_unset_retention_fails if {
	cl := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql"})
	res := backup_retention.deny with input as testing.doc([cl]) with data.fiscguard.params as params
	testing.has(res, "aws_rds_cluster.core", "fail")
}

test_long_retention_passes if {
	count(backup_retention.deny) == 0 with input as testing.doc([db({"backup_retention_period": 35})]) with data.fiscguard.params as params
}

test_strict_minimum_is_a_parameter if {
	res := backup_retention.deny with input as testing.doc([db({"backup_retention_period": 7})]) with data.fiscguard.params as {"min_backup_retention_days": 14}
	testing.has(res, "aws_db_instance.core", "fail")
}

test_retention_from_a_reference_is_inconclusive if {
	d := object.union(db({}), {"unknown": {"backup_retention_period": true}, "refs": {"backup_retention_period": ["aws_ssm_parameter.retention"]}})
	res := backup_retention.deny with input as testing.doc([d]) with data.fiscguard.params as params
	testing.has(res, "aws_db_instance.core", "inconclusive")
}

test_read_replica_is_skipped if {
	count(backup_retention.deny) == 0 with input as testing.doc([db({"replicate_source_db": "core", "backup_retention_period": 0})]) with data.fiscguard.params as params
}

test_deleted_instance_is_not_checked if {
	d := object.union(db({"backup_retention_period": 0}), {"actions": ["delete"]})
	count(backup_retention.deny) == 0 with input as testing.doc([d]) with data.fiscguard.params as params
}
