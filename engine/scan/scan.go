// Package scan runs one scan end to end: load the built-in policies and
// catalog, read the target (Read), evaluate every rule once and build the
// report (Check). Reading needs no policy, so it can run while the library
// loads.
package scan

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fiscguard/fiscguard/engine/baseline"
	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/digest"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/plan"
	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/version"
	"github.com/fiscguard/fiscguard/engine/waiver"
	"github.com/fiscguard/fiscguard/policies"
)

// Library is the built-in policy library: catalog, parameters and rules.
type Library struct {
	Catalog  *catalog.Catalog
	Params   rule.ParamSpecs
	Policies *policy.Set
	// Sources are the embedded library and each --policy-dir with their
	// digests, so a report can say which policies judged it.
	Sources []report.LibrarySource

	// queries holds the prepared query of each profile and parameter set,
	// so scanning many targets compiles the policies' query once.
	mu      sync.Mutex
	queries map[string]*policy.Query
}

// builtin is the embedded library alone, loaded once per process: it never
// changes, and a library is safe for concurrent use.
var builtin struct {
	once sync.Once
	lib  *Library
	err  error
}

// LoadLibrary reads and validates the embedded library and the user
// policies in policyDirs, which follow the same metadata contract.
func LoadLibrary(policyDirs ...string) (*Library, error) {
	if len(policyDirs) == 0 {
		builtin.once.Do(func() { builtin.lib, builtin.err = readLibrary() })
		return builtin.lib, builtin.err
	}
	return readLibrary(policyDirs...)
}

// readLibrary runs on the runner's goroutine while targets are read, where
// a panic would end the process: it is an internal error instead.
func readLibrary(policyDirs ...string) (_ *Library, err error) {
	defer recoverInternal(&err)
	cat, err := parseEmbedded("catalog/fisc.yaml", catalog.Parse)
	if err != nil {
		return nil, err
	}
	params, err := parseEmbedded("params.yaml", rule.ParseParamSpecs)
	if err != nil {
		return nil, err
	}
	sources := []policy.Source{{FS: policies.FS, Name: "policies", Builtin: true}}
	for _, d := range policyDirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return nil, &model.InputError{File: d, Msg: "the policy directory does not exist"}
		}
		sources = append(sources, policy.DirSource(d))
	}
	set, err := policy.Load(cat, sources...)
	if err != nil {
		return nil, err
	}
	lib := &Library{Catalog: cat, Params: params, Policies: set}
	for _, src := range sources {
		// The embedded tree is the whole library (policies, catalog,
		// parameters); a policy directory contributes its .rego files.
		keep := func(p string) bool { return src.Builtin || strings.HasSuffix(p, ".rego") }
		d, n, err := digest.Tree(src.FS, keep)
		if err != nil {
			return nil, &model.InputError{File: src.Name, Msg: inputfile.Describe(err)}
		}
		lib.Sources = append(lib.Sources, report.LibrarySource{Name: src.Name, Builtin: src.Builtin, Digest: d, Files: n})
	}
	return lib, nil
}

// parseEmbedded reads one embedded data file with its parser.
func parseEmbedded[T any](name string, parse func(string, []byte) (T, error)) (T, error) {
	src, err := fs.ReadFile(policies.FS, name)
	if err != nil {
		var zero T
		return zero, err
	}
	return parse("policies/"+name, src)
}

// Options configure one scan.
type Options struct {
	Profile rule.Profile
	// FailOn is the least severity of a failed finding that fails the scan
	// (rule.None: nothing does); Severity the least severity of a finding
	// the report shows (zero: every finding).
	FailOn   rule.Severity
	Severity rule.Severity
	Edition  rule.Edition
	Lang     i18n.Lang
	// Params override parameter defaults by name.
	Params map[string]any
	// HCL are Terraform's variable inputs for scanning a directory, and the
	// repository root locations are relative to (HCL.Root).
	HCL hclconf.Options
	// SourceDir is the configuration a plan was made from, for locating
	// plan findings in .tf files; by default the plan file's directory when
	// it holds Terraform files.
	SourceDir string
	// Check, when set, runs only the rules these patterns name (a rule ID,
	// a FISC item ID or a glob: rule.Rule.Matches); SkipCheck skips the
	// rules its patterns name.
	Check, SkipCheck []string
	// Waivers are the waiver file's entries (see waiver.LoadFile); inline
	// waivers are read from the configuration files themselves.
	Waivers []finding.Waiver
	// Baseline holds the fingerprints of accepted findings to leave out.
	Baseline map[string]bool
	// Today (YYYY-MM-DD) is the day waivers are judged on.
	Today string
	// ChangedOnly keeps findings on resources a plan creates, updates or
	// replaces; DiffBase keeps findings on resources whose blocks changed
	// since that git ref.
	ChangedOnly bool
	DiffBase    string
	// Timeout bounds reading or evaluating the input, and policy
	// evaluation, each (policy.DefaultTimeout when zero).
	Timeout time.Duration
	// MemoryLimit is the scan's memory budget in bytes
	// (DefaultMemoryLimit when zero).
	MemoryLimit int64
	// Progress, when set, is told in words what the scan is doing.
	Progress func(doing string)
}

// Target is what to scan: a plan file path, or "-" with Stdin set.
type Target struct {
	Path  string
	Stdin io.Reader
}

// Run scans the target and returns the report: Read, then Check. Every
// error is one line naming the file and, where known, the position.
func (l *Library) Run(ctx context.Context, t Target, opts Options) (*report.Report, error) {
	in, err := Read(ctx, t, opts)
	if err != nil {
		return nil, err
	}
	return l.Check(ctx, in, opts)
}

// Input is a target read into the model, ready to be checked: the stage of
// a scan that needs no policy, so it can run while the library loads.
type Input struct {
	target Target
	// name is how messages and reports name the target.
	name string
	loaded
	// policy is the document as policies see it, which holds its
	// resources' values: the document's own are dropped once it is built.
	policy *policy.Input
}

// Read reads the target within the time limit and memory budget of opts.
func Read(ctx context.Context, t Target, opts Options) (in *Input, err error) {
	defer recoverInternal(&err)
	name := t.Path
	if name == "-" {
		name = "stdin"
	}
	ctx, stop := watchMemory(ctx, opts.memoryLimit(), name)
	defer stop()
	opts.progress("reading " + name)
	read, err := load(ctx, name, t, opts)
	if err != nil {
		return nil, err
	}
	if opts.ChangedOnly && read.doc.Kind != model.KindPlan {
		return nil, &model.InputError{File: "--changed-only", Msg: name + " is a configuration directory, which has no planned changes to select (--diff-base REF keeps the resources changed since a git ref)"}
	}
	if read.doc.Kind == model.KindPlan && t.Path != "-" {
		name = repoRelative(t.Path, opts.HCL.Root)
	}
	markRedacted(read.doc)
	converted, err := policy.NewInput(read.doc)
	if err != nil {
		return nil, err
	}
	// Nothing after this reads them from the model: a large plan's values
	// are held once, not twice, while the rules are evaluated.
	for i := range read.doc.Resources {
		r := &read.doc.Resources[i]
		r.Values, r.Unknown, r.Documents = nil, nil, nil
	}
	return &Input{target: t, name: name, loaded: read, policy: converted}, nil
}

// Check evaluates the library's rules over what Read read and builds the
// report.
func (l *Library) Check(ctx context.Context, in *Input, opts Options) (rep *report.Report, err error) {
	defer recoverInternal(&err)
	t, name, doc, loadNotes := in.target, in.name, in.doc, slices.Clip(in.notes)
	ctx, stop := watchMemory(ctx, opts.memoryLimit(), name)
	defer stop()
	q, params, err := l.query(ctx, opts)
	if err != nil {
		return nil, err
	}
	opts.progress(fmt.Sprintf("evaluating %d rules over %d resources of %s", len(q.Rules()), len(doc.Resources), name))
	results, err := q.EvalInput(ctx, in.policy)
	// The policy input is the largest structure of a scan, and nothing
	// reads it again: dropped, what reporting allocates can reuse it.
	in.policy = nil
	if err != nil {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx) // the memory budget
		}
		return nil, err
	}
	// The rules in force are those of the profile that can judge this kind
	// of input (a rule about a plan's changes has nothing to judge in HCL).
	var rules []*rule.Rule
	inForce := map[string]bool{}
	for _, r := range q.Rules() {
		if r.Judges(doc.Kind) {
			rules = append(rules, r)
			inForce[r.ID] = true
		}
	}
	results = slices.DeleteFunc(results, func(r rule.Result) bool { return !inForce[r.Rule.ID] })
	opts.progress("reporting on " + name)
	root := scanRoot(t.Path, opts)
	findings := finding.FromResults(doc, results, rootModule(t.Path, doc.Kind, opts, root))
	for i := range findings {
		findings[i].Target = name
	}
	quoteSources(findings, doc)
	fileWaivers := make([]finding.Waiver, len(opts.Waivers))
	for i, w := range opts.Waivers {
		w.Source.File = repoRelative(w.Source.File, root)
		fileWaivers[i] = w
	}
	waivers, waiverNotes, err := applyWaivers(findings, doc, root, fileWaivers, opts.Profile == rule.Strict, opts.Today, l.broad)
	if err != nil {
		return nil, err
	}
	loadNotes = append(loadNotes, waiverNotes...)
	findings, deferred := finding.Deferred(findings, inForce)
	// Pass records cover the whole input, and every rule's verdict on it,
	// including causes another rule reports: the filters below only choose
	// which findings to show.
	cov := coverage.Build(doc, rules, findings, deferred)
	if opts.Baseline != nil {
		all := len(findings)
		findings = baseline.Filter(findings, opts.Baseline)
		if known := all - len(findings); known == 1 {
			loadNotes = append(loadNotes, baselineOne)
		} else if known > 1 {
			loadNotes = append(loadNotes, i18n.Sprintf(baselineMany, known))
		}
	}
	findings, below := atOrAbove(findings, opts.Severity)
	var filters []keptBy
	if opts.ChangedOnly {
		filters = append(filters, keptBy{name: report.FilterChangedOnly, kept: changedOnly(doc)})
	}
	if opts.DiffBase != "" {
		kept, err := changedSince(doc, root, opts.DiffBase)
		if err != nil {
			return nil, err
		}
		filters = append(filters, keptBy{name: report.FilterDiffBase, ref: opts.DiffBase, kept: kept})
	}
	findings, applied, leftOutBy := applyFilters(findings, doc, filters)
	return &report.Report{
		Tool:      report.Tool{Name: "fiscguard", Version: version.Get().Version, InformationURI: "https://github.com/fiscguard/fiscguard"},
		Target:    targetInfo(name, repoPath(t.Path, root), doc),
		Profile:   opts.Profile,
		Edition:   opts.Edition,
		Lang:      opts.Lang,
		FailOn:    opts.FailOn,
		Severity:  opts.Severity,
		Rules:     rules,
		Coverage:  cov,
		Params:    params,
		Library:   report.Library{Sources: l.Sources, Rules: l.Policies.Rules()},
		Catalog:   l.Catalog,
		Findings:  findings,
		Resources: resources(doc, rules, findings, leftOutBy),
		Filters:   applied,
		Below:     below,
		Notes:     append(notes(doc), loadNotes...),
		Waivers:   waivers,
		Today:     opts.Today,
	}, nil
}

// broad reports whether a waiver's rule pattern matches every rule of the
// library: every rule ID, or every FISC item of a catalog category.
func (l *Library) broad(pattern string) bool {
	var ids []string
	for _, r := range l.Policies.Rules() {
		ids = append(ids, r.ID)
	}
	byCategory := map[string][]string{}
	for _, it := range l.Catalog.Items() {
		key := string(it.Edition) + "/" + it.Category.En
		byCategory[key] = append(byCategory[key], it.ID)
	}
	var categories [][]string
	for _, k := range slices.Sorted(maps.Keys(byCategory)) {
		categories = append(categories, byCategory[k])
	}
	return waiver.Broad(pattern, ids, categories)
}

// query prepares the rules of a profile with its parameters, once, and
// returns them with the parameters in force.
func (l *Library) query(ctx context.Context, opts Options) (*policy.Query, map[string]any, error) {
	params, err := l.Params.Resolve(opts.Profile, opts.Params)
	if err != nil {
		return nil, nil, err
	}
	key, err := json.Marshal([]any{opts.Profile, params, opts.Check, opts.SkipCheck, opts.Timeout})
	if err != nil {
		return nil, nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if q, ok := l.queries[string(key)]; ok {
		return q, params, nil
	}
	q, err := l.Policies.Prepare(ctx, policy.Options{Profile: opts.Profile, Params: params, Only: l.selection(opts.Check, opts.SkipCheck), Timeout: opts.Timeout})
	if err != nil {
		return nil, nil, err
	}
	if l.queries == nil {
		l.queries = map[string]*policy.Query{}
	}
	l.queries[string(key)] = q
	return q, params, nil
}

// selection is the set of rules to run (nil for all): those check names
// (all when it is empty) less those skip names.
func (l *Library) selection(check, skip []string) map[string]bool {
	if len(check) == 0 && len(skip) == 0 {
		return nil
	}
	only := map[string]bool{}
	for _, r := range l.Policies.Rules() {
		only[r.ID] = (len(check) == 0 || names(check, r)) && !names(skip, r)
	}
	return only
}

func names(patterns []string, r *rule.Rule) bool {
	for _, p := range patterns {
		if r.Matches(p) {
			return true
		}
	}
	return false
}

// Named counts the library's rules a pattern names (see Options.Check).
func (l *Library) Named(pattern string) int {
	n := 0
	for _, r := range l.Policies.Rules() {
		if r.Matches(pattern) {
			n++
		}
	}
	return n
}

// atOrAbove keeps the findings of severity least or higher, and counts
// those it leaves out.
func atOrAbove(fs []finding.Finding, least rule.Severity) ([]finding.Finding, int) {
	below := 0
	for i := range fs {
		if fs[i].Rule.Severity < least {
			below++
		}
	}
	if below == 0 {
		return fs, 0 // as usual: findings are large, and none is copied
	}
	kept := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if f.Rule.Severity >= least {
			kept = append(kept, f)
		}
	}
	return kept, len(fs) - len(kept)
}

// rootModule is the directory of the target's root module relative to the
// repository root: the directory scanned, or the configuration a plan was
// made from; "" when it is the root itself or unknown.
func rootModule(target, kind string, opts Options, root string) string {
	dir := target
	if kind == model.KindPlan {
		if dir = sourceDir(target, opts.SourceDir); dir == "" {
			return ""
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel)
}

func (o *Options) progress(doing string) {
	if o.Progress != nil {
		o.Progress(doing)
	}
}

// repoPath is the target's path relative to the repository root ("." for
// the root), "" for standard input or a path outside the repository.
func repoPath(target, root string) string {
	if target == "-" {
		return ""
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// scanRoot is the repository root that locations are relative to.
func scanRoot(target string, opts Options) string {
	if opts.HCL.Root != "" {
		if abs, err := filepath.Abs(opts.HCL.Root); err == nil {
			return abs
		}
	}
	dir := target
	if st, err := os.Stat(target); err != nil || !st.IsDir() {
		dir = filepath.Dir(target)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return inputfile.RepoRoot(abs)
}

// loaded is the input document with notes about what could not be
// evaluated.
type loaded struct {
	doc   *model.Document
	notes []i18n.Text
}

// load reads the target, within the time limit and the memory budget, so
// neither a configuration that expands without end nor a pipe that never
// closes can hang CI: a plan file, standard input or a FIFO, with its
// findings located in the configuration it was made from, or a
// configuration directory.
func load(ctx context.Context, name string, t Target, opts Options) (loaded, error) {
	limit := opts.Timeout
	if limit == 0 {
		limit = policy.DefaultTimeout
	}
	what := "reading the plan"
	if t.Path != "-" && isDir(t.Path) {
		what = "evaluating the configuration"
	}
	stopped := func() error {
		return &model.InputError{File: name, Msg: fmt.Sprintf("%s took longer than %s and was stopped (an expression that builds a huge collection, or a pipe that never ends?)", what, limit)}
	}
	return bounded(ctx, limit, stopped, func() (loaded, error) {
		doc, notes, err := readTarget(ctx, name, t, opts)
		if err != nil || doc.Kind != model.KindPlan {
			return loaded{doc, notes}, err
		}
		if t.Path != "-" {
			file := repoRelative(t.Path, opts.HCL.Root)
			for i := range doc.Resources {
				if s := doc.Resources[i].Source; s != nil {
					s.File = file
				}
			}
		}
		if dir := sourceDir(t.Path, opts.SourceDir); dir != "" {
			notes = append(notes, mapSources(doc, dir, opts.HCL)...)
		}
		return loaded{doc, notes}, nil
	})
}

// recoverInternal turns a panic into an internal error: scans run on
// worker goroutines (see runner), where a panic would end the process with
// a stack trace.
func recoverInternal(err *error) {
	if v := recover(); v != nil {
		*err = &model.InternalError{Msg: panicText(v)}
	}
}

func (o *Options) memoryLimit() int64 {
	if o.MemoryLimit == 0 {
		return DefaultMemoryLimit
	}
	return o.MemoryLimit
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// readTarget reads a plan (file, FIFO, standard input, or a saved plan that
// terraform show -json reads) or evaluates a configuration directory. A path inside the repository must not lead out
// of it through a symlink.
func readTarget(ctx context.Context, name string, t Target, opts Options) (*model.Document, []i18n.Text, error) {
	var data []byte
	var err error
	if t.Path != "-" {
		err = inputfile.NewRoot(scanRoot(t.Path, opts)).CheckGiven(t.Path)
	}
	switch {
	case err != nil:
	case t.Path == "-":
		data, err = inputfile.ReadStream(t.Stdin, plan.MaxSize)
	case isDir(t.Path):
		return hclconf.Load(t.Path, opts.HCL)
	case inputfile.IsPipe(t.Path):
		var f *os.File
		if f, err = os.Open(t.Path); err == nil {
			defer f.Close()
			data, err = inputfile.ReadStream(f, plan.MaxSize)
		}
	default:
		data, err = inputfile.Read(t.Path, plan.MaxSize)
	}
	if err != nil {
		return nil, nil, &model.InputError{File: name, Msg: inputfile.Describe(err)}
	}
	if isSavedPlan(data) {
		if data, err = showSavedPlan(ctx, name, t.Path, opts); err != nil {
			return nil, nil, err
		}
	}
	doc, err := plan.Load(name, data)
	return doc, nil, err
}

func targetInfo(path, repoPath string, doc *model.Document) report.Target {
	return report.Target{
		Path:             path,
		RepoPath:         repoPath,
		Kind:             doc.Kind,
		TerraformVersion: doc.TerraformVersion,
		FormatVersion:    doc.FormatVersion,
		Complete:         doc.Complete,
		Errored:          doc.Errored,
	}
}

// resources lists the document's resources for the report: whether a rule
// covers each one's type, whether it was checked (a rule that covers no
// type, such as the region rule, checks the resources it reports on), and
// the filter that left it out.
func resources(doc *model.Document, rules []*rule.Rule, findings []finding.Finding, leftOutBy map[string]string) []report.Resource {
	covered := coveredTypes(rules)
	judged := make(map[string]bool, len(findings))
	for i := range findings {
		judged[findings[i].Address] = true
	}
	out := make([]report.Resource, len(doc.Resources))
	for i := range doc.Resources {
		r := &doc.Resources[i]
		out[i] = report.Resource{Address: r.Address, Type: r.Type, Mode: r.Mode, Actions: r.Actions, Source: r.Source,
			Covered: covered[r.Type], LeftOutBy: leftOutBy[r.Address]}
		out[i].Checked = (out[i].Covered || judged[r.Address]) && r.Checked() && out[i].LeftOutBy == ""
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Address < out[j].Address })
	return out
}

// coveredTypes are the resource types some rule judges: those its
// resource_types names. A rule for "*" judges one property of every
// resource (where it is placed, whether it may be deleted), not its
// configuration, so it covers no type.
func coveredTypes(rules []*rule.Rule) map[string]bool {
	out := map[string]bool{}
	for _, r := range rules {
		for _, t := range r.ResourceTypes {
			if t != "*" {
				out[t] = true
			}
		}
	}
	return out
}

// Notes on the findings a baseline leaves out.
var (
	baselineOne  = i18n.Text{En: "1 known finding not shown: it is in the baseline", Ja: "ベースラインにある既知の指摘事項 1 件は表示していない"}
	baselineMany = i18n.Text{En: "%d known findings not shown: they are in the baseline", Ja: "ベースラインにある既知の指摘事項 %d 件は表示していない"}
)

// notes say what a plan Terraform could not finish leaves out.
func notes(doc *model.Document) []i18n.Text {
	var out []i18n.Text
	if doc.Errored {
		out = append(out, i18n.Text{En: "the plan is errored: Terraform failed while planning, so some changes may be missing from this scan",
			Ja: "プランにエラーがある: Terraform が計画の途中で失敗したため、このスキャンに含まれない変更があり得る"})
	}
	if !doc.Complete {
		out = append(out, i18n.Text{En: "the plan is incomplete (deferred changes or -target): resources not planned were not checked",
			Ja: "プランが不完全（変更の保留または -target）: 計画されなかったリソースは検査していない"})
	}
	return out
}
