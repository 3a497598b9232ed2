package fiscguard.aws.elb.deletion_protection_test

import data.fiscguard.aws.elb.deletion_protection
import data.fiscguard.lib.testing

test_unprotected_fails if {
	res := deletion_protection.deny with input as testing.doc([testing.resource("aws_lb", "web", {"enable_deletion_protection": false})])
	testing.has(res, "aws_lb.web", "fail")
}

test_protected_passes if {
	count(deletion_protection.deny) == 0 with input as testing.doc([testing.resource("aws_lb", "web", {"enable_deletion_protection": true})])
}

test_deleted_lb_is_not_checked if {
	b := object.union(testing.resource("aws_lb", "web", {}), {"actions": ["delete"]})
	count(deletion_protection.deny) == 0 with input as testing.doc([b])
}
