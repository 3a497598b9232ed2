package waiver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

// FuzzLoadFile: a waiver file is waivers or a one-line input error.
func FuzzLoadFile(f *testing.F) {
	for _, s := range []string{
		"waivers:\n  - rule: FG-S3-001\n    resource: aws_s3_bucket.logs\n    reason: logs are public by design\n    owner: team\n    ticket: SEC-1\n    expires: 2027-03-31\n",
		"waivers:\n  - {rule: \"*\", reason: freeze, scope: all}\n",
		"a: &a [x, x]\nb: [*a, *a]\n",
		"waivers: [",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "waivers.yaml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, strict := range []bool{false, true} {
			if _, err := LoadFile(p, strict); err != nil {
				oneLineInputError(t, err)
			}
		}
	})
}

// FuzzScanInline: inline waiver comments are waivers or a one-line input
// error.
func FuzzScanInline(f *testing.F) {
	f.Add("# fiscguard:ignore FG-S3-001 reason=\"logs\" expires=2027-01-01 owner=a ticket=b scope=all\nresource \"a\" \"b\" {}\n")
	f.Add("  bucket = \"x\" // fiscguard:ignore 実3 reason=x\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, strict := range []bool{false, true} {
			if _, err := ScanInline("main.tf", strings.Split(src, "\n"), strict); err != nil {
				oneLineInputError(t, err)
			}
		}
	})
}

func oneLineInputError(t *testing.T, err error) {
	t.Helper()
	var ie *model.InputError
	if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("not a one-line input error: %q", err)
	}
}
