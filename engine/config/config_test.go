package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

func write(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const complete = `# fiscguard settings for this repository
profile: strict
edition: 8th
lang: ja
fail_on: high
params:
  allowed_regions: [ap-northeast-1]
rules:
  disable: [FG-EC2-002]
policy_dirs: [policies/custom]
waivers: fiscguard-waivers.yaml
baseline: .fiscguard-baseline.json
`

func TestLoadComplete(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, ".fiscguard.yaml", complete)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profile != "strict" || c.Edition != "8th" || c.Lang != "ja" || c.FailOn != "high" {
		t.Errorf("settings %+v", c)
	}
	if !reflect.DeepEqual(c.Params["allowed_regions"], []any{"ap-northeast-1"}) {
		t.Errorf("params %v", c.Params)
	}
	if c.Waivers != filepath.Join(dir, "fiscguard-waivers.yaml") || c.PolicyDir[0] != filepath.Join(dir, "policies/custom") {
		t.Errorf("paths are not resolved against the file: %q %q", c.Waivers, c.PolicyDir)
	}
	if !reflect.DeepEqual(c.Rules.Disable, []string{"FG-EC2-002"}) {
		t.Errorf("rules %+v", c.Rules)
	}
}

func TestFindWalksUp(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, ".fiscguard.yaml", "profile: simple\n")
	deep := filepath.Join(dir, "infra", "prod")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Find(filepath.Join(deep, "plan.json"))
	if err != nil || got != p {
		t.Errorf("Find = %q, %v; want %q", got, err, p)
	}
	if got, _ := Find(t.TempDir()); got != "" {
		t.Errorf("found %q where there is none", got)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"profile: strict\ncolour: red\n", ":2:1: unknown key"},
		{"profile: lax\n", `:1:10: profile: unknown profile "lax"`},
		{"fail_on: urgent\n", `:1:10: fail_on: unknown severity "urgent"`},
		{"lang: fr\n", ":1:7: lang: unknown language"},
		{"edition: 7th\n", ":1:10: edition: unknown edition"},
		{"rules:\n  disable: FG-X\n", ":2:"},
		{"params: [1, 2]\n", ":1:"},
		{"profile: [\n", ":1:"},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), ".fiscguard.yaml", tt.src)
		_, err := Load(p)
		var ie *model.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), p+tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want one line containing %q", tt.src, err, p+tt.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}
