package fiscguard.aws.region.ecr_replication_test

import data.fiscguard.aws.region.ecr_replication
import data.fiscguard.lib.testing

params := {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}

config(region) := testing.resource("aws_ecr_replication_configuration", "this", {"replication_configuration": [{"rule": [{"destination": [{"region": region, "registry_id": "111122223333"}]}]}]})

test_destination_abroad_fails if {
	res := ecr_replication.deny with input as testing.doc([config("eu-central-1")]) with data.fiscguard.params as params
	testing.has(res, "aws_ecr_replication_configuration.this", "fail")
}

test_destination_in_osaka_passes if {
	count(ecr_replication.deny) == 0 with input as testing.doc([config("ap-northeast-3")]) with data.fiscguard.params as params
}

test_deleted_configuration_is_not_checked if {
	c := object.union(config("eu-central-1"), {"actions": ["delete"]})
	count(ecr_replication.deny) == 0 with input as testing.doc([c]) with data.fiscguard.params as params
}
