package fiscguard.lib.aws.region_test

import data.fiscguard.lib.aws.region
import data.fiscguard.lib.testing

test_regional_types if {
	region.regional("aws_s3_bucket")
	region.regional("aws_route53_resolver_endpoint")
	region.regional("aws_wafv2_web_acl")
	not region.regional("aws_iam_role")
	not region.regional("aws_route53_zone")
	not region.regional("aws_waf_web_acl")
	not region.regional("google_storage_bucket")
}

test_regional_types_of_the_input if {
	doc := testing.doc([testing.resource("aws_s3_bucket", "a", {}), testing.resource("aws_iam_role", "r", {})])
	region.regional_types == {"aws_s3_bucket"} with input as doc
}

test_allowed_set if {
	region.allowed_set == {"ap-northeast-1", "ap-northeast-3"} with data.fiscguard.params as {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}
}

test_arn_region if {
	region.arn_region("arn:aws:backup:us-east-1:111122223333:backup-vault:dr") == "us-east-1"
	region.arn_region("arn:aws:s3:::bucket") == ""
	region.arn_region("not-an-arn") == ""
	region.arn_region(null) == ""
}
