package fiscguard.lib.aws.account_test

import data.fiscguard.lib.aws.account
import data.fiscguard.lib.testing

test_first_is_the_least_address if {
	rs := [
		testing.resource("aws_s3_bucket", "b", {}),
		testing.resource("aws_s3_bucket", "a", {}),
		testing.resource("aws_ebs_volume", "z", {}),
	]
	account.first(rs).address == "aws_ebs_volume.z"
	account.first([rs[0]]).address == "aws_s3_bucket.b"
	not account.first([])
}
