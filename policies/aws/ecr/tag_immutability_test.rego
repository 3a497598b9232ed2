package fiscguard.aws.ecr.tag_immutability_test

import data.fiscguard.aws.ecr.tag_immutability as rule
import data.fiscguard.lib.testing

repo(values) := testing.resource("aws_ecr_repository", "app", values)

test_immutable_passes if {
	count(rule.deny) == 0 with input as testing.doc([repo({"image_tag_mutability": "IMMUTABLE"})])
	count(rule.deny) == 0 with input as testing.doc([repo({"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})])
}

test_mutable_fails if {
	testing.has(rule.deny, "aws_ecr_repository.app", "fail") with input as testing.doc([repo({"image_tag_mutability": "MUTABLE"})])
}

test_default_is_mutable if {
	testing.has(rule.deny, "aws_ecr_repository.app", "fail") with input as testing.doc([repo({})])
}

test_set_later_is_inconclusive if {
	r := object.union(repo({}), {"unknown": {"image_tag_mutability": true}, "refs": {"image_tag_mutability": ["var.mutability"]}})
	testing.has(rule.deny, "aws_ecr_repository.app", "inconclusive") with input as testing.doc([r])
}
