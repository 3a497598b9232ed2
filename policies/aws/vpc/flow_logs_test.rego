package fiscguard.aws.vpc.flow_logs_test

import data.fiscguard.aws.vpc.flow_logs
import data.fiscguard.lib.testing

vpc := object.union(testing.resource("aws_vpc", "main", {"cidr_block": "10.20.0.0/16"}), {"unknown": {"id": true}})

flow(refs) := object.union(
	testing.resource("aws_flow_log", "main", {"traffic_type": "ALL", "log_destination_type": "cloud-watch-logs"}),
	{"refs": {"vpc_id": refs}, "unknown": {"vpc_id": true}},
)

test_vpc_without_flow_log_fails if {
	res := flow_logs.deny with input as testing.doc([vpc])
	testing.has(res, "aws_vpc.main", "fail")
}

test_vpc_with_flow_log_passes if {
	count(flow_logs.deny) == 0 with input as testing.doc([vpc, flow(["aws_vpc.main"])])
}

test_flow_log_for_another_vpc_does_not_count if {
	res := flow_logs.deny with input as testing.doc([vpc, flow(["aws_vpc.other"])])
	testing.has(res, "aws_vpc.main", "fail")
}

test_existing_vpc_named_by_id_passes if {
	existing := object.union(testing.resource("aws_vpc", "main", {"id": "vpc-0a1b2c3d4e5f60718"}), {"actions": ["no-op"]})
	f := testing.resource("aws_flow_log", "main", {"vpc_id": "vpc-0a1b2c3d4e5f60718", "traffic_type": "ALL"})
	count(flow_logs.deny) == 0 with input as testing.doc([existing, f])
}

test_flow_log_being_deleted_does_not_count if {
	f := object.union(flow(["aws_vpc.main"]), {"actions": ["delete"]})
	res := flow_logs.deny with input as testing.doc([vpc, f])
	testing.has(res, "aws_vpc.main", "fail")
}

test_deleted_vpc_is_not_checked if {
	count(flow_logs.deny) == 0 with input as testing.doc([object.union(vpc, {"actions": ["delete"]})])
}
