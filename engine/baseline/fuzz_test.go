package baseline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/model"
)

// FuzzLoad: a baseline file is fingerprints or a one-line input error.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"fingerprint": "ab", "rule": "FG-S3-001", "address": "aws_s3_bucket.b"}]}`))
	f.Add([]byte(`{"version": "1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "baseline.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err != nil {
			var ie *model.InputError
			if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("not a one-line input error: %q", err)
			}
		}
	})
}
