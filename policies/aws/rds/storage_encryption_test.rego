package fiscguard.aws.rds.storage_encryption_test

import data.fiscguard.aws.rds.storage_encryption
import data.fiscguard.lib.testing

test_unencrypted_instance_fails if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "storage_encrypted": false})
	res := storage_encryption.deny with input as testing.doc([db])
	testing.has(res, "aws_db_instance.core", "fail")
}

test_missing_attribute_fails if {
	db := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql"})
	res := storage_encryption.deny with input as testing.doc([db])
	testing.has(res, "aws_rds_cluster.core", "fail")
}

test_encrypted_instance_and_cluster_pass if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "storage_encrypted": true})
	cl := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql", "storage_encrypted": true})
	count(storage_encryption.deny) == 0 with input as testing.doc([db, cl])
}

test_read_replica_is_skipped if {
	db := testing.resource("aws_db_instance", "replica", {"engine": "postgres", "replicate_source_db": "core", "storage_encrypted": false})
	count(storage_encryption.deny) == 0 with input as testing.doc([db])
}

test_serverless_v1_cluster_is_skipped if {
	cl := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-mysql", "engine_mode": "serverless", "storage_encrypted": false})
	count(storage_encryption.deny) == 0 with input as testing.doc([cl])
}

test_unknown_is_inconclusive if {
	cl := object.union(testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql"}), {"unknown": {"storage_encrypted": true}, "refs": {"storage_encrypted": ["aws_ssm_parameter.encrypt"]}})
	res := storage_encryption.deny with input as testing.doc([cl])
	testing.has(res, "aws_rds_cluster.core", "inconclusive")
	not testing.has(res, "aws_rds_cluster.core", "fail")
}

test_deleted_instance_is_not_checked if {
	db := object.union(testing.resource("aws_db_instance", "core", {"storage_encrypted": false}), {"actions": ["delete"]})
	count(storage_encryption.deny) == 0 with input as testing.doc([db])
}

test_unset_cluster_encryption_fails if {
	cl := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql"})
	res := storage_encryption.deny with input as testing.doc([cl])
	testing.has(res, "aws_rds_cluster.core", "fail")
}
