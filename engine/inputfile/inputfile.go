// Package inputfile reads the files a scan is given or finds, within
// bounds: never past a size limit (checked before reading), never a device
// or a FIFO that could stream without end, never through a symlink that
// leaves the repository root, and only as UTF-8 text.
package inputfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TooLargeError is a file or stream past its size limit.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is larger than %s", Size(e.Limit))
}

// Size renders a byte count as fiscguard's messages state limits: 64 MiB.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ErrNotRegular is a path that names a device, FIFO, socket or directory.
var ErrNotRegular = errors.New("not a regular file (a device, FIFO or socket cannot be read as input)")

// Read reads a regular file of at most limit bytes. The size is checked
// before anything is read, so a sparse or huge file costs nothing; a FIFO
// or device is refused before it is opened, since opening a FIFO blocks.
func Read(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The path may have been replaced between Stat and Open.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	// Read into a buffer of the file's size (and room to see the end), not
	// one grown by doubling: a plan is the largest thing a scan reads.
	return readAll(f, limit, make([]byte, 0, st.Size()+bytes.MinRead))
}

// ReadStream reads a stream (standard input, a pipe) of at most limit
// bytes, stopping as soon as it is past the limit.
func ReadStream(r io.Reader, limit int64) ([]byte, error) {
	return readAll(r, limit, nil)
}

func readAll(r io.Reader, limit int64, buf []byte) ([]byte, error) {
	b := bytes.NewBuffer(buf)
	if _, err := b.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return b.Bytes(), nil
}

// IsPipe reports whether path names a FIFO (a named pipe, or the
// /dev/fd/N of a shell's process substitution).
func IsPipe(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode()&fs.ModeNamedPipe != 0
}

// UTF8 returns text without a UTF-8 byte order mark, or an error for text
// in UTF-16 or UTF-32, which editors on Windows may write.
func UTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return nil, errors.New("the file is UTF-32 encoded; save it as UTF-8")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return nil, errors.New("the file is UTF-16 encoded; save it as UTF-8")
	case len(data) >= 4 && (data[0] == 0) != (data[1] == 0) && (data[2] == 0) != (data[3] == 0) && (data[0] == 0) == (data[2] == 0):
		// ASCII text in UTF-16 without a byte order mark: every other byte is NUL.
		return nil, errors.New("the file is UTF-16 encoded; save it as UTF-8")
	}
	return data, nil
}

// RepoRoot is the nearest directory at or above dir holding .git, or dir.
func RepoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// Root is a directory that reads are confined to: the repository root.
type Root struct {
	dir  string // absolute, clean
	real string // dir with symlinks resolved
}

// NewRoot confines reads to dir.
func NewRoot(dir string) Root {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = filepath.Clean(dir)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	return Root{dir: abs, real: real}
}

// Dir is the root directory, absolute.
func (r Root) Dir() string { return r.dir }

// ErrOutside is a path that leads outside the repository root.
var ErrOutside = errors.New("it is outside the repository root")

// ErrLeaves is a path inside the root that resolves, through a symlink,
// outside it.
var ErrLeaves = errors.New("it resolves through a symlink to a path outside the repository root")

// ErrLeavesDir is a file of a DirFS that resolves outside its directory.
var ErrLeavesDir = errors.New("it resolves through a symlink to a path outside its directory")

// Resolve returns the real path p names (relative paths are relative to
// the working directory), or ErrOutside or ErrLeaves when it is not inside
// the root. A path that does not exist yields an error wrapping
// fs.ErrNotExist.
func (r Root) Resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if !Within(r.dir, abs) && !Within(r.real, abs) {
		return "", ErrOutside
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", err
	}
	if !Within(r.real, real) {
		return "", ErrLeaves
	}
	return real, nil
}

// Check is for a file the repository names (a configuration file, a
// tfvars file, a path in .fiscguard.yaml): it must be inside the root. It
// returns ErrOutside or ErrLeaves, or nil; a file that cannot be resolved
// is left for the read to report.
func (r Root) Check(p string) error {
	_, err := r.Resolve(p)
	if errors.Is(err, ErrOutside) || errors.Is(err, ErrLeaves) {
		return err
	}
	return nil
}

// CheckGiven is for a path given on the command line, which may be
// anywhere the user chooses; but one inside the repository must not lead
// out of it through a committed symlink.
func (r Root) CheckGiven(p string) error {
	if err := r.Check(p); errors.Is(err, ErrLeaves) {
		return err
	}
	return nil
}

// Within reports whether p is dir or inside it; both are clean and absolute.
func Within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Describe is an error's text without the path that os errors repeat.
func Describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// DirFS is os.DirFS(dir) within bounds: every file it opens resolves
// inside dir (a symlink out of it is refused), is a regular file and is at
// most limit bytes.
func DirFS(dir string, limit int64) fs.FS {
	return dirFS{root: NewRoot(dir), limit: limit}
}

type dirFS struct {
	root  Root
	limit int64
}

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	real, err := d.root.Resolve(filepath.Join(d.root.dir, filepath.FromSlash(name)))
	if err != nil {
		var pe *fs.PathError
		switch {
		case errors.As(err, &pe):
			err = pe.Err
		case errors.Is(err, ErrLeaves), errors.Is(err, ErrOutside):
			err = ErrLeavesDir
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	st, err := os.Stat(real)
	switch {
	case err != nil:
		return nil, err
	case st.IsDir():
		return os.Open(real)
	case !st.Mode().IsRegular():
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	case st.Size() > d.limit:
		return nil, &fs.PathError{Op: "open", Path: name, Err: &TooLargeError{Limit: d.limit}}
	}
	return os.Open(real)
}
