# METADATA
# title: Lambda functions are not invocable by anyone
# description: |
#   A Lambda permission for principal "*", a service principal without
#   source_arn or source_account, or a function URL without IAM authentication
#   lets callers outside the institution run the function. In fiscguard's reading, FISC asks for
#   externally reachable systems to be kept to a minimum (実15); AWS maps its
#   control that Lambda function policies prohibit public access (SH.Lambda.1,
#   AWS-GR_LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED) to 実15.
# custom:
#   id: FG-LAMBDA-001
#   severity: high
#   fisc: ["実15"]
#   fisc_basis: {"実15": "aws-blea-ct:SH.Lambda.1, AWS-GR_LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_lambda_permission, aws_lambda_function_url]
#   title_ja: Lambda関数を誰でも呼び出せるようにしない
#   description_ja: |
#     プリンシパル "*" へのLambdaの許可、source_arn も source_account もないサービスプリンシパルへの許可、IAM認証のない関数URLは、金融機関の外の呼び出し元に関数を実行させてしまう。
#     fiscguardの読みでは、FISCは外部から接続できる機器の最小化（実15）を求めており、AWSはLambda関数ポリシーで公開アクセスを禁止する統制（SH.Lambda.1、AWS-GR_LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED）を実15に対応付けている。
#   remediation: Grant lambda:InvokeFunction to a named principal; for service principals set source_arn (and source_account); set authorization_type = "AWS_IAM" on function URLs.
#   remediation_ja: lambda:InvokeFunction は特定のプリンシパルに許可する。サービスプリンシパルには source_arn（と source_account）を指定し、関数URLは authorization_type = "AWS_IAM" とする。
package fiscguard.aws.lambda.public_access

import data.fiscguard.lib

deny contains fiscguard.fail(
	p, "principal",
	sprintf("Lambda permission %s lets anyone invoke the function", [p.address]),
	sprintf("Lambdaの許可 %s が誰にでも関数の呼び出しを許している", [p.address]),
) if {
	some p in lib.resources("aws_lambda_permission")
	fiscguard.value(p, "principal", null) == "*"
	not scoped(p)
}

deny contains fiscguard.fail(
	p, "source_arn",
	sprintf("Lambda permission %s lets %s invoke the function on behalf of any account (no source_arn or source_account)", [p.address, fiscguard.value(p, "principal", null)]),
	sprintf("Lambdaの許可 %s が source_arn も source_account もなく、任意のアカウントのための %s による呼び出しを許している", [p.address, fiscguard.value(p, "principal", null)]),
) if {
	some p in lib.resources("aws_lambda_permission")
	endswith(fiscguard.value(p, "principal", null), ".amazonaws.com")
	not scoped(p)
}

deny contains fiscguard.fail(
	u, "authorization_type",
	sprintf("Lambda function URL %s accepts unauthenticated requests", [u.address]),
	sprintf("Lambda関数URL %s が認証のない要求を受け付ける", [u.address]),
) if {
	some u in lib.resources("aws_lambda_function_url")
	fiscguard.value(u, "authorization_type", null) == "NONE"
}

# scoped is true when the permission names the calling resource or account,
# or is limited to an organisation.
scoped(p) if {
	some attr in ["source_arn", "source_account", "principal_org_id"]
	_set(p, attr)
}

_set(p, attr) if {
	v := fiscguard.value(p, attr, null)
	is_string(v)
	v != ""
}

_set(p, attr) if fiscguard.unknown(p, attr)
