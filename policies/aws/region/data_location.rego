# METADATA
# title: Resources are placed only in allowed regions
# description: |
#   FISC's cloud items ask the institution to know where its data is kept
#   (運108 ②); for Japanese institutions that usually means the Tokyo and Osaka
#   regions. A regional resource whose region is not in the allowed_regions
#   parameter fails. The region is the resource's own region argument (AWS
#   provider v6) or its provider configuration's region, aliases included.
#   Global services (IAM, Route 53 except Resolver, CloudFront, Organizations,
#   and others listed in global_prefixes) are skipped. When the region is set
#   outside the configuration (environment variables, profiles) the result is
#   inconclusive. No current-edition item is cited: public mappings give none
#   that is verified.
# custom:
#   id: FG-REGION-001
#   severity: high
#   fisc: []
#   fisc_8th: ["運108"]
#   fisc_basis: {"運108": "seed:運108 ② knowing where the data is kept"}
#   fisc_basis_ja: {"運108": "運108 ② データ所在の把握"}
#   profile: simple
#   responsibility: user
#   resource_types: ["*"]
#   title_ja: 許可したリージョンにのみリソースを配置する
#   description_ja: |
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。日本の金融機関では、通常は東京と大阪のリージョンを指す。
#     リージョンがパラメータ allowed_regions に含まれないリージョナルリソースを違反とする。リージョンは、リソース自身の region 引数（AWSプロバイダーv6）またはプロバイダー設定（エイリアスを含む）のリージョンとする。
#     グローバルサービス（IAM、Resolverを除くRoute 53、CloudFront、Organizationsなど global_prefixes に挙げたもの）は対象外とする。リージョンが構成の外（環境変数やプロファイル）で指定されている場合は判定不能とする。
#     現行版の項目は、検証された公開対応表がないため挙げていない。
#   remediation: Set the provider's region (or the resource's region argument) to an allowed region, or add the region to allowed_regions after confirming where the data will be kept.
#   remediation_ja: プロバイダー（またはリソースの region 引数）のリージョンを許可したリージョンにする。別のリージョンが必要な場合は、データの保管場所を確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.data_location

import data.fiscguard.lib

# global_prefixes are resource types of AWS global services, which have no
# region of their own (their data location is the provider's disclosure).
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

# r.region is the effective region: the loaders already let a resource's own
# region argument (AWS provider v6) override its provider's. Most resources
# are in an allowed region, so that test comes first.
deny contains lib.fail(
	r, _region_attribute(r),
	sprintf("%s is placed in %s, outside the allowed regions (%s)", [r.address, reg, concat(", ", allowed)]),
	sprintf("%s が許可リージョン（%s）以外の %s に配置されている", [r.address, concat("、", allowed), reg]),
) if {
	some t in _regional_types
	some r in lib.resources(t)
	reg := r.region
	not allowed_set[reg]
	reg != ""
}

deny contains lib.inconclusive(
	r, "",
	sprintf("%s: the region is set outside the configuration", [r.address]),
	sprintf("%s のリージョンは構成の外で指定されている", [r.address]),
) if {
	some t in _regional_types
	some r in lib.resources(t)
	r.region == ""
}

# _region_attribute names the region argument when it is what places the
# resource, else the resource as a whole (its provider places it).
_region_attribute(r) := "region" if r.values.region == r.region

else := ""

allowed := lib.param("allowed_regions")

allowed_set := {x | some x in allowed}

# _regional_types are the types of the regional AWS resources in the input;
# rules walk their resources directly (no intermediate list).
_regional_types contains t if {
	some t in lib.resource_types
	startswith(t, "aws_")
	not global(t)
}

global(t) if {
	some p in global_prefixes
	startswith(t, p)
	not regional_exception(t)
}

regional_exception(t) if {
	some p in regional_exceptions
	startswith(t, p)
}
