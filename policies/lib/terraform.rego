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

# referrers_of returns every resource policies judge whose refs name r, of any type and attribute.
referrers_of(r) := object.get(_referrers, r.address, [])

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

# value returns r's value at path, a key ("encrypted") or an array of keys
# and indexes (["versioning", 0, "enabled"]), or default_value when it is
# absent or null: an argument left unset is null in a plan and absent in HCL,
# and policies judge both by the same default. It is the one way policies
# read values.
value(r, path, default_value) := v if {
	# Absent, the default comes back at once; only a null needs the else.
	v := object.get(r.values, path, default_value)
	v != null
} else := default_value

# unknown is true when the value at path (a key or an array) is not wholly
# known: it, a value that encloses it, or a value inside it (an element of a
# partly unknown list or set, a member of an object, an argument of a nested
# block) is known only after apply. It is the "known only after apply"
# predicate for a policy that decides from the value at path, which depends
# on all of it: the loaders mark only values the configuration sets (a
# plan's markers for arguments left unset, which the provider computes, are
# dropped), so a policy whose decision depends on an unknown value reports
# inconclusive, and judges an unset argument by its default. A list that
# is known in part (HCL's [var.cidr], where a provider's plan may mark the
# whole list) is unknown here, and so is each of its unknown elements
# (["cidr_blocks", 0]).
unknown(r, path) if walk(r.unknown[path], [_, true])

unknown(r, path) if {
	walk(r.unknown[path[0]], [at, true])
	n := min([count(at), count(path) - 1])
	array.slice(at, 0, n) == array.slice(path, 1, n + 1)
}

# wholly_unknown is true when the value at path, or a value that encloses it,
# is known only after apply as a whole: even which elements (or members) it
# has is not known. For a policy that depends only on which elements a
# collection has (whether a list is empty, which nested blocks there are),
# not on what they hold; unknown says whether all of it is known.
wholly_unknown(r, path) if r.unknown[path] == true

wholly_unknown(r, path) if {
	walk(r.unknown[path[0]], [at, true])
	count(at) < count(path)
	at == array.slice(path, 1, count(at) + 1)
}

# Both are called for most values policies read, and most are known: a key
# path (a string) is looked up at once, an array path starts from the
# marks under its first key, where there usually are none, and relates the
# path of each true mark found (at) to the rest of the path: a mark along
# it encloses the value, a mark below it is inside the value.

# param returns a tunable value from data.fiscguard.params.
param(name) := data.fiscguard.params[name]

# strict is true under FISC's strict management profile.
strict if data.fiscguard.profile == "strict"

# fail and inconclusive build a deny result: the subject (a resource, or a
# provider configuration from input.providers), the attribute path it is
# about ("" for the subject as a whole) and a message in English and
# Japanese. One cause found in several attributes is one result: attr is
# then the array of every such path, and the first is where it is located.
#
# They build the result themselves, not through a shared helper: they run
# once per finding, and each function call costs OPA a cache entry and a
# copy of its arguments.
fail(r, attr, en, ja) := _several(r, attr, "fail", en, ja) if {
	is_array(attr)
} else := {
	"resource": r.address,
	"attribute": attr,
	"status": "fail",
	"message": {"en": en, "ja": ja},
}

inconclusive(r, attr, en, ja) := _several(r, attr, "inconclusive", en, ja) if {
	is_array(attr)
} else := {
	"resource": r.address,
	"attribute": attr,
	"status": "inconclusive",
	"message": {"en": en, "ja": ja},
}

# _several is the result of one cause found in the attributes attrs (an
# array), located at the first.
_several(r, attrs, status, en, ja) := {
	"resource": r.address,
	"attribute": attrs[0],
	"attributes": attrs,
	"status": status,
	"message": {"en": en, "ja": ja},
}

# One cause, one finding. A rule that judges several attributes of a
# resource for one cause collects problems,
#
#	{"resource": r, "attribute": path, "status": "fail" or "inconclusive",
#	 "en": text, "ja": text}
#
# and reports them with one_per_resource: one result per resource, failing
# when any problem fails (listing every failing attribute, the first as its
# location), else inconclusive listing what is known only after apply. The
# message is the intro for the status, a format with one %s for the address
# in each language, followed by the problems' texts:
#
#	{"fail": {"en": "Password policy %s is weak: ", "ja": ...},
#	 "inconclusive": {"en": "Password policy %s: ", "ja": ...}}
one_per_resource(problems, intro) := {_combined(ps, intro) |
	some _, ps in _reported(problems)
}

# _reported groups the problems by resource, keeping each resource's worst
# (its failures, else what is inconclusive) in their order. The problems are
# sorted by address once and cut where the address changes, so a rule with
# many problems costs n log n, not a pass over them all per resource.
_reported(problems) := {addr: _worst(ps) |
	list := [p | some p in problems]
	keys := sort([[p.resource.address, i] | some i, p in list])
	starts := array.concat([0], [j | some j, k in keys; j > 0; keys[j - 1][0] != k[0]])
	ends := array.concat(array.slice(starts, 1, count(starts)), [count(keys)])
	some n, start in starts
	addr := keys[start][0]
	ps := [list[k[1]] | some k in array.slice(keys, start, ends[n])]
}

_worst(ps) := fails if {
	fails := [p | some p in ps; p.status == "fail"]
	count(fails) > 0
} else := [p | some p in ps; p.status == "inconclusive"]

_combined(ps, intro) := _several(
	ps[0].resource, _distinct([p.attribute | some p in ps]), ps[0].status,
	concat("", [sprintf(intro[ps[0].status].en, [ps[0].resource.address]), concat("; ", _distinct([p.en | some p in ps]))]),
	concat("", [sprintf(intro[ps[0].status].ja, [ps[0].resource.address]), concat("、", _distinct([p.ja | some p in ps]))]),
)

# _distinct keeps the first of equal elements, in order.
_distinct(xs) := [x | some i, x in xs; not x in array.slice(xs, 0, i)]

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
	s := value(r, path, "")
	is_string(s)
	json.is_valid(s)
}

# refers is true when r's top-level attribute attr refers to another resource.
refers(r, attr) if count(object.get(r.refs, attr, [])) > 0

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
