package fiscguard.aws.backup.second_region_test

import data.fiscguard.aws.backup.second_region as rule
import data.fiscguard.lib.testing

params := {"second_region_types": ["aws_s3_bucket", "aws_dynamodb_table", "aws_db_instance", "aws_rds_cluster"]}

refer(r, attr, targets) := object.union(r, {"refs": {attr: targets}})

osaka(r) := object.union(r, {"region": "ap-northeast-3"})

fails(resources, address) if {
	testing.has(rule.deny, address, "fail") with input as testing.doc(resources) with data.fiscguard.params as params
}

passes(resources) if {
	count(rule.deny) == 0 with input as testing.doc(resources) with data.fiscguard.params as params
}

bucket := testing.resource("aws_s3_bucket", "ledger", {})

test_bucket_without_replication_fails if fails([bucket], "aws_s3_bucket.ledger")

test_bucket_with_replication_passes if passes([bucket, refer(testing.resource("aws_s3_bucket_replication_configuration", "ledger", {}), "bucket", ["aws_s3_bucket.ledger"])])

test_inline_replication_passes if passes([testing.resource("aws_s3_bucket", "ledger", {"replication_configuration": [{"role": "r"}]})])

test_table_with_replica_passes if passes([testing.resource("aws_dynamodb_table", "t", {"replica": [{"region_name": "ap-northeast-3"}]})])

test_table_without_replica_fails if fails([testing.resource("aws_dynamodb_table", "t", {})], "aws_dynamodb_table.t")

db := testing.resource("aws_db_instance", "main", {})

test_replica_in_the_same_region_does_not_count if fails([db, refer(testing.resource("aws_db_instance", "replica", {}), "replicate_source_db", ["aws_db_instance.main"])], "aws_db_instance.main")

test_cross_region_replica_passes if passes([db, osaka(refer(testing.resource("aws_db_instance", "replica", {}), "replicate_source_db", ["aws_db_instance.main"]))])

test_replication_destination_needs_no_copy if {
	replica := osaka(testing.resource("aws_s3_bucket", "ledger_dr", {}))
	conf := object.union(testing.resource("aws_s3_bucket_replication_configuration", "ledger", {}), {"refs": {"bucket": ["aws_s3_bucket.ledger"], "rule": ["aws_s3_bucket.ledger_dr"]}})
	passes([bucket, replica, conf])
}

test_automated_backups_replication_passes if passes([db, osaka(refer(testing.resource("aws_db_instance_automated_backups_replication", "r", {}), "source_db_instance_arn", ["aws_db_instance.main"]))])

test_global_cluster_passes if passes([testing.resource("aws_rds_cluster", "core", {"global_cluster_identifier": "core-global"})])

test_backup_plan_with_a_copy_passes if {
	plan := testing.resource("aws_backup_plan", "daily", {"rule": [{"rule_name": "daily", "copy_action": [{"destination_vault_arn": "arn:aws:backup:ap-northeast-3:111122223333:backup-vault:dr"}]}]})
	sel := object.union(testing.resource("aws_backup_selection", "all", {}), {"refs": {"resources": ["aws_s3_bucket.ledger"], "plan_id": ["aws_backup_plan.daily"]}})
	passes([bucket, plan, sel])
}

test_backup_plan_without_a_copy_fails if {
	plan := testing.resource("aws_backup_plan", "daily", {"rule": [{"rule_name": "daily"}]})
	sel := object.union(testing.resource("aws_backup_selection", "all", {}), {"refs": {"resources": ["aws_s3_bucket.ledger"], "plan_id": ["aws_backup_plan.daily"]}})
	fails([bucket, plan, sel], "aws_s3_bucket.ledger")
}

# A replication configuration may name its bucket and its destinations
# literally (the bucket's name, the destination's ARN) instead of by
# reference.
test_bucket_named_by_its_replication_passes if passes([
	testing.resource("aws_s3_bucket", "ledger", {"bucket": "ledger-prod"}),
	testing.resource("aws_s3_bucket_replication_configuration", "ledger", {"bucket": "ledger-prod"}),
])

test_destination_named_by_its_arn_needs_no_copy if {
	source := testing.resource("aws_s3_bucket", "ledger", {"bucket": "ledger-prod"})
	replica := osaka(testing.resource("aws_s3_bucket", "ledger_dr", {"bucket": "ledger-dr"}))
	conf := refer(
		testing.resource("aws_s3_bucket_replication_configuration", "ledger", {"bucket": "ledger-prod", "rule": [{"destination": [{"bucket": "arn:aws:s3:::ledger-dr"}]}]}),
		"rule", ["aws_iam_role.replication"],
	)
	passes([source, replica, conf])
}

# A destination known only after apply may be a bucket whose name is known
# only after apply and comes from the same values (both from random_pet, as
# the module examples name them): which bucket it is, Terraform knows at
# apply.
unknown_destination := object.union(
	testing.resource("aws_s3_bucket_replication_configuration", "ledger", {"rule": [{"destination": [{}]}]}),
	{
		"unknown": {"rule": [{"destination": [{"bucket": true}]}]},
		"refs": {"bucket": ["aws_s3_bucket.ledger"], "rule": ["aws_iam_role.replication", "random_pet.suffix"]},
	},
)

named_later(name, refs) := object.union(testing.resource("aws_s3_bucket", name, {}), {"unknown": {"bucket": true}, "refs": {"bucket": refs}})

test_possible_destination_is_inconclusive if {
	resources := [bucket, named_later("ledger_dr", ["random_pet.suffix"]), unknown_destination]
	testing.has(rule.deny, "aws_s3_bucket.ledger_dr", "inconclusive") with input as testing.doc(resources) with data.fiscguard.params as params
	not testing.has(rule.deny, "aws_s3_bucket.ledger_dr", "fail") with input as testing.doc(resources) with data.fiscguard.params as params
	not testing.has(rule.deny, "aws_s3_bucket.ledger", "fail") with input as testing.doc(resources) with data.fiscguard.params as params
}

test_bucket_of_other_values_is_no_possible_destination if {
	fails([bucket, named_later("logs", ["random_pet.other"]), unknown_destination], "aws_s3_bucket.logs")
	fails([bucket, testing.resource("aws_s3_bucket", "logs", {"bucket": "logs"}), unknown_destination], "aws_s3_bucket.logs")
}
