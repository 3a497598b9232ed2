package fiscguard.aws.region.dynamodb_replicas_test

import data.fiscguard.aws.region.dynamodb_replicas
import data.fiscguard.lib.testing

params := {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}

table(regions) := testing.resource("aws_dynamodb_table", "sessions", {"name": "sessions", "replica": [{"region_name": r} | some r in regions]})

test_replica_abroad_fails if {
	res := dynamodb_replicas.deny with input as testing.doc([table(["ap-northeast-3", "us-west-2"])]) with data.fiscguard.params as params
	count(res) == 1
	testing.has(res, "aws_dynamodb_table.sessions", "fail")
}

test_replica_in_osaka_passes if {
	count(dynamodb_replicas.deny) == 0 with input as testing.doc([table(["ap-northeast-3"])]) with data.fiscguard.params as params
}

test_deleted_table_is_not_checked if {
	t := object.union(table(["us-west-2"]), {"actions": ["delete"]})
	count(dynamodb_replicas.deny) == 0 with input as testing.doc([t]) with data.fiscguard.params as params
}
