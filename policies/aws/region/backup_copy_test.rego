package fiscguard.aws.region.backup_copy_test

import data.fiscguard.aws.region.backup_copy
import data.fiscguard.lib.testing

params := {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}

plan(arn) := testing.resource("aws_backup_plan", "daily", {"name": "daily", "rule": [{"rule_name": "daily", "copy_action": [{"destination_vault_arn": arn}]}]})

test_copy_to_singapore_fails if {
	res := backup_copy.deny with input as testing.doc([plan("arn:aws:backup:ap-southeast-1:111122223333:backup-vault:dr")]) with data.fiscguard.params as params
	testing.has(res, "aws_backup_plan.daily", "fail")
}

test_copy_to_osaka_passes if {
	count(backup_copy.deny) == 0 with input as testing.doc([plan("arn:aws:backup:ap-northeast-3:111122223333:backup-vault:dr")]) with data.fiscguard.params as params
}

test_copy_to_a_vault_in_the_plan if {
	v := object.union(testing.resource("aws_backup_vault", "dr", {"name": "dr"}), {"region": "us-west-2", "provider": "aws.oregon"})
	p := object.union(plan(null), {"unknown": {"rule": [{"copy_action": [{"destination_vault_arn": true}]}]}, "refs": {"rule": ["aws_backup_vault.dr"]}})
	res := backup_copy.deny with input as testing.doc([v, p]) with data.fiscguard.params as params
	testing.has(res, "aws_backup_plan.daily", "fail")
	not testing.has(res, "aws_backup_plan.daily", "inconclusive")
}

test_unknown_destination_is_inconclusive if {
	p := object.union(plan(null), {"unknown": {"rule": [{"copy_action": [{"destination_vault_arn": true}]}]}})
	res := backup_copy.deny with input as testing.doc([p]) with data.fiscguard.params as params
	testing.has(res, "aws_backup_plan.daily", "inconclusive")
}

test_deleted_plan_is_not_checked if {
	p := object.union(plan("arn:aws:backup:us-east-1:111122223333:backup-vault:dr"), {"actions": ["delete"]})
	count(backup_copy.deny) == 0 with input as testing.doc([p]) with data.fiscguard.params as params
}
