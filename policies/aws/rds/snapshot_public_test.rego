package fiscguard.aws.rds.snapshot_public_test

import data.fiscguard.aws.rds.snapshot_public
import data.fiscguard.lib.testing

test_public_snapshot_fails if {
	s := testing.resource("aws_db_snapshot", "core", {"db_snapshot_identifier": "core-1", "shared_accounts": ["all"]})
	res := snapshot_public.deny with input as testing.doc([s])
	testing.has(res, "aws_db_snapshot.core", "fail")
}

test_public_cluster_snapshot_fails if {
	s := testing.resource("aws_db_cluster_snapshot", "core", {"shared_accounts": ["111122223333", "all"]})
	res := snapshot_public.deny with input as testing.doc([s])
	testing.has(res, "aws_db_cluster_snapshot.core", "fail")
}

test_named_account_passes if {
	s := testing.resource("aws_db_snapshot", "core", {"shared_accounts": ["111122223333"]})
	count(snapshot_public.deny) == 0 with input as testing.doc([s])
}

test_deleted_snapshot_is_not_checked if {
	s := object.union(testing.resource("aws_db_snapshot", "core", {"shared_accounts": ["all"]}), {"actions": ["delete"]})
	count(snapshot_public.deny) == 0 with input as testing.doc([s])
}

# shared_accounts = [var.account] with no value: the list is known in part.
test_accounts_known_in_part_are_inconclusive if {
	s := object.union(testing.resource("aws_db_snapshot", "core", {"shared_accounts": ["111122223333", null]}), {"unknown": {"shared_accounts": [false, true]}})
	res := snapshot_public.deny with input as testing.doc([s])
	testing.has(res, "aws_db_snapshot.core", "inconclusive")
	count(res) == 1
}

test_all_beside_an_unknown_account_fails if {
	s := object.union(testing.resource("aws_db_snapshot", "core", {"shared_accounts": ["all", null]}), {"unknown": {"shared_accounts": [false, true]}})
	res := snapshot_public.deny with input as testing.doc([s])
	testing.has(res, "aws_db_snapshot.core", "fail")
	count(res) == 1
}
