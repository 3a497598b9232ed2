# METADATA
# title: EBS helpers
package fiscguard.lib.aws.ebs

import data.fiscguard.lib

# encrypted_by_default is true when an aws_ebs_encryption_by_default in r's
# region turns on encryption of every new volume there.
encrypted_by_default(r) if {
	some d in lib.resources("aws_ebs_encryption_by_default")
	d.region == r.region
	fiscguard.value(d, "enabled", true) == true
}
