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
skip_check: [FG-EC2-002]
policy_dirs: [policies/custom]
output: [sarif=out/fiscguard.sarif, text, report.md]
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
	if c.Profile != "strict" || c.Edition != "8th" || c.Lang != "ja" || c.FailOn != "high" || c.SkipCheck[0] != "FG-EC2-002" {
		t.Errorf("settings %+v", c)
	}
	if !reflect.DeepEqual(c.Params["allowed_regions"], []any{"ap-northeast-1"}) {
		t.Errorf("params %v", c.Params)
	}
	if c.Waivers != filepath.Join(dir, "fiscguard-waivers.yaml") || c.PolicyDirs[0] != filepath.Join(dir, "policies/custom") {
		t.Errorf("paths are not resolved against the file: %q %q", c.Waivers, c.PolicyDirs)
	}
	want := []string{"sarif=" + filepath.Join(dir, "out/fiscguard.sarif"), "text", filepath.Join(dir, "report.md")}
	if !reflect.DeepEqual(c.Output, want) {
		t.Errorf("outputs %q, want %q", c.Output, want)
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
		{"profile: strict\ncolour: red\n", `:2:1: unknown key "colour"`},
		{"Profile: strict\n", `:1:1: unknown key "Profile" (did you mean "profile"?)`},
		{"skip-check: [FG-X]\n", `:1:1: unknown key "skip-check" (did you mean "skip_check"?)`},
		{"policy_dir: [x]\n", `:1:1: unknown key "policy_dir" (did you mean "policy_dirs"?)`},
		{"rules:\n  disable: [FG-S3-001]\n", `:1:1: unknown key "rules": rules.enable and rules.disable were replaced by check and skip_check`},
		{"quiet: loud\n", ":1:8:"},
		{"check: FG-X\n", ":1:8:"},
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

// TestSettingsMatchTheFile: every setting with a key is a field of Config
// of its kind, and every field is a setting's key or params.
func TestSettingsMatchTheFile(t *testing.T) {
	fields := map[string]reflect.Type{}
	ct := reflect.TypeOf(Config{})
	for i := range ct.NumField() {
		if key := ct.Field(i).Tag.Get("yaml"); key != "" && key != "-" {
			fields[key] = ct.Field(i).Type
		}
	}
	kinds := map[Kind]reflect.Type{String: reflect.TypeOf(""), Bool: reflect.TypeOf(false), List: reflect.TypeOf([]string{})}
	for _, s := range Settings {
		if s.Key == "" {
			continue
		}
		if got, ok := fields[s.Key]; !ok || got != kinds[s.Kind] {
			t.Errorf("setting %s: Config has %s as %v, want %v", s.Name, s.Key, got, kinds[s.Kind])
		}
		delete(fields, s.Key)
	}
	delete(fields, "params")
	if len(fields) > 0 {
		t.Errorf("fields that no setting names: %v", fields)
	}
}

func TestResolvePrecedence(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".fiscguard.yaml", "fail_on: high\nprofile: strict\nlang: ja\ncheck: [FG-S3-*]\nquiet: true\nwaivers: w.yaml\n")
	settings := In(Input, Findings, Output)
	env := []string{"FISCGUARD_PROFILE=simple", "FISCGUARD_CHECK=FG-EBS-001, FG-RDS-*", "FISCGUARD_EDITION=8th", "OTHER=x"}
	r, err := Resolve(settings, Given{"profile": {"strict"}, "lang": {"en"}}, env, dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"profile", "strict"},                     // flag over environment over file
		{"lang", "en"},                            // flag over file
		{"edition", "8th"},                        // environment over default
		{"fail-on", "high"},                       // file over default
		{"severity", "low"},                       // default
		{"waivers", filepath.Join(dir, "w.yaml")}, // the file's paths are relative to it
		{"check", "FG-RDS-*"},                     // the last of the list
		{"format", "text"},
	}
	for _, tt := range tests {
		if got := r.String(tt.name); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := r.List("check"); !reflect.DeepEqual(got, []string{"FG-EBS-001", "FG-RDS-*"}) {
		t.Errorf("check = %q", got)
	}
	if q, err := r.Bool("quiet"); !q || err != nil {
		t.Errorf("quiet = %v, %v", q, err)
	}
	if r.File == nil || r.File.Path != filepath.Join(dir, ".fiscguard.yaml") {
		t.Errorf("file %+v", r.File)
	}
	// Each source names itself in errors.
	for _, tt := range []struct{ name, want string }{
		{"profile", "--profile: bad"},
		{"edition", "FISCGUARD_EDITION: bad"},
		{"fail-on", ".fiscguard.yaml:1:10: fail_on: bad"},
	} {
		if err := r.Errorf(tt.name, -1, "bad"); !strings.HasSuffix(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	if err := r.Errorf("check", 1, "bad"); err.Error() != "FISCGUARD_CHECK: bad" {
		t.Errorf("check: %v", err)
	}
	bad, _ := Resolve(settings, nil, []string{"FISCGUARD_QUIET=loud"}, t.TempDir())
	if _, err := bad.Bool("quiet"); err == nil || err.Error() != `FISCGUARD_QUIET: "loud" is not true or false` {
		t.Errorf("bad switch: %v", err)
	}
	// --config, from the environment too, replaces the search.
	other := write(t, t.TempDir(), "team.yaml", "profile: strict\n")
	r, err = Resolve(settings, nil, []string{"FISCGUARD_CONFIG=" + other}, dir)
	if err != nil || r.File.Path != other || r.String("fail-on") != "low" {
		t.Errorf("FISCGUARD_CONFIG: %v %v", r, err)
	}
	if _, err := Resolve(settings, Given{"config": {filepath.Join(dir, "none.yaml")}}, nil, dir); err == nil || !strings.Contains(err.Error(), "none.yaml: no such file") {
		t.Errorf("missing --config: %v", err)
	}
}

func TestEnv(t *testing.T) {
	for name, want := range map[string]string{"fail-on": "FISCGUARD_FAIL_ON", "skip-check": "FISCGUARD_SKIP_CHECK", "var": ""} {
		s, _ := Lookup(name)
		if got := s.Env(); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
