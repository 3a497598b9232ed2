package fiscguard.lib.aws.iam_test

import data.fiscguard.lib.aws.iam
import data.fiscguard.lib.testing

doc := {"Version": "2012-10-17", "Statement": [
	{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "KMS:Decrypt*", "Resource": "*"},
	{"Effect": "Deny", "Principal": "*", "Action": ["S3:*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
]}

test_document_is_decoded_from_json if {
	r := testing.resource("aws_iam_policy", "p", {"policy": json.marshal(doc)})
	iam.document(r, "policy") == doc
	not iam.document(r, "absent")
}

test_statements if {
	count(iam.statements(doc)) == 2
	iam.statements({"Statement": {"Effect": "Allow"}}) == [{"Effect": "Allow"}]
	iam.statements({}) == []
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
	iam.denies_insecure_transport(doc, {"s3:*", "*"})
	not iam.denies_insecure_transport(doc, {"sns:publish"})
	allow_only := {"Statement": [doc.Statement[0]]}
	not iam.denies_insecure_transport(allow_only, {"s3:*", "*"})
}
