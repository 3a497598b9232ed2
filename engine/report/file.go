package report

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes an output file atomically, as write writes it: into a
// temporary file beside it, then renamed over it. A reader never sees half
// a report, and a write that fails (a full disk, a file size limit) leaves
// the old file as it was. Only a regular file (or none) is replaced so: a
// device, a pipe or another special file (-o /dev/null, -o /dev/stdout) is
// written to as it is, since renaming over it would replace the device
// itself. The report streams through a buffer: it is not held in memory
// whole a second time.
func WriteFile(path string, write func(io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return &os.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return &os.PathError{Op: "write", Path: path, Err: unwrapPath(err)}
		}
		err = buffered(f, write)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return &os.PathError{Op: "write", Path: path, Err: unwrapPath(err)}
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	err = buffered(tmp, write)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return &os.PathError{Op: "write", Path: path, Err: unwrapPath(err)}
	}
	return nil
}

// buffered runs write over a buffer in front of w, and flushes it.
func buffered(w io.Writer, write func(io.Writer) error) error {
	bw := bufio.NewWriter(w)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// Bytes is a write function for WriteFile that writes data.
func Bytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}
