package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMain lets a test run this binary as fiscguard itself (with
// FISCGUARD_RUN_MAIN=1), to check what only a separate process shows:
// resource limits, signals, exit codes.
func TestMain(m *testing.M) {
	if os.Getenv("FISCGUARD_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// fiscguardProcess runs fiscguard in a child process under a shell prefix
// (e.g. "ulimit -f 2") and returns its exit code and standard error.
func fiscguardProcess(t *testing.T, shellPrefix string, args ...string) (int, string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", append([]string{"-c", shellPrefix + ` && exec "$@"`, "sh", self}, args...)...)
	cmd.Env = append(os.Environ(), "FISCGUARD_RUN_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stderr.String()
}

// TestOutputFileIsAtomic: a write that fails part way (here past a file
// size limit) leaves the previous output file as it was.
func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "fiscguard.sarif")
	if err := os.WriteFile(out, []byte("previous report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := fiscguardProcess(t, "ulimit -f 2", "scan", refsPlan, "--format", "sarif", "--output", out)
	if code != 2 || !strings.Contains(stderr, "fiscguard.sarif: file too large") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if data, err := os.ReadFile(out); err != nil || string(data) != "previous report\n" {
		t.Errorf("the previous output was damaged: %q, %v", data, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
	if code, _, _ := cli(t, "", "scan", refsPlan, "--format", "sarif", "--output", out); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if data, _ := os.ReadFile(out); !bytes.Contains(data, []byte(`"version": "2.1.0"`)) {
		t.Errorf("the output file was not replaced: %q", data)
	}
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader exploded") }

type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("writer exploded") }

// TestInternalErrors: a panic, in the goroutine that reads the input or in
// the command itself, is one line and exit code 3, never a stack trace.
func TestInternalErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"scan", "-"}, panicReader{}, &out, &errOut)
	if code != 3 || errOut.String() != "fiscguard: internal error: reader exploded (please report this)\n" {
		t.Errorf("panic while reading: exit %d, stderr %q", code, errOut.String())
	}
	errOut.Reset()
	code = run(context.Background(), []string{"scan", refsPlan}, strings.NewReader(""), panicWriter{}, &errOut)
	if code != 3 || errOut.String() != "fiscguard: internal error: writer exploded (please report this)\n" {
		t.Errorf("panic while writing: exit %d, stderr %q", code, errOut.String())
	}
}

// TestBroadWaivers: a waiver for every rule needs scope: all, and then
// every output names it; a narrow one does not claim it.
func TestBroadWaivers(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	waivers := filepath.Join(dir, "waivers.yaml")
	for _, tc := range []struct{ entry, err string }{
		{`{rule: "*", reason: freeze}`, `waivers.yaml:2: the waiver's rule pattern "*" matches every rule; say scope: all`},
		{`{rule: "実*", reason: freeze}`, `waivers.yaml:2: the waiver's rule pattern "実*" matches every rule`},
		{`{rule: FG-EBS-001, reason: x, scope: all}`, `does not match every rule`},
	} {
		os.WriteFile(waivers, []byte("waivers:\n  - "+tc.entry+"\n"), 0o644)
		if code, _, stderr := cli(t, "", "scan", dir, "--waivers", waivers); code != 2 || !strings.Contains(stderr, tc.err) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, %q", tc.entry, code, stderr)
		}
	}
	os.WriteFile(waivers, []byte("waivers:\n  - {rule: \"*\", resource: aws_ebs_volume.data, reason: freeze, scope: all}\n"), 0o644)
	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		code, out, stderr := cli(t, "", "scan", dir, "--waivers", waivers, "--format", format)
		want := "a waiver covers every rule (*) on aws_ebs_volume.data: freeze"
		if format == "markdown" {
			want = `a waiver covers every rule (\*) on aws\_ebs\_volume.data: freeze`
		}
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d %s, the broad waiver is not named:\n%s", format, code, stderr, out)
		}
	}
}

var knownNotShown = regexp.MustCompile(`\b[1-9][0-9]* known findings? not shown: (it is|they are) in the baseline`)

// TestBaselineCount: findings a baseline leaves out are counted in every
// output.
func TestBaselineCount(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	base := filepath.Join(dir, "baseline.json")
	if code, _, stderr := cli(t, "", "baseline", dir, "--output", base); code != 0 {
		t.Fatalf("baseline: exit %d %s", code, stderr)
	}
	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		_, out, _ := cli(t, "", "scan", dir, "--baseline", base, "--format", format)
		if !knownNotShown.MatchString(out) {
			t.Errorf("%s: the baselined finding is not counted:\n%s", format, out)
		}
	}
}

// TestDiffBaseIsNeverAnOption: a --diff-base value that git would read as
// an option (--output=FILE writes a file) is refused, and git is told
// where its options end.
func TestDiffBaseIsNeverAnOption(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base"}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	written := filepath.Join(dir, "written")
	for _, ref := range []string{"--output=" + written, "-p"} {
		code, _, stderr := cli(t, "", "scan", dir, "--diff-base", ref)
		if code != 2 || !strings.Contains(stderr, "is not a git ref: a ref cannot start with '-'") {
			t.Errorf("%s: exit %d %q", ref, code, stderr)
		}
	}
	if _, err := os.Stat(written); err == nil {
		t.Error("git wrote a file named by --diff-base")
	}
}

// TestGivenPathsStayInTheRepository: a waiver or baseline file named on the
// command line may be anywhere, but one inside the repository that is a
// symlink out of it is refused.
func TestGivenPathsStayInTheRepository(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	if err := os.Rename(dir, repo); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	secret := filepath.Join(base, "secret.yaml")
	os.WriteFile(secret, []byte("waivers: []\n"), 0o644)
	for _, flag := range []string{"--waivers", "--baseline"} {
		link := filepath.Join(repo, "link"+flag)
		if err := os.Symlink(secret, link); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := cli(t, "", "scan", repo, flag, link)
		if code != 2 || !strings.Contains(stderr, "resolves through a symlink to a path outside the repository root") {
			t.Errorf("%s symlink: exit %d %q", flag, code, stderr)
		}
	}
	if code, _, stderr := cli(t, "", "scan", repo, "--waivers", secret); code == 2 {
		t.Errorf("a waiver file given outside the repository: %q", stderr)
	}
}
