package fiscguard.aws.iam.admin_policy_test

import data.fiscguard.aws.iam.admin_policy
import data.fiscguard.lib.testing

policy(type, statement) := testing.resource(type, "ops", {
	"name": "ops",
	"policy": json.marshal({"Version": "2012-10-17", "Statement": statement}),
})

admin := {"Effect": "Allow", "Action": "*", "Resource": "*"}

test_admin_statement_object_fails if {
	res := admin_policy.deny with input as testing.doc([policy("aws_iam_policy", admin)])
	testing.has(res, "aws_iam_policy.ops", "fail")
}

test_admin_in_lists_fails if {
	st := [
		{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::bank-data/*"]},
		{"Effect": "Allow", "Action": ["ec2:Describe*", "*"], "Resource": ["*"]},
	]
	res := admin_policy.deny with input as testing.doc([policy("aws_iam_role_policy", st)])
	testing.has(res, "aws_iam_role_policy.ops", "fail")
}

test_inline_user_and_group_policies_are_checked if {
	res := admin_policy.deny with input as testing.doc([policy("aws_iam_user_policy", [admin]), policy("aws_iam_group_policy", [admin])])
	testing.has(res, "aws_iam_user_policy.ops", "fail")
	testing.has(res, "aws_iam_group_policy.ops", "fail")
}

test_scoped_policy_passes if {
	st := [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::bank-data/*"}]
	count(admin_policy.deny) == 0 with input as testing.doc([policy("aws_iam_policy", st)])
}

test_all_actions_on_one_resource_passes if {
	st := {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::bank-data"}
	count(admin_policy.deny) == 0 with input as testing.doc([policy("aws_iam_policy", st)])
}

test_deny_everything_passes if {
	st := {"Effect": "Deny", "Action": "*", "Resource": "*"}
	count(admin_policy.deny) == 0 with input as testing.doc([policy("aws_iam_policy", st)])
}

test_unknown_document_is_inconclusive if {
	p := object.union(testing.resource("aws_iam_role_policy", "ops", {"name": "ops"}), {"unknown": {"policy": true}})
	res := admin_policy.deny with input as testing.doc([p])
	testing.has(res, "aws_iam_role_policy.ops", "inconclusive")
	not testing.has(res, "aws_iam_role_policy.ops", "fail")
}

test_invalid_json_is_ignored if {
	p := testing.resource("aws_iam_policy", "ops", {"policy": "{not json"})
	count(admin_policy.deny) == 0 with input as testing.doc([p])
}

test_deleted_policy_is_not_checked if {
	p := object.union(policy("aws_iam_policy", admin), {"actions": ["delete"]})
	count(admin_policy.deny) == 0 with input as testing.doc([p])
}

# A document known in part (an aws_iam_policy_document whose resources are
# ARNs known only after apply) decides from its known parts.
in_part(statements, unknown) := testing.known_in_part(testing.resource("aws_iam_policy", "ops", {"name": "ops"}), "policy", statements, unknown)

test_known_admin_statement_in_a_document_known_in_part_fails if {
	p := in_part([admin, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": null}], [false, {"Resource": true}])
	res := admin_policy.deny with input as testing.doc([p])
	testing.has(res, "aws_iam_policy.ops", "fail")
	not testing.has(res, "aws_iam_policy.ops", "inconclusive")
}

test_all_actions_on_an_unknown_resource_is_inconclusive if {
	p := in_part([{"Effect": "Allow", "Action": "*", "Resource": null}], [{"Resource": true}])
	res := admin_policy.deny with input as testing.doc([p])
	some r in res
	r.status == "inconclusive"
	contains(r.message.en, "whether statement 0 allows every action")
}

test_unknown_effect_is_inconclusive if {
	p := in_part([{"Effect": null, "Action": "*", "Resource": "*"}], [{"Effect": true}])
	testing.has(admin_policy.deny, "aws_iam_policy.ops", "inconclusive") with input as testing.doc([p])
}

test_known_actions_on_unknown_resources_pass if {
	p := in_part([{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": null}], [{"Resource": true}])
	count(admin_policy.deny) == 0 with input as testing.doc([p])
}

test_unknown_statements_are_inconclusive if {
	p := in_part(null, true)
	res := admin_policy.deny with input as testing.doc([p])
	some r in res
	r.status == "inconclusive"
	contains(r.message.en, "the policy document is known only after apply")
}
