# METADATA
# title: IAM policy document helpers
# description: |
#   Reading IAM policy documents (identity policies, bucket and topic
#   policies): their statements, actions, principals and the Deny statement
#   that enforces TLS. A document is a JSON string in a resource attribute,
#   or, while the string is known only after apply, the document the loader
#   knows in part (an aws_iam_policy_document's json): statements are parts
#   (lib.part), and each test comes as a certain one on the known values and
#   a may_ one that is also true when what decides it is unknown, so a
#   policy fails on the first, is inconclusive on the second and passes
#   otherwise.
package fiscguard.lib.aws.iam

import data.fiscguard.lib

# policy_types are the resource types that hold an identity-based policy
# document in their policy attribute (customer-managed and inline).
policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# document returns the policy document in r's attribute attr as a part
# (lib.document); undefined when the attribute is absent or not JSON.
document(r, attr) := lib.document(r, attr)

# statements returns a document's statements as parts {"value": statement,
# "unknown": ...} (Statement may be one object); when which statements there
# are is known only after apply, one unknown part stands for them.
statements(doc) := lib.parts(lib.part(doc, ["Statement"]))

# unknown_statements is true when which statements a document has is known
# only after apply (the whole document is, for instance).
unknown_statements(doc) if lib.unknown_whole(lib.part(doc, ["Statement"]))

# actions returns the known actions of a statement (its value) as an array.
actions(st) := _known(st, "Action")

# resources returns the known resources of a statement as an array.
resources(st) := _known(st, "Resource")

# principals returns the known principals of one kind ("AWS", "Service",
# ...) a statement names; undefined when it names none of that kind (or
# Principal is "*").
principals(st, kind) := [p | some p in lib.as_array(ids); p != null] if ids := st.Principal[kind]

_known(st, name) := [x | some x in lib.as_array(object.get(st, name, [])); x != null] if is_object(st)

else := []

# matching_actions returns the actions of wanted (lower case, e.g.
# "kms:decrypt") that a statement's known Action patterns grant; IAM matches
# actions case-insensitively, with * and ? wildcards.
matching_actions(st, wanted) := [a |
	some a in wanted
	some pattern in actions(st)
	glob.match(lower(pattern), [], a)
]

# may_have_effect is true when statement s has Effect effect, or its Effect
# is known only after apply.
may_have_effect(s, effect) if s.value.Effect == effect

may_have_effect(s, _) if lib.unknown_whole(lib.part(s, ["Effect"]))

# may_include is true when value x is among the known values of statement
# s's member name (Action, Resource), or some of them are known only after
# apply.
may_include(s, name, x) if x in lib.known(lib.part(s, [name]))

may_include(s, name, _) if lib.unknown_in(lib.part(s, [name]))

# may_match_actions is true when statement s's known actions grant one of
# wanted, or some of its actions are known only after apply.
may_match_actions(s, wanted) if count(matching_actions(s.value, wanted)) > 0

may_match_actions(s, _) if lib.unknown_in(lib.part(s, ["Action"]))

# public_principal is true for a Principal that admits everyone ("*" or {"AWS": "*"}).
public_principal("*")

public_principal(p) if "*" in lib.as_array(p.AWS)

# may_be_public is true when statement s's principal admits everyone, or
# some of it is known only after apply.
may_be_public(s) if public_principal(s.value.Principal)

may_be_public(s) if lib.unknown_in(lib.part(s, ["Principal"]))

# denies_insecure_transport is true when doc holds a Deny for everyone on one
# of actions (lower case, e.g. {"s3:*", "*"}) whenever aws:SecureTransport is
# false: the statement that makes a bucket or topic refuse requests without
# TLS. may_deny_insecure_transport is also true when such a statement may be
# among those whose deciding parts are known only after apply.
denies_insecure_transport(doc, denied) if {
	some s in statements(doc)
	st := s.value
	st.Effect == "Deny"
	public_principal(st.Principal)
	some action in actions(st)
	lower(action) in denied
	some operator in ["Bool", "BoolIfExists"]
	some key, v in st.Condition[operator]
	lower(key) == "aws:securetransport"
	some f in lib.as_array(v)
	f in {false, "false"}
}

may_deny_insecure_transport(doc, denied) if {
	some s in statements(doc)
	may_have_effect(s, "Deny")
	may_be_public(s)
	_may_deny_actions(s, denied)
	_may_require_tls(s)
}

_may_deny_actions(s, denied) if {
	some action in lib.known(lib.part(s, ["Action"]))
	lower(action) in denied
}

_may_deny_actions(s, _) if lib.unknown_in(lib.part(s, ["Action"]))

_may_require_tls(s) if lib.unknown_whole(lib.part(s, ["Condition"]))

_may_require_tls(s) if {
	some operator in ["Bool", "BoolIfExists"]
	some key, _ in s.value.Condition[operator]
	lower(key) == "aws:securetransport"
	v := lib.part(s, ["Condition", operator, key])
	_false_or_unknown(v)
}

_false_or_unknown(v) if {
	some f in lib.known(v)
	f in {false, "false"}
}

_false_or_unknown(v) if lib.unknown_in(v)
