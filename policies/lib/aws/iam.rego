# METADATA
# title: IAM policy document helpers
# description: |
#   Reading IAM policy documents (identity policies, bucket and topic
#   policies): their statements, actions, principals and the Deny statement
#   that enforces TLS. Documents are JSON strings in a resource attribute.
package fiscguard.lib.aws.iam

import data.fiscguard.lib

# policy_types are the resource types that hold an identity-based policy
# document in their policy attribute (customer-managed and inline).
policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# document returns the policy document held as JSON in r's attribute attr,
# decoded; undefined when the attribute is absent, unknown or not JSON.
document(r, attr) := lib.json_value(r, [attr])

# statements returns a document's statements as an array (Statement may be one object).
statements(doc) := lib.as_array(object.get(doc, "Statement", []))

# actions returns a statement's Action as an array.
actions(st) := lib.as_array(object.get(st, "Action", []))

# resources returns a statement's Resource as an array.
resources(st) := lib.as_array(object.get(st, "Resource", []))

# principals returns the principals of one kind ("AWS", "Service", ...) a
# statement names; undefined when it names none of that kind (or Principal is "*").
principals(st, kind) := lib.as_array(st.Principal[kind])

# matching_actions returns the actions of wanted (lower case, e.g.
# "kms:decrypt") that a statement's Action patterns grant; IAM matches
# actions case-insensitively, with * and ? wildcards.
matching_actions(st, wanted) := [a |
	some a in wanted
	some pattern in actions(st)
	glob.match(lower(pattern), [], a)
]

# public_principal is true for a Principal that admits everyone ("*" or {"AWS": "*"}).
public_principal("*")

public_principal(p) if "*" in lib.as_array(p.AWS)

# denies_insecure_transport is true when doc holds a Deny for everyone on one
# of actions (lower case, e.g. {"s3:*", "*"}) whenever aws:SecureTransport is
# false: the statement that makes a bucket or topic refuse requests without TLS.
denies_insecure_transport(doc, denied) if {
	some st in statements(doc)
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
