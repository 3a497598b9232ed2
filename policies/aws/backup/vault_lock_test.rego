package fiscguard.aws.backup.vault_lock_test

import data.fiscguard.aws.backup.vault_lock
import data.fiscguard.lib.testing

vault := testing.resource("aws_backup_vault", "main", {"name": "bank-main"})

test_unlocked_vault_fails if {
	res := vault_lock.deny with input as testing.doc([vault])
	testing.has(res, "aws_backup_vault.main", "fail")
}

test_locked_vault_passes if {
	lock := object.union(testing.resource("aws_backup_vault_lock_configuration", "main", {"min_retention_days": 35}), {"refs": {"backup_vault_name": ["aws_backup_vault.main"]}})
	count(vault_lock.deny) == 0 with input as testing.doc([vault, lock])
}

test_lock_by_literal_name_passes if {
	lock := testing.resource("aws_backup_vault_lock_configuration", "main", {"backup_vault_name": "bank-main", "min_retention_days": 35})
	count(vault_lock.deny) == 0 with input as testing.doc([vault, lock])
}

test_deleted_vault_is_not_checked if {
	count(vault_lock.deny) == 0 with input as testing.doc([object.union(vault, {"actions": ["delete"]})])
}
