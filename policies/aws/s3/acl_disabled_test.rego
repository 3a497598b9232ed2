package fiscguard.aws.s3.acl_disabled_test

import data.fiscguard.aws.s3.acl_disabled
import data.fiscguard.lib.testing

ownership(o) := testing.resource("aws_s3_bucket_ownership_controls", "data", {"rule": [{"object_ownership": o}]})

test_enforced_passes if {
	count(acl_disabled.deny) == 0 with input as testing.doc([ownership("BucketOwnerEnforced")])
}

test_preferred_fails if {
	res := acl_disabled.deny with input as testing.doc([ownership("BucketOwnerPreferred")])
	testing.has(res, "aws_s3_bucket_ownership_controls.data", "fail")
}

test_acl_resource_fails if {
	res := acl_disabled.deny with input as testing.doc([testing.resource("aws_s3_bucket_acl", "data", {"acl": "private"})])
	testing.has(res, "aws_s3_bucket_acl.data", "fail")
}

test_deleted_acl_is_not_checked if {
	a := object.union(testing.resource("aws_s3_bucket_acl", "data", {"acl": "private"}), {"actions": ["delete"]})
	count(acl_disabled.deny) == 0 with input as testing.doc([a])
}
