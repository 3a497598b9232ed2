package fiscguard.aws.lambda.public_access_test

import data.fiscguard.aws.lambda.public_access
import data.fiscguard.lib.testing

perm(values) := testing.resource("aws_lambda_permission", "invoke", object.union({"action": "lambda:InvokeFunction", "function_name": "bank-api"}, values))

test_star_principal_fails if {
	res := public_access.deny with input as testing.doc([perm({"principal": "*"})])
	testing.has(res, "aws_lambda_permission.invoke", "fail")
}

test_service_without_source_fails if {
	res := public_access.deny with input as testing.doc([perm({"principal": "s3.amazonaws.com"})])
	testing.has(res, "aws_lambda_permission.invoke", "fail")
}

test_service_with_source_arn_passes if {
	count(public_access.deny) == 0 with input as testing.doc([perm({"principal": "apigateway.amazonaws.com", "source_arn": "arn:aws:execute-api:ap-northeast-1:111122223333:abc/*"})])
}

test_source_arn_from_the_plan_passes if {
	p := object.union(perm({"principal": "events.amazonaws.com"}), {"unknown": {"source_arn": true}})
	count(public_access.deny) == 0 with input as testing.doc([p])
}

test_account_principal_passes if {
	count(public_access.deny) == 0 with input as testing.doc([perm({"principal": "111122223333"})])
}

test_url_without_auth_fails if {
	u := testing.resource("aws_lambda_function_url", "api", {"function_name": "bank-api", "authorization_type": "NONE"})
	res := public_access.deny with input as testing.doc([u])
	testing.has(res, "aws_lambda_function_url.api", "fail")
}

test_url_with_iam_passes if {
	u := testing.resource("aws_lambda_function_url", "api", {"function_name": "bank-api", "authorization_type": "AWS_IAM"})
	count(public_access.deny) == 0 with input as testing.doc([u])
}

test_deleted_permission_is_not_checked if {
	count(public_access.deny) == 0 with input as testing.doc([object.union(perm({"principal": "*"}), {"actions": ["delete"]})])
}
