# METADATA
# title: KMS key helpers
# description: Whether an encryption setting names a customer-managed KMS key.
package fiscguard.lib.aws.kms

import data.fiscguard.lib

# customer_key is true for a key ID, ARN or alias that is not one of AWS's
# managed keys (alias/aws/...).
customer_key(v) if {
	is_string(v)
	v != ""
	not contains(v, "alias/aws/")
}

# key_status classifies the KMS key argument of r at path (an array whose
# first element is r's top-level attribute):
#
#	"none"    absent, empty, or an AWS-managed key: alias/aws/..., or the key
#	          of a data source that names one (data.aws_kms_alias with name =
#	          "alias/aws/ebs"), whether the plan read it or not
#	"cmk"     a customer key: a key ID, ARN or alias that is not AWS's, or a
#	          key known only after apply whose expression refers only to
#	          customer keys (keys and aliases the configuration manages, data
#	          sources that name a customer key)
#	"unknown" another value known only after apply (a data source whose key
#	          is not known, a variable, something the input does not show)
key_status(r, path) := "none" if {
	v := fiscguard.value(r, path, null)
	some src in _sources(r, path[0])
	_source_status(src) == "none"
	v in _key_ids(src)
} else := "cmk" if {
	customer_key(fiscguard.value(r, path, null))
} else := _sources_status(r, path[0]) if {
	fiscguard.unknown(r, path)
} else := "none"

# _sources are the resources and data sources r's attribute attr refers to.
_sources(r, attr) := [src | some a in object.get(r.refs, attr, []); src := lib.resource(a)]

# _sources_status is the status all of them share; "unknown" when they do
# not, when there are none, or when the expression also refers to something
# the input does not show.
_sources_status(r, attr) := status if {
	lib.empty(object.get(r, ["unresolved", attr], []))
	statuses := {_source_status(src) | some src in _sources(r, attr)}
	count(statuses) == 1
	some status in statuses
} else := "unknown"

# _cmk_types are the managed resource types that hold, or name, a customer key.
_cmk_types := {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key", "aws_kms_alias"}

_source_status(src) := "cmk" if {
	src.mode == "managed"
	src.type in _cmk_types
} else := "none" if {
	src.mode == "data"
	contains(_named_key(src), "alias/aws/")
} else := "cmk" if {
	src.mode == "data"
	customer_key(_named_key(src))
} else := "unknown"

# _named_key is the key a KMS data source is asked for.
_named_key(src) := fiscguard.value(src, "name", "") if src.type == "aws_kms_alias"

else := fiscguard.value(src, "key_id", "") if src.type == "aws_kms_key"

# _key_ids are the values of a data source that identify its key, as the
# plan reads them.
_key_ids(src) := {v |
	some attr in ["arn", "id", "key_id", "target_key_arn", "target_key_id"]
	v := fiscguard.value(src, attr, null)
	v != null
}
