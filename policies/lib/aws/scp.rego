# METADATA
# title: service control policy helpers
# description: |
#   Service control policies (aws_organizations_policy of type
#   SERVICE_CONTROL_POLICY, the default) are IAM policy documents that an
#   organisation attaches to accounts and organisational units. A guardrail
#   holds when an attached SCP denies the actions it names. They are judged in
#   the configuration that manages the organisation: one that declares the
#   organisation or an SCP.
package fiscguard.lib.aws.scp

import data.fiscguard.lib
import data.fiscguard.lib.aws.account
import data.fiscguard.lib.aws.iam

scps := [p |
	some p in lib.resources("aws_organizations_policy")
	fiscguard.value(p, ["type"], "SERVICE_CONTROL_POLICY") == "SERVICE_CONTROL_POLICY"
]

# attached is true for an SCP that an aws_organizations_policy_attachment
# attaches (its policy_id refers to the policy).
attached(p) if count(lib.referrers(p, "aws_organizations_policy_attachment", "policy_id")) > 0

# manages_organization is true for the configuration that manages the
# organisation's guardrails.
manages_organization if count(lib.resources("aws_organizations_organization")) + count(scps) > 0

# subject is where a missing guardrail is reported: the organisation, or the
# first SCP when the configuration declares SCPs only.
subject := account.first(lib.resources("aws_organizations_organization")) if {
	count(lib.resources("aws_organizations_organization")) > 0
} else := account.first(scps) if manages_organization

# undecided lists the SCPs whose content is known only after apply, in whole
# or in part, so the guardrails they may hold are unknown.
undecided := [p | some p in scps; lib.unknown_in(iam.document(p, "content"))]

# denials returns the Deny statements of an SCP that are known.
_denials(p) := [s.value | some s in iam.statements(iam.document(p, "content")); s.value.Effect == "Deny"]

# undenied returns the actions (lower case, e.g. "iam:createaccesskey") that
# no attached SCP denies; for_root limits the denials that count to those
# that reach the root user: unconditioned, or conditioned on aws:PrincipalArn
# like arn:aws:iam::*:root.
undenied(actions, for_root) := [a |
	some a in actions
	not _denied(a, for_root)
]

_denied(action, for_root) if {
	some p in scps
	attached(p)
	some st in _denials(p)
	count(iam.matching_actions(st, [action])) > 0
	_principal_fits(st, for_root)
}

_principal_fits(_, false)

# A denial with no condition applies to everyone, the root user included.
_principal_fits(st, true) if not st.Condition

_principal_fits(st, true) if {
	some op in ["StringLike", "StringEquals", "ArnLike", "ArnEquals"]
	some key, v in st.Condition[op]
	lower(key) == "aws:principalarn"
	some pattern in lib.as_array(v)
	glob.match(pattern, [], "arn:aws:iam::111122223333:root")
}

# unattached_denying lists the SCPs that deny action but are not attached.
unattached_denying(action) := [p.address |
	some p in scps
	not attached(p)
	some st in _denials(p)
	count(iam.matching_actions(st, [action])) > 0
]

# guardrail returns the results for a guardrail that attached SCPs must
# hold by denying actions (for the root user only when for_root): nothing
# when they do or the configuration does not manage the organisation; an
# inconclusive result at each SCP whose content is unknown; otherwise one
# failure at the subject naming the actions left undenied.
guardrail(actions, for_root, what_en, what_ja) := {r |
	missing := undenied(actions, for_root)
	count(missing) > 0
	count(undecided) == 0
	r := fiscguard.fail(
		subject, "",
		sprintf("no attached service control policy denies %s%s, so %s%s", [concat(", ", missing), _root_en(for_root), what_en, _unattached_en(missing)]),
		sprintf("%s%sを拒否するSCP（サービスコントロールポリシー）がアタッチされていないため、%s%s", [_root_ja(for_root), concat("、", missing), what_ja, _unattached_ja(missing)]),
	)
} | {r |
	count(undenied(actions, for_root)) > 0
	some p in undecided
	r := fiscguard.inconclusive(
		p, "content",
		sprintf("service control policy %s: its content is known only after apply, so whether %s is denied%s is unknown", [p.address, concat(", ", actions), _root_en(for_root)]),
		sprintf("SCP %s の内容は適用後まで確定しないため、%s%sが拒否されるかは分からない", [p.address, _root_ja(for_root), concat("、", actions)]),
	)
}

_root_en(true) := " for the root user"

_root_en(false) := ""

_root_ja(true) := "ルートユーザーによる"

_root_ja(false) := ""

_unattached_en(missing) := sprintf(" (only unattached policies deny it: %s)", [concat(", ", ps)]) if {
	ps := {p | some a in missing; some p in unattached_denying(a)}
	count(ps) > 0
} else := ""

_unattached_ja(missing) := sprintf("（拒否しているのはアタッチされていないポリシー %s のみ）", [concat("、", ps)]) if {
	ps := {p | some a in missing; some p in unattached_denying(a)}
	count(ps) > 0
} else := ""
