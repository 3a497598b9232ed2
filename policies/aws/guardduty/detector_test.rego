package fiscguard.aws.guardduty.detector_test

import data.fiscguard.aws.guardduty.detector
import data.fiscguard.lib.testing

test_disabled_fails if {
	res := detector.deny with input as testing.doc([testing.resource("aws_guardduty_detector", "main", {"enable": false})])
	testing.has(res, "aws_guardduty_detector.main", "fail")
}

test_enabled_passes if {
	count(detector.deny) == 0 with input as testing.doc([testing.resource("aws_guardduty_detector", "main", {"enable": true})])
}

test_default_passes if {
	count(detector.deny) == 0 with input as testing.doc([testing.resource("aws_guardduty_detector", "main", {})])
}

test_deleted_detector_is_not_checked if {
	d := object.union(testing.resource("aws_guardduty_detector", "main", {"enable": false}), {"actions": ["delete"]})
	count(detector.deny) == 0 with input as testing.doc([d])
}
