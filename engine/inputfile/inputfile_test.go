package inputfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRefusesWhatNeverEnds(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "main.tf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sparse := filepath.Join(dir, "sparse.json")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	// 3 GB that occupy no disk and must not be read.
	if err := f.Truncate(3 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	small := filepath.Join(dir, "ok.tf")
	if err := os.WriteFile(small, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want error
	}{
		{"/dev/zero", ErrNotRegular},
		{fifo, ErrNotRegular}, // opening it would block: refused before
		{dir, ErrNotRegular},
		{sparse, &TooLargeError{}},
		{filepath.Join(dir, "missing.tf"), fs.ErrNotExist},
	} {
		done := make(chan error, 1)
		go func() { _, err := Read(tc.path, 64<<20); done <- err }()
		select {
		case err := <-done:
			var tl *TooLargeError
			if _, wantSize := tc.want.(*TooLargeError); wantSize {
				if !errors.As(err, &tl) || tl.Limit != 64<<20 || err.Error() != "file is larger than 64 MiB" {
					t.Errorf("%s: %v, want file is larger than 64 MiB", tc.path, err)
				}
			} else if !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Read blocked", tc.path)
		}
	}
	if data, err := Read(small, 6); err != nil || string(data) != "x = 1\n" {
		t.Errorf("a file at the limit: %q, %v", data, err)
	}
	if _, err := Read(small, 5); err == nil {
		t.Error("a file one byte past the limit was read")
	}
}

func TestReadStreamStopsAtTheLimit(t *testing.T) {
	z, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip(err)
	}
	defer z.Close()
	var tl *TooLargeError
	if _, err := ReadStream(z, 1<<20); !errors.As(err, &tl) {
		t.Errorf("/dev/zero as a stream: %v", err)
	}
	if data, err := ReadStream(strings.NewReader("{}"), 2); err != nil || string(data) != "{}" {
		t.Errorf("%q, %v", data, err)
	}
}

func TestUTF8(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"x = 1", "x = 1", ""},
		{"\xef\xbb\xbfx = 1", "x = 1", ""},
		{"\xff\xfex\x00", "", "UTF-16"},
		{"\xfe\xff\x00x", "", "UTF-16"},
		{"{\x00\"\x00", "", "UTF-16"},
		{"\x00{\x00\"", "", "UTF-16"},
		{"\xff\xfe\x00\x00{\x00\x00\x00", "", "UTF-32"},
		{"ab", "ab", ""},
		{"", "", ""},
	} {
		got, err := UTF8([]byte(tc.in))
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: %v, want an error naming %s", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || string(got) != tc.want):
			t.Errorf("%q: %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestRoot(t *testing.T) {
	base := t.TempDir()
	repo, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(repo, "sub"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(repo, "sub", "in.tf"))
	write(filepath.Join(outside, "secret"))
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(repo, name)); err != nil {
			t.Fatal(err)
		}
	}
	link(filepath.Join(outside, "secret"), "out.tf")
	link("../outside/secret", "rel.tf")
	link("sub/in.tf", "inside.tf")
	link(outside, "outdir")
	root := NewRoot(repo)
	for _, tc := range []struct {
		path        string
		check, info error
	}{
		{filepath.Join(repo, "sub", "in.tf"), nil, nil},
		{filepath.Join(repo, "inside.tf"), nil, nil},
		{filepath.Join(repo, "out.tf"), ErrLeaves, ErrLeaves},
		{filepath.Join(repo, "rel.tf"), ErrLeaves, ErrLeaves},
		{filepath.Join(repo, "outdir", "secret"), ErrLeaves, ErrLeaves},
		{filepath.Join(repo, "sub", "..", "..", "outside", "secret"), ErrOutside, nil},
		{filepath.Join(outside, "secret"), ErrOutside, nil},
		{filepath.Join(repo, "missing.tf"), nil, nil},
	} {
		if err := root.Check(tc.path); !errors.Is(err, tc.check) || (tc.check == nil) != (err == nil) {
			t.Errorf("Check(%s) = %v, want %v", tc.path, err, tc.check)
		}
		if err := root.CheckGiven(tc.path); !errors.Is(err, tc.info) || (tc.info == nil) != (err == nil) {
			t.Errorf("CheckGiven(%s) = %v, want %v", tc.path, err, tc.info)
		}
	}
}

func TestDirFS(t *testing.T) {
	base := t.TempDir()
	dir, outside := filepath.Join(base, "policies"), filepath.Join(base, "secret.rego")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{filepath.Join(dir, "sub", "a.rego"): "package a\n", outside: "package stolen\n", filepath.Join(dir, "big.rego"): strings.Repeat("#", 100)} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out.rego")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.rego"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := DirFS(dir, 64)
	if data, err := fs.ReadFile(fsys, "sub/a.rego"); err != nil || string(data) != "package a\n" {
		t.Errorf("sub/a.rego: %q, %v", data, err)
	}
	for name, want := range map[string]error{"out.rego": ErrLeavesDir, "fifo.rego": ErrNotRegular, "big.rego": &TooLargeError{}, "../secret.rego": fs.ErrInvalid} {
		_, err := fs.ReadFile(fsys, name)
		var tl *TooLargeError
		if _, size := want.(*TooLargeError); (size && !errors.As(err, &tl)) || (!size && !errors.Is(err, want)) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
	var names []string
	if err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		names = append(names, p)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(names, " ") != ". big.rego fifo.rego out.rego sub sub/a.rego" {
		t.Errorf("walk: %v", names)
	}
}

// TestReadSizesItsBuffer: a file is read into a buffer of its own size,
// not one grown by doubling past it (a plan is the largest thing a scan
// holds).
func TestReadSizesItsBuffer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.json")
	want := bytes.Repeat([]byte("{}\n"), 100_000)
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := Read(path, 1<<20)
	if err != nil || !bytes.Equal(data, want) {
		t.Fatalf("read %d bytes, %v", len(data), err)
	}
	if c := cap(data); c > len(want)+bytes.MinRead {
		t.Errorf("a buffer of %d bytes for a file of %d", c, len(want))
	}
}
