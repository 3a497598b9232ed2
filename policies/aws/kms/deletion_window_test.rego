package fiscguard.aws.kms.deletion_window_test

import data.fiscguard.aws.kms.deletion_window
import data.fiscguard.lib.testing

params := {"min_kms_deletion_window_days": 30}

test_short_window_fails if {
	k := testing.resource("aws_kms_key", "data", {"deletion_window_in_days": 7})
	res := deletion_window.deny with input as testing.doc([k]) with data.fiscguard.params as params
	testing.has(res, "aws_kms_key.data", "fail")
}

test_thirty_days_passes if {
	k := testing.resource("aws_kms_key", "data", {"deletion_window_in_days": 30})
	count(deletion_window.deny) == 0 with input as testing.doc([k]) with data.fiscguard.params as params
}

test_unset_is_thirty_days if {
	k := testing.resource("aws_kms_key", "data", {"deletion_window_in_days": null})
	count(deletion_window.deny) == 0 with input as testing.doc([k]) with data.fiscguard.params as params
}

test_deleted_key_is_not_checked if {
	k := object.union(testing.resource("aws_kms_key", "data", {"deletion_window_in_days": 7}), {"actions": ["delete"]})
	count(deletion_window.deny) == 0 with input as testing.doc([k]) with data.fiscguard.params as params
}
