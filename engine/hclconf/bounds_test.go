package hclconf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fiscguard/fiscguard/engine/model"
)

// repoWithOutside lays out base/repo (a git repository holding files) and
// base/outside/secret.tf, which nothing may read, and returns the repo.
func repoWithOutside(t *testing.T, files map[string]string, links map[string]string) string {
	t.Helper()
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(repo, ".git"), filepath.Join(outside, "mod")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	secret := "variable \"x\" {\n  default = \"CANARY-outside\"\n}\nresource \"aws_s3_bucket\" \"stolen\" {\n  bucket = \"CANARY-outside\"\n}\n"
	for _, p := range []string{filepath.Join(outside, "secret.tf"), filepath.Join(outside, "mod", "main.tf")} {
		if err := os.WriteFile(p, []byte(secret), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.tfvars"), []byte("x = \"CANARY-outside\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(strings.ReplaceAll(target, "OUTSIDE", outside), p); err != nil {
			t.Fatal(err)
		}
	}
	return repo
}

// TestNothingOutsideTheRoot: committed symlinks and module paths that lead
// out of the repository are refused; nothing outside it is read.
func TestNothingOutsideTheRoot(t *testing.T) {
	const main = "variable \"x\" {\n  default = \"\"\n}\n"
	tests := []struct {
		name  string
		files map[string]string
		links map[string]string
		opts  Options
		err   string // an input error containing this, or
		note  string // a note containing this
	}{
		{name: "tf symlink", files: map[string]string{"main.tf": main}, links: map[string]string{"x.tf": "OUTSIDE/secret.tf"},
			err: "x.tf: it resolves through a symlink to a path outside the repository root"},
		{name: "relative tf symlink", files: map[string]string{"main.tf": main}, links: map[string]string{"x.tf": "../outside/secret.tf"},
			err: "x.tf: it resolves through a symlink"},
		{name: "auto.tfvars symlink", files: map[string]string{"main.tf": main}, links: map[string]string{"a.auto.tfvars": "OUTSIDE/secret.tfvars"},
			err: "a.auto.tfvars: it resolves through a symlink"},
		{name: "terraform.tfvars symlink", files: map[string]string{"main.tf": main}, links: map[string]string{"terraform.tfvars": "OUTSIDE/secret.tfvars"},
			err: "terraform.tfvars: it resolves through a symlink"},
		{name: "var file inside the repository through a symlink", files: map[string]string{"main.tf": main}, links: map[string]string{"prod.tfvars": "OUTSIDE/secret.tfvars"},
			opts: Options{VarFiles: []string{"REPO/prod.tfvars"}}, err: "prod.tfvars: it resolves through a symlink"},
		{name: "local module leaving the root", files: map[string]string{"main.tf": "module \"m\" {\n  source = \"../outside/mod\"\n}\n"},
			note: "main.tf:1: module not evaluated: outside the repository root: ../outside/mod (module.m)"},
		{name: "local module through a symlink", files: map[string]string{"main.tf": "module \"m\" {\n  source = \"./mod\"\n}\n"}, links: map[string]string{"mod": "OUTSIDE/mod"},
			note: "module not evaluated: outside the repository root: ./mod (module.m)"},
		{name: "installed module outside", files: map[string]string{
			"main.tf":                         "module \"m\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n",
			".terraform/modules/modules.json": `{"Modules":[{"Key":"m","Source":"x","Dir":"../outside/mod"}]}`,
		}, note: "module not evaluated: outside the repository root: terraform-aws-modules/s3-bucket/aws (module.m)"},
		{name: "module manifest symlink", files: map[string]string{"main.tf": main}, links: map[string]string{".terraform/modules/modules.json": "OUTSIDE/secret.tf"},
			err: ".terraform/modules/modules.json: it resolves through a symlink"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := repoWithOutside(t, tt.files, tt.links)
			for i, f := range tt.opts.VarFiles {
				tt.opts.VarFiles[i] = strings.ReplaceAll(f, "REPO", repo)
			}
			doc, texts, err := Load(repo, tt.opts)
			if tt.err != "" {
				var ie *model.InputError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "CANARY") {
					t.Fatalf("error %v, want an input error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var notes []string
			for _, n := range texts {
				notes = append(notes, n.En)
			}
			all := strings.Join(notes, "\n")
			if !strings.Contains(all, tt.note) {
				t.Errorf("notes lack %q:\n%s", tt.note, all)
			}
			for _, r := range doc.Resources {
				t.Errorf("a resource from outside the repository was read: %s", r.Address)
			}
		})
	}
}

// TestUnreadableFiles: a FIFO, a device or a huge sparse file among the
// configuration files is refused at once, in bounded time and memory.
func TestUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.tf"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(zero, "zero.tf")); err != nil {
		t.Fatal(err)
	}
	sparse := t.TempDir()
	f, err := os.Create(filepath.Join(sparse, "big.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, tc := range []struct{ dir, want string }{
		{dir, "fifo.tf: not a regular file"},
		{zero, "zero.tf: "},
		{sparse, "big.tf: file is larger than 64 MiB"},
	} {
		done := make(chan error, 1)
		go func() { _, _, err := Load(tc.dir, Options{}); done <- err }()
		select {
		case err := <-done:
			var ie *model.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want an input error containing %q", err, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Load blocked", tc.want)
		}
	}
}

// TestEncodings: a UTF-8 byte order mark is accepted, UTF-16 is named.
func TestEncodings(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": "\ufeffresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n"})
	res, _, _ := load(t, dir, Options{})
	if res["aws_s3_bucket.b"] == nil {
		t.Errorf("a file with a byte order mark was not read: %v", res)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range "resource \"aws_s3_bucket\" \"b\" {}\n" {
		utf16 = append(utf16, byte(c), 0)
	}
	dir = write(t, map[string]string{"main.tf": string(utf16)})
	if _, _, err := Load(dir, Options{}); err == nil || !strings.Contains(err.Error(), "main.tf: the file is UTF-16 encoded; save it as UTF-8") {
		t.Errorf("UTF-16: %v", err)
	}
}

// TestHostileExpressions: what would overflow the stack, recurse without
// end or build a value past any real configuration is an input error at
// its position, or a note; never a crash, never exhausted memory.
func TestHostileExpressions(t *testing.T) {
	bomb := "l0: &l0 [x, x, x, x, x, x, x, x, x]\n"
	for i := 1; i < 9; i++ {
		prev := fmt.Sprintf("*l%d", i-1)
		bomb += fmt.Sprintf("l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(prev+", ", 9), ", "))
	}
	module := func(next string) string {
		return "variable \"i\" {}\nmodule \"m\" {\n  source = \"" + next + "\"\n  count  = 30\n  i      = count.index\n}\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		err   string
	}{
		{"500,000 unary minus", map[string]string{"main.tf": "locals {\n  a = " + strings.Repeat("- ", 500000) + "1\n}\n"},
			"main.tf:2:2005: brackets or operators are nested more than 1000 deep"},
		{"500,000 negations", map[string]string{"main.tf": "locals {\n  a = " + strings.Repeat("!", 500000) + "true\n}\n"},
			"main.tf:2:1006: brackets or operators are nested more than 1000 deep"},
		{"a long chain of additions", map[string]string{"main.tf": "locals {\n  a = 1" + strings.Repeat(" + 1", 500000) + "\n}\n"},
			"main.tf:2:4005: brackets or operators are nested more than 1000 deep"},
		{"splats", map[string]string{"main.tf": "locals {\n  a = []" + strings.Repeat("[*]", 500000) + "\n}\n"},
			"main.tf:2:3004: brackets or operators are nested more than 1000 deep"},
		{"a 10 GB join", map[string]string{"main.tf": "locals {\n  kb  = join(\"\", [for i in range(1000) : \"x\"])\n  mb  = join(\"\", [for i in range(1000) : local.kb])\n  big = join(\"\", [for i in range(1000) : [for j in range(10) : local.mb]]...)\n}\n"},
			`main.tf:4:9: the result of join would be larger than 64 MiB`},
		{"a YAML alias bomb", map[string]string{"main.tf": "locals {\n  x = yamldecode(file(\"bomb.yaml\"))\n}\n", "bomb.yaml": bomb},
			"main.tf:2:7: the result of yamldecode would be larger than 64 MiB"},
		{"nested module fan-out", map[string]string{"main.tf": "module \"m\" {\n  source = \"./a\"\n  count  = 30\n}\n", "a/main.tf": module("../b"), "b/main.tf": module("../c"), "c/main.tf": "variable \"i\" {}\n"},
			"b/main.tf:2:1: the configuration expands to more than 20000 module instances"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Load(write(t, tt.files), Options{})
			var ie *model.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %v, want an input error containing %q", err, tt.err)
			}
		})
	}
}

// TestHostileExpressionNotes: a template that calls itself and a function
// given a sensitive value it cannot use are notes that never show it.
func TestHostileExpressionNotes(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `variable "s" {
  default   = "CANARY-9c1e"
  sensitive = true
}
locals {
  t = "$${templatestring(t, {t = t})}"
  x = templatestring(local.t, {t = local.t})
  n = tonumber(var.s)
  h = cidrhost(var.s, 1)
  k = lookup({}, var.s)
}
`})
	_, notes, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := inEnglish(notes)
	for _, want := range []string{
		"cannot recursively call templatestring from inside another template function",
		"local.n could not be evaluated (HCL: `Invalid function argument: Invalid value for \"v\" parameter: this sensitive value is not valid here",
		"local.h could not be evaluated",
		"local.k could not be evaluated",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "CANARY") {
		t.Errorf("a note shows the sensitive value:\n%s", all)
	}
}

// TestNotesWithholdSensitiveValues: HCL's own messages may quote a value;
// when the expression reads a sensitive one, the note withholds them.
func TestNotesWithholdSensitiveValues(t *testing.T) {
	dir := write(t, map[string]string{"main.tf": `variable "s" {
  default   = "CANARY-5d7b"
  sensitive = true
}
variable "region" {
  default = "ap-northeast-1"
}
locals {
  dup   = { for k in [var.s, var.s] : k => 1 }
  plain = { for k in ["a", "a"] : k => 1 }
  miss  = { x = 1 }[var.region]
}
`})
	_, notes, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := inEnglish(notes)
	for _, want := range []string{
		"local.dup could not be evaluated (HCL: `Duplicate object key`; the details are not shown because the expression reads a sensitive value)",
		"local.plain could not be evaluated (HCL: `Duplicate object key: Two different items produced the key \"a\"",
		"local.miss could not be evaluated (HCL: `Invalid index:",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "CANARY") {
		t.Errorf("a note shows the sensitive value:\n%s", all)
	}
}
