package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/config"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const (
	ebsPlan = "../../fixtures/plans/ebs-unencrypted-volume.json"
	hclDir  = "../../engine/hclconf/testdata/basic"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNew: the options in force come from the flag, else the environment,
// else the configuration file, else the default; each bad value is
// reported where it came from.
func TestNew(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".fiscguard.yaml": "profile: strict\nfail_on: high\nseverity: medium\ncheck: [FG-EBS-*]\nquiet: true\noutput: [sarif=out.sarif, text]\n",
		"main.tf":         "\n",
	})
	run, err := New(Input{Command: Scan, Paths: []string{dir}, Flags: config.Given{"fail-on": {"none"}},
		Env: []string{"FISCGUARD_SEVERITY=low", "FISCGUARD_SKIP_CHECK=FG-EBS-002"}, Terminal: true})
	if err != nil {
		t.Fatal(err)
	}
	o := run.Options
	if o.Profile != rule.Strict || o.FailOn != rule.None || o.Severity != rule.Low {
		t.Errorf("profile %s fail-on %s severity %s", o.Profile, o.FailOn, o.Severity)
	}
	if !reflect.DeepEqual(o.Check, []string{"FG-EBS-*"}) || !reflect.DeepEqual(o.SkipCheck, []string{"FG-EBS-002"}) {
		t.Errorf("check %q skip %q", o.Check, o.SkipCheck)
	}
	want := []report.Output{{Format: "sarif", Path: filepath.Join(dir, "out.sarif")}, {Format: "text"}}
	if !reflect.DeepEqual(run.Outputs, want) || !run.Report.Quiet || !run.color {
		t.Errorf("outputs %+v quiet %v colour %v", run.Outputs, run.Report.Quiet, run.color)
	}
	plain, err := New(Input{Command: Scan, Paths: []string{ebsPlan}, Env: []string{"NO_COLOR=1"}, Terminal: true})
	if err != nil || plain.color || plain.Options.FailOn != rule.Low || !reflect.DeepEqual(plain.Outputs, []report.Output{{Format: "text"}}) {
		t.Errorf("defaults: %+v %v", plain, err)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name  string
		flags config.Given
		env   []string
		want  string
	}{
		{"bad flag", config.Given{"fail-on": {"urgent"}}, nil, `--fail-on: unknown severity "urgent" (want critical, high, medium, low or none)`},
		{"none is no severity", config.Given{"severity": {"none"}}, nil, `--severity: unknown severity "none"`},
		{"bad environment", nil, []string{"FISCGUARD_PROFILE=lax"}, `FISCGUARD_PROFILE: unknown profile "lax"`},
		{"bad switch", nil, []string{"FISCGUARD_QUIET=maybe"}, `FISCGUARD_QUIET: "maybe" is not true or false`},
		{"check naming nothing", config.Given{"check": {"FG-S3-001", "FG-NOPE-*"}}, nil, `--check: "FG-NOPE-*" names no rule`},
		{"skip-check from the environment", nil, []string{"FISCGUARD_SKIP_CHECK=実999"}, `FISCGUARD_SKIP_CHECK: "実999" names no rule`},
		{"bad format", config.Given{"format": {"xml"}}, nil, `--format: unknown format "xml"`},
		{"two outputs to standard output", config.Given{"output": {"text", "json"}}, nil, "--output: only one output can go to standard output"},
		{"output without a file", config.Given{"output": {"sarif="}}, nil, `--output: "sarif=" names no file`},
		{"bad glob", config.Given{"skip-path": {"a[b"}}, nil, `--skip-path: "a[b" is not a glob`},
		{"missing config", nil, []string{"FISCGUARD_CONFIG=/no/such.yaml"}, "/no/such.yaml: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Settings that name the library's rules are checked once it
			// has loaded, before any target is checked.
			run, err := New(Input{Command: Scan, Paths: []string{ebsPlan}, Flags: tt.flags, Env: tt.env})
			if err == nil {
				_, err = run.Scan(context.Background())
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestLibraryErrorFirst: the library loads while the targets are read, and
// a library that cannot be loaded is the run's error whatever the targets
// hold, as when it was loaded first.
func TestLibraryErrorFirst(t *testing.T) {
	dir := t.TempDir()
	policies := filepath.Join(dir, "policies")
	if err := os.MkdirAll(policies, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(policies, "bad.rego"), []byte("package acme.bad\n\ndeny contains x if {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{ebsPlan, broken, filepath.Join(dir, "missing.json")} {
		run, err := New(Input{Command: Scan, Paths: []string{target}, Flags: config.Given{"policy-dir": {policies}}})
		if err == nil {
			_, err = run.Scan(context.Background())
		}
		if err == nil || !strings.Contains(err.Error(), "bad.rego:") {
			t.Errorf("%s: error %v, want the policy's", target, err)
		}
	}
}

// TestCheckSelectsRules: --check and --skip-check name rules by ID, FISC
// item or glob.
func TestCheckSelectsRules(t *testing.T) {
	rules := func(flags config.Given) []string {
		run, err := New(Input{Command: Scan, Paths: []string{ebsPlan}, Flags: flags})
		if err != nil {
			t.Fatal(err)
		}
		set, err := run.Scan(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range set.Reports[0].Rules {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if got := rules(config.Given{"check": {"FG-EBS-*"}, "skip-check": {"FG-EBS-002"}}); !reflect.DeepEqual(got, []string{"FG-EBS-001", "FG-EBS-003"}) {
		t.Errorf("FG-EBS-* less FG-EBS-002: %q", got)
	}
	all := rules(nil)
	byFISC := rules(config.Given{"skip-check": {"実3"}})
	if len(byFISC) == 0 || len(byFISC) >= len(all) || contains(byFISC, "FG-EBS-001") {
		t.Errorf("skipping 実3 left %d of %d rules: %q", len(byFISC), len(all), byFISC)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSeverityAndGate: --severity leaves findings out of the report, the
// gate judges what is shown, and --fail-on none never fails.
func TestSeverityAndGate(t *testing.T) {
	scan := func(flags config.Given) *report.Set {
		run, err := New(Input{Command: Scan, Paths: []string{hclDir}, Flags: flags})
		if err != nil {
			t.Fatal(err)
		}
		set, err := run.Scan(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return set
	}
	all := scan(nil)
	if all.ExitCode() != report.ExitFindings || all.Reports[0].Below != 0 {
		t.Fatalf("exit %d below %d", all.ExitCode(), all.Reports[0].Below)
	}
	high := scan(config.Given{"severity": {"high"}})
	r := high.Reports[0]
	for _, f := range r.Findings {
		if f.Rule.Severity < rule.High {
			t.Errorf("%s (%s) shown under --severity high", f.Rule.ID, f.Rule.Severity)
		}
	}
	if r.Below == 0 || len(r.Findings)+r.Below != len(all.Reports[0].Findings) {
		t.Errorf("%d shown + %d below != %d", len(r.Findings), r.Below, len(all.Reports[0].Findings))
	}
	if got := scan(config.Given{"fail-on": {"none"}}); got.ExitCode() != report.ExitClean || len(got.Findings()) == 0 {
		t.Errorf("--fail-on none: exit %d with %d findings", got.ExitCode(), len(got.Findings()))
	}
}

// TestWriteOutputs: several outputs in one run, each file in its format,
// one to standard output.
func TestWriteOutputs(t *testing.T) {
	dir := t.TempDir()
	sarif, md := filepath.Join(dir, "f.sarif"), filepath.Join(dir, "summary.md")
	_, stdout := runScan(t, []string{ebsPlan}, config.Given{"output": {"sarif=" + sarif, "markdown=" + md, "json"}})
	var doc map[string]any
	if err := json.Unmarshal(stdout, &doc); err != nil || doc["schema_version"] == nil {
		t.Errorf("standard output is not the JSON report: %v", err)
	}
	if data, _ := os.ReadFile(sarif); !bytes.Contains(data, []byte(`"version": "2.1.0"`)) {
		t.Error("no SARIF file")
	}
	if data, _ := os.ReadFile(md); !bytes.HasPrefix(data, []byte("<!-- fiscguard -->")) {
		t.Error("no Markdown file")
	}
}

const monorepo = "testdata/monorepo"

// runScan runs a scan and writes its outputs, returning standard output.
func runScan(t *testing.T, paths []string, flags config.Given) (*report.Set, []byte) {
	t.Helper()
	run, err := New(Input{Command: Scan, Paths: paths, Flags: flags})
	if err != nil {
		t.Fatal(err)
	}
	set, err := run.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run.Write(set, &out); err != nil {
		t.Fatal(err)
	}
	return set, out.Bytes()
}

// scanJSON runs a scan to JSON and decodes it.
func scanJSON(t *testing.T, paths []string, flags config.Given) (int, map[string]any, []byte) {
	t.Helper()
	flags["format"] = []string{"json"}
	set, out := runScan(t, paths, flags)
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	return set.ExitCode(), doc, out
}

// TestMonorepo: every root module below a path is scanned, concurrently,
// into one report whose targets, findings and summaries are per root
// module; the module both call is reported in each, apart.
func TestMonorepo(t *testing.T) {
	code, doc, out := scanJSON(t, []string{monorepo}, config.Given{"check": {"FG-EBS-001"}, "repo-root": {monorepo}})
	if code != report.ExitFindings {
		t.Errorf("exit %d", code)
	}
	var targets []string
	for _, tg := range doc["targets"].([]any) {
		tg := tg.(map[string]any)
		targets = append(targets, tg["target"].(map[string]any)["path"].(string))
		if n := tg["summary"].(map[string]any)["failed_threshold"]; n != 1.0 {
			t.Errorf("%v: %v failures", targets, n)
		}
	}
	if want := []string{monorepo + "/infra/dev", monorepo + "/infra/prod"}; !reflect.DeepEqual(targets, want) {
		t.Errorf("targets %q, want %q", targets, want)
	}
	findings := doc["findings"].([]any)
	if len(findings) != 2 {
		t.Fatalf("%d findings", len(findings))
	}
	a, b := findings[0].(map[string]any), findings[1].(map[string]any)
	if a["target"] != targets[0] || b["target"] != targets[1] || a["address"] != b["address"] || a["fingerprint"] == b["fingerprint"] {
		t.Errorf("findings of the shared module are not apart: %v / %v", a, b)
	}
	if loc := a["location"].(map[string]any)["file"]; loc != "modules/data/main.tf" {
		t.Errorf("location %v is not relative to the repository root", loc)
	}
	if doc["summary"].(map[string]any)["failed_threshold"] != 2.0 {
		t.Errorf("total %v", doc["summary"])
	}
	for range 3 {
		if _, _, again := scanJSON(t, []string{monorepo}, config.Given{"check": {"FG-EBS-001"}, "repo-root": {monorepo}}); !bytes.Equal(again, out) {
			t.Fatal("a concurrent run is not byte-identical")
		}
	}
	// One root module alone behaves as before: no targets, the same
	// findings with the same fingerprints.
	_, one, _ := scanJSON(t, []string{monorepo + "/infra/prod"}, config.Given{"check": {"FG-EBS-001"}, "repo-root": {monorepo}})
	if _, ok := one["targets"]; ok {
		t.Error("a single root module has targets")
	}
	f := one["findings"].([]any)[0].(map[string]any)
	if _, ok := f["target"]; ok || f["fingerprint"] != b["fingerprint"] {
		t.Errorf("single root finding %v differs from %v", f, b)
	}
	// A changed file of the shared module stands for both roots.
	_, changed, _ := scanJSON(t, []string{monorepo + "/modules/data/main.tf"}, config.Given{"check": {"FG-EBS-001"}, "repo-root": {monorepo}})
	if n := len(changed["targets"].([]any)); n != 2 {
		t.Errorf("changed shared module: %d targets", n)
	}
	_, skipped, _ := scanJSON(t, []string{monorepo}, config.Given{"check": {"FG-EBS-001"}, "repo-root": {monorepo}, "skip-path": {"infra/dev"}})
	if _, ok := skipped["targets"]; ok || skipped["target"].(map[string]any)["path"] != monorepo+"/infra/prod" {
		t.Errorf("--skip-path infra/dev left %v", skipped["target"])
	}
}

// TestMonorepoSARIF: one run, its results' URIs relative to the repository
// root, one per root module that instantiates the violating block.
func TestMonorepoSARIF(t *testing.T) {
	_, out := runScan(t, []string{monorepo}, config.Given{"check": {"FG-EBS-001"}, "repo-root": {monorepo}, "format": {"sarif"}})
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 2 {
		t.Fatalf("%v: %+v", err, log)
	}
	fps := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		if u := r.Locations[0].PhysicalLocation.ArtifactLocation; u.URI != "modules/data/main.tf" || u.URIBaseID != "%SRCROOT%" {
			t.Errorf("URI %+v", u)
		}
		fps[r.PartialFingerprints[report.FingerprintKey]] = true
	}
	if len(fps) != 2 {
		t.Error("the two root modules' results share a fingerprint")
	}
}

// TestSARIFCategory: the SARIF run's category names what was scanned
// relative to the repository root, the same from any working directory
// and however the path is written; --sarif-category replaces it.
func TestSARIFCategory(t *testing.T) {
	abs, err := filepath.Abs(monorepo)
	if err != nil {
		t.Fatal(err)
	}
	category := func(dir string, paths []string, flags config.Given) string {
		t.Helper()
		t.Chdir(dir)
		flags["repo-root"] = []string{abs}
		flags["format"] = []string{"sarif"}
		_, out := runScan(t, paths, flags)
		var log struct {
			Runs []struct {
				AutomationDetails struct{ ID string } `json:"automationDetails"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out, &log); err != nil {
			t.Fatal(err)
		}
		return log.Runs[0].AutomationDetails.ID
	}
	for _, tt := range []struct {
		dir   string
		paths []string
		want  string
	}{
		{abs, []string{"infra/prod"}, "fiscguard/infra/prod/"},
		{abs, []string{"./infra/prod/"}, "fiscguard/infra/prod/"},
		{abs, []string{filepath.Join(abs, "infra", "prod")}, "fiscguard/infra/prod/"},
		{filepath.Join(abs, "infra", "prod"), []string{"."}, "fiscguard/infra/prod/"},
		{filepath.Join(abs, "infra"), []string{"prod"}, "fiscguard/infra/prod/"},
		{abs, []string{"infra"}, "fiscguard/infra/"},
		{filepath.Join(abs, "infra"), []string{"."}, "fiscguard/infra/"},
		{filepath.Join(abs, "infra", "dev"), []string{"..", "../prod"}, "fiscguard/infra/"},
		{abs, []string{"."}, "fiscguard/"},
	} {
		if got := category(tt.dir, tt.paths, config.Given{}); got != tt.want {
			t.Errorf("in %s, scan %v: category %q, want %q", tt.dir, tt.paths, got, tt.want)
		}
	}
	if got := category(abs, []string{"infra/prod"}, config.Given{"sarif-category": {"prod-infra"}}); got != "prod-infra/" {
		t.Errorf("--sarif-category prod-infra: %q", got)
	}
}

// TestWriteHoldsMemory: reports are written with the collector settings a
// scan has (a small heap collected only at the floor), and the settings
// from before are back once they are written.
func TestWriteHoldsMemory(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the collector's settings are the user's")
	}
	run, err := New(Input{Command: Scan, Paths: []string{ebsPlan}})
	if err != nil {
		t.Fatal(err)
	}
	set, err := run.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	before, percent := debug.SetMemoryLimit(-1), gcPercent()
	var w settingsWriter
	if err := run.Write(set, &w); err != nil {
		t.Fatal(err)
	}
	if w.percent != -1 || w.limit >= before {
		t.Errorf("while writing: GOGC %d, soft limit %d; want collection at the floor", w.percent, w.limit)
	}
	if got, gotPercent := debug.SetMemoryLimit(-1), gcPercent(); got != before || gotPercent != percent {
		t.Errorf("after writing: soft limit %d, GOGC %d; want %d, %d as before", got, gotPercent, before, percent)
	}
}

// settingsWriter records the collector's settings when written to.
type settingsWriter struct {
	limit   int64
	percent int
}

func (w *settingsWriter) Write(p []byte) (int, error) {
	w.limit, w.percent = debug.SetMemoryLimit(-1), gcPercent()
	return len(p), nil
}

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
