# JSON documents known in part.
#
# A JSON document held as a string in a resource attribute (an IAM or
# bucket policy) is decoded when the string is known. When the string is
# known only after apply, the loader may still know the document in part:
# the json of an aws_iam_policy_document is rendered from its arguments,
# and where some are known only after apply (a bucket's ARN as Resource)
# the rest of the document is known. These helpers give both the same
# shape, a part {"value": v, "unknown": u}: v as the JSON decodes, with
# null where something is unknown, and u true there (or a tree of the parts
# that are), so a policy decides from the known parts and is inconclusive
# only when a part that decides is unknown.
package fiscguard.lib

# document returns the JSON document in r's top-level attribute attr as a
# part: when the string is known only after apply, the document the loader
# knows it to be, or else a document of which nothing is known; otherwise
# the string decoded. Undefined when the attribute is absent or not JSON.
document(r, attr) := d if {
	d := object.get(r, ["documents", attr], null)
	d != null
} else := {"value": null, "unknown": true} if {
	fiscguard.unknown(r, [attr])
} else := {"value": d, "unknown": {}} if {
	d := json_value(r, [attr])
}

# part returns the part of p (a document or a part of one) at path (an
# array): its value (null where absent or unknown) and what of it is
# unknown (true when it, or what holds it, is known only after apply).
part(p, path) := {"value": _value_at(p.value, path), "unknown": _unknown_at(p.unknown, path)}

_value_at(v, path) := object.get(v, path, null) if is_object(v)

else := null

_unknown_at(u, path) := true if u == true

else := true if {
	is_object(u)
	some i in numbers.range(1, count(path))
	object.get(u, array.slice(path, 0, i), false) == true
}

else := object.get(u, path, false) if is_object(u)

else := false

# parts returns the elements of a part holding a list (or one value) as
# parts, e.g. a policy's statements; a list known only after apply is one
# unknown part, standing for whatever it holds.
parts(p) := [x |
	some i, v in as_array(p.value)
	x := {"value": v, "unknown": _element_unknown(p.unknown, i)}
	not _absent(x)
]

_element_unknown(u, i) := true if u == true

else := u[i] if {
	is_array(u)
	i < count(u)
}

else := false

_absent(x) if {
	x.value == null
	x.unknown == false
}

# known returns the known values of a part as an array: a single value is
# one element, unknown elements are left out.
known(p) := [x | some x in as_array(p.value); x != null]

# unknown_in is true when some of a part is known only after apply.
unknown_in(p) if walk(p.unknown, [_, true])

# unknown_whole is true when a part as a whole is known only after apply
# (for an object, which members it has).
unknown_whole(p) if p.unknown == true
