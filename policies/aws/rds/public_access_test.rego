package fiscguard.aws.rds.public_access_test

import data.fiscguard.aws.rds.public_access
import data.fiscguard.lib.testing

test_public_instance_fails if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "publicly_accessible": true})
	res := public_access.deny with input as testing.doc([db])
	testing.has(res, "aws_db_instance.core", "fail")
}

test_public_cluster_instance_fails if {
	db := testing.resource("aws_rds_cluster_instance", "core", {"engine": "aurora-postgresql", "publicly_accessible": true})
	res := public_access.deny with input as testing.doc([db])
	testing.has(res, "aws_rds_cluster_instance.core", "fail")
}

test_private_instance_passes if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "publicly_accessible": false})
	count(public_access.deny) == 0 with input as testing.doc([db])
}

test_default_is_private if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres"})
	count(public_access.deny) == 0 with input as testing.doc([db])
}

test_unknown_is_inconclusive if {
	db := object.union(testing.resource("aws_db_instance", "core", {"engine": "postgres"}), {"unknown": {"publicly_accessible": true}, "refs": {"publicly_accessible": ["aws_ssm_parameter.public"]}})
	res := public_access.deny with input as testing.doc([db])
	testing.has(res, "aws_db_instance.core", "inconclusive")
	not testing.has(res, "aws_db_instance.core", "fail")
}

test_deleted_instance_is_not_checked if {
	db := object.union(testing.resource("aws_db_instance", "core", {"publicly_accessible": true}), {"actions": ["delete"]})
	count(public_access.deny) == 0 with input as testing.doc([db])
}

test_cluster_instance_without_setting_is_inconclusive if {
	db := object.union(testing.resource("aws_rds_cluster_instance", "core", {"engine": "aurora-postgresql"}), {"unknown": {"publicly_accessible": true}})
	res := public_access.deny with input as testing.doc([db])
	testing.has(res, "aws_rds_cluster_instance.core", "inconclusive")
	not testing.has(res, "aws_rds_cluster_instance.core", "fail")
}

test_private_cluster_instance_passes if {
	db := testing.resource("aws_rds_cluster_instance", "core", {"engine": "aurora-postgresql", "publicly_accessible": false})
	count(public_access.deny) == 0 with input as testing.doc([db])
}
