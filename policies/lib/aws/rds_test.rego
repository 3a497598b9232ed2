package fiscguard.lib.aws.rds_test

import data.fiscguard.lib.aws.rds
import data.fiscguard.lib.testing

test_replica if {
	rds.replica(testing.resource("aws_db_instance", "r", {"replicate_source_db": "core"}))
	rds.replica(object.union(testing.resource("aws_db_instance", "r", {}), {"unknown": {"replicate_source_db": true}}))
	not rds.replica(testing.resource("aws_db_instance", "core", {"replicate_source_db": null}))
	not rds.replica(testing.resource("aws_db_instance", "core", {"replicate_source_db": ""}))
}
