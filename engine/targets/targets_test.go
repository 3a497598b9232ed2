package targets

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const repo = "testdata/monorepo"

func TestFind(t *testing.T) {
	in := func(ps ...string) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = filepath.Join(repo, p)
		}
		return out
	}
	tests := []struct {
		name  string
		paths []string
		skip  []string
		want  []string
	}{
		{"every root module below the repository", []string{repo}, nil, in("examples/basic", "infra/dev", "infra/prod")},
		{"--skip-path below the path given", []string{repo}, []string{"examples"}, in("infra/dev", "infra/prod")},
		{"--skip-path with **", []string{repo}, []string{"**/dev"}, in("examples/basic", "infra/prod")},
		{"--skip-path as the run names it", []string{repo}, []string{repo + "/infra/*"}, in("examples/basic")},
		{"a single root module is itself", in("infra/prod"), nil, in("infra/prod")},
		{"a module scanned alone is a root", in("modules/vpc"), nil, in("modules/vpc")},
		{"several paths, each once", []string{repo, filepath.Join(repo, "infra")}, nil, in("examples/basic", "infra/dev", "infra/prod")},
		{"a changed root module file", in("infra/prod/main.tf"), nil, in("infra/prod")},
		{"a changed tfvars below a root", in("infra/prod/env/prod.tfvars"), nil, in("infra/prod")},
		{"a changed shared module: every root calling it", in("modules/vpc/subnets/main.tf"), nil, in("examples/basic", "infra/dev", "infra/prod")},
		{"a changed shared module, examples skipped", in("modules/vpc/main.tf"), []string{"examples"}, in("infra/dev", "infra/prod")},
		{"a plan file", []string{"plan.json"}, nil, []string{"plan.json"}},
		{"standard input", []string{"-"}, nil, []string{"-"}},
		// A call in a cycle makes no module a child, so each is scanned, and
		// its scan says where the configuration calls itself.
		{"a module calling itself", []string{"testdata/cycles/self"}, nil, []string{"testdata/cycles/self"}},
		{"modules calling each other", []string{"testdata/cycles"}, nil, []string{"testdata/cycles/a", "testdata/cycles/b", "testdata/cycles/self"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Find(tt.paths, Options{Skip: tt.skip, Root: repo})
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q) = %q, %v; want %q", tt.paths, got, err, tt.want)
			}
		})
	}
}

// TestFindSkipsTerraformAndHidden: installed modules (.terraform) and
// hidden directories are not root modules.
func TestFindSkipsTerraformAndHidden(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"live", "live/.terraform/modules/vpc", ".github/fixtures", "live/.terragrunt-cache/x"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
		os.WriteFile(filepath.Join(dir, d, "main.tf"), []byte("\n"), 0o644)
	}
	got, err := Find([]string{dir}, Options{Root: dir})
	if err != nil || !reflect.DeepEqual(got, []string{filepath.Join(dir, "live")}) {
		t.Errorf("Find = %q, %v", got, err)
	}
}

func TestFindErrors(t *testing.T) {
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{filepath.Join(repo, "docs")}, "docs: no Terraform configuration files (*.tf, *.tf.json) in this directory or below it"},
		{[]string{"-", repo}, "-: standard input is scanned alone"},
	}
	for _, tt := range tests {
		if _, err := Find(tt.paths, Options{Root: repo}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Find(%q): %v, want %q", tt.paths, err, tt.want)
		}
	}
	dir := t.TempDir()
	stray := filepath.Join(dir, "notes", "x.tfvars")
	os.MkdirAll(filepath.Dir(stray), 0o755)
	os.WriteFile(stray, nil, 0o644)
	if _, err := Find([]string{stray}, Options{Root: dir}); err == nil || !strings.Contains(err.Error(), "no Terraform configuration holds this file") {
		t.Errorf("a stray tfvars: %v", err)
	}
}
