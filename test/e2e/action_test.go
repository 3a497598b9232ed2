package e2e

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// action is the part of action.yml's schema fiscguard's action uses.
type action struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description string  `yaml:"description"`
		Required    bool    `yaml:"required"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name            string            `yaml:"name"`
	ID              string            `yaml:"id"`
	If              string            `yaml:"if"`
	ContinueOnError bool              `yaml:"continue-on-error"`
	Uses            string            `yaml:"uses"`
	With            map[string]string `yaml:"with"`
	Shell           string            `yaml:"shell"`
	Env             map[string]string `yaml:"env"`
	Run             string            `yaml:"run"`
}

func loadAction(t *testing.T) (*action, string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(moduleRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.UnmarshalWithOptions(raw, &a, yaml.Strict()); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a, string(raw)
}

var (
	exprRE      = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	inputRefRE  = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	stepRefRE   = regexp.MustCompile(`\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
	pinnedRE    = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$`)
	comparisonR = regexp.MustCompile(`^(\S+)\s*(==|!=)\s*'([^']*)'$`)
)

// TestActionDefinition checks action.yml's structure: a composite action
// with the documented inputs, every reference declared, other actions
// pinned by commit SHA (with the version in a comment), none that sets up
// Go (the job's own toolchain is left alone), and no expression expanded
// inside a shell script (inputs reach scripts through env only, so a
// crafted input cannot inject shell).
func TestActionDefinition(t *testing.T) {
	a, raw := loadAction(t)
	if a.Name == "" || a.Description == "" || a.Runs.Using != "composite" {
		t.Errorf("name %q, description %q, runs.using %q", a.Name, a.Description, a.Runs.Using)
	}
	for _, in := range []string{"path", "profile", "fail-on", "lang", "edition", "var-file", "config", "diff-base", "changed-only",
		"source-dir", "category", "args", "version", "download-url", "upload-sarif", "sarif-file"} {
		i, ok := a.Inputs[in]
		if !ok {
			t.Errorf("input %q is not declared", in)
			continue
		}
		if i.Description == "" || i.Default == nil {
			t.Errorf("input %q needs a description and a default", in)
		}
	}
	if d := a.Inputs["path"].Default; d == nil || *d != "." {
		t.Error(`input path must default to "."`)
	}
	if d := a.Inputs["upload-sarif"].Default; d == nil || *d != "true" {
		t.Error(`input upload-sarif must default to "true"`)
	}
	for _, m := range inputRefRE.FindAllStringSubmatch(raw, -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("inputs.%s is used but not declared", m[1])
		}
	}
	ids := map[string]int{}
	for i, s := range a.Runs.Steps {
		if s.ID != "" {
			ids[s.ID] = i
		}
	}
	for _, m := range stepRefRE.FindAllStringSubmatch(raw, -1) {
		if _, ok := ids[m[1]]; !ok {
			t.Errorf("steps.%s is used but no step has that id", m[1])
		}
	}
	uses := map[string]actionStep{}
	for i, s := range a.Runs.Steps {
		for _, m := range stepRefRE.FindAllStringSubmatch(s.If+fmt.Sprint(s.Env)+fmt.Sprint(s.With), -1) {
			if ids[m[1]] >= i {
				t.Errorf("step %q reads steps.%s before it runs", s.Name, m[1])
			}
		}
		switch {
		case s.Uses != "" && s.Run != "":
			t.Errorf("step %q both uses and runs", s.Name)
		case s.Uses != "":
			if !pinnedRE.MatchString(s.Uses) || !regexp.MustCompile(regexp.QuoteMeta(s.Uses)+` # v\d+\.\d+\.\d+\n`).MatchString(raw) {
				t.Errorf("step %q uses %q, not pinned to a commit SHA with its version in a comment", s.Name, s.Uses)
			}
			uses[s.Uses[:strings.Index(s.Uses, "@")]] = s
		case s.Run != "":
			if s.Shell != "bash" {
				t.Errorf("step %q: composite run steps need shell bash, got %q", s.Name, s.Shell)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q expands an expression inside its script; pass it through env", s.Name)
			}
		default:
			t.Errorf("step %q neither uses nor runs", s.Name)
		}
	}
	if _, ok := uses["actions/setup-go"]; ok {
		t.Error("the action sets up Go, which changes the job's toolchain")
	}
	up, ok := uses["github/codeql-action/upload-sarif"]
	if !ok || !strings.Contains(raw, up.Uses+" # v4.") || up.With["category"] != "${{ steps.scan.outputs.category }}" || up.With["sarif_file"] == "" || !up.ContinueOnError {
		t.Errorf("upload-sarif step %+v", up)
	}
	last := a.Runs.Steps[len(a.Runs.Steps)-1]
	if last.Run == "" || !strings.Contains(last.Run, "exit") || ids["scan"] >= len(a.Runs.Steps)-1 {
		t.Error("the last step must exit with the scan's exit code")
	}
	for name, o := range a.Outputs {
		if !exprRE.MatchString(o.Value) {
			t.Errorf("output %q has no value expression", name)
		}
	}
}

// actionRun is the outcome of running the action's steps locally.
type actionRun struct {
	exitCode   int
	outputs    map[string]map[string]string // step id → outputs
	summary    string
	uploaded   map[string]string // upload-sarif's inputs, when that step ran
	ranSteps   []string
	stepOutput string
}

// actionEnv is the workflow run the action runs in: github context values
// over runAction's (a push to org/repo), and whether the SARIF upload fails.
type actionEnv struct {
	github      map[string]string
	uploadFails bool
}

// runAction runs action.yml's steps in a push to org/repo.
func runAction(t *testing.T, workspace string, inputs map[string]string) actionRun {
	t.Helper()
	return runActionIn(t, workspace, inputs, actionEnv{})
}

// runActionIn runs action.yml's steps the way the runner would: run steps
// with bash, GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY files, and
// ${{ }} expressions over inputs, github and steps (with each step's
// outcome). upload-sarif is recorded, not run, because it talks to GitHub;
// its outcome is env's.
func runActionIn(t *testing.T, workspace string, inputs map[string]string, env actionEnv) actionRun {
	t.Helper()
	a, _ := loadAction(t)
	temp := t.TempDir()
	summaryFile := filepath.Join(temp, "step_summary.md")
	pathFile := filepath.Join(temp, "path")
	for _, f := range []string{summaryFile, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	values := map[string]string{
		"github.action_path":                            moduleRoot(t),
		"github.action_ref":                             "v1",
		"github.action_repository":                      "fiscguard/fiscguard",
		"github.workspace":                              workspace,
		"github.repository":                             "org/repo",
		"github.event_name":                             "push",
		"github.actor":                                  "someone",
		"github.event.pull_request.head.repo.full_name": "",
		"runner.temp":                                   temp,
	}
	for k, v := range env.github {
		if _, ok := values["github."+k]; !ok {
			t.Fatalf("github.%s is not in this test's runner", k)
		}
		values["github."+k] = v
	}
	for name, in := range a.Inputs {
		v := ""
		if in.Default != nil {
			v = *in.Default
		}
		if given, ok := inputs[name]; ok {
			v = given
		}
		values["inputs."+name] = v
	}
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("test gives undeclared input %q", name)
		}
	}
	eval := func(s string) string {
		return exprRE.ReplaceAllStringFunc(s, func(m string) string {
			expr := exprRE.FindStringSubmatch(m)[1]
			v, ok := values[expr]
			if !ok && !strings.HasPrefix(expr, "steps.") {
				t.Fatalf("expression %q is not supported by this test's runner", expr)
			}
			return v
		})
	}
	cond := func(s string) bool {
		if s == "" {
			return true
		}
		for _, part := range strings.Split(s, "&&") {
			m := comparisonR.FindStringSubmatch(strings.TrimSpace(part))
			if m == nil {
				t.Fatalf("if %q is not supported by this test's runner", s)
			}
			left := values[m[1]]
			if (left == m[3]) != (m[2] == "==") {
				return false
			}
		}
		return true
	}
	run := actionRun{outputs: map[string]map[string]string{}}
	var log strings.Builder
	path := os.Getenv("PATH")
	for _, s := range a.Runs.Steps {
		if !cond(s.If) {
			values["steps."+s.ID+".outcome"] = "skipped"
			continue
		}
		run.ranSteps = append(run.ranSteps, s.Name)
		if s.Uses != "" {
			if !strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
				t.Fatalf("step %q uses %s, which this test's runner cannot run", s.Name, s.Uses)
			}
			run.uploaded = map[string]string{}
			for k, v := range s.With {
				run.uploaded[k] = eval(v)
			}
			values["steps."+s.ID+".outcome"] = "success"
			if env.uploadFails {
				if !s.ContinueOnError {
					run.exitCode = 1
					break
				}
				values["steps."+s.ID+".outcome"] = "failure"
			}
			continue
		}
		outFile := filepath.Join(temp, "output-"+s.ID+fmt.Sprint(len(run.ranSteps)))
		if err := os.WriteFile(outFile, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", s.Run)
		cmd.Dir = workspace
		cmd.Env = append(os.Environ(), "PATH="+path, "RUNNER_TEMP="+temp, "GITHUB_OUTPUT="+outFile,
			"GITHUB_PATH="+pathFile, "GITHUB_STEP_SUMMARY="+summaryFile, "GITHUB_WORKSPACE="+workspace,
			"GITHUB_REPOSITORY="+values["github.repository"], "GITHUB_SERVER_URL=https://github.com",
			"RUNNER_OS="+map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS],
			"RUNNER_ARCH="+map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH])
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		code := runExit(t, cmd)
		fmt.Fprintf(&log, "## %s (exit %d)\n%s", s.Name, code, out.String())
		if code != 0 {
			run.exitCode = code
			break
		}
		outs := readKeyValues(t, outFile)
		if s.ID != "" {
			run.outputs[s.ID] = outs
			for k, v := range outs {
				values["steps."+s.ID+".outputs."+k] = v
			}
		}
		if added, err := os.ReadFile(pathFile); err == nil {
			for _, p := range strings.Fields(string(added)) {
				if !strings.Contains(path, p) {
					path = p + string(os.PathListSeparator) + path
				}
			}
		}
	}
	summary, err := os.ReadFile(summaryFile)
	if err != nil {
		t.Fatal(err)
	}
	run.summary = string(summary)
	run.stepOutput = log.String()
	return run
}

// readKeyValues parses a GITHUB_OUTPUT file of name=value lines.
func readKeyValues(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok || strings.Contains(k, "<<") {
			t.Fatalf("%s: unsupported output line %q", file, sc.Text())
		}
		out[k] = v
	}
	return out
}

// TestActionRuns runs the action's own scripts on a workspace: it builds
// fiscguard from the action's checkout, scans, writes SARIF for the upload
// step and Markdown to the job summary, and only then fails on findings.
func TestActionRuns(t *testing.T) {
	endToEnd(t)
	requireGit(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatal("bash is not installed (composite actions' run steps need it)")
	}
	// The workspace is a checkout, as in a workflow: SARIF URIs are relative to it.
	ws := t.TempDir()
	git(t, ws, "init", "-q")
	writeFiles(t, ws, map[string]string{
		"infra/main.tf":     headMainTF,
		"infra/prod.tfvars": "# no variables used\n",
		"infra/ok/main.tf": `provider "aws" {
  region = "ap-northeast-1"
}
`,
	})

	t.Run("findings fail the check after SARIF and summary", func(t *testing.T) {
		run := runAction(t, ws, map[string]string{"path": "infra", "lang": "ja", "var-file": "infra/prod.tfvars\n\n  infra/prod.tfvars  \n"})
		t.Logf("steps run: %v", run.ranSteps)
		if run.exitCode != 1 {
			t.Fatalf("action exit %d, want 1\n%s", run.exitCode, run.stepOutput)
		}
		scan := run.outputs["scan"]
		if scan["exit-code"] != "1" {
			t.Errorf("scan outputs %v", scan)
		}
		if run.uploaded == nil || run.uploaded["sarif_file"] != scan["sarif-file"] || run.uploaded["category"] != "fiscguard/infra/" || scan["category"] != "fiscguard/infra/" {
			t.Fatalf("upload-sarif did not get the SARIF and its category: %v, outputs %v", run.uploaded, scan)
		}
		if strings.Contains(run.stepOutput, "::error file=") || strings.Contains(run.stepOutput, "no SARIF uploaded") {
			t.Errorf("annotations beside an upload:\n%s", run.stepOutput)
		}
		var log struct {
			Runs []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		raw, err := os.ReadFile(scan["sarif-file"])
		if err != nil || json.Unmarshal(raw, &log) != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 4 { // three failures and FG-EBS-003 inconclusive
			t.Fatalf("SARIF for upload: %v, %d bytes", err, len(raw))
		}
		for _, want := range []string{"<!-- fiscguard -->", "## ❌ fiscguard: 重大度低以上の違反が 3 件あります", "`infra/main.tf:14`"} {
			if !strings.Contains(run.summary, want) {
				t.Errorf("job summary lacks %q:\n%s", want, run.summary)
			}
		}
		if last := run.ranSteps[len(run.ranSteps)-1]; last != "Verdict" {
			t.Errorf("last step %q", last)
		}
	})

	t.Run("fail-on above the findings passes", func(t *testing.T) {
		run := runAction(t, ws, map[string]string{"path": "infra", "fail-on": "critical", "upload-sarif": "false",
			"sarif-file": filepath.Join(t.TempDir(), "out.sarif")})
		if run.exitCode != 0 || run.outputs["scan"]["exit-code"] != "0" {
			t.Fatalf("action exit %d, want 0\n%s", run.exitCode, run.stepOutput)
		}
		if run.uploaded != nil {
			t.Error("upload-sarif ran with upload-sarif false")
		}
		if _, err := os.Stat(run.outputs["scan"]["sarif-file"]); err != nil || !strings.HasSuffix(run.outputs["scan"]["sarif-file"], "out.sarif") {
			t.Errorf("sarif-file input ignored: %v", err)
		}
		if !strings.Contains(run.summary, "## ✅ fiscguard: no findings at or above critical") {
			t.Errorf("job summary:\n%s", run.summary)
		}
	})

	// Where the token cannot upload, the action says why and annotates the
	// findings instead; the verdict still decides the job.
	for name, env := range map[string]actionEnv{
		"this pull request comes from the fork someone/fork": {github: map[string]string{"event_name": "pull_request", "event.pull_request.head.repo.full_name": "someone/fork"}},
		"Dependabot's token cannot upload SARIF":             {github: map[string]string{"event_name": "pull_request", "actor": "dependabot[bot]", "event.pull_request.head.repo.full_name": "org/repo"}},
		"the SARIF upload failed":                            {uploadFails: true},
	} {
		t.Run(name, func(t *testing.T) {
			run := runActionIn(t, ws, map[string]string{"path": "infra"}, env)
			if run.exitCode != 1 {
				t.Fatalf("action exit %d, want 1\n%s", run.exitCode, run.stepOutput)
			}
			if (run.uploaded != nil) != env.uploadFails {
				t.Errorf("upload-sarif ran: %v", run.uploaded)
			}
			if !strings.Contains(run.stepOutput, "fiscguard: no SARIF uploaded: "+name) {
				t.Errorf("the action does not say why:\n%s", run.stepOutput)
			}
			if n := strings.Count(run.stepOutput, "::error file=infra/main.tf,line="); n != 3 {
				t.Errorf("%d error annotations, want one per unencrypted volume:\n%s", n, run.stepOutput)
			}
			if last := run.ranSteps[len(run.ranSteps)-1]; last != "Verdict" || !strings.Contains(run.summary, "<!-- fiscguard -->") {
				t.Errorf("last step %q, summary %q", last, run.summary)
			}
		})
	}

	t.Run("category, args, changed-only", func(t *testing.T) {
		run := runAction(t, ws, map[string]string{"path": "infra", "category": "prod-infra", "args": "--skip-check\n  FG-EBS-001 --fail-on high"})
		if run.exitCode != 0 || run.outputs["scan"]["category"] != "prod-infra/" || run.uploaded["category"] != "prod-infra/" {
			t.Errorf("action exit %d, category %q, uploaded %v\n%s", run.exitCode, run.outputs["scan"]["category"], run.uploaded, run.stepOutput)
		}
		run = runAction(t, ws, map[string]string{"path": "infra", "changed-only": "true"})
		if run.exitCode != 2 || !strings.Contains(run.stepOutput, "--changed-only") {
			t.Errorf("changed-only on a directory: exit %d\n%s", run.exitCode, run.stepOutput)
		}
	})

	t.Run("input errors exit 2 without upload or summary", func(t *testing.T) {
		run := runAction(t, ws, map[string]string{"path": "missing.json"})
		if run.exitCode != 2 {
			t.Fatalf("action exit %d, want 2\n%s", run.exitCode, run.stepOutput)
		}
		if run.uploaded != nil || run.summary != "" {
			t.Errorf("upload %v, summary %q after an input error", run.uploaded, run.summary)
		}
		if !strings.Contains(run.stepOutput, "missing.json") {
			t.Errorf("the error does not name the input:\n%s", run.stepOutput)
		}
	})
}

// TestActionInstallsARelease: a released version is downloaded (here from
// a mirror on disk) and checked against the release's SHA256SUMS, without
// Go; a binary that does not match is refused.
func TestActionInstallsARelease(t *testing.T) {
	endToEnd(t)
	ws := t.TempDir()
	writeFiles(t, ws, map[string]string{"infra/main.tf": headMainTF})
	data, err := os.ReadFile(fiscguardBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	ext := map[bool]string{true: ".exe"}[runtime.GOOS == "windows"]
	name := "fiscguard_" + runtime.GOOS + "_" + runtime.GOARCH + ext
	mirror := t.TempDir()
	release := func(sums string) {
		writeFiles(t, mirror, map[string]string{"v9.9.9/" + name: string(data), "v9.9.9/SHA256SUMS": sums})
	}
	sum := sha256.Sum256(data)
	release(hex.EncodeToString(sum[:]) + "  " + name + "\n" + strings.Repeat("0", 64) + "  fiscguard_other_os\n")
	inputs := map[string]string{"path": "infra", "version": "v9.9.9", "download-url": "file://" + filepath.ToSlash(mirror)}

	run := runAction(t, ws, inputs)
	if run.exitCode != 1 || !strings.Contains(run.stepOutput, "fiscguard v9.9.9 downloaded ("+name+", SHA-256 "+hex.EncodeToString(sum[:])+" verified)") {
		t.Fatalf("action exit %d\n%s", run.exitCode, run.stepOutput)
	}

	release(strings.Repeat("1", 64) + "  " + name + "\n")
	run = runAction(t, ws, inputs)
	if run.exitCode != 2 || !strings.Contains(run.stepOutput, name+" of v9.9.9 does not match its SHA256SUMS") || len(run.ranSteps) != 1 {
		t.Errorf("a tampered release: exit %d, steps %v\n%s", run.exitCode, run.ranSteps, run.stepOutput)
	}
}

// preCommitHook is one entry of .pre-commit-hooks.yaml.
type preCommitHook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	Args          []string `yaml:"args"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	Files         string   `yaml:"files"`
	AlwaysRun     bool     `yaml:"always_run"`
	Stages        []string `yaml:"stages"`
	RequireSerial bool     `yaml:"require_serial"`
}

func TestPreCommitHooks(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(moduleRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	// Strict: a misspelt key would be silently ignored by pre-commit.
	if err := yaml.UnmarshalWithOptions(raw, &hooks, yaml.Strict()); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	byID := map[string]preCommitHook{}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language == "" {
			t.Errorf("hook %+v lacks one of id, name, entry, language", h)
		}
		if _, dup := byID[h.ID]; dup {
			t.Errorf("hook id %q twice", h.ID)
		}
		byID[h.ID] = h
		if h.Language != "golang" || !strings.HasPrefix(h.Entry, "fiscguard scan") {
			t.Errorf("hook %q: language %q, entry %q", h.ID, h.Language, h.Entry)
		}
		// Paths live in entry or come from pre-commit: a user's args only add
		// flags, and never drop the path.
		if len(h.Args) != 0 {
			t.Errorf("hook %q: args %v would be replaced by the user's", h.ID, h.Args)
		}
	}
	h, ok := byID["fiscguard"]
	if !ok || h.Entry != "fiscguard scan" || (h.PassFilenames != nil && !*h.PassFilenames) || !h.RequireSerial {
		t.Fatalf("fiscguard hook %+v: it must take the changed files, in one process", h)
	}
	files := regexp.MustCompile(h.Files)
	for name, want := range map[string]bool{
		"main.tf": true, "infra/prod.tfvars": true, "x/y.tf.json": true,
		"README.md": false, "main.tf.bak": false, "plan.json": false, "tfvars": false,
	} {
		if got := files.MatchString(name); got != want {
			t.Errorf("files %q matches %s: %v, want %v", h.Files, name, got, want)
		}
	}
	if p, ok := byID["fiscguard-plan"]; ok && (!p.AlwaysRun || fmt.Sprint(p.Stages) != "[manual]" || p.PassFilenames == nil || *p.PassFilenames || p.Entry != "fiscguard scan plan.json") {
		t.Errorf("fiscguard-plan must run manually on a plan file: %+v", p)
	}
	var ids []string
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("hooks: %v", ids)
}

// TestPreCommitHookRuns runs the hook as pre-commit would, from the root of
// a monorepo: its entry, the user's args, then the changed files. Each
// change checks the root modules that hold it, and only those.
func TestPreCommitHookRuns(t *testing.T) {
	endToEnd(t)
	raw, err := os.ReadFile(filepath.Join(moduleRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	if err := yaml.Unmarshal(raw, &hooks); err != nil {
		t.Fatal(err)
	}
	bin := fiscguardBinary(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	const clean = "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n"
	writeFiles(t, repo, map[string]string{
		"infra/prod/main.tf":          headMainTF,
		"infra/dev/main.tf":           clean + "module \"net\" {\n  source = \"../../modules/net\"\n}\n",
		"infra/dev/dev.tfvars":        "",
		"modules/net/main.tf":         "variable \"cidr\" {\n  default = \"10.0.0.0/16\"\n}\n",
		"infra/prod/prod.auto.tfvars": "",
	})
	for _, tt := range []struct {
		name    string
		args    []string
		changed []string
		want    int
	}{
		{"a clean root module", nil, []string{"infra/dev/main.tf"}, 0},
		{"a violating root module", nil, []string{"infra/prod/main.tf"}, 1},
		{"the user's args keep the files", []string{"--profile", "strict", "--fail-on", "critical"}, []string{"infra/prod/main.tf"}, 0},
		{"a shared module checks its callers", nil, []string{"modules/net/main.tf"}, 0},
		{"variables of a root module", nil, []string{"infra/dev/dev.tfvars", "infra/prod/prod.auto.tfvars"}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			entry := strings.Fields(hooks[0].Entry)
			cmd := exec.Command(bin, append(append(entry[1:], tt.args...), tt.changed...)...)
			cmd.Dir = repo
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if code := runExit(t, cmd); code != tt.want {
				t.Errorf("hook %s exit %d, want %d\n%s", hooks[0].ID, code, tt.want, out.String())
			}
		})
	}
}
