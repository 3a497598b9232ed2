package fiscguard.aws.ec2.imdsv2_test

import data.fiscguard.aws.ec2.imdsv2
import data.fiscguard.lib.testing

instance(options) := testing.resource("aws_instance", "app", {"ami": "ami-0abcdef1234567890", "instance_type": "t3.micro", "metadata_options": options})

test_optional_tokens_fail if {
	res := imdsv2.deny with input as testing.doc([instance([{"http_endpoint": "enabled", "http_tokens": "optional"}])])
	testing.has(res, "aws_instance.app", "fail")
}

test_required_tokens_pass if {
	count(imdsv2.deny) == 0 with input as testing.doc([instance([{"http_endpoint": "enabled", "http_tokens": "required"}])])
}

test_launch_template_without_options_is_inconclusive if {
	lt := testing.resource("aws_launch_template", "app", {"name": "app", "metadata_options": []})
	res := imdsv2.deny with input as testing.doc([lt])
	some r in res
	r.resource == "aws_launch_template.app"
	r.status == "inconclusive"
	r.attribute == "metadata_options[0].http_tokens"
}

test_launch_configuration_with_optional_tokens_fails if {
	lc := testing.resource("aws_launch_configuration", "app", {"image_id": "ami-1", "metadata_options": [{"http_tokens": "optional"}]})
	res := imdsv2.deny with input as testing.doc([lc])
	testing.has(res, "aws_launch_configuration.app", "fail")
}

test_launch_template_requiring_tokens_passes if {
	lt := testing.resource("aws_launch_template", "app", {"name": "app", "metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": 1}]})
	count(imdsv2.deny) == 0 with input as testing.doc([lt])
}

test_computed_options_are_inconclusive if {
	i := object.union(testing.resource("aws_instance", "app", {"ami": "ami-0abcdef1234567890"}), {"unknown": {"metadata_options": true}})
	res := imdsv2.deny with input as testing.doc([i])
	testing.has(res, "aws_instance.app", "inconclusive")
	not testing.has(res, "aws_instance.app", "fail")
}

test_unknown_tokens_are_inconclusive if {
	i := object.union(instance([{"http_endpoint": "enabled"}]), {"unknown": {"metadata_options": [{"http_tokens": true}]}})
	res := imdsv2.deny with input as testing.doc([i])
	testing.has(res, "aws_instance.app", "inconclusive")
	not testing.has(res, "aws_instance.app", "fail")
}

test_deleted_instance_is_not_checked if {
	i := object.union(instance([{"http_tokens": "optional"}]), {"actions": ["delete"]})
	count(imdsv2.deny) == 0 with input as testing.doc([i])
}
