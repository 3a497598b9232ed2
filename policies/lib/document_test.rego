package fiscguard.lib_test

import data.fiscguard.lib
import data.fiscguard.lib.testing

# A bucket policy whose Resource is known only after apply.
known_in_part := {
	"value": {"Version": "2012-10-17", "Statement": [
		{"Sid": "Public", "Effect": "Allow", "Action": ["s3:GetObject", null], "Resource": null, "Principal": "*"},
		{"Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": null}}},
	]},
	"unknown": {"Statement": [{"Action": [false, true], "Resource": true}, {"Condition": {"Bool": {"aws:SecureTransport": true}}}]},
}

policy(values, unknown, documents) := object.union(testing.resource("aws_s3_bucket_policy", "p", values), {"unknown": unknown, "documents": documents})

test_document_from_the_string if {
	d := lib.document(policy({"policy": `{"Statement":[{"Effect":"Allow"}]}`}, {}, {}), "policy")
	d == {"value": {"Statement": [{"Effect": "Allow"}]}, "unknown": {}}
}

test_document_the_loader_knows if {
	lib.document(policy({}, {"policy": true}, {"policy": known_in_part}), "policy") == known_in_part
}

test_document_of_which_nothing_is_known if {
	d := lib.document(policy({}, {"policy": true}, {}), "policy")
	[st] := lib.parts(lib.part(d, ["Statement"]))
	lib.unknown_whole(st)
	lib.known(lib.part(st, ["Action"])) == []
	lib.unknown_in(lib.part(st, ["Action"]))
}

test_no_document if {
	not lib.document(policy({}, {}, {}), "policy")
	not lib.document(policy({"policy": "not json"}, {}, {}), "policy")
}

test_parts_and_what_is_known if {
	[public, deny] := lib.parts(lib.part(known_in_part, ["Statement"]))
	lib.known(lib.part(public, ["Action"])) == ["s3:GetObject"]
	lib.unknown_in(lib.part(public, ["Action"]))
	not lib.unknown_whole(lib.part(public, ["Action"]))
	lib.unknown_whole(lib.part(public, ["Resource"]))
	lib.known(lib.part(public, ["Principal"])) == ["*"]
	not lib.unknown_in(lib.part(public, ["Principal"]))
	not lib.unknown_in(lib.part(public, ["Condition"]))

	# The condition's keys are known, its value is not.
	cond := lib.part(deny, ["Condition"])
	not lib.unknown_whole(cond)
	lib.unknown_in(cond)
	object.keys(cond.value.Bool) == {"aws:SecureTransport"}
	lib.unknown_whole(lib.part(deny, ["Condition", "Bool", "aws:SecureTransport"]))
}

test_parts_of_an_unknown_list if {
	d := {"value": {"Statement": null}, "unknown": {"Statement": true}}
	[st] := lib.parts(lib.part(d, ["Statement"]))
	lib.unknown_whole(lib.part(st, ["Effect"]))
	lib.parts(lib.part({"value": {}, "unknown": {}}, ["Statement"])) == []
}

test_a_single_statement_object if {
	d := {"value": {"Statement": {"Effect": "Allow"}}, "unknown": {}}
	[st] := lib.parts(lib.part(d, ["Statement"]))
	st.value.Effect == "Allow"
	not lib.unknown_in(st)
}
