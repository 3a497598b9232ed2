package fiscguard.aws.vpc.igw_routes_test

import data.fiscguard.aws.vpc.igw_routes
import data.fiscguard.lib.testing

params := {"public_route_table_tags": {"tier": "public"}}

table(tags) := testing.resource("aws_route_table", "rt", {"tags": tags})

route := object.union(
	testing.resource("aws_route", "default", {"destination_cidr_block": "0.0.0.0/0"}),
	{"unknown": {"gateway_id": true}, "refs": {"route_table_id": ["aws_route_table.rt"], "gateway_id": ["aws_internet_gateway.main"]}},
)

test_igw_route_from_private_table_fails if {
	res := igw_routes.deny with input as testing.doc([table({"tier": "app"}), route]) with data.fiscguard.params as params
	testing.has(res, "aws_route.default", "fail")
}

test_igw_route_from_public_table_passes if {
	count(igw_routes.deny) == 0 with input as testing.doc([table({"tier": "public"}), route]) with data.fiscguard.params as params
}

test_nat_route_passes if {
	r := object.union(
		testing.resource("aws_route", "default", {"destination_cidr_block": "0.0.0.0/0"}),
		{"refs": {"route_table_id": ["aws_route_table.rt"], "nat_gateway_id": ["aws_nat_gateway.main"]}},
	)
	count(igw_routes.deny) == 0 with input as testing.doc([table({}), r]) with data.fiscguard.params as params
}

test_inline_route_with_literal_igw_fails if {
	t := testing.resource("aws_route_table", "rt", {"tags": {}, "route": [{"cidr_block": "0.0.0.0/0", "gateway_id": "igw-0a1b2c3d"}]})
	res := igw_routes.deny with input as testing.doc([t]) with data.fiscguard.params as params
	testing.has(res, "aws_route_table.rt", "fail")
}

test_deleted_route_is_not_checked if {
	r := object.union(route, {"actions": ["delete"]})
	count(igw_routes.deny) == 0 with input as testing.doc([table({}), r]) with data.fiscguard.params as params
}
