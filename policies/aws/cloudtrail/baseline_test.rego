package fiscguard.aws.cloudtrail.baseline_test

import data.fiscguard.aws.cloudtrail.baseline
import data.fiscguard.lib.testing

good := {
	"name": "org-trail",
	"s3_bucket_name": "bank-audit-logs",
	"is_multi_region_trail": true,
	"enable_log_file_validation": true,
	"kms_key_id": "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000002",
}

trail(values) := testing.resource("aws_cloudtrail", "main", values)

attributes(res) := {r.attribute | some r in res; r.status == "fail"}

test_complete_trail_passes if {
	count(baseline.deny) == 0 with input as testing.doc([trail(good)])
}

test_bare_trail_is_one_finding_listing_each_setting if {
	res := baseline.deny with input as testing.doc([trail({"name": "t", "s3_bucket_name": "b"})])
	count(res) == 1
	some r in res
	{a | some a in r.attributes} == {"is_multi_region_trail", "enable_log_file_validation", "kms_key_id"}
}

test_single_region_trail_fails if {
	res := baseline.deny with input as testing.doc([trail(object.union(good, {"is_multi_region_trail": false}))])
	attributes(res) == {"is_multi_region_trail"}
}

test_key_created_in_the_same_plan_passes if {
	t := object.union(trail(object.remove(good, ["kms_key_id"])), {
		"unknown": {"kms_key_id": true},
		"refs": {"kms_key_id": ["aws_kms_key.trail"]},
	})
	count(baseline.deny) == 0 with input as testing.doc([t, testing.resource("aws_kms_key", "trail", {})])
}

test_unreferenced_unknown_key_is_inconclusive if {
	t := object.union(trail(object.remove(good, ["kms_key_id"])), {"unknown": {"kms_key_id": true}})
	res := baseline.deny with input as testing.doc([t])
	testing.has(res, "aws_cloudtrail.main", "inconclusive")
	not testing.has(res, "aws_cloudtrail.main", "fail")
}

test_deleted_trail_is_not_checked if {
	t := object.union(trail({"name": "t"}), {"actions": ["delete"]})
	count(baseline.deny) == 0 with input as testing.doc([t])
}

test_switched_off_trail_fails if {
	res := baseline.deny with input as testing.doc([trail(object.union(good, {"enable_logging": false}))])
	attributes(res) == {"enable_logging"}
}

test_selectors_that_drop_management_events_fail if {
	every sel in [
		{"include_management_events": false, "read_write_type": "All"},
		{"include_management_events": true, "read_write_type": "WriteOnly"},
	] {
		res := baseline.deny with input as testing.doc([trail(object.union(good, {"event_selector": [sel]}))])
		attributes(res) == {"event_selector"}
	}
}

test_selectors_with_all_management_events_pass if {
	sel := {"include_management_events": true, "read_write_type": "All", "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}
	count(baseline.deny) == 0 with input as testing.doc([trail(object.union(good, {"event_selector": [sel]}))])
}

test_advanced_selectors if {
	mgmt := {"field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}
	writes := {"field_selector": [{"field": "eventCategory", "equals": ["Management"]}, {"field": "readOnly", "equals": ["false"]}]}
	count(baseline.deny) == 0 with input as testing.doc([trail(object.union(good, {"advanced_event_selector": [mgmt]}))])
	attributes(baseline.deny) == {"event_selector"} with input as testing.doc([trail(object.union(good, {"advanced_event_selector": [writes]}))])
}

# A selector setting, a field selector's values or the selectors themselves
# known only after apply leave the trail undecided, never passing.
test_selectors_known_only_after_apply_are_inconclusive if {
	every case in [
		[{"event_selector": [{"read_write_type": "All"}]}, {"event_selector": [{"include_management_events": true}]}],
		[{"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": [null]}]}]}, {"advanced_event_selector": [{"field_selector": [{"equals": [true]}]}]}],
		[{}, {"event_selector": true}],
		[{}, {"advanced_event_selector": true}],
	] {
		t := object.union(trail(object.union(good, case[0])), {"unknown": case[1]})
		res := baseline.deny with input as testing.doc([t])
		[[r.status, r.attribute] | some r in res] == [["inconclusive", "event_selector"]]
	}
}

# One selector that records management events decides, whatever the others.
test_a_recording_selector_decides if {
	sels := [{"include_management_events": true, "read_write_type": "All"}, {"data_resource": [{"type": "AWS::S3::Object", "values": [null]}]}]
	t := object.union(trail(object.union(good, {"event_selector": sels})), {"unknown": {"event_selector": [false, {"include_management_events": true}]}})
	count(baseline.deny) == 0 with input as testing.doc([t])
}
