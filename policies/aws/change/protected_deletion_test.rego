package fiscguard.aws.change.protected_deletion_test

import data.fiscguard.aws.change.protected_deletion
import data.fiscguard.lib.testing

params := {
	"protected_resource_types": ["aws_db_instance", "aws_s3_bucket"],
	"protected_bucket_patterns": ["*log*"],
}

change(type, name, values, actions) := object.union(testing.resource(type, name, values), {"actions": actions})

test_deleting_a_database_fails if {
	r := change("aws_db_instance", "core", {}, ["delete"])
	res := protected_deletion.deny with input as testing.doc([r]) with data.fiscguard.params as params
	testing.has(res, "aws_db_instance.core", "fail")
	some x in res
	contains(x.message.en, "deletes")
}

test_replacing_a_database_fails if {
	r := change("aws_db_instance", "core", {}, ["delete", "create"])
	res := protected_deletion.deny with input as testing.doc([r]) with data.fiscguard.params as params
	some x in res
	contains(x.message.en, "replaces")
	x.resource == "aws_db_instance.core"
}

test_updating_a_database_passes if {
	r := change("aws_db_instance", "core", {}, ["update"])
	count(protected_deletion.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_deleting_an_unprotected_type_passes if {
	r := change("aws_instance", "web", {}, ["delete"])
	count(protected_deletion.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_deleting_a_log_bucket_fails if {
	r := change("aws_s3_bucket", "logs", {"bucket": "bank-access-logs"}, ["delete"])
	res := protected_deletion.deny with input as testing.doc([r]) with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket.logs", "fail")
}

test_deleting_another_bucket_passes if {
	r := change("aws_s3_bucket", "assets", {"bucket": "bank-assets"}, ["delete"])
	count(protected_deletion.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}
