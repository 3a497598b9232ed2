package fiscguard.aws.config.recorder_test

import data.fiscguard.aws.config.recorder
import data.fiscguard.lib.testing

rec(all) := testing.resource("aws_config_configuration_recorder", "main", {"name": "main", "recording_group": [{"all_supported": all, "include_global_resource_types": true}]})

status(on) := object.union(testing.resource("aws_config_configuration_recorder_status", "main", {"is_enabled": on}), {"refs": {"name": ["aws_config_configuration_recorder.main"]}})

test_full_enabled_recorder_passes if {
	count(recorder.deny) == 0 with input as testing.doc([rec(true), status(true)])
}

test_partial_recording_fails if {
	res := recorder.deny with input as testing.doc([rec(false), status(true)])
	testing.has(res, "aws_config_configuration_recorder.main", "fail")
}

test_recorder_without_status_fails if {
	res := recorder.deny with input as testing.doc([rec(true)])
	testing.has(res, "aws_config_configuration_recorder.main", "fail")
}

test_disabled_status_fails if {
	res := recorder.deny with input as testing.doc([rec(true), status(false)])
	testing.has(res, "aws_config_configuration_recorder.main", "fail")
}

test_status_by_literal_name_passes if {
	s := testing.resource("aws_config_configuration_recorder_status", "main", {"name": "main", "is_enabled": true})
	count(recorder.deny) == 0 with input as testing.doc([rec(true), s])
}

test_deleted_recorder_is_not_checked if {
	count(recorder.deny) == 0 with input as testing.doc([object.union(rec(false), {"actions": ["delete"]})])
}
