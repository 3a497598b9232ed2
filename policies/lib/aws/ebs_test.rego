package fiscguard.lib.aws.ebs_test

import data.fiscguard.lib.aws.ebs
import data.fiscguard.lib.testing

volume := testing.resource("aws_ebs_volume", "v", {})

test_encrypted_by_default_in_the_same_region if {
	on := testing.resource("aws_ebs_encryption_by_default", "on", {"enabled": true})
	ebs.encrypted_by_default(volume) with input as testing.doc([on, volume])
}

test_not_by_default_elsewhere_or_when_off if {
	elsewhere := object.union(testing.resource("aws_ebs_encryption_by_default", "on", {"enabled": true}), {"region": "us-east-1"})
	not ebs.encrypted_by_default(volume) with input as testing.doc([elsewhere, volume])
	off := testing.resource("aws_ebs_encryption_by_default", "off", {"enabled": false})
	not ebs.encrypted_by_default(volume) with input as testing.doc([off, volume])
}
