package hclconf

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/plan"
)

const corpus = "../../../shared/corpus"

func needCorpus(t testing.TB) {
	if _, err := os.Stat(filepath.Join(corpus, "hcl")); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
}

// configDirs lists every directory under root holding Terraform files,
// skipping .terraform directories.
func configDirs(t testing.TB, root string) []string {
	var dirs []string
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".terraform" {
			return filepath.SkipDir
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) && !seen[filepath.Dir(p)] {
			seen[filepath.Dir(p)] = true
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(dirs)
	return dirs
}

// projectRoot is the corpus project holding dir: each project is one
// repository, whose root file functions and module sources may reach.
func projectRoot(dir string) string {
	rel, err := filepath.Rel(filepath.Join(corpus, "hcl"), dir)
	if err != nil {
		return dir
	}
	return filepath.Join(corpus, "hcl", strings.Split(filepath.ToSlash(rel), "/")[0])
}

// TestCorpus evaluates every configuration directory of the real projects
// in the corpus: each evaluates, or fails with a one-line error at
// file:line:column (some files have deliberate syntax errors). Never a panic.
func TestCorpus(t *testing.T) {
	needCorpus(t)
	dirs := configDirs(t, filepath.Join(corpus, "hcl"))
	evaluated, failed, resources, unevaluated := 0, 0, 0, 0
	for _, dir := range dirs {
		doc, notes, err := Load(dir, Options{Root: projectRoot(dir)})
		if err != nil {
			var ie *model.InputError
			if !errors.As(err, &ie) || ie.Line == 0 || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: %v (want a one-line error at file:line)", dir, err)
			}
			t.Logf("%v", err)
			failed++
			continue
		}
		evaluated++
		resources += len(doc.Resources)
		for _, n := range notes {
			if strings.Contains(n.En, "could not be evaluated") {
				unevaluated++
				t.Logf("%s: %s", dir, n)
			}
		}
	}
	t.Logf("%d directories: %d evaluated (%d resources), %d with input errors; %d expressions could not be evaluated", len(dirs), evaluated, resources, failed, unevaluated)
	// Floors and ceilings: what the evaluator achieves on real code today.
	// Raise the floor and lower the ceiling as it improves; never the reverse.
	if evaluated < corpusEvaluatedFloor {
		t.Errorf("%d directories evaluated, below the floor of %d", evaluated, corpusEvaluatedFloor)
	}
	if unevaluated > corpusUnevaluatedCeiling {
		t.Errorf("%d expressions could not be evaluated, above the ceiling of %d", unevaluated, corpusUnevaluatedCeiling)
	}
}

// The corpus figures TestCorpus holds the evaluator to (805 directories;
// the rest have the syntax errors and duplicates Terraform itself rejects).
const (
	corpusEvaluatedFloor     = 772
	corpusUnevaluatedCeiling = 187
)

// pairs finds the corpus plans whose configuration is in the corpus too:
// the directory mirroring the plan's path in its repository (or, where
// several configurations share a directory, the .tf file named like the plan).
func pairs(t testing.TB) map[string]string {
	f, err := os.Open(filepath.Join(corpus, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	folders := map[string]string{
		"bridgecrewio/checkov":     "checkov-tests",
		"fugue/regula":             "regula-tests",
		"terraform-compliance/cli": "terraform-compliance-tests",
		"hashicorp/terraform-json": "terraform-json-testdata",
		"infracost/infracost":      "infracost-examples",
	}
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 || !strings.HasPrefix(cols[0], "plans/") || strings.Contains(cols[0], "_negative") {
			continue
		}
		folder, ok := folders[cols[1]]
		if !ok {
			continue
		}
		dir := filepath.Join(corpus, "hcl", folder, filepath.Dir(cols[2]))
		stem := strings.TrimSuffix(filepath.Base(cols[2]), ".json")
		tfs, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
		switch single := filepath.Join(dir, stem+".tf"); {
		case fileExists(single):
			out[filepath.Join(corpus, cols[0])] = single
		case len(tfs) > 0 && !strings.HasSuffix(stem, "_infra"):
			out[filepath.Join(corpus, cols[0])] = dir
		}
	}
	return out
}

// corpusPairsFloor is how many corpus pairs must have identical managed
// resource addresses from plan and HCL.
const corpusPairsFloor = 126

// TestCorpusPairs measures how often the managed resource addresses
// evaluated from HCL equal those of the plan Terraform made from it.
func TestCorpusPairs(t *testing.T) {
	needCorpus(t)
	ps := pairs(t)
	var planFiles []string
	for p := range ps {
		planFiles = append(planFiles, p)
	}
	sort.Strings(planFiles)
	same := 0
	for _, pf := range planFiles {
		cfg := ps[pf]
		data, err := os.ReadFile(pf)
		if err != nil {
			t.Fatal(err)
		}
		pdoc, err := plan.Load(pf, data)
		if err != nil {
			t.Fatal(err)
		}
		dir, root := cfg, projectRoot(cfg)
		if strings.HasSuffix(cfg, ".tf") {
			dir = t.TempDir()
			root = dir
			src, _ := os.ReadFile(cfg)
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(cfg)), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		varFile := filepath.Join(t.TempDir(), "plan.tfvars.json")
		if err := os.WriteFile(varFile, planVars(data), 0o644); err != nil {
			t.Fatal(err)
		}
		hdoc, _, err := Load(dir, Options{VarFiles: []string{varFile}, Root: root})
		if err != nil {
			t.Logf("DIFF %s: %v", cfg, err)
			continue
		}
		want, got := managed(pdoc, true), managed(hdoc, false)
		if strings.Join(want, "\n") == strings.Join(got, "\n") {
			same++
			continue
		}
		t.Logf("DIFF %s\n  plan only: %v\n  HCL only:  %v", cfg, minus(want, got), minus(got, want))
	}
	rate := float64(same) / float64(len(planFiles)) * 100
	t.Logf("HCL/plan pairs with identical managed resource addresses: %d of %d (%.1f%%)", same, len(planFiles), rate)
	if len(planFiles) < 50 {
		t.Errorf("found only %d pairs", len(planFiles))
	}
	// Raise the floor as agreement improves; never lower it.
	if same < corpusPairsFloor {
		t.Errorf("%d pairs agree, below the floor of %d", same, corpusPairsFloor)
	}
}

// planVars writes a plan's root variable values as a .tfvars.json
// document, so the configuration is evaluated with the plan's inputs.
func planVars(data []byte) []byte {
	var p struct {
		Variables map[string]struct {
			Value json.RawMessage `json:"value"`
		} `json:"variables"`
	}
	vars := map[string]json.RawMessage{}
	if json.Unmarshal(data, &p) == nil {
		for name, v := range p.Variables {
			if len(v.Value) > 0 {
				vars[name] = v.Value
			}
		}
	}
	out, _ := json.Marshal(vars)
	return out
}

func managed(doc *model.Document, planned bool) []string {
	var out []string
	for _, r := range doc.Resources {
		if r.Mode == model.ModeManaged && (!planned || r.Checked()) {
			out = append(out, r.Address)
		}
	}
	sort.Strings(out)
	return out
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}
