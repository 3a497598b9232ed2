package fiscguard.aws.ecr.scan_on_push_test

import data.fiscguard.aws.ecr.scan_on_push
import data.fiscguard.lib.testing

repo(scan) := testing.resource("aws_ecr_repository", "api", {"name": "bank-api", "image_scanning_configuration": [{"scan_on_push": scan}]})

test_without_scan_fails if {
	res := scan_on_push.deny with input as testing.doc([repo(false)])
	testing.has(res, "aws_ecr_repository.api", "fail")
}

test_scan_on_push_passes if {
	count(scan_on_push.deny) == 0 with input as testing.doc([repo(true)])
}

test_registry_enhanced_scanning_passes if {
	reg := testing.resource("aws_ecr_registry_scanning_configuration", "this", {"scan_type": "ENHANCED", "rule": []})
	count(scan_on_push.deny) == 0 with input as testing.doc([repo(false), reg])
}

test_registry_basic_rule_for_all_passes if {
	reg := testing.resource("aws_ecr_registry_scanning_configuration", "this", {"scan_type": "BASIC", "rule": [{"scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{"filter": "*", "filter_type": "WILDCARD"}]}]})
	count(scan_on_push.deny) == 0 with input as testing.doc([repo(false), reg])
}

test_deleted_repository_is_not_checked if {
	count(scan_on_push.deny) == 0 with input as testing.doc([object.union(repo(false), {"actions": ["delete"]})])
}
