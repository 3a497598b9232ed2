# METADATA
# title: fiscguard policy helpers
# description: |
#   Lookups over the fiscguard input document (see DESIGN.md "The model") that
#   make a resource lookup by type, a join through refs, an unknown-value test
#   and a result one line each. Indexes are built once per evaluation.
package fiscguard.lib

# The loader's input carries indexes (by_type, by_address, referrers) so
# that no policy walks every resource; a hand-built input without them (as in
# unit tests) is indexed here instead, with the same meaning.
_by_type := input.by_type if input.by_type

else := {t: [r | some r in input.resources; r.type == t; checked(r)] |
	some r0 in input.resources
	t := r0.type
}

_by_address := input.by_address if input.by_address

else := {r.address: r | some r in input.resources}

_referrers := input.referrers if input.referrers

else := {target: [x | some x in input.resources; checked(x); target in _targets(x)] |
	some r in input.resources
	some target in _targets(r)
}

_targets(x) := {t | some ts in object.get(x, "refs", {}); some t in ts}

_deleting := input.deleting if input.deleting

else := {t: [r | some r in input.resources; r.type == t; r.mode == "managed"; "delete" in r.actions] |
	some r0 in input.resources
	t := r0.type
}

# resources returns the managed resources of type t that policies judge:
# those not only being deleted.
resources(t) := object.get(_by_type, t, [])

# resource_types returns the types of the managed resources in the input (some may have none to judge).
resource_types := object.keys(_by_type)

# all_resources returns every managed resource that policies judge, of any type.
all_resources := [r | some rs in _by_type; some r in rs]

# deleting returns the managed resources of type t that a plan deletes or
# replaces (their values are the last known ones).
deleting(t) := object.get(_deleting, t, [])

# data_sources returns the data sources of type t (never a finding's subject).
data_sources(t) := [r | some r in input.resources; r.mode == "data"; r.type == t]

# checked is true for a managed resource that is not only being deleted.
checked(r) if {
	r.mode == "managed"
	r.actions != ["delete"]
}

# referrers returns the resources of type t whose attribute attr refers to r,
# e.g. referrers(bucket, "aws_s3_bucket_public_access_block", "bucket").
referrers(r, t, attr) := [x |
	some x in object.get(_referrers, r.address, [])
	x.type == t
	r.address in object.get(x.refs, attr, [])
]

# referenced returns the resources of type t that r's attribute attr refers to.
referenced(r, attr, t) := [x |
	some addr in object.get(r.refs, attr, [])
	x := _by_address[addr]
	x.type == t
]

# value returns the value at path (an array, e.g. ["versioning", 0, "enabled"])
# or default when it is absent or null.
value(r, path, default_value) := v if {
	v := object.get(r.values, path, null)
	v != null
} else := default_value

# unknown is true when the value at path is known only after apply.
unknown(r, path) if object.get(r.unknown, path, false) == true

# param returns a tunable value from data.fiscguard.params.
param(name) := data.fiscguard.params[name]

# strict is true under FISC's strict management profile.
strict if data.fiscguard.profile == "strict"

# fail and inconclusive build a deny result: the resource, the attribute path
# it is about ("" for the resource as a whole) and a message in English and
# Japanese.
fail(r, attr, en, ja) := _result(r, attr, "fail", en, ja)

inconclusive(r, attr, en, ja) := _result(r, attr, "inconclusive", en, ja)

_result(r, attr, status, en, ja) := {
	"resource": r.address,
	"attribute": attr,
	"status": status,
	"message": {"en": en, "ja": ja},
}

# is_open_cidr is true for a CIDR that admits the whole internet.
is_open_cidr(c) if c in {"0.0.0.0/0", "::/0"}

# as_array returns x when it is an array and [x] otherwise (IAM policy fields may be either).
as_array(x) := x if is_array(x)

else := [x]

# json_value returns the JSON document held as a string at path, when the string is valid JSON.
json_value(r, path) := json.unmarshal(s) if {
	s := value(r, path, "")
	is_string(s)
	json.is_valid(s)
}

# policy_statements returns an IAM policy document's statements as an array (Statement may be one object).
policy_statements(doc) := as_array(object.get(doc, "Statement", []))

# public_principal is true for an IAM policy Principal that admits everyone ("*" or {"AWS": "*"}).
public_principal("*")

public_principal(p) if "*" in as_array(p.AWS)

# kms_key_status classifies a KMS key argument from its value, whether it is
# unknown and whether its expression refers to anything: "cmk" for a customer
# key (or a reference to one, e.g. a key created in the same plan), "unknown"
# when it is known only after apply without a reference, else "none" (absent,
# empty or an AWS-managed alias/aws/... key).
kms_key_status(v, is_unknown, refers) := "cmk" if {
	is_string(v)
	v != ""
	not contains(v, "alias/aws/")
} else := "cmk" if {
	is_unknown == true
	refers == true
} else := "unknown" if {
	is_unknown == true
} else := "none"

# set_later is true when attribute attr (top level) is set from a value known
# only after apply: unknown, with a reference (refs: to resources in the
# input; unresolved: to something the input does not hold, such as a module's
# local value in a plan). An unknown attribute without a reference is one left
# unset and computed by the provider; policies judge it by the provider's or
# AWS's default, as they do when HCL leaves it out.
set_later(r, attr) if {
	r.unknown[attr] == true
	count(object.get(r.refs, attr, [])) + count(object.get(r, ["unresolved", attr], [])) > 0
}

# empty is true for an absent (null) or empty collection.
empty(null)

empty(v) if count(v) == 0
