# METADATA
# title: The account blocks S3 public access
# description: |
#   S3 Block Public Access set for the account overrides every bucket's ACLs
#   and policies, including buckets created later or outside Terraform. AWS
#   maps its controls that the account-level block is on with all four
#   settings true (SH.S3.1, AWS-GR_S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC)
#   to stored-data leakage prevention (実3) and access rights (実25). An
#   aws_s3_account_public_access_block must set block_public_acls,
#   block_public_policy, ignore_public_acls and restrict_public_buckets to
#   true. The block is declared once per account, in the configuration of the
#   account baseline: there a missing block fails; a configuration with S3
#   buckets but no account baseline gets one inconclusive result, to be judged
#   where the baseline is kept.
# custom:
#   id: FG-S3-008
#   severity: high
#   fisc: ["実3", "実25"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:SH.S3.1, AWS-GR_S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "実25": "aws-blea-ct:SH.S3.1, AWS-GR_S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "運110": "seed:運110 names data leakage while the service is in use; a public bucket leaks stored data"}
#   fisc_basis_ja: {"運110": "運110は利用中のデータ漏洩を挙げる。公開されたバケットは保存データを漏らす"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_account_public_access_block, aws_s3_bucket]
#   title_ja: アカウント単位でS3のパブリックアクセスをブロックする
#   description_ja: |
#     アカウントに設定したS3ブロックパブリックアクセスは、後から作成したバケットやTerraformの外で作成したバケットを含め、すべてのバケットのACLとポリシーに優先する。
#     AWSは、アカウント単位のブロックを4つの設定すべてtrueで有効にする統制（SH.S3.1、AWS-GR_S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC）を蓄積データの漏えい防止（実3）とアクセス権限の明確化（実25）に対応付けている。
#     aws_s3_account_public_access_block では block_public_acls、block_public_policy、ignore_public_acls、restrict_public_buckets をすべて true とする。
#     このブロックはアカウントに一つ、アカウントのベースラインの構成で宣言する。その構成にブロックがなければ違反とし、S3バケットがあってもアカウントのベースラインがない構成は一件の判定不能とし、ベースラインを管理する構成で判定する。
#   remediation: In the configuration of the account baseline, declare an aws_s3_account_public_access_block with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.
#   remediation_ja: アカウントのベースラインの構成で、block_public_acls、block_public_policy、ignore_public_acls、restrict_public_buckets をすべて true にした aws_s3_account_public_access_block を宣言する。
package fiscguard.aws.s3.account_public_access

import data.fiscguard.lib
import data.fiscguard.lib.aws.account

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

blocks := lib.resources("aws_s3_account_public_access_block")

# A block that leaves settings off: one finding naming them all.
deny contains fiscguard.fail(
	a, off[0],
	sprintf("S3 account public access block %s does not set %s to true", [a.address, concat(", ", off)]),
	sprintf("S3アカウントのパブリックアクセスブロック %s で %s が true になっていない", [a.address, concat("、", off)]),
) if {
	some a in blocks
	off := [f | some f in flags; fiscguard.value(a, [f], false) != true; not fiscguard.unknown(a, [f])]
	count(off) > 0
}

deny contains fiscguard.inconclusive(
	a, later[0],
	sprintf("S3 account public access block %s: %s known only after apply", [a.address, concat(", ", later)]),
	sprintf("S3アカウントのパブリックアクセスブロック %s の %s は適用後まで確定しない", [a.address, concat("、", later)]),
) if {
	some a in blocks
	later := [f | some f in flags; fiscguard.unknown(a, [f])]
	count(later) > 0
}

deny contains account.missing("aws_s3_account_public_access_block", lib.resources("aws_s3_bucket"), ["S3 bucket", "S3 buckets", "S3バケット"]) if {
	count(blocks) == 0
}
