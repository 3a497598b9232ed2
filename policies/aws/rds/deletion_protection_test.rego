package fiscguard.aws.rds.deletion_protection_test

import data.fiscguard.aws.rds.deletion_protection
import data.fiscguard.lib.testing

test_unprotected_fails if {
	db := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql", "deletion_protection": false})
	res := deletion_protection.deny with input as testing.doc([db])
	testing.has(res, "aws_rds_cluster.core", "fail")
}

test_protected_passes if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "deletion_protection": true})
	count(deletion_protection.deny) == 0 with input as testing.doc([db])
}

test_from_a_variable_is_not_judged if {
	db := object.union(testing.resource("aws_db_instance", "core", {"engine": "postgres"}), {"unknown": {"deletion_protection": true}, "refs": {"deletion_protection": ["aws_ssm_parameter.protect"]}})
	count(deletion_protection.deny) == 0 with input as testing.doc([db])
}

test_deleted_instance_is_not_checked if {
	db := object.union(testing.resource("aws_db_instance", "core", {"deletion_protection": false}), {"actions": ["delete"]})
	count(deletion_protection.deny) == 0 with input as testing.doc([db])
}
