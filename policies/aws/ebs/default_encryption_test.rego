package fiscguard.aws.ebs.default_encryption_test

import data.fiscguard.aws.ebs.default_encryption as rule
import data.fiscguard.lib.testing

volume := testing.resource("aws_ebs_volume", "data", {"size": 10})

osaka(r) := object.union(r, {"region": "ap-northeast-3"})

test_enabled_in_the_region_passes if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true}), volume])
}

test_disabled_fails if {
	res := rule.deny with input as testing.doc([testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": false}), volume])
	count(res) == 1
	testing.has(res, "aws_ebs_encryption_by_default.this", "fail")
}

test_unknown_enabled_is_inconclusive if {
	d := object.union(testing.resource("aws_ebs_encryption_by_default", "this", {}), {"unknown": {"enabled": true}})
	res := rule.deny with input as testing.doc([d, volume])
	testing.has(res, "aws_ebs_encryption_by_default.this", "inconclusive")
}

test_region_without_it_fails_in_the_baseline if {
	res := rule.deny with input as testing.doc([
		testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true}),
		volume,
		osaka(testing.resource("aws_instance", "dr", {})),
	])
	count(res) == 1
	testing.has(res, "aws_instance.dr", "fail")
}

test_workload_is_one_inconclusive_per_region if {
	res := rule.deny with input as testing.doc([volume, testing.resource("aws_instance", "app", {}), osaka(testing.resource("aws_instance", "dr", {}))])
	count(res) == 2
	testing.has(res, "aws_ebs_volume.data", "inconclusive")
	testing.has(res, "aws_instance.dr", "inconclusive")
}

test_nothing_to_judge if {
	count(rule.deny) == 0 with input as testing.doc([testing.resource("aws_s3_bucket", "b", {})])
}
