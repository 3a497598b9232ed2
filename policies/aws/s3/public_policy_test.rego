package fiscguard.aws.s3.public_policy_test

import data.fiscguard.aws.s3.public_policy
import data.fiscguard.lib.testing

policy(doc) := testing.resource("aws_s3_bucket_policy", "data", {"policy": json.marshal(doc)})

public_read := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bank-data/*"}]}

test_public_statement_fails if {
	res := public_policy.deny with input as testing.doc([policy(public_read)])
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

test_aws_star_principal_fails if {
	doc := json.patch(public_read, [{"op": "replace", "path": "/Statement/0/Principal", "value": {"AWS": ["*"]}}])
	res := public_policy.deny with input as testing.doc([policy(doc)])
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

test_vpce_condition_passes if {
	doc := json.patch(public_read, [{"op": "add", "path": "/Statement/0/Condition", "value": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}}])
	count(public_policy.deny) == 0 with input as testing.doc([policy(doc)])
}

test_non_restricting_condition_fails if {
	doc := json.patch(public_read, [{"op": "add", "path": "/Statement/0/Condition", "value": {"Bool": {"aws:SecureTransport": "true"}}}])
	res := public_policy.deny with input as testing.doc([policy(doc)])
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

test_deny_everyone_passes if {
	doc := json.patch(public_read, [{"op": "replace", "path": "/Statement/0/Effect", "value": "Deny"}])
	count(public_policy.deny) == 0 with input as testing.doc([policy(doc)])
}

test_named_principal_passes if {
	doc := json.patch(public_read, [{"op": "replace", "path": "/Statement/0/Principal", "value": {"AWS": "arn:aws:iam::111122223333:role/app"}}])
	count(public_policy.deny) == 0 with input as testing.doc([policy(doc)])
}

test_unknown_policy_is_inconclusive if {
	p := object.union(testing.resource("aws_s3_bucket_policy", "data", {}), {"unknown": {"policy": true}})
	res := public_policy.deny with input as testing.doc([p])
	testing.has(res, "aws_s3_bucket_policy.data", "inconclusive")
	not testing.has(res, "aws_s3_bucket_policy.data", "fail")
}

test_public_canned_acl_fails if {
	a := testing.resource("aws_s3_bucket_acl", "data", {"acl": "public-read"})
	res := public_policy.deny with input as testing.doc([a])
	testing.has(res, "aws_s3_bucket_acl.data", "fail")
}

test_private_acl_passes if {
	a := testing.resource("aws_s3_bucket_acl", "data", {"acl": "private"})
	count(public_policy.deny) == 0 with input as testing.doc([a])
}

test_all_users_grant_fails if {
	a := testing.resource("aws_s3_bucket_acl", "data", {"access_control_policy": [{"grant": [{"permission": "READ", "grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}]}]})
	res := public_policy.deny with input as testing.doc([a])
	testing.has(res, "aws_s3_bucket_acl.data", "fail")
}

test_legacy_bucket_acl_and_policy_are_one_finding if {
	b := testing.resource("aws_s3_bucket", "data", {"bucket": "bank-data", "acl": "public-read-write", "policy": json.marshal(public_read)})
	res := public_policy.deny with input as testing.doc([b])
	count(res) == 1
	some r in res
	r.attributes == ["acl", "policy.Statement[0]"]
	r.message.en == "aws_s3_bucket.data makes the bucket public: it has the public ACL public-read-write; statement 0 of its inline policy allows everyone without a restricting condition"
}

test_deleted_policy_is_not_checked if {
	count(public_policy.deny) == 0 with input as testing.doc([object.union(policy(public_read), {"actions": ["delete"]})])
}

# A bucket policy known in part (an aws_iam_policy_document whose resources
# are the bucket's ARN, known only after apply) decides from its known parts.
in_part(statements, unknown) := testing.known_in_part(testing.resource("aws_s3_bucket_policy", "data", {}), "policy", statements, unknown)

public_unknown_resource := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": null}

test_public_statement_known_in_part_fails if {
	p := in_part([public_unknown_resource], [{"Resource": true}])
	res := public_policy.deny with input as testing.doc([p])
	testing.has(res, "aws_s3_bucket_policy.data", "fail")
	not testing.has(res, "aws_s3_bucket_policy.data", "inconclusive")
}

test_unknown_principal_is_inconclusive if {
	st := {"Effect": "Allow", "Principal": {"AWS": null}, "Action": "s3:GetObject", "Resource": null}
	res := public_policy.deny with input as testing.doc([in_part([st], [{"Principal": {"AWS": true}, "Resource": true}])])
	some r in res
	r.status == "inconclusive"
	r.attribute == "policy.Statement[0]"
}

test_unknown_condition_is_inconclusive if {
	st := object.union(public_unknown_resource, {"Condition": null})
	res := public_policy.deny with input as testing.doc([in_part([st], [{"Condition": true, "Resource": true}])])
	testing.has(res, "aws_s3_bucket_policy.data", "inconclusive")
}

test_restricting_key_with_an_unknown_value_passes if {
	st := object.union(public_unknown_resource, {"Condition": {"StringEquals": {"aws:SourceAccount": null}}})
	p := in_part([st], [{"Condition": {"StringEquals": {"aws:SourceAccount": true}}, "Resource": true}])
	count(public_policy.deny) == 0 with input as testing.doc([p])
}

test_service_principal_known_in_part_passes if {
	st := {"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": null}
	count(public_policy.deny) == 0 with input as testing.doc([in_part([st], [{"Resource": true}])])
}
