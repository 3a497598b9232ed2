package fiscguard.aws.iam.kms_decrypt_all_test

import data.fiscguard.aws.iam.kms_decrypt_all
import data.fiscguard.lib.testing

policy(action, resource) := testing.resource("aws_iam_role_policy", "app", {"name": "app", "policy": json.marshal({
	"Version": "2012-10-17",
	"Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}],
})})

test_decrypt_on_every_key_fails if {
	res := kms_decrypt_all.deny with input as testing.doc([policy(["kms:Decrypt", "kms:GenerateDataKey"], "*")])
	testing.has(res, "aws_iam_role_policy.app", "fail")
}

test_kms_wildcard_fails if {
	res := kms_decrypt_all.deny with input as testing.doc([policy("kms:*", ["*"])])
	testing.has(res, "aws_iam_role_policy.app", "fail")
}

test_named_key_passes if {
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([policy("kms:Decrypt", "arn:aws:kms:ap-northeast-1:111122223333:key/0b5f6a3e-0000-4000-8000-000000000001")])
}

test_full_admin_is_left_to_iam_001 if {
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([policy("*", "*")])
}

test_deleted_policy_is_not_checked if {
	p := object.union(policy("kms:Decrypt", "*"), {"actions": ["delete"]})
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([p])
}

in_part(statements, unknown) := testing.known_in_part(testing.resource("aws_iam_role_policy", "app", {"name": "app"}), "policy", statements, unknown)

test_known_decrypt_on_every_key_in_a_document_known_in_part_fails if {
	p := in_part([{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": null}], [false, {"Resource": true}])
	res := kms_decrypt_all.deny with input as testing.doc([p])
	testing.has(res, "aws_iam_role_policy.app", "fail")
	not testing.has(res, "aws_iam_role_policy.app", "inconclusive")
}

test_decrypt_on_unknown_keys_is_inconclusive if {
	p := in_part([{"Effect": "Allow", "Action": ["kms:ReEncryptFrom", "kms:Decrypt"], "Resource": null}], [{"Resource": true}])
	res := kms_decrypt_all.deny with input as testing.doc([p])
	some r in res
	r.status == "inconclusive"
	contains(r.message.en, "kms:decrypt, kms:reencryptfrom on every KMS key")
}

# Unknown actions may allow everything: FG-IAM-001 reports that.
test_unknown_actions_are_left_to_iam_001 if {
	p := in_part([{"Effect": "Allow", "Action": null, "Resource": "*"}], [{"Action": true}])
	res := kms_decrypt_all.deny with input as testing.doc([p])
	count(res) == 1
	some r in res
	r.status == "inconclusive"
	r.owner == "FG-IAM-001"
}

test_unknown_document_is_left_to_iam_001 if {
	res := kms_decrypt_all.deny with input as testing.doc([in_part(null, true)])
	count(res) == 1
	some r in res
	r.owner == "FG-IAM-001"
}

test_other_actions_on_unknown_keys_pass if {
	p := in_part([{"Effect": "Allow", "Action": "kms:Encrypt", "Resource": null}], [{"Resource": true}])
	count(kms_decrypt_all.deny) == 0 with input as testing.doc([p])
}
