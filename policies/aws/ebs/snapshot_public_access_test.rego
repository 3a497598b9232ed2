package fiscguard.aws.ebs.snapshot_public_access_test

import data.fiscguard.aws.ebs.snapshot_public_access
import data.fiscguard.lib.testing

test_unblocked_fails if {
	b := testing.resource("aws_ebs_snapshot_block_public_access", "this", {"state": "unblocked"})
	res := snapshot_public_access.deny with input as testing.doc([b])
	testing.has(res, "aws_ebs_snapshot_block_public_access.this", "fail")
}

test_block_all_sharing_passes if {
	b := testing.resource("aws_ebs_snapshot_block_public_access", "this", {"state": "block-all-sharing"})
	count(snapshot_public_access.deny) == 0 with input as testing.doc([b])
}

test_deleted_setting_is_not_checked if {
	b := object.union(testing.resource("aws_ebs_snapshot_block_public_access", "this", {"state": "unblocked"}), {"actions": ["delete"]})
	count(snapshot_public_access.deny) == 0 with input as testing.doc([b])
}
