package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/report"
)

// cli runs fiscguard in-process and returns its exit code and outputs.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

const (
	refsPlan = "../../engine/plan/testdata/refs.json"
	hclDir   = "../../engine/hclconf/testdata/basic"
)

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"findings", []string{"scan", refsPlan}, 1, ""},
		{"below threshold", []string{"scan", refsPlan, "--fail-on", "critical"}, 0, ""},
		{"missing file", []string{"scan", "no-such-plan.json"}, 2, "fiscguard: no-such-plan.json: no such file or directory"},
		{"directory without Terraform files", []string{"scan", "../../docs"}, 2, "fiscguard: ../../docs: no Terraform configuration files (*.tf, *.tf.json) in this directory or below it"},
		{"HCL syntax error", []string{"scan", "testdata/broken"}, 2, "fiscguard: cmd/fiscguard/testdata/broken/main.tf:3:"},
		{"HCL with findings", []string{"scan", hclDir}, 1, ""},
		{"undeclared --var", []string{"scan", hclDir, "--var", "nope=1"}, 2, `variable "nope" is not declared`},
		{"missing --var-file", []string{"scan", hclDir, "--var-file", "no.tfvars"}, 2, "no.tfvars: no such file or directory"},
		{"no argument", []string{"scan"}, 2, "scan takes at least 1 argument(s), got 0"},
		{"unknown flag", []string{"scan", refsPlan, "--nope"}, 2, "unknown flag: --nope"},
		{"bad format", []string{"scan", refsPlan, "--format", "xml"}, 2, `unknown format "xml"`},
		{"bad profile", []string{"scan", refsPlan, "--profile", "lax"}, 2, `--profile: unknown profile "lax"`},
		{"bad severity", []string{"scan", refsPlan, "--fail-on", "urgent"}, 2, `--fail-on: unknown severity "urgent"`},
		{"bad lang", []string{"scan", refsPlan, "--lang", "fr"}, 2, `--lang: unknown language "fr"`},
		{"bad edition", []string{"scan", refsPlan, "--edition", "7th"}, 2, `--edition: unknown edition "7th"`},
		{"unwritable output", []string{"scan", refsPlan, "--output", "/no/such/dir/out.sarif"}, 2, "/no/such/dir/out.sarif: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cli(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.err)
			}
			if code == 2 && strings.Count(stderr, "\n") != 1 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}

// TestNegativeCorpus: every deliberately broken plan exits 2 with one line
// naming the file.
func TestNegativeCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/plans/_negative/*.json")
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	for _, f := range files {
		code, _, stderr := cli(t, "", "scan", f)
		if code != 2 || !strings.HasPrefix(stderr, "fiscguard: "+f+":") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q", f, code, stderr)
		}
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(refsPlan)
	if err != nil {
		t.Fatal(err)
	}
	code, fromStdin, _ := cli(t, string(data), "scan", "-", "--format", "json")
	_, fromFile, _ := cli(t, "", "scan", refsPlan, "--format", "json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	// Only the file name differs; outputs name a file relative to the repository root.
	if strings.ReplaceAll(fromFile, "engine/plan/testdata/refs.json", "stdin") != fromStdin {
		t.Error("scanning stdin differs from scanning the file")
	}
	code, _, stderr := cli(t, "not json", "scan", "-")
	if code != 2 || !strings.HasPrefix(stderr, "fiscguard: stdin:1:1:") {
		t.Errorf("bad stdin: exit %d, stderr %q", code, stderr)
	}
}

// scanTargets are every plan and configuration the project ships:
// fixtures and test data.
func scanTargets(t *testing.T) []string {
	files, _ := filepath.Glob("../../fixtures/plans/*.json")
	dirs, _ := filepath.Glob("../../fixtures/hcl/*/main.tf")
	for _, d := range dirs {
		files = append(files, filepath.Dir(d))
	}
	return append(files, refsPlan, hclDir)
}

// TestDeterministic: the same input gives byte-identical output in every
// format and language.
func TestDeterministic(t *testing.T) {
	for _, f := range scanTargets(t) {
		for _, format := range []string{"text", "json", "sarif"} {
			for _, lang := range []string{"en", "ja"} {
				args := []string{"scan", f, "--format", format, "--lang", lang, "--profile", "strict"}
				_, a, _ := cli(t, "", args...)
				_, b, _ := cli(t, "", args...)
				if a != b || a == "" {
					t.Errorf("%s %s %s: outputs differ or are empty", f, format, lang)
				}
			}
		}
	}
}

// TestSecretsNeverAppear: canary secrets in the fixtures (sensitive
// variables and outputs, secret-named arguments, sensitive values given to
// functions that fail on them, a region from a sensitive variable) never
// reach an output: any format of scans and evidence reports, either
// language, standard error, or the baseline file.
func TestSecretsNeverAppear(t *testing.T) {
	canaries := 0
	for _, f := range scanTargets(t) {
		if !containsCanary(t, f) {
			continue
		}
		canaries++
		for _, lang := range []string{"en", "ja"} {
			for _, format := range report.Formats {
				_, out, stderr := cli(t, "", "scan", f, "--format", format, "--lang", lang, "--profile", "strict")
				if out == "" || strings.Contains(out+stderr, "CANARY") {
					t.Errorf("%s (%s, %s): a sensitive canary value reached the output", f, format, lang)
				}
			}
			for _, format := range []string{"html", "xlsx", "json", "markdown"} {
				_, out, stderr := cli(t, "", "evidence", f, "--format", format, "--lang", lang, "--profile", "strict")
				if out == "" || strings.Contains(unzipped(t, out)+stderr, "CANARY") {
					t.Errorf("%s (evidence %s, %s): a sensitive canary value reached the output", f, format, lang)
				}
			}
		}
		if _, out, stderr := cli(t, "", "baseline", f, "--profile", "strict"); out == "" || strings.Contains(out+stderr, "CANARY") {
			t.Errorf("%s: a sensitive canary value reached the baseline", f)
		}
	}
	if canaries < 4 {
		t.Errorf("only %d fixtures hold canaries", canaries)
	}
}

// unzipped returns the text of every file in a zip archive (an XLSX
// workbook), or data itself when it is not one.
func unzipped(t *testing.T, data string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(data), int64(len(data)))
	if err != nil {
		return data
	}
	var sb strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&sb, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	return sb.String()
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.sarif")
	code, stdout, _ := cli(t, "", "scan", refsPlan, "--format", "sarif", "--output", out)
	data, err := os.ReadFile(out)
	if code != 1 || stdout != "" || err != nil || !bytes.Contains(data, []byte(`"version": "2.1.0"`)) {
		t.Errorf("exit %d, stdout %q, file error %v", code, stdout, err)
	}
}

func TestPoliciesAndTestCommands(t *testing.T) {
	code, out, _ := cli(t, "", "policies")
	if code != 0 || !strings.Contains(out, "FG-EBS-001") || !strings.Contains(out, "実3") {
		t.Errorf("policies: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "", "policies", "--format", "json", "--fisc", "運110")
	if code != 0 || !strings.Contains(out, `"id": "FG-EBS-001"`) {
		t.Errorf("policies --format json: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "", "test")
	if code != 0 || !strings.Contains(out, " passed, 0 failed") {
		t.Errorf("test: exit %d\n%s", code, out)
	}
}

// TestTestCommandFailsOnAFailingUserTest runs a user policy directory whose
// test fails, against the built-in helper library.
func TestTestCommandFailsOnAFailingUserTest(t *testing.T) {
	dir := t.TempDir()
	src := "package user.check_test\n\nimport data.fiscguard.lib.testing\n\ntest_wrong if {\n\ttesting.doc([]).kind == \"hcl\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "check_test.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := cli(t, "", "test", dir)
	if code != 1 || !strings.Contains(out, "FAIL") || !strings.Contains(out, "0 passed, 1 failed") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestErroredAndIncompletePlans are scanned, and every format says so.
func TestErroredAndIncompletePlans(t *testing.T) {
	data, err := os.ReadFile(refsPlan)
	if err != nil {
		t.Fatal(err)
	}
	plan := strings.Replace(string(data), `"format_version": "1.2",`, `"format_version": "1.2", "errored": true, "complete": false,`, 1)
	for _, format := range []string{"text", "json", "sarif"} {
		code, out, _ := cli(t, plan, "scan", "-", "--format", format)
		if code != 1 || !strings.Contains(out, "the plan is errored") || !strings.Contains(out, "the plan is incomplete") {
			t.Errorf("%s: exit %d, output lacks the errored/incomplete notes", format, code)
		}
	}
	_, out, _ := cli(t, plan, "scan", "-", "--format", "json")
	if !strings.Contains(out, `"complete": false`) || !strings.Contains(out, `"errored": true`) {
		t.Error("json target does not record complete/errored")
	}
}

// containsCanary reports whether a plan file, or any file of a configuration
// directory, holds a canary secret.
func containsCanary(t *testing.T, path string) bool {
	found := false
	err := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if bytes.Contains(data, []byte("CANARY")) {
			found = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
