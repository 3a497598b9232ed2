# METADATA
# title: IAM policies do not allow decryption with every KMS key
# description: |
#   kms:Decrypt or kms:ReEncryptFrom on Resource "*" lets the principal decrypt
#   anything encrypted under any key in the account, which defeats the
#   separation that per-key permissions give. In fiscguard's reading, FISC asks for stored data to be
#   protected against leakage (実3); AWS maps its controls that customer-managed
#   and inline IAM policies do not allow decryption on all KMS keys (SH.KMS.1,
#   SH.KMS.2) to 実3. Statements that allow everything ("*") are left to
#   FG-IAM-001.
# custom:
#   id: FG-IAM-003
#   severity: medium
#   fisc: ["実3", "実13"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.KMS.1, SH.KMS.2", "実13": "derived:a decrypt grant on every key bypasses the per-key protection 実13 asks for"}
#   fisc_basis_ja: {"実13": "すべてのキーに対する復号の許可は、実13が求めるキーごとの保護を迂回する"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#   title_ja: IAMポリシーですべてのKMSキーによる復号を許可しない
#   description_ja: |
#     Resource "*" に対する kms:Decrypt や kms:ReEncryptFrom を許可すると、そのプリンシパルはアカウント内のどの鍵で暗号化されたものでも復号できてしまい、鍵ごとの権限による分離が意味をなさなくなる。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）を求めており、AWSはカスタマー管理ポリシーとインラインポリシーですべてのKMSキーに対する復号を許可しない統制（SH.KMS.1、SH.KMS.2）を実3に対応付けている。
#     すべてを許可する（"*"）文は FG-IAM-001 で扱う。
#   remediation: List the ARNs of the keys the principal needs in Resource, or grant decryption in the key policies of those keys.
#   remediation_ja: Resource には必要な鍵のARNを列挙するか、それらの鍵のキーポリシーで復号を許可する。
package fiscguard.aws.iam.kms_decrypt_all

import data.fiscguard.lib
import data.fiscguard.lib.aws.iam

decrypt_actions := ["kms:decrypt", "kms:reencryptfrom"]

deny contains fiscguard.fail(
	p, "policy",
	sprintf("IAM policy %s allows %s on every KMS key", [p.address, concat(", ", granted)]),
	sprintf("IAMポリシー %s がすべてのKMSキーに対する %s を許可している", [p.address, concat("、", granted)]),
) if {
	some t in iam.policy_types
	some p in lib.resources(t)
	some s in iam.statements(iam.document(p, "policy"))
	granted := decrypt_all(s.value)
}

# A statement whose actions are known to grant decryption may still allow
# it on every key when its effect or resources are known only after apply.
# One whose actions are unknown may allow everything: FG-IAM-001's cause.
deny contains fiscguard.inconclusive(
	p, "policy",
	sprintf("IAM policy %s: whether it allows %s on every KMS key is known only after apply%s", [p.address, concat(", ", granted), lib.from_text(p, "policy").en]),
	sprintf("IAMポリシー %s がすべてのKMSキーに対する %s を許可するかは適用後まで確定しない%s", [p.address, concat("、", granted), lib.from_text(p, "policy").ja]),
) if {
	some t in iam.policy_types
	some p in lib.resources(t)
	not _fails(p)
	granted := _undecided(p)
	count(granted) > 0
}

deny contains lib.owned_by(fiscguard.inconclusive(
	p, "policy",
	sprintf("IAM policy %s: whether it allows decryption on every KMS key is known only after apply", [p.address]),
	sprintf("IAMポリシー %s がすべてのKMSキーに対する復号を許可するかは適用後まで確定しない", [p.address]),
), "FG-IAM-001") if {
	some t in iam.policy_types
	some p in lib.resources(t)
	not _fails(p)
	count(_undecided(p)) == 0
	some s in iam.statements(iam.document(p, "policy"))
	lib.unknown_in(lib.part(s, ["Action"]))
	iam.may_have_effect(s, "Allow")
	iam.may_include(s, "Resource", "*")
}

_undecided(p) := sort({a |
	some s in iam.statements(iam.document(p, "policy"))
	some a in _may_decrypt_all(s)
})

_may_decrypt_all(s) := granted if {
	not lib.unknown_in(lib.part(s, ["Action"]))
	not "*" in iam.actions(s.value)
	granted := iam.matching_actions(s.value, decrypt_actions)
	iam.may_have_effect(s, "Allow")
	iam.may_include(s, "Resource", "*")
}

_fails(p) if {
	some s in iam.statements(iam.document(p, "policy"))
	decrypt_all(s.value)
}

# decrypt_all returns the decrypt actions a statement allows on every key;
# statements that allow everything ("*") are FG-IAM-001's.
decrypt_all(st) := granted if {
	st.Effect == "Allow"
	"*" in iam.resources(st)
	not "*" in iam.actions(st)
	granted := iam.matching_actions(st, decrypt_actions)
	count(granted) > 0
}
