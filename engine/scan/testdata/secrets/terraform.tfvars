backup_window = "CANARY-tfvars-value"
