package hclconf

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestProviderTypes: arguments take their attribute's type from the provider
// schema as Terraform converts them, in the model and through references.
func TestProviderTypes(t *testing.T) {
	type check struct{ address, attr, values, unknown string }
	tests := []struct {
		name   string
		files  map[string]string
		checks []check
		notes  []string
	}{
		{
			name: "primitive values take the attribute's type",
			files: map[string]string{"main.tf": `resource "aws_kms_key" "k" {
  enable_key_rotation     = "true"
  deletion_window_in_days = "30"
  description             = 5
}
resource "aws_cloudwatch_log_group" "g" {
  retention_in_days = "90"
}
resource "aws_db_instance" "d" {
  publicly_accessible = "true"
  multi_az            = "0"
}
`},
			checks: []check{
				{"aws_kms_key.k", "enable_key_rotation", "true", ""},
				{"aws_kms_key.k", "deletion_window_in_days", "30", ""},
				{"aws_kms_key.k", "description", `"5"`, ""},
				{"aws_cloudwatch_log_group.g", "retention_in_days", "90", ""},
				{"aws_db_instance.d", "publicly_accessible", "true", ""},
				{"aws_db_instance.d", "multi_az", "false", ""},
			},
		},
		{
			name: "blocks for an attribute of object type (ingress) hold every attribute",
			files: map[string]string{"main.tf": `resource "aws_security_group" "web" {
  ingress {
    from_port   = "80"
    to_port     = "80"
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    security_groups = ["sg-b", "sg-a"]
  }
}
`},
			checks: []check{{"aws_security_group.web", "ingress",
				`[{"cidr_blocks":["0.0.0.0/0"],"description":null,"from_port":80,"ipv6_cidr_blocks":null,"prefix_list_ids":null,"protocol":"tcp","security_groups":null,"self":null,"to_port":80},` +
					`{"cidr_blocks":null,"description":null,"from_port":22,"ipv6_cidr_blocks":null,"prefix_list_ids":null,"protocol":"tcp","security_groups":["sg-b","sg-a"],"self":null,"to_port":22}]`, ""}},
		},
		{
			name: "nested blocks by nesting mode: list, set in written order, single",
			files: map[string]string{"main.tf": `resource "aws_dynamodb_table" "t" {
  name     = "t"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  attribute {
    name = "at"
    type = "N"
  }
  point_in_time_recovery {
    enabled = "true"
  }
  timeouts {
    create = "10m"
  }
}
`},
			checks: []check{
				{"aws_dynamodb_table.t", "attribute", `[{"name":"id","type":"S"},{"name":"at","type":"N"}]`, ""},
				{"aws_dynamodb_table.t", "point_in_time_recovery", `[{"enabled":true}]`, ""},
				{"aws_dynamodb_table.t", "timeouts", `{"create":"10m","delete":null,"update":null}`, ""},
			},
		},
		{
			name: "types and attributes newer than the schema are kept as written",
			files: map[string]string{"main.tf": `resource "aws_kms_key" "k" {
  rotation_period_in_days = "90"
}
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  from_port = "22"
}
`},
			checks: []check{
				{"aws_kms_key.k", "rotation_period_in_days", `"90"`, ""},
				{"aws_vpc_security_group_ingress_rule.ssh", "from_port", `"22"`, ""},
			},
		},
		{
			name: "values Terraform rejects are unknown, noted where they are written",
			files: map[string]string{"main.tf": `resource "aws_security_group" "web" {
  ingress {
    from_port   = "abc"
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_kms_key" "k" {
  enable_key_rotation = "yes"
  deletion_window_in_days = sensitive("thirty")
  tags = ["a"]
}
resource "aws_dynamodb_table" "t" {
  timeouts {
    create = "1m"
  }
  timeouts {
    create = "2m"
  }
}
`},
			checks: []check{
				{"aws_security_group.web", "ingress", "", "true"},
				{"aws_kms_key.k", "enable_key_rotation", "", "true"},
				{"aws_kms_key.k", "deletion_window_in_days", "", "true"},
				{"aws_kms_key.k", "tags", "", "true"},
				{"aws_dynamodb_table.t", "timeouts", "", "true"},
			},
			notes: []string{
				"main.tf:18: aws_dynamodb_table.t: inappropriate value for timeouts[1]: no more than one timeouts block is allowed; treated as known only after apply",
				"main.tf:11: aws_kms_key.k: inappropriate value for deletion_window_in_days: this sensitive value does not fit the provider's type; treated as known only after apply",
				"main.tf:10: aws_kms_key.k: inappropriate value for enable_key_rotation: go-cty: `a bool is required`; treated as known only after apply",
				"main.tf:12: aws_kms_key.k: inappropriate value for tags: go-cty: `map of string required`; treated as known only after apply",
				"main.tf:3: aws_security_group.web: inappropriate value for ingress[0].from_port: go-cty: `a number is required`; treated as known only after apply",
			},
		},
		{
			name: "unknown values stay unknown",
			files: map[string]string{"main.tf": `variable "days" {}
resource "aws_cloudwatch_log_group" "g" {
  retention_in_days = var.days
  tags              = { env = var.days }
}
`},
			checks: []check{
				{"aws_cloudwatch_log_group.g", "retention_in_days", "", "true"},
				{"aws_cloudwatch_log_group.g", "tags", "{}", `{"env":true}`},
			},
			notes: []string{`main.tf:1: variable "days" has no value (set it with --var, --var-file or a tfvars file); treated as known only after apply`},
		},
		{
			name: "references read what Terraform plans: typed values, sets, computed attributes unknown",
			files: map[string]string{"main.tf": `resource "aws_kms_key" "k" {
  enable_key_rotation = "true"
}
resource "aws_db_instance" "d" {
  enabled_cloudwatch_logs_exports = ["upgrade", "audit"]
}
resource "aws_cloudwatch_log_group" "g" {
  name        = null
  name_prefix = "app-"
}
resource "aws_newer_thing" "x" {
  rotation = jsonencode(aws_kms_key.k.enable_key_rotation)
  exports  = jsonencode(aws_db_instance.d.enabled_cloudwatch_logs_exports)
  name     = aws_cloudwatch_log_group.g.name
  kms      = aws_cloudwatch_log_group.g.kms_key_id
  arn      = aws_kms_key.k.arn
}
`},
			checks: []check{
				{"aws_db_instance.d", "enabled_cloudwatch_logs_exports", `["upgrade","audit"]`, ""},
				{"aws_newer_thing.x", "rotation", `"true"`, ""},
				{"aws_newer_thing.x", "exports", `"[\"audit\",\"upgrade\"]"`, ""},
				{"aws_newer_thing.x", "name", "", "true"},
				{"aws_newer_thing.x", "kms", "null", ""},
				{"aws_newer_thing.x", "arn", "", "true"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _, notes := load(t, write(t, tt.files), Options{})
			for _, c := range tt.checks {
				r, ok := res[c.address]
				if !ok {
					t.Fatalf("no resource %s", c.address)
				}
				if got := jsonOf(t, r.Values, c.attr); got != c.values {
					t.Errorf("%s.%s = %s, want %s", c.address, c.attr, got, c.values)
				}
				if got := jsonOf(t, r.Unknown, c.attr); got != c.unknown {
					t.Errorf("%s unknown %s = %s, want %s", c.address, c.attr, got, c.unknown)
				}
			}
			if strings.Join(notes, "\n") != strings.Join(tt.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(tt.notes, "\n"))
			}
		})
	}
}

// jsonOf renders m[key] as JSON, "" when absent.
func jsonOf(t *testing.T, m map[string]any, key string) string {
	t.Helper()
	v, ok := m[key]
	if !ok {
		return ""
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestSensitiveThroughReferences: an attribute the schema marks sensitive,
// or (for what the table does not know) a secret name, is redacted on its
// own resource and wherever a reference or a module output copies it.
func TestSensitiveThroughReferences(t *testing.T) {
	dir := write(t, map[string]string{
		"main.tf": `resource "aws_db_instance" "d" {
  password = "CANARY-schema"
}
resource "aws_newer_thing" "n" {
  api_key = "CANARY-name"
  plain   = "CANARY-plain"
}
resource "aws_lb_listener" "l" {
  default_action {
    type = "authenticate-oidc"
    authenticate_oidc {
      client_id     = "app"
      client_secret = "CANARY-nested"
    }
  }
}
module "m" {
  source = "./m"
}
resource "aws_launch_template" "t" {
  name = "x-${aws_db_instance.d.password}"
  block_device_mappings {
    device_name = module.m.password
  }
  block_device_mappings {
    device_name = aws_newer_thing.n.api_key
  }
  block_device_mappings {
    device_name = aws_lb_listener.l.default_action[0].authenticate_oidc[0].client_secret
  }
}
resource "aws_kms_key" "k" {
  description = aws_newer_thing.n.plain
  deletion_window_in_days = aws_db_instance.d.password
}
`,
		"m/main.tf": `resource "aws_rds_cluster" "c" {
  master_password = "CANARY-module"
}
output "password" {
  value = aws_rds_cluster.c.master_password
}
`,
	})
	res, doc, notes := load(t, dir, Options{})
	const redacted = `"(sensitive value)"`
	for _, c := range []struct{ address, attr, want string }{
		{"aws_db_instance.d", "password", redacted},
		{"aws_newer_thing.n", "api_key", redacted},
		{"aws_newer_thing.n", "plain", `"CANARY-plain"`},
		{"module.m.aws_rds_cluster.c", "master_password", redacted},
		{"aws_launch_template.t", "name", redacted},
		{"aws_kms_key.k", "description", `"CANARY-plain"`},
	} {
		if got := jsonOf(t, res[c.address].Values, c.attr); got != c.want {
			t.Errorf("%s.%s = %s, want %s", c.address, c.attr, got, c.want)
		}
	}
	for i := range 3 {
		if got := get(t, res["aws_launch_template.t"], "block_device_mappings", i, "device_name"); got != "(sensitive value)" {
			t.Errorf("block_device_mappings[%d].device_name = %v, want it redacted", i, got)
		}
	}
	if got := get(t, res["aws_lb_listener.l"], "default_action", 0, "authenticate_oidc", 0, "client_id"); got != "app" {
		t.Errorf("a readable attribute beside a sensitive one is %v", got)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.ReplaceAll(string(out)+strings.Join(notes, "\n"), "CANARY-plain", "")
	if strings.Contains(all, "CANARY") {
		t.Errorf("a sensitive value reached the document or a note:\n%s\n%s", out, strings.Join(notes, "\n"))
	}
}
