package fiscguard.aws.rds.multi_az_test

import data.fiscguard.aws.rds.multi_az
import data.fiscguard.lib.testing

cluster := testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql"})

member(i) := object.union(testing.resource("aws_rds_cluster_instance", sprintf("core%d", [i]), {"instance_class": "db.r6g.large"}), {"refs": {"cluster_identifier": ["aws_rds_cluster.core"]}})

test_single_az_instance_fails if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "multi_az": false})
	res := multi_az.deny with input as testing.doc([db])
	testing.has(res, "aws_db_instance.core", "fail")
}

test_multi_az_instance_passes if {
	db := testing.resource("aws_db_instance", "core", {"engine": "postgres", "multi_az": true})
	count(multi_az.deny) == 0 with input as testing.doc([db])
}

test_replica_is_skipped if {
	db := testing.resource("aws_db_instance", "replica", {"engine": "postgres", "multi_az": false, "replicate_source_db": "core"})
	count(multi_az.deny) == 0 with input as testing.doc([db])
}

test_cluster_with_one_instance_fails if {
	res := multi_az.deny with input as testing.doc([cluster, member(0)])
	testing.has(res, "aws_rds_cluster.core", "fail")
}

test_cluster_with_two_instances_passes if {
	count(multi_az.deny) == 0 with input as testing.doc([cluster, member(0), member(1)])
}

test_deleted_instance_is_not_checked if {
	db := object.union(testing.resource("aws_db_instance", "core", {"multi_az": false}), {"actions": ["delete"]})
	count(multi_az.deny) == 0 with input as testing.doc([db])
}
