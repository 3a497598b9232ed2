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
	checked(r0)
	t := r0.type
}

_by_address := input.by_address if input.by_address

else := {r.address: r | some r in input.resources}

_referrers := input.referrers if input.referrers

else := {target: _referring(target) |
	some r in input.resources
	some target in _targets(r)
}

# _referring is target's entry in the referrers index: resource type →
# attribute → the checked resources of that type whose refs name target at
# that attribute.
_referring(target) := {t: {attr: [x |
	some x in input.resources
	checked(x)
	x.type == t
	target in object.get(x.refs, attr, [])
] |
	some y in input.resources
	checked(y)
	y.type == t
	some attr, targets in y.refs
	target in targets
} |
	some z in input.resources
	checked(z)
	target in _targets(z)
	t := z.type
}

_targets(x) := {t | some ts in object.get(x, "refs", {}); some t in ts}

_deleting := input.deleting if input.deleting

else := {t: [r | some r in input.resources; r.type == t; _deleted(r)] |
	some r0 in input.resources
	_deleted(r0)
	t := r0.type
}

_deleted(r) if {
	r.mode == "managed"
	"delete" in r.actions
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
referrers(r, t, attr) := object.get(_referrers, [r.address, t, attr], [])

# referrers_of returns every resource policies judge whose refs name r, of
# any type and attribute, as a set.
referrers_of(r) := {x |
	some by_attr in object.get(_referrers, r.address, {})
	some xs in by_attr
	some x in xs
}

# exported_by returns the names of the root module's outputs that refer to
# r, sorted: what another configuration may read (through remote state) and
# use, out of this configuration's sight.
exported_by(r) := object.get(_exporters, r.address, [])

_exporters := {addr: sort([name | some name, refs in _outputs; addr in refs]) |
	some refs in _outputs
	some addr in refs
}

_outputs := object.get(input, "outputs", {})

# referenced returns the resources of type t that r's attribute attr refers to.
referenced(r, attr, t) := [x |
	some addr in object.get(r.refs, attr, [])
	x := _by_address[addr]
	x.type == t
]

# Reading a value (fiscguard.value), its marks (fiscguard.unknown,
# fiscguard.wholly_unknown), whether it refers to another resource
# (fiscguard.refers) and building results (fiscguard.fail,
# fiscguard.inconclusive, fiscguard.one_per_resource) are built-in
# functions, in Go (engine/policy/builtins.go): every rule calls them for
# every resource it judges.

# param returns a tunable value from data.fiscguard.params.
param(name) := data.fiscguard.params[name]

# strict is true under FISC's strict management profile.
strict if data.fiscguard.profile == "strict"

# owned_by marks a result whose cause another rule owns and reports (each
# cause has one owner rule): it stays this rule's verdict in pass records and
# evidence, but is not a second finding. While the owner is not in force, the
# result is reported as this rule's own finding.
owned_by(result, owner) := object.union(result, {"owner": owner})

# with_resources names the resources a result on a shared setting stands
# for (the ones a provider configuration places), by address.
with_resources(result, addresses) := object.union(result, {"resources": addresses})

# resource returns the resource with the given address.
resource(address) := _by_address[address]

# as_array returns x when it is an array and [x] otherwise (IAM policy fields may be either).
as_array(x) := x if is_array(x)

else := [x]

# json_value returns the JSON document held as a string at path, when the string is valid JSON.
json_value(r, path) := json.unmarshal(s) if {
	s := fiscguard.value(r, path, "")
	is_string(s)
	json.is_valid(s)
}

# checked_resource returns the resource at address when policies judge it
# (managed and not only being deleted).
checked_resource(address) := r if {
	r := _by_address[address]
	checked(r)
}

# from_text says where a value known only after apply comes from, for an
# inconclusive message: the resources and values attribute attr refers to,
# as {"en": ": `kms_key_id` comes from aws_kms_key.a", "ja": "（kms_key_id は
# aws_kms_key.a から決まる）"}, or empty texts when it refers to nothing the
# input shows (a variable without a value, for instance).
from_text(r, attr) := {
	"en": sprintf(": `%s` comes from %s", [attr, list_text(srcs, 3).en]),
	"ja": sprintf("（%s は %s から決まる）", [attr, list_text(srcs, 3).ja]),
} if {
	srcs := array.concat(object.get(r.refs, attr, []), object.get(r, ["unresolved", attr], []))
	count(srcs) > 0
} else := {"en": "", "ja": ""}

# count_text renders a count with its noun in English, singular or plural:
# count_text(1, "day", "days") is "1 day".
count_text(n, singular, plural) := sprintf("%d %s", [n, singular]) if {
	n == 1
} else := sprintf("%d %s", [n, plural])

# list_text names at most max items, and how many more there are, in
# English ("a, b and 3 more") and Japanese ("a、bほか3件").
list_text(items, max) := {"en": en, "ja": ja} if {
	shown := array.slice(items, 0, max)
	rest := count(items) - count(shown)
	en := _list_en(shown, rest)
	ja := _list_ja(shown, rest)
}

_list_en(shown, 0) := concat(", ", shown)

_list_en(shown, rest) := sprintf("%s and %d more", [concat(", ", shown), rest]) if rest > 0

_list_ja(shown, 0) := concat("、", shown)

_list_ja(shown, rest) := sprintf("%sほか%d件", [concat("、", shown), rest]) if rest > 0

# empty is true for an absent (null) or empty collection.
empty(null)

empty(v) if count(v) == 0
