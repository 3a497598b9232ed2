package scan

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// fakeTerraform puts a terraform on PATH that runs script (sh), and
// the system's tools, not a terraform installed elsewhere.
func fakeTerraform(t *testing.T, script string) {
	t.Helper()
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "terraform"), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+":/usr/bin:/bin")
}

// savedPlan writes a file that starts as terraform plan -out's zip does.
func savedPlan(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "plan.out")
	if err := os.WriteFile(p, []byte("PK\x03\x04not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSavedPlan(t *testing.T) {
	lib := loadLibrary(t)
	opts := Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
	planJSON, err := filepath.Abs("../../fixtures/plans/ebs-unencrypted-volume.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.tf"), []byte("\n"), 0o644)
	plan := savedPlan(t, dir)
	calls := filepath.Join(t.TempDir(), "calls")
	// terraform show -json runs in the plan's configuration directory.
	fakeTerraform(t, `echo "$PWD $*" >> `+calls+`; cat `+planJSON+"\n")
	rep, err := lib.Run(context.Background(), Target{Path: plan}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Target.Kind != "plan" || len(rep.Findings) == 0 {
		t.Errorf("kind %q, %d findings", rep.Target.Kind, len(rep.Findings))
	}
	got, _ := os.ReadFile(calls)
	if want := dir + " show -json -no-color " + plan + "\n"; string(got) != want {
		t.Errorf("terraform ran as %q, want %q", got, want)
	}

	tests := []struct {
		name, script, want string
	}{
		{"terraform fails", "echo 'Error: Failed to read the given file as a state or plan file' >&2; exit 1\n",
			"plan.out: terraform show -json: Error: Failed to read the given file as a state or plan file"},
		{"terraform writes no plan", "echo '{\"values\": {}}'\n", "plan.out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fakeTerraform(t, tt.script)
			_, err := lib.Run(context.Background(), Target{Path: plan}, opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line containing %q", err, tt.want)
			}
		})
	}
	t.Run("no terraform on PATH", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := lib.Run(context.Background(), Target{Path: plan}, opts)
		if err == nil || !strings.Contains(err.Error(), "plan.out: a saved Terraform plan (terraform plan -out): reading it needs terraform on PATH") {
			t.Errorf("error %v", err)
		}
	})
}

// TestSavedPlanWithTerraform: a real saved plan of a terraform_data
// resource (no provider to download), when Terraform is installed.
func TestSavedPlanWithTerraform(t *testing.T) {
	tf, err := exec.LookPath("terraform")
	if err != nil || testing.Short() {
		t.Skip("terraform is not installed (or -short)")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.tf"), []byte("resource \"terraform_data\" \"x\" {\n  input = \"a\"\n}\n"), 0o644)
	for _, args := range [][]string{{"init", "-input=false", "-no-color"}, {"plan", "-input=false", "-no-color", "-out=plan.out"}} {
		cmd := exec.Command(tf, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("terraform %s: %v\n%s", args[0], err, out)
		}
	}
	rep, err := loadLibrary(t).Run(context.Background(), Target{Path: filepath.Join(dir, "plan.out")},
		Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Target.Kind != "plan" || rep.Target.TerraformVersion == "" || len(rep.Resources) != 1 || rep.Resources[0].Address != "terraform_data.x" {
		t.Errorf("target %+v resources %+v", rep.Target, rep.Resources)
	}
}

// TestSavedPlanWithCommittedProviders: terraform show loads the provider
// plugins of the configuration's .terraform; when the repository itself
// holds them (a change could have committed any binary there), fiscguard
// does not run terraform at all.
func TestSavedPlanWithCommittedProviders(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	lib := loadLibrary(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.tf"), []byte("\n"), 0o644)
	prov := filepath.Join(dir, ".terraform", "providers", "evil")
	if err := os.MkdirAll(filepath.Dir(prov), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(prov, []byte("#!/bin/sh\n"), 0o755)
	for _, args := range [][]string{{"init", "-q"}, {"add", "-f", ".terraform"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	plan := savedPlan(t, dir)
	ran := filepath.Join(t.TempDir(), "ran")
	fakeTerraform(t, "touch "+ran+"\n")
	_, err := lib.Run(context.Background(), Target{Path: plan}, Options{Profile: rule.Simple, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En})
	if err == nil || !strings.Contains(err.Error(), "which the repository itself holds") {
		t.Errorf("error %v, want the committed plugins refused", err)
	}
	if _, err := os.Stat(ran); err == nil {
		t.Error("terraform ran")
	}
}
