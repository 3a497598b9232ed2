package plan

import (
	"errors"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

// TestMalformedPlans: nulls where objects belong and values of the wrong
// type are one-line input errors at their position, naming the JSON path
// and what was expected, never a crash or a Go type name.
func TestMalformedPlans(t *testing.T) {
	tests := []struct {
		name, data string
		line, col  int
		msg        string
	}{
		{"null change", `{"format_version": "1.2", "resource_changes": [null]}`, 1, 48,
			"resource_changes[0] is null where an object belongs"},
		{"null change after others", "{\"format_version\": \"1.2\",\n \"resource_changes\": [\n  {\"address\": \"a.b\", \"mode\": \"managed\", \"type\": \"a\", \"name\": \"b\"},\n  null\n ]}", 4, 3,
			"resource_changes[1] is null where an object belongs"},
		{"null config resource", `{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {"resources": [null]}}}`, 1, 99,
			"configuration.root_module.resources[0] is null where an object belongs"},
		{"null module call", `{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {"module_calls": {"m": null}}}}`, 1, 107,
			"configuration.root_module.module_calls.m is null where an object belongs"},
		{"null provider config", `{"format_version": "1.2", "resource_changes": [], "configuration": {"provider_config": {"aws": null}}}`, 1, 96,
			"configuration.provider_config.aws is null where an object belongs"},
		{"null expression", `{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {"resources": [{"address": "a.b", "expressions": {"x": null}}]}}}`, 1, 139,
			"configuration.root_module.resources[0].expressions.x is null where an object belongs"},
		{"null variable", `{"format_version": "1.2", "resource_changes": [], "variables": {"region": null}}`, 1, 75,
			"variables.region is null where an object belongs"},
		{"null child module", `{"format_version": "0.1", "planned_values": {"root_module": {"child_modules": [null]}}}`, 1, 80,
			"planned_values.root_module.child_modules[0] is null where an object belongs"},
		{"number address", `{"format_version": "1.2", "resource_changes": [{"address": 5}]}`, 1, 60,
			"resource_changes[0].address is a number where a string belongs"},
		{"string actions", `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "change": {"actions": "create"}}]}`, 1, 89,
			"resource_changes[0].change.actions is a string where an array belongs"},
		{"number reference", `{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {"resources": [{"address": "a.b", "expressions": {"x": {"references": [1]}}}]}}}`, 1, 155,
			"configuration.root_module.resources[0].expressions.x.references[0] is a number where a string belongs"},
		{"object format version", `{"format_version": {}}`, 1, 20, "format_version is an object where a string belongs"},
		{"UTF-16", "\xff\xfe{\x00}\x00", 0, 0, "the file is UTF-16 encoded; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("in.json", []byte(tt.data))
			var ie *model.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an InputError", err)
			}
			if ie.Line != tt.line || ie.Column != tt.col || !strings.Contains(ie.Msg, tt.msg) {
				t.Errorf("got %q, want %d:%d: …%s", err, tt.line, tt.col, tt.msg)
			}
			for _, goName := range []string{"rawPlan", "planDoc", "tfjson", "Go ", "struct", "*"} {
				if strings.Contains(ie.Msg, goName) {
					t.Errorf("message names Go's types (%s): %q", goName, ie.Msg)
				}
			}
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	doc, err := Load("in.json", []byte("\ufeff{\"format_version\": \"1.2\", \"resource_changes\": []}"))
	if err != nil || doc.FormatVersion != "1.2" {
		t.Errorf("%v, %v", doc, err)
	}
}

// TestSensitiveRegionVariable: a root or module variable declared
// sensitive is written in clear in a plan's variables, but its value never
// becomes a region that findings name.
func TestSensitiveRegionVariable(t *testing.T) {
	const data = `{
  "format_version": "1.2",
  "variables": {"region": {"value": "CANARY-region-1"}},
  "resource_changes": [
    {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "after": {"bucket": "b"}}},
    {"address": "module.m.aws_s3_bucket.c", "module_address": "module.m", "mode": "managed", "type": "aws_s3_bucket", "name": "c", "change": {"actions": ["create"], "after": {"bucket": "c"}}}
  ],
  "configuration": {
    "provider_config": {
      "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
      "module.m:aws": {"name": "aws", "module_address": "module.m", "expressions": {"region": {"references": ["var.where"]}}}
    },
    "root_module": {
      "variables": {"region": {"sensitive": true}},
      "resources": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "provider_config_key": "aws"}],
      "module_calls": {"m": {"source": "./m", "expressions": {"where": {"constant_value": "CANARY-region-2"}},
        "module": {"variables": {"where": {"sensitive": true}},
          "resources": [{"address": "aws_s3_bucket.c", "mode": "managed", "type": "aws_s3_bucket", "name": "c", "provider_config_key": "m:aws"}]}}}
    }
  }
}`
	doc, err := Load("in.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Resources {
		if strings.Contains(r.Region, "CANARY") {
			t.Errorf("%s: region %q comes from a sensitive variable", r.Address, r.Region)
		}
	}
	for _, p := range doc.Providers {
		if strings.Contains(p.Region, "CANARY") {
			t.Errorf("provider %s: region %q comes from a sensitive variable", p.Key, p.Region)
		}
	}
}
