package fiscguard.aws.organizations.guardrails_test

import data.fiscguard.aws.organizations.audit_buckets
import data.fiscguard.aws.organizations.root_access_keys
import data.fiscguard.aws.organizations.root_user
import data.fiscguard.aws.organizations.vpc_internet_access
import data.fiscguard.lib.testing

org := testing.resource("aws_organizations_organization", "this", {"feature_set": "ALL"})

root_deny := {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::*:root"]}}}

scp(name, statements) := testing.resource("aws_organizations_policy", name, {"content": json.marshal({"Version": "2012-10-17", "Statement": statements})})

attach(name) := object.union(testing.resource("aws_organizations_policy_attachment", name, {}), {"refs": {"policy_id": [sprintf("aws_organizations_policy.%s", [name])]}})

test_root_denial_holds_both_root_guardrails if {
	doc := testing.doc([org, scp("guard", [root_deny]), attach("guard")])
	count(root_user.deny) == 0 with input as doc
	count(root_access_keys.deny) == 0 with input as doc
}

test_access_key_denial_holds_only_its_guardrail if {
	st := object.union(root_deny, {"Action": ["iam:CreateAccessKey"]})
	doc := testing.doc([org, scp("guard", [st]), attach("guard")])
	count(root_access_keys.deny) == 0 with input as doc
	testing.has(root_user.deny, "aws_organizations_organization.this", "fail") with input as doc
}

test_unconditioned_denial_reaches_the_root_user if {
	st := object.remove(root_deny, ["Condition"])
	count(root_user.deny) == 0 with input as testing.doc([org, scp("guard", [st]), attach("guard")])
}

test_denial_for_other_principals_is_not_a_root_guardrail if {
	st := object.union(root_deny, {"Condition": {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/admin"]}}})
	doc := testing.doc([org, scp("guard", [st]), attach("guard")])
	testing.has(root_user.deny, "aws_organizations_organization.this", "fail") with input as doc
	testing.has(root_access_keys.deny, "aws_organizations_organization.this", "fail") with input as doc
}

test_unattached_policy_does_not_count if {
	res := root_user.deny with input as testing.doc([org, scp("guard", [root_deny])])
	count(res) == 1
	some r in res
	contains(r.message.en, "only unattached policies deny it: aws_organizations_policy.guard")
}

test_unknown_content_is_inconclusive if {
	p := object.union(testing.resource("aws_organizations_policy", "guard", {}), {"unknown": {"content": true}})
	res := root_user.deny with input as testing.doc([org, p, attach("guard")])
	count(res) == 1
	testing.has(res, "aws_organizations_policy.guard", "inconclusive")
}

test_scps_only_report_at_the_first_policy if {
	res := root_user.deny with input as testing.doc([scp("b", []), scp("a", [])])
	testing.has(res, "aws_organizations_policy.a", "fail")
}

test_other_policy_types_do_not_count if {
	tag := testing.resource("aws_organizations_policy", "tags", {"type": "TAG_POLICY", "content": "{}"})
	count(root_user.deny) == 0 with input as testing.doc([tag])
}

test_no_organisation_nothing_to_judge if {
	count(root_user.deny) == 0 with input as testing.doc([testing.resource("aws_s3_bucket", "b", {})])
}

test_audit_buckets_names_the_actions_left_undenied if {
	st := {"Effect": "Deny", "Action": ["s3:PutEncryptionConfiguration", "s3:PutBucketPolicy"], "Resource": ["arn:aws:s3:::aws-controltower-logs-*"]}
	res := audit_buckets.deny with input as testing.doc([org, scp("logs", [st]), attach("logs")])
	count(res) == 1
	some r in res
	contains(r.message.en, "s3:putbucketlogging, s3:deletebucketpolicy")
}

test_audit_buckets_with_wildcards_pass if {
	st := {"Effect": "Deny", "Action": ["s3:PutBucket*", "s3:DeleteBucketPolicy", "s3:PutEncryptionConfiguration"], "Resource": "*"}
	count(audit_buckets.deny) == 0 with input as testing.doc([org, scp("logs", [st]), attach("logs")])
}

test_vpc_internet_access if {
	st := {"Effect": "Deny", "Action": ["ec2:CreateInternetGateway", "ec2:AttachInternetGateway", "ec2:CreateEgressOnlyInternetGateway"], "Resource": "*"}
	count(vpc_internet_access.deny) == 0 with input as testing.doc([org, scp("internal", [st]), attach("internal")])
	testing.has(vpc_internet_access.deny, "aws_organizations_organization.this", "fail") with input as testing.doc([org])
}
