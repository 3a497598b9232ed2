package fiscguard.aws.dynamodb.pitr_test

import data.fiscguard.aws.dynamodb.pitr
import data.fiscguard.lib.testing

table(values) := testing.resource("aws_dynamodb_table", "sessions", object.union({"name": "sessions", "hash_key": "id"}, values))

test_without_pitr_fails if {
	res := pitr.deny with input as testing.doc([table({"point_in_time_recovery": [{"enabled": false}]})])
	testing.has(res, "aws_dynamodb_table.sessions", "fail")
}

test_missing_block_fails if {
	res := pitr.deny with input as testing.doc([table({})])
	testing.has(res, "aws_dynamodb_table.sessions", "fail")
}

test_with_pitr_passes if {
	count(pitr.deny) == 0 with input as testing.doc([table({"point_in_time_recovery": [{"enabled": true}]})])
}

test_deleted_table_is_not_checked if {
	count(pitr.deny) == 0 with input as testing.doc([object.union(table({}), {"actions": ["delete"]})])
}

test_unset_block_fails if {
	t := table({})
	res := pitr.deny with input as testing.doc([t])
	testing.has(res, "aws_dynamodb_table.sessions", "fail")
}

test_enabled_from_a_reference_is_not_judged if {
	t := object.union(table({}), {"unknown": {"point_in_time_recovery": [{"enabled": true}]}, "refs": {"point_in_time_recovery": ["aws_ssm_parameter.pitr"]}})
	count(pitr.deny) == 0 with input as testing.doc([t])
}
