# METADATA
# title: S3 bucket joins
# description: |
#   AWS provider v4+ configures a bucket through separate resources
#   (aws_s3_bucket_public_access_block, ..._server_side_encryption_configuration,
#   aws_s3_bucket_policy). attached finds them for a bucket, by reference or by
#   the bucket's literal name.
package fiscguard.lib.aws.s3.bucket

import data.fiscguard.lib

# attached returns the resources of type t whose bucket argument names
# bucket b: through a reference, or (for joined_types) as b's literal name
# when the argument refers to nothing.
attached(b, t) := lib.referrers(b, t, "bucket") if {
	not _literal[t]
} else := array.concat(lib.referrers(b, t, "bucket"), [x |
	some x in _literal[t]
	fiscguard.value(x, "bucket", null) == fiscguard.value(b, "bucket", null)
])

# joined_types are the bucket settings also matched by the bucket's literal name.
joined_types := {
	"aws_s3_bucket_public_access_block",
	"aws_s3_bucket_server_side_encryption_configuration",
	"aws_s3_bucket_policy",
	"aws_s3_bucket_logging",
	"aws_s3_bucket_replication_configuration",
}

# by_name maps a literal bucket name to the aws_s3_bucket resources of that
# name: names need not be unique in a plan (two may be redacted alike, or
# one replaces another), and a rule must not abort on them.
by_name[n] contains b if {
	some b in lib.resources("aws_s3_bucket")
	n := fiscguard.value(b, "bucket", null)
	is_string(n)
}

# _literal holds, per type, the resources that name their bucket literally (rare).
_literal := {t: xs |
	some t in joined_types
	xs := [x |
		some x in lib.resources(t)
		not fiscguard.refers(x, "bucket")
		is_string(fiscguard.value(x, "bucket", null))
	]
	count(xs) > 0
}

# replication_destinations returns the buckets in the input that the rules
# of replication configuration c replicate to: those its rules refer to, and
# those a destination's literal ARN names.
replication_destinations(c) := array.concat(lib.referenced(c, "rule", "aws_s3_bucket"), [b |
	some rule in fiscguard.value(c, "rule", [])
	arn := object.get(rule, ["destination", 0, "bucket"], "")
	is_string(arn)
	some b in by_name[trim_prefix(arn, "arn:aws:s3:::")]
])

# possible_destination_of returns the addresses of the replication
# configurations of which bucket b may be a destination, sorted: one whose
# destination bucket is known only after apply, when b's name is too and
# comes from the same values (both from a random_pet, say); none for a
# store that is not a bucket. Which bucket that destination is, Terraform
# knows only at apply.
possible_destination_of(b) := sort({c.address |
	b.type == "aws_s3_bucket"
	fiscguard.unknown(b, "bucket")
	names := {x | some x in object.get(b.refs, "bucket", [])}
	some c in lib.resources("aws_s3_bucket_replication_configuration")
	_destination_later(c)
	some x in object.get(c.refs, "rule", [])
	names[x]
})

_destination_later(c) if fiscguard.wholly_unknown(c, "rule")

_destination_later(c) if {
	some i, _ in fiscguard.value(c, "rule", [])
	fiscguard.unknown(c, ["rule", i, "destination", 0, "bucket"])
}
