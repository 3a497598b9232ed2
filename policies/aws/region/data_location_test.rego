package fiscguard.aws.region.data_location_test

import data.fiscguard.aws.region.data_location
import data.fiscguard.lib.testing

params := {"allowed_regions": ["ap-northeast-1", "ap-northeast-3"]}

in_region(type, name, region) := object.union(testing.resource(type, name, {}), {"region": region})

test_tokyo_and_osaka_pass if {
	rs := [in_region("aws_s3_bucket", "a", "ap-northeast-1"), in_region("aws_s3_bucket", "b", "ap-northeast-3")]
	count(data_location.deny) == 0 with input as testing.doc(rs) with data.fiscguard.params as params
}

virginia := testing.provider("aws.us", "us-east-1")

placed_in_virginia(type, name) := object.union(in_region(type, name, "us-east-1"), {"provider": "aws.us"})

test_provider_region_is_one_finding_at_the_provider if {
	rs := [placed_in_virginia("aws_s3_bucket", "dr"), placed_in_virginia("aws_sqs_queue", "dr"), placed_in_virginia("aws_iam_role", "dr")]
	res := data_location.deny with input as testing.doc_with([testing.provider("aws", "ap-northeast-1"), virginia], rs)
		with data.fiscguard.params as params
	count(res) == 1
	some x in res
	x.resource == `provider["registry.terraform.io/hashicorp/aws"].us`
	x.attribute == "region"
	x.status == "fail"
	x.resources == ["aws_s3_bucket.dr", "aws_sqs_queue.dr"]
	x.message.en == "Provider configuration aws.us places 2 resources in us-east-1, outside the allowed regions (ap-northeast-1, ap-northeast-3): aws_s3_bucket.dr, aws_sqs_queue.dr"
	x.message.ja == "プロバイダー構成 aws.us が 2 個のリソースを許可リージョン（ap-northeast-1、ap-northeast-3）以外の us-east-1 に配置している: aws_s3_bucket.dr、aws_sqs_queue.dr"
}

test_one_resource_is_counted_in_the_singular if {
	res := data_location.deny with input as testing.doc_with([virginia], [placed_in_virginia("aws_s3_bucket", "dr")])
		with data.fiscguard.params as params
	some x in res
	contains(x.message.en, "places 1 resource in us-east-1")
}

test_many_resources_are_listed_in_part if {
	rs := [placed_in_virginia("aws_sqs_queue", sprintf("q%d", [i])) | some i in numbers.range(1, 7)]
	res := data_location.deny with input as testing.doc_with([virginia], rs) with data.fiscguard.params as params
	some x in res
	count(x.resources) == 7
	endswith(x.message.en, "aws_sqs_queue.q5 and 2 more")
	endswith(x.message.ja, "aws_sqs_queue.q5ほか2件")
}

test_provider_without_regional_resources_is_not_judged if {
	rs := [placed_in_virginia("aws_iam_role", "r"), object.union(placed_in_virginia("aws_s3_bucket", "old"), {"actions": ["delete"]})]
	count(data_location.deny) == 0 with input as testing.doc_with([virginia], rs) with data.fiscguard.params as params
}

# A region argument of the resource itself (AWS provider v6) is its own cause.
own_region(r, reg) := object.union(r, {"region": reg, "region_written": true, "values": {"region": reg}})

test_resource_region_argument_is_its_own_finding if {
	r := own_region(in_region("aws_sqs_queue", "q", ""), "eu-west-1")
	res := data_location.deny with input as testing.doc([r]) with data.fiscguard.params as params
	count(res) == 1
	some x in res
	x.resource == "aws_sqs_queue.q"
	x.attribute == "region"
	x.status == "fail"
}

# ... even where it names the provider's region: the provider configuration
# does not place it, and its finding neither names nor counts it.
test_resource_region_argument_is_not_the_providers if {
	eu := testing.provider("aws", "eu-west-1")
	q := own_region(in_region("aws_sqs_queue", "a", ""), "eu-west-1")
	b := in_region("aws_s3_bucket", "b", "eu-west-1")
	res := data_location.deny with input as testing.doc_with([eu], [q, b]) with data.fiscguard.params as params
	{[x.resource, x.status] | some x in res} == {["aws_sqs_queue.a", "fail"], ["provider[\"registry.terraform.io/hashicorp/aws\"]", "fail"]}
	some p in res
	p.resource != "aws_sqs_queue.a"
	p.resources == ["aws_s3_bucket.b"]
	contains(p.message.en, "places 1 resource in eu-west-1")
}

test_resource_region_argument_in_an_allowed_region_passes if {
	r := own_region(placed_in_virginia("aws_sqs_queue", "q"), "ap-northeast-1")
	count(data_location.deny) == 0 with input as testing.doc_with([virginia], [r]) with data.fiscguard.params as params
}

# An own region known only after apply is not the provider's either.
test_unknown_region_argument_is_inconclusive if {
	r := object.union(in_region("aws_s3_bucket", "a", ""), {"region_written": true, "unknown": {"region": true}})
	res := data_location.deny with input as testing.doc([r]) with data.fiscguard.params as params
	[[x.resource, x.status, x.attribute] | some x in res] == [["aws_s3_bucket.a", "inconclusive", "region"]]
	some x in res
	contains(x.message.en, "its own region argument is known only after apply")
}

test_global_services_are_skipped if {
	rs := [
		placed_in_virginia("aws_iam_role", "r"),
		placed_in_virginia("aws_cloudfront_distribution", "d"),
		placed_in_virginia("aws_route53_zone", "z"),
	]
	count(data_location.deny) == 0 with input as testing.doc_with([virginia], rs) with data.fiscguard.params as params
}

test_route53_resolver_is_regional if {
	res := data_location.deny with input as testing.doc_with([virginia], [placed_in_virginia("aws_route53_resolver_endpoint", "e")])
		with data.fiscguard.params as params
	some x in res
	x.resources == ["aws_route53_resolver_endpoint.e"]
}

no_region(written) := object.union(testing.provider("aws", ""), {"region_written": written})

test_no_region_is_one_inconclusive_per_provider if {
	rs := [in_region("aws_s3_bucket", "a", ""), in_region("aws_sqs_queue", "q", "")]
	res := data_location.deny with input as testing.doc_with([no_region(false)], rs) with data.fiscguard.params as params
	count(res) == 1
	some x in res
	x.resource == `provider["registry.terraform.io/hashicorp/aws"]`
	x.status == "inconclusive"
	x.resources == ["aws_s3_bucket.a", "aws_sqs_queue.q"]
	contains(x.message.en, "sets no region")
	contains(x.message.en, "AWS_REGION")
	contains(x.message.ja, "AWS_REGION")
}

test_region_known_only_after_apply_says_so if {
	res := data_location.deny with input as testing.doc_with([no_region(true)], [in_region("aws_s3_bucket", "a", "")])
		with data.fiscguard.params as params
	some x in res
	x.status == "inconclusive"
	contains(x.message.en, "its region is known only after apply")
	contains(x.message.en, "the region of 1 resource is not known")
}

test_other_providers_are_skipped if {
	r := object.union(in_region("random_id", "suffix", ""), {"provider": "random"})
	count(data_location.deny) == 0 with input as testing.doc_with([testing.provider("random", "")], [r]) with data.fiscguard.params as params
}

test_allowed_regions_parameter_is_used if {
	osaka := testing.provider("aws", "ap-northeast-3")
	res := data_location.deny with input as testing.doc_with([osaka], [in_region("aws_s3_bucket", "a", "ap-northeast-3")])
		with data.fiscguard.params as {"allowed_regions": ["ap-northeast-1"]}
	some x in res
	x.resource == `provider["registry.terraform.io/hashicorp/aws"]`
	x.status == "fail"
}

test_deleted_resource_is_not_checked if {
	r := object.union(placed_in_virginia("aws_s3_bucket", "old"), {"actions": ["delete"]})
	count(data_location.deny) == 0 with input as testing.doc_with([virginia], [r]) with data.fiscguard.params as params
}

test_data_sources_are_not_checked if {
	r := object.union(placed_in_virginia("aws_ami", "al2023"), {"mode": "data"})
	count(data_location.deny) == 0 with input as testing.doc_with([virginia], [r]) with data.fiscguard.params as params
}
