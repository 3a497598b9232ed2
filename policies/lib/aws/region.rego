# METADATA
# title: Region helpers
# description: |
#   The allowed_regions parameter, which resource types are regional (placed
#   in a region by their provider configuration) and the region an ARN names.
package fiscguard.lib.aws.region

import data.fiscguard.lib

# allowed lists the allowed_regions parameter.
allowed := lib.param("allowed_regions")

# allowed_set holds the allowed regions, for membership tests.
allowed_set := {x | some x in allowed}

# global_prefixes start the type names of global (not regional) AWS resources.
global_prefixes := [
	"aws_iam_", # IAM
	"aws_route53_", # Route 53 DNS (Resolver is regional, see below)
	"aws_route53domains_",
	"aws_route53recoverycontrolconfig_",
	"aws_route53recoveryreadiness_",
	"aws_cloudfront_",
	"aws_organizations_",
	"aws_budgets_",
	"aws_shield_",
	"aws_ce_", # Cost Explorer
	"aws_cur_", # Cost and Usage Reports
	"aws_s3control_", # account-level S3 controls
	"aws_s3_account_public_access_block",
	"aws_account_", # account contacts and settings
	"aws_globalaccelerator_",
	"aws_networkmanager_",
	"aws_waf_", # WAF Classic (global; aws_wafregional_ and aws_wafv2_ are regional)
	"aws_ecrpublic_",
]

# regional_exceptions are regional types under a global prefix.
regional_exceptions := ["aws_route53_resolver_"]

# regional is true for an AWS resource type placed in a region.
regional(t) if {
	startswith(t, "aws_")
	not _global(t)
}

_global(t) if {
	some p in global_prefixes
	startswith(t, p)
	not _regional_exception(t)
}

_regional_exception(t) if {
	some p in regional_exceptions
	startswith(t, p)
}

# regional_types holds the regional types among the input's resources.
regional_types contains t if {
	some t in lib.resource_types
	regional(t)
}

# arn_region returns the region an ARN names ("" for a global ARN or a value
# that is not an ARN string).
arn_region(arn) := split(arn, ":")[3] if {
	is_string(arn)
	count(split(arn, ":")) > 3
} else := ""
