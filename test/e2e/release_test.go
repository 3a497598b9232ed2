package e2e

import (
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"debug/pe"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReleaseCrossCompiles runs make release for two platforms, as the
// release workflow does for all six: static, stripped binaries stamped with
// the version, and SHA256SUMS naming each one.
func TestReleaseCrossCompiles(t *testing.T) {
	endToEnd(t)
	if _, err := exec.LookPath("make"); err != nil {
		t.Fatal("make is not installed")
	}
	dist := t.TempDir()
	cmd := exec.Command("make", "release", "PLATFORMS=linux/amd64 windows/arm64", "DIST="+dist, "VERSION=9.8.7")
	cmd.Dir = moduleRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make release: %v\n%s", err, out)
	}
	linux, windows := filepath.Join(dist, "fiscguard_linux_amd64"), filepath.Join(dist, "fiscguard_windows_arm64.exe")

	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "SHA256SUMS fiscguard_linux_amd64 fiscguard_windows_arm64.exe" {
		t.Fatalf("dist holds %s", got)
	}
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string // in file name order, as sha256sum writes them
	for _, f := range []string{linux, windows} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		want = append(want, hex.EncodeToString(h[:])+"  "+filepath.Base(f))
	}
	if got := strings.TrimSpace(string(sums)); got != strings.Join(want, "\n") {
		t.Errorf("SHA256SUMS:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}

	for _, tt := range []struct{ file, goos, goarch string }{{linux, "linux", "amd64"}, {windows, "windows", "arm64"}} {
		bi, err := buildinfo.ReadFile(tt.file)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		for k, v := range map[string]string{"GOOS": tt.goos, "GOARCH": tt.goarch, "CGO_ENABLED": "0", "-trimpath": "true"} {
			if settings[k] != v {
				t.Errorf("%s: build setting %s=%q, want %q", filepath.Base(tt.file), k, settings[k], v)
			}
		}
		if bi.Path != "github.com/fiscguard/fiscguard/cmd/fiscguard" {
			t.Errorf("%s: main package %s", filepath.Base(tt.file), bi.Path)
		}
	}

	// Static (no interpreter) and stripped (no symbol table).
	ef, err := elf.Open(linux)
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	for _, p := range ef.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the linux binary is dynamically linked")
		}
	}
	if ef.Section(".symtab") != nil {
		t.Error("the linux binary is not stripped")
	}
	pf, err := pe.Open(windows)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if pf.Machine != pe.IMAGE_FILE_MACHINE_ARM64 || len(pf.Symbols) > 0 {
		t.Errorf("the windows binary: machine %#x, %d symbols", pf.Machine, len(pf.Symbols))
	}

	if runtime.GOOS == "linux" && runtime.GOARCH == "amd64" {
		// Stamped with the version given and the commit built.
		want := "fiscguard 9.8.7"
		if head, err := exec.Command("git", "-C", moduleRoot(t), "rev-parse", "HEAD").Output(); err == nil {
			want += " (commit " + string(head[:12])
		}
		out, err := exec.Command(linux, "version").CombinedOutput()
		if err != nil || !strings.HasPrefix(string(out), want) {
			t.Errorf("fiscguard version: %v %q, want %q…", err, out, want)
		}
	}
}
