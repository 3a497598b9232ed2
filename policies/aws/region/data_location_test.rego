package fiscguard.aws.region.data_location_test

import data.fiscguard.aws.region.data_location
import data.fiscguard.lib.testing

params := {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}

in_region(type, name, region) := object.union(testing.resource(type, name, {}), {"region": region})

test_tokyo_and_osaka_pass if {
	rs := [in_region("aws_s3_bucket", "a", "ap-northeast-1"), in_region("aws_s3_bucket", "b", "ap-northeast-3")]
	count(data_location.deny) == 0 with input as testing.doc(rs) with data.fiscguard.params as params
}

test_virginia_fails if {
	res := data_location.deny with input as testing.doc([in_region("aws_s3_bucket", "dr", "us-east-1")])
		with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket.dr", "fail")
}

# The loaders let a region argument (AWS provider v6) override the
# provider's region; the finding is then about that argument.
test_resource_region_argument_is_the_attribute if {
	r := object.union(in_region("aws_sqs_queue", "q", "eu-west-1"), {"values": {"region": "eu-west-1"}})
	res := data_location.deny with input as testing.doc([r]) with data.fiscguard.params as params
	testing.has(res, "aws_sqs_queue.q", "fail")
	some x in res
	x.attribute == "region"
}

test_provider_region_is_the_resource if {
	res := data_location.deny with input as testing.doc([in_region("aws_sqs_queue", "q", "eu-west-1")]) with data.fiscguard.params as params
	some x in res
	x.attribute == ""
}

test_unknown_region_argument_falls_back_to_provider if {
	r := object.union(in_region("aws_s3_bucket", "a", "ap-northeast-1"), {"unknown": {"region": true}})
	count(data_location.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_global_services_are_skipped if {
	rs := [
		in_region("aws_iam_role", "r", "us-east-1"),
		in_region("aws_cloudfront_distribution", "d", "us-east-1"),
		in_region("aws_route53_zone", "z", "us-east-1"),
	]
	count(data_location.deny) == 0 with input as testing.doc(rs) with data.fiscguard.params as params
}

test_route53_resolver_is_regional if {
	res := data_location.deny with input as testing.doc([in_region("aws_route53_resolver_endpoint", "e", "us-west-2")])
		with data.fiscguard.params as params
	testing.has(res, "aws_route53_resolver_endpoint.e", "fail")
}

test_empty_region_is_inconclusive if {
	res := data_location.deny with input as testing.doc([in_region("aws_s3_bucket", "a", "")])
		with data.fiscguard.params as params
	testing.has(res, "aws_s3_bucket.a", "inconclusive")
	not testing.has(res, "aws_s3_bucket.a", "fail")
}

test_other_providers_are_skipped if {
	r := object.union(in_region("random_id", "suffix", ""), {"provider": "random"})
	count(data_location.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_allowed_regions_parameter_is_used if {
	res := data_location.deny with input as testing.doc([in_region("aws_s3_bucket", "a", "ap-northeast-3")])
		with data.fiscguard.params as {"allowed_regions": ["ap-northeast-1"]}
	testing.has(res, "aws_s3_bucket.a", "fail")
}

test_deleted_resource_is_not_checked if {
	r := object.union(in_region("aws_s3_bucket", "old", "us-east-1"), {"actions": ["delete"]})
	count(data_location.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}

test_data_sources_are_not_checked if {
	r := object.union(in_region("aws_ami", "al2023", "us-east-1"), {"mode": "data"})
	count(data_location.deny) == 0 with input as testing.doc([r]) with data.fiscguard.params as params
}
