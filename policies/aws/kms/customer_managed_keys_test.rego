package fiscguard.aws.kms.customer_managed_keys_test

import data.fiscguard.aws.kms.customer_managed_keys
import data.fiscguard.lib.testing

key := "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000001"

test_volume_with_default_key_fails if {
	v := testing.resource("aws_ebs_volume", "data", {"encrypted": true})
	res := customer_managed_keys.deny with input as testing.doc([v])
	testing.has(res, "aws_ebs_volume.data", "fail")
}

test_volume_with_key_from_an_unknown_variable_is_inconclusive if {
	v := object.union(testing.resource("aws_ebs_volume", "data", {"encrypted": true}), {"unknown": {"kms_key_id": true}})
	res := customer_managed_keys.deny with input as testing.doc([v])
	testing.has(res, "aws_ebs_volume.data", "inconclusive")
	not testing.has(res, "aws_ebs_volume.data", "fail")
}

test_volume_with_key_from_the_plan_passes if {
	v := object.union(testing.resource("aws_ebs_volume", "data", {"encrypted": true}), {"unknown": {"kms_key_id": true}, "refs": {"kms_key_id": ["aws_kms_key.data"]}})
	count(customer_managed_keys.deny) == 0 with input as testing.doc([v, testing.resource("aws_kms_key", "data", {})])
}

test_database_with_key_arn_passes if {
	db := testing.resource("aws_db_instance", "core", {"storage_encrypted": true, "kms_key_id": key})
	count(customer_managed_keys.deny) == 0 with input as testing.doc([db])
}

test_aws_managed_alias_fails if {
	db := testing.resource("aws_rds_cluster", "core", {"storage_encrypted": true, "kms_key_id": "alias/aws/rds"})
	res := customer_managed_keys.deny with input as testing.doc([db])
	testing.has(res, "aws_rds_cluster.core", "fail")
}

# Not being encrypted at all is the encryption rule's cause, whether the
# flag is false or left unset (the provider's default is unencrypted): this
# rule's verdict is kept, owned by that rule.
test_unencrypted_store_is_owned_by_its_encryption_rule if {
	every case in [
		[testing.resource("aws_db_instance", "core", {"storage_encrypted": false}), "FG-RDS-002"],
		[testing.resource("aws_db_instance", "core", {"engine": "postgres"}), "FG-RDS-002"],
		[testing.resource("aws_rds_cluster", "core", {"engine": "aurora-postgresql"}), "FG-RDS-002"],
		[testing.resource("aws_ebs_volume", "core", {"size": 10}), "FG-EBS-001"],
		[testing.resource("aws_ebs_volume", "core", {"encrypted": false, "kms_key_id": key}), "FG-EBS-001"],
	] {
		res := customer_managed_keys.deny with input as testing.doc([case[0]])
		[[r.status, r.owner] | some r in res] == [["fail", case[1]]]
	}
}

# A volume the region encrypts by default is encrypted: its key is this rule's.
test_volume_encrypted_by_default_is_judged_by_its_key if {
	v := testing.resource("aws_ebs_volume", "data", {"size": 10})
	d := testing.resource("aws_ebs_encryption_by_default", "on", {"enabled": true})
	res := customer_managed_keys.deny with input as testing.doc([v, d])
	[[r.status, object.get(r, "owner", "")] | some r in res] == [["fail", ""]]
}

# No other rule judges EFS encryption: an unencrypted file system is this rule's.
test_unencrypted_file_system_is_this_rules if {
	fs := testing.resource("aws_efs_file_system", "shared", {"encrypted": false})
	res := customer_managed_keys.deny with input as testing.doc([fs])
	[[r.status, object.get(r, "owner", "")] | some r in res] == [["fail", ""]]
}

test_dynamodb_without_cmk_fails if {
	t := testing.resource("aws_dynamodb_table", "sessions", {"name": "sessions", "server_side_encryption": []})
	res := customer_managed_keys.deny with input as testing.doc([t])
	testing.has(res, "aws_dynamodb_table.sessions", "fail")
}

test_dynamodb_with_cmk_passes if {
	t := testing.resource("aws_dynamodb_table", "sessions", {"name": "sessions", "server_side_encryption": [{"enabled": true, "kms_key_arn": key}]})
	count(customer_managed_keys.deny) == 0 with input as testing.doc([t])
}

test_deleted_volume_is_not_checked if {
	v := object.union(testing.resource("aws_ebs_volume", "data", {"encrypted": true}), {"actions": ["delete"]})
	count(customer_managed_keys.deny) == 0 with input as testing.doc([v])
}
