# METADATA
# title: S3 buckets block public access
# description: |
#   A bucket without S3 Block Public Access can be opened to the internet by a
#   single ACL or bucket policy change. In fiscguard's reading, FISC asks for stored data to be protected
#   against leakage (実3) and access rights to be clearly limited (実25); AWS maps
#   its bucket-level public access control (SH.S3.8) to both. Every bucket needs a
#   public access block with all four settings on, or an account-level block.
# custom:
#   id: FG-S3-001
#   severity: high
#   fisc: ["実3", "実25"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.S3.8", "実25": "aws-blea-ct:SH.S3.8", "運110": "seed:運110 names data leakage while the service is in use; a public bucket leaks stored data"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。公開されたバケットは保存データを漏らす"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block, aws_s3_account_public_access_block]
#   title_ja: S3バケットのパブリックアクセスをブロックする
#   description_ja: |
#     S3ブロックパブリックアクセスが設定されていないバケットは、ACLやバケットポリシーを一つ変えるだけでインターネットに公開されてしまう。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）とアクセス権限の明確化（実25）を求めており、AWSはバケット単位のパブリックアクセス統制（SH.S3.8）を両項目に対応付けている。
#     すべてのバケットに4つの設定をすべて有効にしたパブリックアクセスブロックを設けるか、アカウント単位のブロックを有効にする。
#   remediation: Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true (or an aws_s3_account_public_access_block with all four true).
#   remediation_ja: バケットに aws_s3_bucket_public_access_block を追加し、block_public_acls、block_public_policy、ignore_public_acls、restrict_public_buckets をすべて true にする（または4つすべてを true にした aws_s3_account_public_access_block を設ける）。
package fiscguard.aws.s3.public_access

import data.fiscguard.lib
import data.fiscguard.lib.aws.s3.bucket

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains fiscguard.fail(
	b, "",
	sprintf("S3 bucket %s has no public access block", [b.address]),
	sprintf("S3バケット %s にパブリックアクセスブロックが設定されていない", [b.address]),
) if {
	not account_blocked
	some b in lib.resources("aws_s3_bucket")
	count(bucket.attached(b, "aws_s3_bucket_public_access_block")) == 0
}

# One finding per public access block, listing every flag not set.
deny contains result if {
	not account_blocked
	some result in fiscguard.one_per_resource(_flag_problems, {
		"fail": {"en": "S3 public access block %s does not block all public access: ", "ja": "S3パブリックアクセスブロック %s がすべてのパブリックアクセスをブロックしていない: "},
		"inconclusive": {"en": "S3 public access block %s: ", "ja": "S3パブリックアクセスブロック %s の"},
	})
}

_flag_problems contains {
	"resource": p, "attribute": flag, "status": "fail",
	"en": sprintf("%s is not true", [flag]),
	"ja": sprintf("%s が true になっていない", [flag]),
} if {
	some p in lib.resources("aws_s3_bucket_public_access_block")
	some flag in flags
	fiscguard.value(p, flag, false) != true
	not fiscguard.unknown(p, flag)
}

_flag_problems contains {
	"resource": p, "attribute": flag, "status": "inconclusive",
	"en": sprintf("%s is known only after apply", [flag]),
	"ja": sprintf("%s は適用後まで確定しない", [flag]),
} if {
	some p in lib.resources("aws_s3_bucket_public_access_block")
	some flag in flags
	fiscguard.unknown(p, flag)
}

# account_blocked is true when the account's public access block sets every flag.
account_blocked if {
	some a in lib.resources("aws_s3_account_public_access_block")
	every flag in flags {
		fiscguard.value(a, flag, false) == true
	}
}
