package fiscguard.aws.iam.password_policy_test

import data.fiscguard.aws.iam.password_policy
import data.fiscguard.lib.testing

params := {"password_min_length": 14, "password_reuse_prevention": 24, "password_max_age_days": 90}

strong := {
	"minimum_password_length": 14, "require_lowercase_characters": true, "require_uppercase_characters": true,
	"require_numbers": true, "require_symbols": true, "password_reuse_prevention": 24, "max_password_age": 90,
	"allow_users_to_change_password": true,
}

policy(values) := testing.resource("aws_iam_account_password_policy", "strict", values)

test_strong_policy_passes if {
	count(password_policy.deny) == 0 with input as testing.doc([policy(strong)]) with data.fiscguard.params as params
}

test_short_length_fails if {
	res := password_policy.deny with input as testing.doc([policy(object.union(strong, {"minimum_password_length": 8}))]) with data.fiscguard.params as params
	count(res) == 1
	some r in res
	r.attribute == "minimum_password_length"
}

test_defaults_fail_every_setting_in_one_finding if {
	res := password_policy.deny with input as testing.doc([policy({"minimum_password_length": 8})]) with data.fiscguard.params as params
	count(res) == 1
	some r in res
	count(r.attributes) == 7
	r.attribute == r.attributes[0]
	contains(r.message.en, "it does not require symbols")
	contains(r.message.en, "it allows passwords shorter than 14 characters")
	contains(r.message.en, "it lets passwords live longer than 90 days")
}

test_one_day_is_singular if {
	res := password_policy.deny with input as testing.doc([policy(object.union(strong, {"max_password_age": 2}))])
		with data.fiscguard.params as object.union(params, {"password_max_age_days": 1})
	some r in res
	contains(r.message.en, "longer than 1 day")
}

test_unknown_setting_is_inconclusive if {
	p := object.union(policy(object.union(strong, {"require_symbols": null})), {"unknown": {"require_symbols": true}})
	res := password_policy.deny with input as testing.doc([p]) with data.fiscguard.params as params
	testing.has(res, "aws_iam_account_password_policy.strict", "inconclusive")
	not testing.has(res, "aws_iam_account_password_policy.strict", "fail")
}

test_no_expiry_fails if {
	res := password_policy.deny with input as testing.doc([policy(object.union(strong, {"max_password_age": 0}))]) with data.fiscguard.params as params
	some r in res
	r.attribute == "max_password_age"
}

test_deleted_policy_is_not_checked if {
	p := object.union(policy({}), {"actions": ["delete"]})
	count(password_policy.deny) == 0 with input as testing.doc([p]) with data.fiscguard.params as params
}
