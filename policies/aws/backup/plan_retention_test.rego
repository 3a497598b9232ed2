package fiscguard.aws.backup.plan_retention_test

import data.fiscguard.aws.backup.plan_retention
import data.fiscguard.lib.testing

params := {"min_backup_retention_days": 7}

plan(rule) := testing.resource("aws_backup_plan", "daily", {"name": "daily", "rule": [rule]})

test_short_retention_fails if {
	res := plan_retention.deny with input as testing.doc([plan({"rule_name": "daily", "lifecycle": [{"delete_after": 3}]})])
		with data.fiscguard.params as params
	testing.has(res, "aws_backup_plan.daily", "fail")
}

test_short_copy_retention_fails if {
	p := plan({"rule_name": "daily", "lifecycle": [{"delete_after": 35}], "copy_action": [{"destination_vault_arn": "arn:aws:backup:ap-northeast-3:111122223333:backup-vault:dr", "lifecycle": [{"delete_after": 1}]}]})
	res := plan_retention.deny with input as testing.doc([p]) with data.fiscguard.params as params
	some r in res
	r.attribute == "rule[0].copy_action[0].lifecycle[0].delete_after"
}

test_long_retention_passes if {
	count(plan_retention.deny) == 0 with input as testing.doc([plan({"rule_name": "daily", "lifecycle": [{"delete_after": 35}]})])
		with data.fiscguard.params as params
}

test_no_expiry_passes if {
	count(plan_retention.deny) == 0 with input as testing.doc([plan({"rule_name": "daily", "lifecycle": []})])
		with data.fiscguard.params as params
}

test_deleted_plan_is_not_checked if {
	p := object.union(plan({"rule_name": "daily", "lifecycle": [{"delete_after": 1}]}), {"actions": ["delete"]})
	count(plan_retention.deny) == 0 with input as testing.doc([p]) with data.fiscguard.params as params
}
