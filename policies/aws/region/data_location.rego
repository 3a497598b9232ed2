# METADATA
# title: Resources are placed only in allowed regions
# description: |
#   FISC's cloud items ask the institution to know where its data is kept
#   (運108 ②); for Japanese institutions that usually means the Tokyo and Osaka
#   regions. A region comes from a provider configuration (or, with AWS
#   provider v6, a resource's own region argument), so that is where it is
#   judged: a provider configuration whose region is not in the
#   allowed_regions parameter is one finding at its region argument, naming
#   the regional resources it places; a resource that sets its own region
#   outside them is its own finding. Global services (IAM, Route 53 except
#   Resolver, CloudFront, Organizations, and others listed in global_prefixes)
#   are skipped. When no region is known (none set, or one known only after
#   apply) the result is one inconclusive per provider configuration. The current-edition item cited, 統24 (cloud-specific measures), is fiscguard's reading of a secondary source; no AWS mapping cites one.
# custom:
#   id: FG-REGION-001
#   severity: high
#   fisc: ["統24"]
#   fisc_8th: ["運108"]
#   fisc_basis: {"統24": "derived:a secondary source (caf_for_fsi) lists data location among the cloud-specific risks of 統24; its title is unverified and no AWS mapping cites it", "運108": "seed:運108 ② knowing where the data is kept"}
#   fisc_basis_ja: {"統24": "二次資料（caf_for_fsi）は統24のクラウド固有のリスクにデータ所在地を挙げている。項目名は未検証で、AWSの対応表は挙げていない", "運108": "運108 ② データ所在の把握"}
#   profile: simple
#   responsibility: user
#   resource_types: ["*"]
#   title_ja: 許可したリージョンにのみリソースを配置する
#   description_ja: |
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。日本の金融機関では、通常は東京と大阪のリージョンを指す。
#     リージョンはプロバイダー構成（AWSプロバイダーv6ではリソース自身の region 引数）で決まるため、そこで判定する。リージョンがパラメータ allowed_regions に含まれないプロバイダー構成は、その region 引数で一件の指摘とし、配置されるリージョナルリソースを挙げる。自身の region 引数で許可外のリージョンを指定したリソースは、それぞれ一件の指摘とする。
#     グローバルサービス（IAM、Resolverを除くRoute 53、CloudFront、Organizationsなど global_prefixes に挙げたもの）は対象外とする。リージョンが分からない場合（指定がない、または適用後まで確定しない）は、プロバイダー構成ごとに一件の判定不能とする。
#     現行版の項目として挙げる統24（クラウドサービス固有の安全対策）は、二次資料に基づくfiscguardの読みであり、AWSの対応表は挙げていない。
#   remediation: Set the provider's region (or the resource's region argument) to an allowed region, or add the region to allowed_regions after confirming where the data will be kept.
#   remediation_ja: プロバイダー（またはリソースの region 引数）のリージョンを許可したリージョンにする。別のリージョンが必要な場合は、データの保管場所を確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.data_location

import data.fiscguard.lib
import data.fiscguard.lib.aws.region

# A provider configuration whose region is not allowed: one finding at its
# region argument, standing for every regional resource it places there.
deny contains lib.with_resources(
	fiscguard.fail(
		p, "region",
		sprintf("Provider configuration %s places %s in %s, outside the allowed regions (%s): %s", [
			_name(p), lib.count_text(count(placed), "resource", "resources"), p.region,
			concat(", ", region.allowed), lib.list_text(placed, 5).en,
		]),
		sprintf("プロバイダー構成 %s が %d 個のリソースを許可リージョン（%s）以外の %s に配置している: %s", [
			_name(p), count(placed), concat("、", region.allowed), p.region, lib.list_text(placed, 5).ja,
		]),
	),
	placed,
) if {
	some p in input.providers
	p.region != ""
	not region.allowed_set[p.region]
	placed := _placed(p, p.region)
	count(placed) > 0
}

# A resource that sets its own region (AWS provider v6) is its own finding,
# and not among the resources its provider configuration places.
deny contains fiscguard.fail(
	r, "region",
	sprintf("%s is placed in %s by its own region argument, outside the allowed regions (%s)", [r.address, r.region, concat(", ", region.allowed)]),
	sprintf("%s が自身の region 引数で許可リージョン（%s）以外の %s に配置されている", [r.address, concat("、", region.allowed), r.region]),
) if {
	some r in _own_region
	r.region != ""
	not region.allowed_set[r.region]
}

deny contains fiscguard.inconclusive(
	r, "region",
	sprintf("%s: its own region argument is known only after apply%s", [r.address, lib.from_text(r, "region").en]),
	sprintf("%s の region 引数は適用後まで確定しない%s", [r.address, lib.from_text(r, "region").ja]),
) if {
	some r in _own_region
	r.region == ""
}

_own_region contains r if {
	some t in region.regional_types
	some r in lib.resources(t)
	r.region_written
}

# No region known: one inconclusive per provider configuration.
deny contains lib.with_resources(
	fiscguard.inconclusive(
		p, "region",
		sprintf("Provider configuration %s: %s, so the region of %s is not known: %s", [
			_name(p), _why_unknown[p.region_written].en, lib.count_text(count(placed), "resource", "resources"), lib.list_text(placed, 5).en,
		]),
		sprintf("プロバイダー構成 %s は%sため、%d 個のリソースのリージョンが分からない: %s", [
			_name(p), _why_unknown[p.region_written].ja, count(placed), lib.list_text(placed, 5).ja,
		]),
	),
	placed,
) if {
	some p in input.providers
	p.region == ""
	placed := _placed(p, "")
	count(placed) > 0
}

_why_unknown := {
	true: {"en": "its region is known only after apply", "ja": "リージョンが適用後まで確定しない"},
	false: {"en": "it sets no region, which then comes from outside the configuration (AWS_REGION or the AWS config file)", "ja": "リージョンを指定しておらず、構成の外（AWS_REGION や AWS の設定ファイル）で決まる"},
}

# _placed lists the regional resources that provider configuration p places
# in reg (their region is the provider's: they set none of their own).
_placed(p, reg) := [a |
	some a in p.resources
	r := lib.checked_resource(a)
	region.regional(r.type)
	not r.region_written
	r.region == reg
]

# _name is how a provider configuration is written in Terraform: aws, aws.us,
# or aws in module.m.
_name(p) := local if {
	p.module == ""
	local := _local(p)
} else := sprintf("%s in %s", [_local(p), p.module])

_local(p) := sprintf("%s.%s", [p.name, p.alias]) if p.alias != ""

else := p.name
