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
skip_check: [FG-EC2-002]
policy_dirs: [policies/custom]
output: [sarif=out/fiscguard.sarif, text, report.md]
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
// the repository, or that names a path outside it (to read or to write),
// is refused at the line naming it.
func TestNothingOutsideTheRoot(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	secret := write(t, base, "secret.yaml", "profile: strict\n")
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
	if _, err := Load(secret, root, true); err != nil {
		t.Errorf("a config file given outside the repository: %v", err)
	}
	for _, tc := range []struct{ src, want string }{
		{"waivers: ../secret.yaml\n", ":1:10: waivers: ../secret.yaml: it is outside the repository root"},
		{"baseline: /etc/passwd\n", ":1:11: baseline: /etc/passwd: it is outside the repository root"},
		{"policy_dirs: [ok, ../../etc]\n", ":1:19: policy_dirs: ../../etc: it is outside the repository root"},
		{"output: [text, sarif=/tmp/x.sarif]\n", ":1:16: output: sarif=/tmp/x.sarif: it is outside the repository root"},
	} {
		p := write(t, repo, "c.yaml", tc.src)
		if _, err := Load(p, root, false); err == nil || !strings.Contains(err.Error(), p+tc.want) {
			t.Errorf("%q: %v, want %q", tc.src, err, p+tc.want)
		}
	}
	p := write(t, repo, "c.yaml", "output: [text, sarif=out/x.sarif]\n")
	if _, err := Load(p, root, false); err != nil {
		t.Errorf("outputs inside the repository: %v", err)
	}
}

// TestCheckParams: parameters are checked against their declared type and
// range, at the line and column of the wrong value.
func TestCheckParams(t *testing.T) {
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
	for _, tc := range []struct{ src, want string }{
		{"params:\n  allowed_regions: [ap-northeast-1, ap-northeast-3]\n  min_log_retention_days: 731\n", ""},
		{"params:\n  allowed_regions: 5\n", ":2:20: params.allowed_regions: 5 is not a list (want list(string))"},
		{"params:\n  allowed_regions: [ap-northeast-1, 7]\n", ":2:37: params.allowed_regions[1]: 7 is not a string"},
		{"params:\n  min_log_retention_days: -5\n", ":2:27: params.min_log_retention_days: -5 is less than 0"},
		{"params:\n  min_log_retention_days: four hundred\n", `:2:27: params.min_log_retention_days: "four hundred" is not a whole number`},
		{"params:\n  public_route_table_tags: {tier: 1}\n", ":2:35: params.public_route_table_tags.tier: 1 is not a string"},
		{"params:\n  allowed_region: [x]\n", ":2:19: params.allowed_region: unknown parameter"},
	} {
		dir := t.TempDir()
		p := write(t, dir, ".fiscguard.yaml", tc.src)
		c, err := Load(p, inputfile.NewRoot(dir), false)
		if err != nil {
			t.Fatal(err)
		}
		err = c.CheckParams(specs)
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
		{"profile: strict\ncolour: red\n", `:2:1: unknown key "colour"`},
		{"Profile: strict\n", `:1:1: unknown key "Profile" (did you mean "profile"?)`},
		{"skip-check: [FG-X]\n", `:1:1: unknown key "skip-check" (did you mean "skip_check"?)`},
		{"policy_dir: [x]\n", `:1:1: unknown key "policy_dir" (did you mean "policy_dirs"?)`},
		{"rules:\n  disable: [FG-S3-001]\n", `:1:1: unknown key "rules": rules.enable and rules.disable were replaced by check and skip_check`},
		{"quiet: loud\n", ":1:8:"},
		{"check: FG-X\n", ":1:8: string was used where sequence is expected"},
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
