package fiscguard.aws.rds.snapshot_encryption_test

import data.fiscguard.aws.rds.snapshot_encryption as rule
import data.fiscguard.lib.testing

refer(r, attr, target) := object.union(r, {"refs": {attr: [target]}})

db(encrypted) := testing.resource("aws_db_instance", "main", {"storage_encrypted": encrypted})

snap := refer(testing.resource("aws_db_snapshot", "nightly", {}), "db_instance_identifier", "aws_db_instance.main")

test_snapshot_of_an_encrypted_database_passes if {
	count(rule.deny) == 0 with input as testing.doc([db(true), snap])
}

test_snapshot_of_a_plain_database_fails if {
	res := rule.deny with input as testing.doc([db(false), snap])
	count(res) == 1
	testing.has(res, "aws_db_snapshot.nightly", "fail")
}

test_cluster_snapshot_of_a_plain_cluster_fails if {
	c := testing.resource("aws_rds_cluster", "core", {})
	s := refer(testing.resource("aws_db_cluster_snapshot", "core", {}), "db_cluster_identifier", "aws_rds_cluster.core")
	res := rule.deny with input as testing.doc([c, s])
	testing.has(res, "aws_db_cluster_snapshot.core", "fail")
}

test_source_outside_the_configuration_is_inconclusive if {
	res := rule.deny with input as testing.doc([testing.resource("aws_db_snapshot", "nightly", {"db_instance_identifier": "legacy"})])
	count(res) == 1
	testing.has(res, "aws_db_snapshot.nightly", "inconclusive")
}

test_source_encrypted_later_is_inconclusive if {
	d := object.union(db(null), {"unknown": {"storage_encrypted": true}, "refs": {"storage_encrypted": ["var.x"]}})
	res := rule.deny with input as testing.doc([d, snap])
	testing.has(res, "aws_db_snapshot.nightly", "inconclusive")
}

test_copy_with_a_key_passes if {
	c := refer(testing.resource("aws_db_snapshot_copy", "dr", {"kms_key_id": "arn:aws:kms:ap-northeast-3:111122223333:key/k"}), "source_db_snapshot_identifier", "aws_db_snapshot.nightly")
	count(rule.deny) == 1 with input as testing.doc([db(false), snap, c])
}

test_copy_of_a_plain_snapshot_without_a_key_fails if {
	c := refer(testing.resource("aws_db_snapshot_copy", "dr", {}), "source_db_snapshot_identifier", "aws_db_snapshot.nightly")
	res := rule.deny with input as testing.doc([db(false), snap, c])
	testing.has(res, "aws_db_snapshot_copy.dr", "fail")
}

test_copy_of_an_encrypted_snapshot_passes if {
	c := refer(testing.resource("aws_db_snapshot_copy", "dr", {}), "source_db_snapshot_identifier", "aws_db_snapshot.nightly")
	count(rule.deny) == 0 with input as testing.doc([db(true), snap, c])
}

test_snapshot_of_a_read_replica_follows_its_source if {
	replica := testing.resource("aws_db_instance", "main", {"replicate_source_db": "ledger-primary"})
	res := rule.deny with input as testing.doc([replica, snap])
	count(res) == 1
	testing.has(res, "aws_db_snapshot.nightly", "inconclusive")
}

test_cluster_snapshot_of_an_aurora_serverless_v1_cluster_passes if {
	c := testing.resource("aws_rds_cluster", "core", {"engine_mode": "serverless"})
	s := refer(testing.resource("aws_db_cluster_snapshot", "core", {}), "db_cluster_identifier", "aws_rds_cluster.core")
	count(rule.deny) == 0 with input as testing.doc([c, s])
}
