package fiscguard.aws.dynamodb.deletion_protection_test

import data.fiscguard.aws.dynamodb.deletion_protection
import data.fiscguard.lib.testing

test_unprotected_fails if {
	t := testing.resource("aws_dynamodb_table", "sessions", {"name": "sessions"})
	res := deletion_protection.deny with input as testing.doc([t])
	testing.has(res, "aws_dynamodb_table.sessions", "fail")
}

test_protected_passes if {
	t := testing.resource("aws_dynamodb_table", "sessions", {"name": "sessions", "deletion_protection_enabled": true})
	count(deletion_protection.deny) == 0 with input as testing.doc([t])
}

test_deleted_table_is_not_checked if {
	t := object.union(testing.resource("aws_dynamodb_table", "sessions", {}), {"actions": ["delete"]})
	count(deletion_protection.deny) == 0 with input as testing.doc([t])
}

# From HCL this newer attribute arrives as written; Terraform converts "true" to true.
test_protection_written_as_a_string_is_a_bool if {
	on := testing.resource("aws_dynamodb_table", "on", {"deletion_protection_enabled": "true"})
	off := testing.resource("aws_dynamodb_table", "off", {"deletion_protection_enabled": "false"})
	res := deletion_protection.deny with input as testing.doc([on, off])
	not testing.has(res, "aws_dynamodb_table.on", "fail")
	testing.has(res, "aws_dynamodb_table.off", "fail")
}
