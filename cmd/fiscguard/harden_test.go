package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
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
