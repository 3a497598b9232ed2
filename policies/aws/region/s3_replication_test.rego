package fiscguard.aws.region.s3_replication_test

import data.fiscguard.aws.region.s3_replication
import data.fiscguard.lib.testing

params := {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}

source := testing.resource("aws_s3_bucket", "data", {"bucket": "bank-data"})

dest(region) := object.union(testing.resource("aws_s3_bucket", "replica", {"bucket": "bank-data-replica"}), {"region": region})

replication(values, refs) := object.union(testing.resource("aws_s3_bucket_replication_configuration", "data", values), {"refs": refs})

by_ref := replication({"rule": [{"status": "Enabled", "destination": [{"storage_class": "STANDARD"}]}]}, {"bucket": ["aws_s3_bucket.data"], "rule": ["aws_s3_bucket.replica"]})

test_replica_in_virginia_fails if {
	res := s3_replication.deny with input as testing.doc([source, dest("us-east-1"), by_ref]) with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_replication_configuration.data", "fail")
}

test_replica_in_osaka_passes if {
	count(s3_replication.deny) == 0 with input as testing.doc([source, dest("ap-northeast-3"), by_ref]) with data.fiscguard.params as params
}

test_replica_named_by_arn_in_the_plan if {
	c := replication({"rule": [{"status": "Enabled", "destination": [{"bucket": "arn:aws:s3:::bank-data-replica"}]}]}, {})
	res := s3_replication.deny with input as testing.doc([source, dest("eu-west-1"), c]) with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_replication_configuration.data", "fail")
}

test_unknown_destination_is_inconclusive if {
	c := replication({"rule": [{"status": "Enabled", "destination": [{"bucket": "arn:aws:s3:::someone-elses-bucket"}]}]}, {})
	res := s3_replication.deny with input as testing.doc([source, c]) with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_replication_configuration.data", "inconclusive")
	not testing.has(res, "aws_s3_bucket_replication_configuration.data", "fail")
}

test_deleted_configuration_is_not_checked if {
	c := object.union(by_ref, {"actions": ["delete"]})
	count(s3_replication.deny) == 0 with input as testing.doc([source, dest("us-east-1"), c]) with data.fiscguard.params as params
}

test_destinations_of_the_same_name_do_not_abort if {
	c := replication({"rule": [{"status": "Enabled", "destination": [{"bucket": "arn:aws:s3:::(sensitive value)"}]}]}, {})
	a := object.union(testing.resource("aws_s3_bucket", "a", {"bucket": "(sensitive value)"}), {"region": "us-east-1"})
	b := object.union(testing.resource("aws_s3_bucket", "b", {"bucket": "(sensitive value)"}), {"region": "ap-northeast-3"})
	res := s3_replication.deny with input as testing.doc([source, a, b, c]) with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_replication_configuration.data", "fail")
}

# The rules refer to the replication role, and name the destination by its
# ARN: the destination is still the bucket of that name.
test_replica_named_by_arn_beside_a_role if {
	c := replication({"rule": [{"status": "Enabled", "destination": [{"bucket": "arn:aws:s3:::bank-data-replica"}]}]}, {"rule": ["aws_iam_role.replication"]})
	res := s3_replication.deny with input as testing.doc([source, dest("eu-west-1"), c]) with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket_replication_configuration.data", "fail")
}
