// Package runner runs the scanning commands as the engine decides them, so
// that the commands only wire flags to it (after Conftest's runner): it
// resolves the settings in force from the flags given, the environment and
// the configuration file, checks them against the policy library, finds
// the targets, scans them on every core and writes each output. The
// verdict is report.Set.ExitCode.
package runner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/fiscguard/fiscguard/engine/baseline"
	"github.com/fiscguard/fiscguard/engine/config"
	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/scan"
	"github.com/fiscguard/fiscguard/engine/targets"
	"github.com/fiscguard/fiscguard/engine/waiver"
)

// Command is a scanning command, which decides the settings it takes.
type Command int

// Commands.
const (
	// Scan reports findings and writes outputs.
	Scan Command = iota
	// Baseline records every finding: it takes no outputs, and its
	// --baseline is not applied.
	Baseline
	// Evidence writes the FISC evidence report: it takes the input
	// settings only.
	Evidence
)

// Settings are the settings the command takes, in --help order.
func (c Command) Settings() []*config.Setting {
	switch c {
	case Baseline:
		return config.In(config.Input, config.Findings)
	case Evidence:
		return config.In(config.Input)
	}
	return config.In(config.Input, config.Findings, config.Output)
}

// Input is what a command hands the runner.
type Input struct {
	Command Command
	// Paths are the paths to scan, as given.
	Paths []string
	// Flags are the flags given on the command line.
	Flags config.Given
	// Env is the process's environment (FISCGUARD_*, NO_COLOR, TF_VAR_*,
	// GITHUB_*).
	Env   []string
	Stdin io.Reader
	// Terminal is true when standard output is a terminal, where text is
	// coloured.
	Terminal bool
	// Progress is where a run that takes more than two seconds shows what
	// it is doing: standard error when it is a terminal, else nil.
	Progress io.Writer
	// Today (YYYY-MM-DD) is the day waivers are judged on; today's date
	// when "".
	Today string
}

// Run is one run's options in force, resolved and checked: the one place
// the flags, the environment and the configuration file meet.
type Run struct {
	// Paths are the paths given; Skip the --skip-path globs.
	Paths []string
	Skip  []string
	// library waits for the built-in policies and those of --policy-dir,
	// loading from New on while Scan reads the targets, and checks the
	// settings that name their rules and parameters.
	library func() (*scan.Library, error)
	// Options configure the scan of each target.
	Options scan.Options
	// Outputs are what the run writes, in order; Report tunes the writers.
	Outputs []report.Output
	Report  report.Options
	// Settings are the settings in force, with where each came from.
	Settings *config.Resolved

	color    bool
	repo     report.Repository
	stdin    io.Reader
	progress io.Writer
}

// New resolves and checks a run's options. A bad value is an error naming
// where it came from: the flag, the environment variable, or the
// configuration file's line.
func New(in Input) (*Run, error) {
	if len(in.Paths) == 0 {
		return nil, fmt.Errorf("no path to scan")
	}
	start := report.CommonDir(in.Paths)
	if slices.Contains(in.Paths, targets.Stdin) {
		start = "."
	}
	set, err := config.Resolve(in.Command.Settings(), in.Flags, in.Env, start)
	if err != nil {
		return nil, err
	}
	r := &Run{Paths: in.Paths, Settings: set, stdin: in.Stdin, progress: in.Progress}
	o := &r.Options
	parse := []struct {
		name  string
		parse func(string) error
	}{
		{"profile", func(s string) (err error) { o.Profile, err = rule.ParseProfile(s); return }},
		{"lang", func(s string) (err error) { o.Lang, err = i18n.ParseLang(s); return }},
		{"edition", func(s string) (err error) { o.Edition, err = rule.ParseEdition(s); return }},
		{"fail-on", func(s string) (err error) { o.FailOn, err = rule.ParseThreshold(s); return }},
		{"severity", func(s string) (err error) { o.Severity, err = rule.ParseSeverity(s); return }},
	}
	for _, p := range parse {
		if _, ok := config.Lookup(p.name); !ok || !takes(in.Command, p.name) {
			continue
		}
		if err := p.parse(set.String(p.name)); err != nil {
			return nil, set.Errorf(p.name, -1, "%v", err)
		}
	}
	if in.Command == Evidence {
		o.FailOn, o.Severity = rule.None, rule.Low
	}
	for i, g := range set.List("skip-path") {
		if !doublestar.ValidatePattern(g) {
			return nil, set.Errorf("skip-path", i, "%q is not a glob", g)
		}
	}
	r.Skip = set.List("skip-path")
	if err := r.outputs(in); err != nil {
		return nil, err
	}
	// Paths given on the command line or in the environment may be
	// anywhere, but one inside the repository must not lead out of it
	// (those of the file were checked as it was read).
	for _, name := range []string{"waivers", "baseline", "policy-dir"} {
		for i, p := range set.List(name) {
			if err := set.Root.CheckGiven(p); err != nil {
				return nil, set.Errorf(name, i, "%s: %v", p, err)
			}
		}
	}
	loading := loadLibrary(set.List("policy-dir"))
	r.library = sync.OnceValues(func() (*scan.Library, error) {
		lib, err := loading()
		if err != nil {
			return nil, err
		}
		return lib, r.checkLibrarySettings(lib)
	})
	r.Options.Check, r.Options.SkipCheck = set.List("check"), set.List("skip-check")
	if set.File != nil {
		r.Options.Params = set.File.Params
	}
	o.HCL = hclconf.Options{Vars: set.List("var"), VarFiles: set.List("var-file"), Env: in.Env, Root: set.String("repo-root")}
	o.SourceDir, o.DiffBase = set.String("source-dir"), set.String("diff-base")
	if mib, err := strconv.ParseInt(set.String("memory-limit"), 10, 64); err != nil || mib <= 0 {
		return nil, set.Errorf("memory-limit", -1, "%q is not a budget (want a positive number of MiB)", set.String("memory-limit"))
	} else {
		o.MemoryLimit = mib << 20
	}
	if o.ChangedOnly, err = set.Bool("changed-only"); err != nil {
		return nil, err
	}
	o.Today = in.Today
	if o.Today == "" {
		o.Today = time.Now().UTC().Format(waiver.DateLayout)
	}
	if f := set.String("waivers"); f != "" {
		if o.Waivers, err = waiver.LoadFile(f, o.Profile == rule.Strict); err != nil {
			return nil, err
		}
	}
	if f := set.String("baseline"); f != "" && in.Command == Scan {
		if o.Baseline, err = baseline.Load(f); err != nil {
			return nil, err
		}
	}
	env := envMap(in.Env)
	if repo, ok := report.GitHubRepository(env["GITHUB_SERVER_URL"], env["GITHUB_REPOSITORY"], env["GITHUB_SHA"]); ok {
		r.repo = repo
	}
	return r, nil
}

// takes reports whether the command takes the setting.
func takes(c Command, name string) bool {
	return slices.ContainsFunc(c.Settings(), func(s *config.Setting) bool { return s.Name == name })
}

// outputs reads -o and --format, and the switches that tune the writers.
func (r *Run) outputs(in Input) error {
	if in.Command != Scan {
		return nil
	}
	set := r.Settings
	format := set.String("format")
	if !slices.Contains(report.Formats, format) {
		return set.Errorf("format", -1, "unknown format %q (want %s)", format, strings.Join(report.Formats, ", "))
	}
	specs := set.List("output")
	if len(specs) == 0 {
		specs = []string{format}
	}
	toStdout := 0
	for i, spec := range specs {
		out, err := report.ParseOutput(spec, format)
		if err != nil {
			return set.Errorf("output", i, "%v", err)
		}
		if out.Path == "" {
			if toStdout++; toStdout > 1 {
				return set.Errorf("output", i, "only one output can go to standard output")
			}
		}
		r.Outputs = append(r.Outputs, out)
	}
	r.Report.Category = set.String("sarif-category")
	var err error
	if r.Report.IncludeSuppressed, err = set.Bool("include-suppressed"); err != nil {
		return err
	}
	if r.Report.Quiet, err = set.Bool("quiet"); err != nil {
		return err
	}
	noColor, err := set.Bool("no-color")
	if err != nil {
		return err
	}
	r.color = in.Terminal && !noColor && envMap(in.Env)["NO_COLOR"] == ""
	return nil
}

// loadLibrary starts loading the library; the function it returns waits
// for it.
func loadLibrary(dirs []string) func() (*scan.Library, error) {
	var lib *scan.Library
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		lib, err = scan.LoadLibrary(dirs...)
	}()
	return func() (*scan.Library, error) {
		<-done
		return lib, err
	}
}

// checkLibrarySettings checks the settings that name the library's rules
// and parameters.
func (r *Run) checkLibrarySettings(lib *scan.Library) error {
	set := r.Settings
	for _, name := range []string{"check", "skip-check"} {
		for i, p := range set.List(name) {
			if lib.Named(p) == 0 {
				return set.Errorf(name, i, "%q names no rule (a rule ID, a FISC item ID or a glob; see fiscguard policies)", p)
			}
		}
	}
	for i, p := range set.List("skip-check") {
		if slices.Contains(set.List("check"), p) {
			return set.Errorf("skip-check", i, "%q is also checked (check); a rule cannot be both checked and skipped", p)
		}
	}
	if set.File == nil {
		return nil
	}
	return set.File.CheckParams(lib.Params)
}

func envMap(env []string) map[string]string {
	out := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			out[k] = v
		}
	}
	return out
}

// Scan finds the targets and scans them concurrently, one per core, each
// read while the library loads; the reports come in order of target path,
// whatever order the scans end in. A library that cannot be loaded, or
// settings it refuses, fail the run; else a target that cannot be scanned
// does (the first in that order).
func (r *Run) Scan(ctx context.Context) (*report.Set, error) {
	defer scan.HoldMemory(r.Options)()
	paths, err := targets.Find(r.Paths, targets.Options{Skip: r.Skip, Root: r.repoRoot()})
	if err != nil {
		if _, libErr := r.library(); libErr != nil {
			return nil, libErr
		}
		return nil, err
	}
	if r.Options.SourceDir != "" && len(paths) > 1 {
		return nil, fmt.Errorf("--source-dir: names the configuration of one plan, but %d targets are scanned", len(paths))
	}
	reports := make([]*report.Report, len(paths))
	errs := make([]error, len(paths))
	work := make(chan int)
	shown := startProgress(r.progress, len(paths))
	defer shown.end()
	opts := r.Options
	opts.Progress = shown.set
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				reports[i], errs[i] = r.scan(ctx, scan.Target{Path: paths[i], Stdin: r.stdin}, opts)
				shown.targetDone()
			}
		}()
	}
	for i := range paths {
		work <- i
	}
	close(work)
	wg.Wait()
	if _, err := r.library(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, rep := range reports {
		rep.Repository = r.repo
	}
	return &report.Set{Reports: reports, Scanned: report.CommonDir(r.Paths)}, nil
}

// scan reads the target, then checks it once the library is there.
func (r *Run) scan(ctx context.Context, t scan.Target, opts scan.Options) (*report.Report, error) {
	in, err := scan.Read(ctx, t, opts)
	if err != nil {
		return nil, err
	}
	lib, err := r.library()
	if err != nil {
		return nil, err
	}
	return lib.Check(ctx, in, opts)
}

// repoRoot is where the root modules of changed files are looked for.
func (r *Run) repoRoot() string {
	if root := r.Options.HCL.Root; root != "" {
		return root
	}
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	return inputfile.RepoRoot(dir)
}

// sarifCategory is the SARIF run's category when --sarif-category gives
// none: "fiscguard/" and the directory the paths given have in common (a
// plan file's own directory), relative to the repository root, so one scan
// keeps its category, and its alerts, from any working directory and
// however its paths are written.
func (r *Run) sarifCategory() string {
	dirs := make([]string, len(r.Paths))
	for i, p := range r.Paths {
		dirs[i] = "."
		if p == "-" {
			continue
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			p = filepath.Dir(p)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		root := r.Options.HCL.Root
		if root == "" {
			root = inputfile.RepoRoot(abs)
		}
		if root, err = filepath.Abs(root); err != nil {
			continue
		}
		if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			dirs[i] = filepath.ToSlash(rel)
		}
	}
	if dir := report.CommonDir(dirs); dir != "." && dir != "/" {
		return "fiscguard/" + dir + "/"
	}
	return "fiscguard/"
}

// Write writes every output of the run: each file whole or not at all,
// the one to standard output (if any) to stdout.
func (r *Run) Write(set *report.Set, stdout io.Writer) error {
	defer scan.HoldMemory(r.Options)()
	merged := set.Merged()
	opts := r.Report
	if opts.Category == "" {
		opts.Category = r.sarifCategory()
	}
	for _, out := range r.Outputs {
		opts.Color = out.Format == "text" && out.Path == "" && r.color
		write := func(w io.Writer) error { return report.Write(w, out.Format, merged, opts) }
		if err := writeOutput(stdout, out.Path, write); err != nil {
			return err
		}
	}
	return nil
}

// WriteOutput writes data to the file at path (atomically: a failed write
// leaves the old file), or to stdout when path is "".
func WriteOutput(stdout io.Writer, path string, data []byte) error {
	return writeOutput(stdout, path, report.Bytes(data))
}

// writeOutput is WriteOutput of what write writes, streamed.
func writeOutput(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := report.WriteFile(path, write); err != nil {
		if pe, ok := err.(*os.PathError); ok {
			err = pe.Err
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
