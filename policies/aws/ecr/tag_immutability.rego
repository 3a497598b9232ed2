# METADATA
# title: ECR repositories keep image tags immutable
# description: |
#   With mutable tags, pushing an image under an existing tag silently
#   replaces what every deployment of that tag runs, so the image that was
#   scanned and approved is not the one that runs. AWS's core-banking
#   reference lists container image management with ECR as the measure for
#   managing hardware and software (実48); that a tag names one image for good
#   is fiscguard's condition for it. aws_ecr_repository must set
#   image_tag_mutability to IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION, which keeps
#   named tags such as latest movable).
# custom:
#   id: FG-ECR-002
#   severity: low
#   fisc: ["実48"]
#   fisc_basis: {"実48": "aws-blea-workload:core-banking, container image management with ECR (tag immutability is fiscguard's condition)"}
#   fisc_basis_ja: {"実48": "勘定系：ECRによるコンテナイメージ管理（タグを変更不可とする条件はfiscguardによる）"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ecr_repository]
#   title_ja: ECRリポジトリのイメージタグを変更不可にする
#   description_ja: |
#     タグが変更可能だと、既存のタグで新しいイメージをプッシュするだけで、そのタグを使うすべてのデプロイが実行するものが黙って置き換わり、スキャンして承認したイメージと実行されるイメージが一致しなくなる。
#     AWSの勘定系リファレンスは、ハードウェア・ソフトウェアの管理（実48）の対策としてECRによるコンテナイメージ管理を挙げている。タグが一つのイメージを指し続けることは、fiscguardがそのための条件とするものである。
#     aws_ecr_repository では image_tag_mutability を IMMUTABLE（または "latest" など指定したタグだけを変更可能にする IMMUTABLE_WITH_EXCLUSION）にしなければならない。
#   remediation: Set image_tag_mutability = "IMMUTABLE" on the repository and push each build under a new tag (for example the commit hash).
#   remediation_ja: リポジトリで image_tag_mutability = "IMMUTABLE" とし、ビルドごとに新しいタグ（コミットハッシュなど）でプッシュする。
package fiscguard.aws.ecr.tag_immutability

import data.fiscguard.lib

immutable := {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}

deny contains fiscguard.fail(
	r, "image_tag_mutability",
	sprintf("ECR repository %s lets image tags be overwritten (image_tag_mutability is %s)", [r.address, fiscguard.value(r, ["image_tag_mutability"], "MUTABLE")]),
	sprintf("ECRリポジトリ %s でイメージタグを上書きできる（image_tag_mutability が %s）", [r.address, fiscguard.value(r, ["image_tag_mutability"], "MUTABLE")]),
) if {
	some r in lib.resources("aws_ecr_repository")
	not fiscguard.unknown(r, "image_tag_mutability")
	not fiscguard.value(r, ["image_tag_mutability"], "MUTABLE") in immutable
}

deny contains fiscguard.inconclusive(
	r, "image_tag_mutability",
	sprintf("ECR repository %s: image_tag_mutability is known only after apply", [r.address]),
	sprintf("ECRリポジトリ %s の image_tag_mutability は適用後まで確定しない", [r.address]),
) if {
	some r in lib.resources("aws_ecr_repository")
	fiscguard.unknown(r, "image_tag_mutability")
}
