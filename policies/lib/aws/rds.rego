# METADATA
# title: RDS helpers
package fiscguard.lib.aws.rds

# instance_types hold databases with their own storage and backups.
instance_types := ["aws_db_instance", "aws_rds_cluster"]

# replica is true for a database that replicates another (replicate_source_db
# set, or known only after apply): its source's settings govern it.
replica(db) if fiscguard.value(db, "replicate_source_db", "") != ""

replica(db) if fiscguard.unknown(db, "replicate_source_db")
