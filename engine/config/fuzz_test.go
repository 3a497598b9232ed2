package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
)

// FuzzLoad: a configuration file is settings or a one-line input error.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(complete))
	f.Add([]byte("params:\n  min_log_retention_days: -5\nrules:\n  enable: [A]\n  disable: [A]\n"))
	f.Add([]byte("waivers: ../../etc/passwd\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, ".fiscguard.yaml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p, inputfile.NewRoot(dir), false); err != nil {
			var ie *model.InputError
			if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("not a one-line input error: %q", err)
			}
		}
	})
}
