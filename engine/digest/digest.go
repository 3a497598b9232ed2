// Package digest fingerprints what a report was made from: a file, or the
// files of a tree, as "sha256:<hex>", so two reports can be shown to come
// from the same input, policies and waivers.
package digest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Prefix names the hash in every digest.
const Prefix = "sha256:"

// File returns the digest of one file's contents.
func File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return Prefix + hex.EncodeToString(h.Sum(nil)), nil
}

// Tree returns the digest of the files of fsys that keep accepts, in
// lexical path order, each hashed with its slash-separated path and length
// before its contents, so a renamed file changes the digest as an edited
// one does. Hidden directories (.git, .terraform) are left out. It also
// returns how many files it read.
func Tree(fsys fs.FS, keep func(path string) bool) (string, int, error) {
	h := sha256.New()
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !keep(p) {
			return nil
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return err
		}
		// Path and length first, so no two trees hash the same bytes.
		fmt.Fprintf(h, "%s\x00%d\x00", p, st.Size())
		if _, err := io.CopyN(h, f, st.Size()); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return "", 0, err
	}
	return Prefix + hex.EncodeToString(h.Sum(nil)), n, nil
}

// Reader hashes what is read through it, for input that cannot be read
// twice (standard input).
type Reader struct {
	r io.Reader
	h hash.Hash
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader { return &Reader{r: r, h: sha256.New()} }

func (r *Reader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.h.Write(p[:n])
	return n, err
}

// Sum is the digest of what has been read so far.
func (r *Reader) Sum() string { return Prefix + hex.EncodeToString(r.h.Sum(nil)) }
