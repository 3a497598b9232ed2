# METADATA
# title: Service control policies protect the log-archive buckets' settings
# description: |
#   The buckets that keep the organisation's audit logs are only evidence if
#   no account can switch off their encryption, their access logging or their
#   policy. AWS maps its Control Tower guardrails that disallow changes to the
#   encryption (AWS-GR_AUDIT_BUCKET_ENCRYPTION_ENABLED), the logging
#   (AWS-GR_AUDIT_BUCKET_LOGGING_ENABLED) and the bucket policy
#   (AWS-GR_AUDIT_BUCKET_POLICY_CHANGES_PROHIBITED) of those buckets to
#   stored-data leakage prevention (実3), access records (実10) and access
#   rights (実25). In the configuration that manages the organisation, attached
#   service control policies must deny s3:PutEncryptionConfiguration,
#   s3:PutBucketLogging, s3:PutBucketPolicy and s3:DeleteBucketPolicy (for the
#   log-archive buckets, with the administering role excepted by a condition,
#   as Control Tower does).
# custom:
#   id: FG-ORG-003
#   severity: medium
#   fisc: ["実3", "実10", "実25"]
#   fisc_8th: ["運112"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_AUDIT_BUCKET_ENCRYPTION_ENABLED, AWS-GR_AUDIT_BUCKET_POLICY_CHANGES_PROHIBITED", "実10": "aws-blea-ct:AWS-GR_AUDIT_BUCKET_LOGGING_ENABLED", "実25": "aws-blea-ct:AWS-GR_AUDIT_BUCKET_POLICY_CHANGES_PROHIBITED", "運112": "derived:the audit records the institution monitors its cloud use with must stay intact"}
#   fisc_basis_ja: {"運112": "金融機関がクラウドの利用を監視するための監査記録は、損なわれてはならない"}
#   profile: strict
#   strict_reason: "AWS marks these guardrails optional, not recommended by default: the log-archive buckets are already protected by their own policies."
#   strict_reason_ja: "AWSはこれらのガードレールを任意とし、既定では推奨していない。ログアーカイブ用バケットはそれ自身のポリシーでも保護される。"
#   responsibility: user
#   resource_types: [aws_organizations_organization, aws_organizations_policy, aws_organizations_policy_attachment]
#   title_ja: SCPでログアーカイブ用バケットの設定変更を拒否する
#   description_ja: |
#     組織の監査ログを保管するバケットは、どのアカウントも暗号化、アクセスログ、バケットポリシーを無効にできないときに限り証跡となる。
#     AWSは、これらのバケットの暗号化（AWS-GR_AUDIT_BUCKET_ENCRYPTION_ENABLED）、ログ記録（AWS-GR_AUDIT_BUCKET_LOGGING_ENABLED）、バケットポリシー（AWS-GR_AUDIT_BUCKET_POLICY_CHANGES_PROHIBITED）の変更を許可しないControl Towerのガードレールを、蓄積データの漏えい防止（実3）、アクセス履歴の管理（実10）、アクセス権限の明確化（実25）に対応付けている。
#     組織を管理する構成では、アタッチしたSCPで s3:PutEncryptionConfiguration、s3:PutBucketLogging、s3:PutBucketPolicy、s3:DeleteBucketPolicy を拒否しなければならない（Control Towerと同様に、ログアーカイブ用バケットを対象とし、管理用のロールは条件で除く）。
#   remediation: Attach an SCP that denies s3:PutEncryptionConfiguration, s3:PutBucketLogging, s3:PutBucketPolicy and s3:DeleteBucketPolicy on the log-archive buckets, excepting the role that administers them (Condition ArnNotLike aws:PrincipalArn).
#   remediation_ja: ログアーカイブ用バケットに対する s3:PutEncryptionConfiguration、s3:PutBucketLogging、s3:PutBucketPolicy、s3:DeleteBucketPolicy を、管理用のロールを除いて（Condition ArnNotLike aws:PrincipalArn）拒否するSCPをアタッチする。
package fiscguard.aws.organizations.audit_buckets

import data.fiscguard.lib.aws.scp

actions := ["s3:putencryptionconfiguration", "s3:putbucketlogging", "s3:putbucketpolicy", "s3:deletebucketpolicy"]

deny contains r if {
	some r in scp.guardrail(actions, false, "the log-archive buckets' encryption, logging or policy can be changed", "ログアーカイブ用バケットの暗号化、ログ記録、ポリシーを変更できる")
}
