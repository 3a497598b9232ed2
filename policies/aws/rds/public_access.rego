# METADATA
# title: RDS database instances are not publicly accessible
# description: |
#   A publicly accessible DB instance gets an internet-resolvable address, so
#   only its security group and password stand between the database and the
#   internet. In fiscguard's reading, FISC asks for stored data to be protected against leakage (実3) and
#   externally reachable systems to be kept to a minimum (実15); AWS maps its
#   RDS public access control to 実3. publicly_accessible must not be true.
# custom:
#   id: FG-RDS-001
#   severity: critical
#   fisc: ["実3", "実15"]
#   fisc_8th: ["運110"]
#   fisc_basis: {"実3": "aws-blea-ct:AWS-GR_RDS_INSTANCE_PUBLIC_ACCESS_CHECK, SH.RDS.2", "実15": "derived:a publicly accessible database is an externally reachable device, which 実15 asks to minimise (AWS maps its public-access control to 実3 only)", "運110": "seed:運110 names data leakage while the service is in use; a public database exposes the data"}
#   fisc_basis_ja: {"実15": "パブリックアクセス可能なデータベースは外部から接続できる機器であり、実15はその最小化を求める項目と読める（AWSはパブリックアクセスの統制を実3にのみ対応付けている）", "運110": "運110は利用中のデータ漏洩を挙げる。公開されたデータベースはデータをさらす"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   title_ja: RDSのデータベースをパブリックアクセス可能にしない
#   description_ja: |
#     パブリックアクセス可能なDBインスタンスにはインターネットから名前解決できるアドレスが付き、データベースとインターネットの間にはセキュリティグループとパスワードしか残らない。
#     fiscguardの読みでは、FISCは蓄積データの漏えい防止（実3）と外部から接続できる機器の最小化（実15）を求めており、AWSはRDSのパブリックアクセスに関する統制を実3に対応付けている。
#     publicly_accessible を true にしない。
#   remediation: Set publicly_accessible = false and place the instance in private subnets (a DB subnet group without internet gateway routes).
#   remediation_ja: publicly_accessible = false とし、インスタンスをプライベートサブネット（インターネットゲートウェイへの経路がないDBサブネットグループ）に配置する。
package fiscguard.aws.rds.public_access

import data.fiscguard.lib

types := ["aws_db_instance", "aws_rds_cluster_instance"]

deny contains fiscguard.fail(
	db, "publicly_accessible",
	sprintf("Database %s is publicly accessible", [db.address]),
	sprintf("データベース %s がパブリックアクセス可能になっている", [db.address]),
) if {
	some t in types
	some db in lib.resources(t)
	fiscguard.value(db, "publicly_accessible", false) == true
}

deny contains fiscguard.inconclusive(
	db, "publicly_accessible",
	sprintf("Database %s: public accessibility is known only after apply%s", [db.address, lib.from_text(db, "publicly_accessible").en]),
	sprintf("データベース %s のパブリックアクセス設定は適用後まで確定しない%s", [db.address, lib.from_text(db, "publicly_accessible").ja]),
) if {
	some t in types
	some db in lib.resources(t)
	fiscguard.unknown(db, "publicly_accessible")
}

# A cluster instance that does not set publicly_accessible is public when its
# subnets route to an internet gateway, which the plan may not show.
deny contains fiscguard.inconclusive(
	db, "publicly_accessible",
	sprintf("Database %s: whether it is publicly accessible is not known: publicly_accessible is not set, so AWS decides from the subnets (set it to false)", [db.address]),
	sprintf("データベース %s がパブリックアクセス可能かは分からない。publicly_accessible を設定しておらず、AWSがサブネットから決める（false を設定する）", [db.address]),
) if {
	some db in lib.resources("aws_rds_cluster_instance")
	fiscguard.value(db, "publicly_accessible", null) == null
	not fiscguard.unknown(db, "publicly_accessible")
}
