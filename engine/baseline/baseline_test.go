package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/rule"
)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	rule := &rule.Rule{ID: "FG-S3-001"}
	fs := []finding.Finding{{Rule: rule, Fingerprint: "b", Address: "x.y"}, {Rule: rule, Fingerprint: "a", Address: "x.z"}, {Rule: rule, Fingerprint: "a"}}
	if err := os.WriteFile(path, FromFindings(fs).Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	known, err := Load(path)
	if err != nil || len(known) != 2 || !known["a"] || !known["b"] {
		t.Fatalf("%v, %v", known, err)
	}
	if kept := Filter(append(fs, finding.Finding{Rule: rule, Fingerprint: "c"}), known); len(kept) != 1 || kept[0].Fingerprint != "c" {
		t.Errorf("kept %v", kept)
	}
}

// TestBadBaselines: each is one line at its position, in the document's
// terms, read within bounds.
func TestBadBaselines(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range `{"version": 1}` {
		utf16 = append(utf16, byte(c), 0)
	}
	for _, tc := range []struct{ path, want string }{
		{write("type.json", "{\n  \"version\": \"1\"\n}"), "type.json:2:14: not a fiscguard baseline: version is a string where a number belongs"},
		{write("entry.json", `{"version": 1, "findings": [{"fingerprint": 5}]}`), "entry.json:1:45: not a fiscguard baseline: findings[0].fingerprint is a number where a string belongs"},
		{write("cut.json", `{"version": 1, "findings": [`), "cut.json:1:29: invalid JSON: the document ends early"},
		{write("v2.json", `{"version": 2, "findings": []}`), "baseline version 2 is not supported"},
		{write("utf16.json", string(utf16)), "utf16.json: the file is UTF-16 encoded"},
		{fifo, "fifo.json: not a regular file"},
	} {
		_, err := Load(tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "Go ") {
			t.Errorf("%v, want %q", err, tc.want)
		}
	}
}
