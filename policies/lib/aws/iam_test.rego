package fiscguard.lib.aws.iam_test

import data.fiscguard.lib.aws.iam
import data.fiscguard.lib.testing

doc := {"Version": "2012-10-17", "Statement": [
	{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "KMS:Decrypt*", "Resource": "*"},
	{"Effect": "Deny", "Principal": "*", "Action": ["S3:*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
]}

known(d) := {"value": d, "unknown": {}}

test_document_is_decoded_from_json if {
	r := testing.resource("aws_iam_policy", "p", {"policy": json.marshal(doc)})
	iam.document(r, "policy") == known(doc)
	not iam.document(r, "absent")
}

test_statements if {
	[{"value": doc.Statement[0], "unknown": false}, _] = iam.statements(known(doc))
	iam.statements(known({"Statement": {"Effect": "Allow"}})) == [{"value": {"Effect": "Allow"}, "unknown": false}]
	iam.statements(known({})) == []
	not iam.unknown_statements(known(doc))
}

test_statements_known_only_after_apply if {
	r := object.union(testing.resource("aws_iam_policy", "p", {}), {"unknown": {"policy": true}})
	d := iam.document(r, "policy")
	iam.unknown_statements(d)
	[s] := iam.statements(d)
	iam.may_have_effect(s, "Allow")
	iam.may_include(s, "Action", "*")
	iam.may_be_public(s)
	iam.may_deny_insecure_transport(d, {"s3:*"})
	not iam.denies_insecure_transport(d, {"s3:*"})
}

test_actions_resources_and_principals if {
	iam.actions(doc.Statement[0]) == ["KMS:Decrypt*"]
	iam.resources(doc.Statement[1]) == ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]
	iam.principals(doc.Statement[0], "AWS") == ["arn:aws:iam::111122223333:root", "*"]
	not iam.principals(doc.Statement[1], "AWS")
}

test_matching_actions_ignore_case if {
	iam.matching_actions(doc.Statement[0], ["kms:decrypt", "kms:encrypt"]) == ["kms:decrypt"]
}

test_public_principal if {
	iam.public_principal("*")
	iam.public_principal({"AWS": "*"})
	iam.public_principal(doc.Statement[0].Principal)
	not iam.public_principal({"AWS": "arn:aws:iam::111122223333:root"})
	not iam.public_principal({"Service": "cloudtrail.amazonaws.com"})
}

test_denies_insecure_transport if {
	iam.denies_insecure_transport(known(doc), {"s3:*", "*"})
	not iam.denies_insecure_transport(known(doc), {"sns:publish"})
	not iam.may_deny_insecure_transport(known(doc), {"sns:publish"})
	allow_only := known({"Statement": [doc.Statement[0]]})
	not iam.denies_insecure_transport(allow_only, {"s3:*", "*"})
	not iam.may_deny_insecure_transport(allow_only, {"s3:*", "*"})
}

# A bucket policy rendered from an aws_iam_policy_document whose resources
# (and a principal) are known only after apply.
in_part := {
	"value": {"Version": "2012-10-17", "Statement": [
		{"Sid": "Public", "Effect": "Allow", "Action": ["s3:GetObject", null], "Resource": null, "Principal": "*"},
		{"Sid": "Loader", "Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": null, "Principal": {"AWS": [null, "arn:aws:iam::444455556666:root"]}},
		{"Effect": "Deny", "Action": "s3:*", "Resource": null, "Principal": {"AWS": null}, "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
	]},
	"unknown": {"Statement": [
		{"Action": [false, true], "Resource": true},
		{"Resource": true, "Principal": {"AWS": [true, false]}},
		{"Resource": true, "Principal": {"AWS": true}},
	]},
}

test_known_in_part if {
	[public, loader, deny] := iam.statements(in_part)

	# Known: decided whatever is unknown.
	iam.public_principal(public.value.Principal)
	iam.actions(public.value) == ["s3:GetObject"]
	iam.resources(public.value) == []
	iam.principals(loader.value, "AWS") == ["arn:aws:iam::444455556666:root"]
	iam.matching_actions(loader.value, ["s3:putbucketpolicy"]) == ["s3:putbucketpolicy"]
	not iam.may_have_effect(public, "Deny")

	# May: true while what decides is unknown.
	iam.may_include(public, "Action", "s3:PutObject")
	not iam.may_include(loader, "Action", "s3:PutObject")
	iam.may_include(loader, "Resource", "*")
	iam.may_be_public(loader)
	iam.may_match_actions(public, ["s3:putbucketacl"])
	not iam.may_match_actions(loader, ["s3:putbucketacl"])

	# The Deny's principal is unknown: it may deny everyone, or not.
	iam.may_be_public(deny)
	not iam.public_principal(deny.value.Principal)
	not iam.denies_insecure_transport(in_part, {"s3:*"})
	iam.may_deny_insecure_transport(in_part, {"s3:*"})
	not iam.may_deny_insecure_transport(in_part, {"sns:publish"})
}

test_unknown_tls_condition if {
	d := {
		"value": {"Statement": [{"Effect": "Deny", "Action": "s3:*", "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": null}}}]},
		"unknown": {"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": true}}}]},
	}
	not iam.denies_insecure_transport(d, {"s3:*"})
	iam.may_deny_insecure_transport(d, {"s3:*"})
	other := {
		"value": {"Statement": [{"Effect": "Deny", "Action": "s3:*", "Principal": "*", "Condition": {"StringEquals": {"aws:SourceVpce": null}}}]},
		"unknown": {"Statement": [{"Condition": {"StringEquals": {"aws:SourceVpce": true}}}]},
	}
	not iam.may_deny_insecure_transport(other, {"s3:*"})
	whole := {
		"value": {"Statement": [{"Effect": "Deny", "Action": "s3:*", "Principal": "*", "Condition": null}]},
		"unknown": {"Statement": [{"Condition": true}]},
	}
	iam.may_deny_insecure_transport(whole, {"s3:*"})
}
