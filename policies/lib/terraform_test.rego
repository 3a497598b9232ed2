package fiscguard.lib_test

import data.fiscguard.lib
import data.fiscguard.lib.testing

volume := object.union(testing.resource("aws_ebs_volume", "data", {
	"encrypted": null,
	"size": 10,
	"tags": {"env": "prod"},
	"ebs_block_device": [{"encrypted": true}],
}), {"unknown": {"kms_key_id": true, "ebs_block_device": [{"kms_key_id": true}]}, "refs": {"kms_key_id": ["aws_kms_key.data"]}})

test_value_reads_a_key_or_a_path if {
	fiscguard.value(volume, "size", 0) == 10
	fiscguard.value(volume, ["tags", "env"], "") == "prod"
	fiscguard.value(volume, ["ebs_block_device", 0, "encrypted"], false) == true
}

test_value_gives_the_default_for_null_and_absent if {
	fiscguard.value(volume, "encrypted", false) == false
	fiscguard.value(volume, "iops", 3000) == 3000
	fiscguard.value(volume, ["ebs_block_device", 1, "encrypted"], "none") == "none"
}

test_unknown_reads_the_unknown_tree if {
	fiscguard.unknown(volume, "kms_key_id")
	fiscguard.unknown(volume, ["ebs_block_device", 0, "kms_key_id"])
	not fiscguard.unknown(volume, "size")
	not fiscguard.unknown(volume, ["ebs_block_device", 0, "encrypted"])
}

test_refers if {
	fiscguard.refers(volume, "kms_key_id")
	not fiscguard.refers(volume, "size")
}

test_unknown_covers_what_an_unknown_value_encloses if {
	r := object.union(testing.resource("aws_dynamodb_table", "t", {}), {"unknown": {"point_in_time_recovery": true, "replica": [{"region_name": true}]}})
	fiscguard.unknown(r, ["point_in_time_recovery", 0, "enabled"])
	fiscguard.unknown(r, ["replica", 0, "region_name"])
	not fiscguard.unknown(r, ["replica", 1, "region_name"])
	fiscguard.wholly_unknown(r, ["point_in_time_recovery", 0, "enabled"])
	not fiscguard.wholly_unknown(r, ["replica", 0])
}

# A collection known in part (HCL's [var.cidr], a block with one unknown
# argument) is unknown: a decision from it depends on every element. Only
# wholly_unknown tells it from one whose very elements are not known.
test_unknown_covers_what_a_value_holds if {
	r := object.union(testing.resource("aws_security_group", "g", {"ingress": [{"cidr_blocks": ["10.0.0.0/8", null]}]}), {"unknown": {
		"ingress": [{"cidr_blocks": [false, true]}],
		"egress": [false, false],
		"tags": {"owner": true},
	}})
	fiscguard.unknown(r, "ingress")
	fiscguard.unknown(r, ["ingress", 0])
	fiscguard.unknown(r, ["ingress", 0, "cidr_blocks"])
	fiscguard.unknown(r, ["ingress", 0, "cidr_blocks", 1])
	not fiscguard.unknown(r, ["ingress", 0, "cidr_blocks", 0])
	fiscguard.unknown(r, "tags")
	not fiscguard.unknown(r, "egress")
	not fiscguard.wholly_unknown(r, "ingress")
	not fiscguard.wholly_unknown(r, ["ingress", 0, "cidr_blocks"])
	fiscguard.wholly_unknown(r, ["ingress", 0, "cidr_blocks", 1])
}

test_json_value if {
	r := testing.resource("aws_iam_policy", "p", {"policy": "{\"Version\":\"2012-10-17\"}", "bad": "{"})
	lib.json_value(r, "policy") == {"Version": "2012-10-17"}
	not lib.json_value(r, "bad")
	not lib.json_value(r, "absent")
}

test_as_array if {
	lib.as_array("x") == ["x"]
	lib.as_array(["x", "y"]) == ["x", "y"]
}

test_empty if {
	lib.empty(null)
	lib.empty([])
	not lib.empty([1])
}

test_joins_through_refs if {
	key := testing.resource("aws_kms_key", "data", {})
	doc := testing.doc([key, volume])
	[x.address | some x in lib.referrers(key, "aws_ebs_volume", "kms_key_id")] == ["aws_ebs_volume.data"] with input as doc
	[x.address | some x in lib.referenced(volume, "kms_key_id", "aws_kms_key")] == ["aws_kms_key.data"] with input as doc
	count(lib.referenced(volume, "kms_key_id", "aws_s3_bucket")) == 0 with input as doc
}

test_deleted_resources_are_not_judged if {
	gone := object.union(testing.resource("aws_kms_key", "old", {}), {"actions": ["delete"]})
	doc := testing.doc([gone, volume])
	count(lib.resources("aws_kms_key")) == 0 with input as doc
	[x.address | some x in lib.deleting("aws_kms_key")] == ["aws_kms_key.old"] with input as doc
	[x.address | some x in lib.all_resources] == ["aws_ebs_volume.data"] with input as doc
}

test_results if {
	fiscguard.fail(volume, "encrypted", "en", "ja") == {"resource": "aws_ebs_volume.data", "attribute": "encrypted", "status": "fail", "message": {"en": "en", "ja": "ja"}}
	fiscguard.inconclusive(volume, "", "en", "ja").status == "inconclusive"
}

test_from_text_names_what_a_value_comes_from if {
	lib.from_text(volume, "kms_key_id") == {"en": ": `kms_key_id` comes from aws_kms_key.data", "ja": "（kms_key_id は aws_kms_key.data から決まる）"}
	local := object.union(testing.resource("aws_db_instance", "db", {}), {"unresolved": {"storage_encrypted": ["module.db.local.encrypt"]}})
	lib.from_text(local, "storage_encrypted").en == ": `storage_encrypted` comes from module.db.local.encrypt"
	lib.from_text(volume, "size") == {"en": "", "ja": ""}
}

test_count_and_list_texts if {
	lib.count_text(1, "day", "days") == "1 day"
	lib.count_text(7, "day", "days") == "7 days"
	lib.list_text(["a", "b", "c"], 2) == {"en": "a, b and 1 more", "ja": "a、bほか1件"}
	lib.list_text(["a"], 2) == {"en": "a", "ja": "a"}
}

test_one_per_resource_reports_the_worst_status_once if {
	a := testing.resource("aws_x", "a", {})
	b := testing.resource("aws_x", "b", {})
	problems := {
		{"resource": a, "attribute": "p", "status": "fail", "en": "p is bad", "ja": "p が悪い"},
		{"resource": a, "attribute": "q", "status": "inconclusive", "en": "q is known only after apply", "ja": "q は確定しない"},
		{"resource": a, "attribute": "r", "status": "fail", "en": "r is bad", "ja": "r が悪い"},
		{"resource": b, "attribute": "q", "status": "inconclusive", "en": "q is known only after apply", "ja": "q は確定しない"},
	}
	intro := {"fail": {"en": "%s is wrong: ", "ja": "%s が誤り: "}, "inconclusive": {"en": "%s: ", "ja": "%s の"}}
	fiscguard.one_per_resource(problems, intro) == {
		{"resource": "aws_x.a", "attribute": "p", "attributes": ["p", "r"], "status": "fail", "message": {"en": "aws_x.a is wrong: p is bad; r is bad", "ja": "aws_x.a が誤り: p が悪い、r が悪い"}},
		{"resource": "aws_x.b", "attribute": "q", "attributes": ["q"], "status": "inconclusive", "message": {"en": "aws_x.b: q is known only after apply", "ja": "aws_x.b のq は確定しない"}},
	}
}

test_one_per_resource_keeps_each_resources_problems_in_order if {
	a := testing.resource("aws_x", "a", {})
	b := testing.resource("aws_x", "b", {})
	problems := [
		{"resource": b, "attribute": "z", "status": "fail", "en": "z", "ja": "z"},
		{"resource": a, "attribute": "y", "status": "fail", "en": "y", "ja": "y"},
		{"resource": b, "attribute": "x", "status": "fail", "en": "x", "ja": "x"},
		{"resource": a, "attribute": "w", "status": "inconclusive", "en": "w", "ja": "w"},
		{"resource": a, "attribute": "v", "status": "fail", "en": "v", "ja": "v"},
	]
	intro := {"fail": {"en": "%s: ", "ja": "%s: "}, "inconclusive": {"en": "%s? ", "ja": "%s? "}}
	fiscguard.one_per_resource(problems, intro) == {
		{"resource": "aws_x.a", "attribute": "y", "attributes": ["y", "v"], "status": "fail", "message": {"en": "aws_x.a: y; v", "ja": "aws_x.a: y、v"}},
		{"resource": "aws_x.b", "attribute": "z", "attributes": ["z", "x"], "status": "fail", "message": {"en": "aws_x.b: z; x", "ja": "aws_x.b: z、x"}},
	}
}

test_exported_by if {
	a := testing.resource("aws_security_group", "a", {})
	b := testing.resource("aws_security_group", "b", {})
	doc := object.union(testing.doc([a, b]), {"outputs": {"z": ["aws_security_group.a"], "y": ["aws_security_group.a", "aws_security_group.c"], "x": []}})
	lib.exported_by(a) == ["y", "z"] with input as doc
	lib.exported_by(b) == [] with input as doc
	lib.exported_by(a) == [] with input as testing.doc([a])
}
