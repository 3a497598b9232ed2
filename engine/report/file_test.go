package report

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteFileKeepsSpecialFiles: writing to a FIFO (as to /dev/null or
// /dev/stdout) writes into it and leaves it a FIFO; renaming a temporary
// file over it would have replaced it with a regular file.
func TestWriteFileKeepsSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	// A reader that is already open lets the write go through at once.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := WriteFile(fifo, Bytes([]byte("report\n"))); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
	buf := make([]byte, 64)
	if n, _ := r.Read(buf); string(buf[:n]) != "report\n" {
		t.Errorf("the reader got %q", buf[:n])
	}
}

// TestWriteFileReplacesAtomically: a regular file is replaced whole, and a
// directory is refused.
func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.sarif")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, Bytes([]byte("new"))); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); string(data) != "new" {
		t.Errorf("file holds %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := WriteFile(dir, Bytes([]byte("x"))); err == nil {
		t.Error("writing over a directory succeeded")
	}
}

// TestWriteFileKeepsTheOldFileOnError: a report that fails part way (after
// writing more than the buffer holds) leaves the old file and no temporary
// file.
func TestWriteFileKeepsTheOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.sarif")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	failing := func(w io.Writer) error {
		if _, err := w.Write(make([]byte, 1<<20)); err != nil {
			return err
		}
		return errors.New("encoding failed")
	}
	if err := WriteFile(p, failing); err == nil || !strings.Contains(err.Error(), "encoding failed") {
		t.Errorf("error %v, want the writer's", err)
	}
	if data, _ := os.ReadFile(p); string(data) != "old" {
		t.Errorf("file holds %d bytes, want the old file", len(data))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}
