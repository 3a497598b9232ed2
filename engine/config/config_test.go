package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
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
	c, err := Load(p, inputfile.NewRoot(dir), false)
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

func TestFindWalksUpToTheRepositoryRoot(t *testing.T) {
	above := t.TempDir()
	write(t, above, ".fiscguard.yaml", "profile: strict\n") // outside the repository: never read
	dir := filepath.Join(above, "repo")
	p := write(t, dir, ".fiscguard.yaml", "profile: simple\n")
	deep := filepath.Join(dir, "infra", "prod")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	root := inputfile.NewRoot(dir)
	got, err := Find(filepath.Join(deep, "plan.json"), root)
	if err != nil || got != p {
		t.Errorf("Find = %q, %v; want %q", got, err, p)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep, root); got != "" {
		t.Errorf("found %q, outside the repository root", got)
	}
}

// TestNothingOutsideTheRoot: a configuration file that is a symlink out of
// the repository, or that names waivers, a baseline or policies outside
// it, is refused at the line naming them.
func TestNothingOutsideTheRoot(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	secret := write(t, base, "secret.yaml", "waivers: []\n")
	root := inputfile.NewRoot(repo)
	link := filepath.Join(repo, ".fiscguard.yaml")
	if err := os.MkdirAll(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(link, root, false); err == nil || !strings.Contains(err.Error(), "resolves through a symlink to a path outside the repository root") {
		t.Errorf("config symlink: %v", err)
	}
	if _, err := Load(link, root, true); err == nil || !strings.Contains(err.Error(), "resolves through a symlink") {
		t.Errorf("config symlink given on the command line: %v", err)
	}
	if _, err := Load(write(t, base, "given.yaml", "profile: strict\n"), root, true); err != nil {
		t.Errorf("a config file given outside the repository: %v", err)
	}
	for _, tc := range []struct{ src, want string }{
		{"waivers: ../secret.yaml\n", ":1:10: waivers: ../secret.yaml: it is outside the repository root"},
		{"baseline: /etc/passwd\n", ":1:11: baseline: /etc/passwd: it is outside the repository root"},
		{"policy_dirs: [ok, ../../etc]\n", ":1:19: policy_dirs: ../../etc: it is outside the repository root"},
	} {
		p := write(t, repo, "c.yaml", tc.src)
		if _, err := Load(p, root, false); err == nil || !strings.Contains(err.Error(), p+tc.want) {
			t.Errorf("%q: %v, want %q", tc.src, err, p+tc.want)
		}
	}
}

// TestValidate: parameters are checked against their declared type and
// range, rules against those that exist, and a rule both enabled and
// disabled is an error; each at its line and column.
func TestValidate(t *testing.T) {
	specs, err := rule.ParseParamSpecs("params.yaml", []byte(`allowed_regions:
  description: {en: r}
  type: list(string)
  default: [ap-northeast-1]
min_log_retention_days:
  description: {en: d}
  type: integer
  min: 0
  default: 365
public_route_table_tags:
  description: {en: t}
  type: map(string)
  default: {tier: public}
`))
	if err != nil {
		t.Fatal(err)
	}
	exists := func(id string) bool { return id == "FG-S3-001" || id == "FG-EC2-002" }
	for _, tc := range []struct{ src, want string }{
		{"params:\n  allowed_regions: [ap-northeast-1, ap-northeast-3]\n  min_log_retention_days: 731\n", ""},
		{"params:\n  allowed_regions: 5\n", ":2:20: params.allowed_regions: 5 is not a list (want list(string))"},
		{"params:\n  allowed_regions: [ap-northeast-1, 7]\n", ":2:37: params.allowed_regions[1]: 7 is not a string"},
		{"params:\n  min_log_retention_days: -5\n", ":2:27: params.min_log_retention_days: -5 is less than 0"},
		{"params:\n  min_log_retention_days: four hundred\n", `:2:27: params.min_log_retention_days: "four hundred" is not a whole number`},
		{"params:\n  public_route_table_tags: {tier: 1}\n", ":2:35: params.public_route_table_tags.tier: 1 is not a string"},
		{"params:\n  allowed_region: [x]\n", ":2:19: params.allowed_region: unknown parameter"},
		{"rules:\n  enable: [FG-S3-001]\n  disable: [FG-EC2-002, FG-S3-001]\n", ":3:25: rules.disable: FG-S3-001 is also in rules.enable[0]; a rule cannot be both"},
		{"rules:\n  disable: [FG-NOPE-001]\n", `:2:13: rules.disable: unknown rule "FG-NOPE-001"`},
	} {
		dir := t.TempDir()
		p := write(t, dir, ".fiscguard.yaml", tc.src)
		c, err := Load(p, inputfile.NewRoot(dir), false)
		if err != nil {
			t.Fatal(err)
		}
		err = c.Validate(specs, exists)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), p+tc.want)):
			t.Errorf("%q: %v, want %q", tc.src, err, p+tc.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"profile: strict\ncolour: red\n", ":2:1: unknown key"},
		{"profile: lax\n", `:1:10: profile: unknown profile "lax"`},
		{"fail_on: urgent\n", `:1:10: fail_on: unknown severity "urgent"`},
		{"lang: fr\n", ":1:7: lang: unknown language"},
		{"edition: 7th\n", ":1:10: edition: unknown edition"},
		{"rules:\n  disable: FG-X\n", ":2:12: string was used where sequence is expected"},
		{"waivers: [a, b]\n", ":1:10: a list where a string belongs"},
		{"params: [1, 2]\n", ":1:"},
		{"profile: [\n", ":1:"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		p := write(t, dir, ".fiscguard.yaml", tt.src)
		_, err := Load(p, inputfile.NewRoot(dir), false)
		var ie *model.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), p+tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want one line containing %q", tt.src, err, p+tt.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), inputfile.NewRoot("."), true); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}
