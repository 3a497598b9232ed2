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
# first element is r's top-level attribute): "cmk" for a customer key, or a
# key known only after apply whose expression refers to another resource (a
# key created or read in the same plan); "unknown" for another value known
# only after apply; "none" otherwise (absent, empty or an AWS-managed key).
key_status(r, path) := "cmk" if {
	customer_key(lib.value(r, path, null))
} else := "cmk" if {
	lib.unknown(r, path)
	lib.refers(r, path[0])
} else := "unknown" if {
	lib.unknown(r, path)
} else := "none"
