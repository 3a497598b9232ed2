# METADATA
# title: S3 replication copies data only to allowed regions
# description: |
#   Cross-region replication writes a copy of every object to the destination
#   bucket's region, so the data lives wherever that bucket is. FISC's cloud
#   items ask the institution to know where its data is kept (運108 ②). The
#   destination bucket of every rule of aws_s3_bucket_replication_configuration
#   must be in a region of the allowed_regions parameter. The destination's
#   region is known when the bucket is in the plan (by reference or by name); a
#   bucket ARN alone does not tell its region, which is inconclusive. The current-edition item cited, 統24 (cloud-specific measures), is fiscguard's reading of a secondary source; no AWS mapping cites one.
# custom:
#   id: FG-REGION-002
#   severity: high
#   fisc: ["統24"]
#   fisc_8th: ["運108"]
#   fisc_basis: {"統24": "derived:a secondary source (caf_for_fsi) lists data location among the cloud-specific risks of 統24; its title is unverified and no AWS mapping cites it", "運108": "seed:運108 ② knowing where the data is kept; replicas are data"}
#   fisc_basis_ja: {"統24": "二次資料（caf_for_fsi）は統24のクラウド固有のリスクにデータ所在地を挙げている。項目名は未検証で、AWSの対応表は挙げていない", "運108": "運108 ② データ所在の把握。レプリカもデータである"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket_replication_configuration]
#   title_ja: S3レプリケーションで許可したリージョンにだけデータを複製する
#   description_ja: |
#     クロスリージョンレプリケーションはすべてのオブジェクトの複製を宛先バケットのリージョンに書き込むため、データはそのバケットの所在地にも置かれる。
#     FISCのクラウド関連項目は、データの所在を金融機関が把握することを求めている（運108②）。
#     aws_s3_bucket_replication_configuration のすべてのルールの宛先バケットは、パラメータ allowed_regions のリージョンになければならない。宛先バケットがプラン内にあれば（参照または名前で）リージョンが分かるが、バケットのARNだけではリージョンが分からないため判定不能とする。現行版の項目として挙げる統24（クラウドサービス固有の安全対策）は、二次資料に基づくfiscguardの読みであり、AWSの対応表は挙げていない。
#   remediation: Replicate to a bucket in an allowed region (for disaster recovery in Japan, ap-northeast-3 from ap-northeast-1), or add the region to allowed_regions after confirming the data may be kept there.
#   remediation_ja: 許可したリージョンのバケットに複製する（日本国内での災害対策なら ap-northeast-1 から ap-northeast-3 へ）。別のリージョンが必要な場合は、そこにデータを置いてよいことを確認したうえで allowed_regions に追加する。
package fiscguard.aws.region.s3_replication

import data.fiscguard.lib
import data.fiscguard.lib.aws.region
import data.fiscguard.lib.aws.s3.bucket

# One finding per replication configuration, listing every destination
# outside the allowed regions (or, when none is, those of unknown region).
deny contains result if {
	some result in fiscguard.one_per_resource(_problems, {
		"fail": {"en": "S3 replication %s copies data outside the allowed regions: ", "ja": "S3レプリケーション %s が許可リージョン外へデータを複製している: "},
		"inconclusive": {"en": "S3 replication %s: ", "ja": "S3レプリケーション %s の"},
	})
}

_problems contains {
	"resource": c, "attribute": "rule", "status": "fail",
	"en": sprintf("to %s in %s", [d.address, d.region]),
	"ja": sprintf("%s にある %s へ", [d.region, d.address]),
} if {
	some c in lib.resources("aws_s3_bucket_replication_configuration")
	some d in bucket.replication_destinations(c)
	d.region != ""
	not region.allowed_set[d.region]
}

_problems contains {
	"resource": c, "attribute": sprintf("rule[%d].destination[0].bucket", [i]), "status": "inconclusive",
	"en": sprintf("the region of destination %s is not known: the bucket is not in this configuration", [arn]),
	"ja": sprintf("宛先 %s のリージョンは分からない（バケットがこの構成にない）", [arn]),
} if {
	some c in lib.resources("aws_s3_bucket_replication_configuration")
	not fiscguard.refers(c, "rule")
	some i, rule in fiscguard.value(c, "rule", [])
	arn := object.get(rule, ["destination", 0, "bucket"], "")
	is_string(arn)
	not bucket.by_name[trim_prefix(arn, "arn:aws:s3:::")]
}
