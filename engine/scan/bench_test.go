package scan

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/plan"
	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/fixtures/synth"
)

const benchResources = 10000

func perResource(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchResources, "ns/resource")
}

// BenchmarkScan is a whole scan of a 10,000-resource plan, a third of it
// misconfigured: read, load, prepare every strict rule, evaluate once,
// write SARIF.
func BenchmarkScan(b *testing.B) { benchScan(b, synth.Plan(benchResources)) }

// BenchmarkScanManyFindings is BenchmarkScan over a plan where most
// resources are misconfigured, several ways each (about 14,000 findings),
// where per-finding work dominates.
func BenchmarkScanManyFindings(b *testing.B) { benchScan(b, synth.ManyFindings(benchResources)) }

func benchScan(b *testing.B, plan []byte) {
	path := filepath.Join(b.TempDir(), "plan.json")
	if err := os.WriteFile(path, plan, 0o644); err != nil {
		b.Fatal(err)
	}
	lib := loadLibrary(b)
	opts := Options{Profile: rule.Strict, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := lib.Run(context.Background(), Target{Path: path}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := report.Write(io.Discard, "sarif", rep, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	perResource(b)
}

// BenchmarkLoad is the plan loader alone.
func BenchmarkLoad(b *testing.B) {
	data := synth.Plan(benchResources)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Load("plan.json", data); err != nil {
			b.Fatal(err)
		}
	}
	perResource(b)
}

// BenchmarkEval is policy evaluation alone, over a loaded plan.
func BenchmarkEval(b *testing.B) {
	benchEval(b, synth.Plan(benchResources), nil)
}

// BenchmarkEvalManyFindings is policy evaluation over the many-findings plan.
func BenchmarkEvalManyFindings(b *testing.B) {
	benchEval(b, synth.ManyFindings(benchResources), nil)
}

// BenchmarkRule evaluates each rule alone, to find the rules that dominate
// BenchmarkEval.
func BenchmarkRule(b *testing.B) {
	for _, r := range loadLibrary(b).Policies.Rules() {
		b.Run(r.ID, func(b *testing.B) { benchEval(b, synth.Plan(benchResources), map[string]bool{r.ID: true}) })
	}
}

// benchEval prepares the strict rules (only those in only, when set) and
// times their evaluation over a plan.
func benchEval(b *testing.B, data []byte, only map[string]bool) {
	doc, err := plan.Load("plan.json", data)
	if err != nil {
		b.Fatal(err)
	}
	lib := loadLibrary(b)
	params, _ := lib.Params.Resolve(rule.Strict, nil)
	q, err := lib.Policies.Prepare(context.Background(), policy.Options{Profile: rule.Strict, Params: params, Only: only})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := q.Eval(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	perResource(b)
}

// BenchmarkCorpusHCL evaluates and checks every configuration directory of
// the real projects in ../shared/corpus/hcl, under the strict profile.
func BenchmarkCorpusHCL(b *testing.B) {
	root := "../../../shared/corpus/hcl"
	if _, err := os.Stat(root); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	var dirs []string
	seen := map[string]bool{}
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if dir := filepath.Dir(p); !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) && !seen[dir] {
			seen[dir] = true
			dirs = append(dirs, dir)
		}
		return nil
	})
	lib := loadLibrary(b)
	opts := Options{Profile: rule.Strict, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
	resources := 0
	for b.Loop() {
		resources = 0
		for _, dir := range dirs {
			rep, err := lib.Run(context.Background(), Target{Path: dir}, opts)
			if err == nil {
				resources += len(rep.Resources)
			}
		}
	}
	b.ReportMetric(float64(len(dirs)), "dirs")
	b.ReportMetric(float64(resources), "resources")
}
