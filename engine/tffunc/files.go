package tffunc

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/inputfile"
)

// confinedFS resolves the paths that file functions are given and refuses any
// that lead outside root, lexically or through symlinks, before anything is
// read.
type confinedFS struct {
	root inputfile.Root
	base string // absolute moduleDir: where relative paths start
}

func newConfinedFS(root, moduleDir string) *confinedFS {
	base, err := filepath.Abs(moduleDir)
	if err != nil {
		base = moduleDir
	}
	return &confinedFS{root: inputfile.NewRoot(root), base: filepath.Clean(base)}
}

// abs makes p absolute against the module directory.
func (c *confinedFS) abs(p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.base, p)
	}
	return filepath.Clean(p)
}

// resolve returns the real path that p names, or an error if p leaves the
// scanned tree. A path inside root that does not exist (or is a dangling
// symlink) yields an error wrapping fs.ErrNotExist.
func (c *confinedFS) resolve(p string) (string, error) {
	real, err := c.root.Resolve(c.abs(p))
	switch {
	case errors.Is(err, inputfile.ErrOutside):
		return "", fmt.Errorf("%s is outside the scanned directory; file functions may only read files of the configuration", p)
	case errors.Is(err, inputfile.ErrLeaves):
		return "", fmt.Errorf("%s resolves to a path outside the scanned directory; file functions may only read files of the configuration", p)
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("no file exists at %s: %w", p, fs.ErrNotExist)
	case err != nil:
		return "", fmt.Errorf("cannot resolve %s: %w", p, err)
	}
	return real, nil
}

// MaxFileSize bounds what one file function reads.
const MaxFileSize = 64 << 20

// readFile reads a regular file inside root, of at most MaxFileSize.
func (c *confinedFS) readFile(p string) ([]byte, error) {
	real, err := c.resolve(p)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", p, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a file", p)
	}
	b, err := inputfile.Read(real, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %s", p, inputfile.Describe(err))
	}
	return b, nil
}

func fileFuncs(c *confinedFS) map[string]function.Function {
	hexHash := func(h func() hash.Hash) func([]byte) (string, error) {
		return func(b []byte) (string, error) { return digest(h, hex.EncodeToString, b), nil }
	}
	b64Hash := func(h func() hash.Hash) func([]byte) (string, error) {
		return func(b []byte) (string, error) { return digest(h, b64, b), nil }
	}
	return map[string]function.Function{
		"file": fileReadFunc(c, func(b []byte) (string, error) {
			if !utf8.Valid(b) {
				return "", errors.New("contents are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead")
			}
			return string(b), nil
		}),
		"filebase64":       fileReadFunc(c, func(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(b), nil }),
		"filemd5":          fileReadFunc(c, hexHash(md5.New)),
		"filesha1":         fileReadFunc(c, hexHash(sha1.New)),
		"filesha256":       fileReadFunc(c, hexHash(sha256.New)),
		"filesha512":       fileReadFunc(c, hexHash(sha512.New)),
		"filebase64sha256": fileReadFunc(c, b64Hash(sha256.New)),
		"filebase64sha512": fileReadFunc(c, b64Hash(sha512.New)),
		"fileexists":       fileExistsFunc(c),
		"fileset":          fileSetFunc(c),
		"abspath":          pathFunc(func(p string) (string, error) { return filepath.ToSlash(c.abs(p)), nil }),
		"dirname":          pathFunc(func(p string) (string, error) { return filepath.Dir(p), nil }),
		"basename":         pathFunc(func(p string) (string, error) { return filepath.Base(p), nil }),
		// Home-directory expansion would make results depend on who runs the
		// scan, so the path is returned as written.
		"pathexpand": pathFunc(func(p string) (string, error) { return p, nil }),
	}
}

// fileReadFunc makes a function of a path that reads the file and renders its
// bytes with render.
func fileReadFunc(c *confinedFS, render func([]byte) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := c.readFile(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgError(0, err)
			}
			s, err := render(b)
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "%s: %s", args[0].AsString(), err)
			}
			return cty.StringVal(s), nil
		},
	})
}

func pathFunc(f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgError(0, err)
			}
			return cty.StringVal(s), nil
		},
	})
}

// fileExistsFunc is fileexists(path): whether a regular file is there. As in
// Terraform, a directory or other non-file at the path is an error rather
// than false.
func fileExistsFunc(c *confinedFS) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			real, err := c.resolve(p)
			if errors.Is(err, fs.ErrNotExist) {
				return cty.False, nil
			}
			if err != nil {
				return cty.UnknownVal(cty.Bool), function.NewArgError(0, err)
			}
			fi, err := os.Stat(real)
			if err != nil {
				return cty.UnknownVal(cty.Bool), function.NewArgErrorf(0, "failed to stat %s", p)
			}
			switch mode := fi.Mode(); {
			case mode.IsRegular():
				return cty.True, nil
			case mode.IsDir():
				return cty.UnknownVal(cty.Bool), function.NewArgErrorf(0, "%s is a directory, not a file", p)
			default:
				return cty.UnknownVal(cty.Bool), function.NewArgErrorf(0, "%s is not a regular file, but %q", p, mode.Type().String())
			}
		},
	})
}

// fileSetFunc is fileset(path, pattern): the regular files under path whose
// slash-separated path relative to it matches pattern (see compileGlob),
// as a set, which orders them lexically.
func fileSetFunc(c *confinedFS) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Set(cty.String)),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			names, err := c.fileset(args[0].AsString(), args[1].AsString())
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if len(names) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			vals := make([]cty.Value, len(names))
			for i, n := range names {
				vals[i] = cty.StringVal(n)
			}
			return cty.SetVal(vals), nil
		},
	})
}

func (c *confinedFS) fileset(dir, pattern string) ([]string, error) {
	pattern = path.Clean(filepath.ToSlash(pattern))
	re, err := compileGlob(pattern)
	if err != nil {
		return nil, function.NewArgErrorf(1, "failed to glob pattern %q: %s", pattern, err)
	}
	// Walk only below the pattern's literal leading directories; this also
	// lets "../x/*" reach a sibling, still inside root.
	walkFrom := filepath.Join(dir, filepath.FromSlash(literalPrefix(pattern)))
	start, err := c.resolve(walkFrom)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // like Terraform, a missing directory matches nothing
	}
	if err != nil {
		return nil, function.NewArgError(0, err)
	}
	// Names are reported relative to dir as written, so walk the real start
	// directory and map each entry back.
	logicalStart := c.abs(walkFrom)
	logicalDir := c.abs(dir)
	var out []string
	err = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil // symlinked directories are not followed: WalkDir reports them as files
		}
		relToStart, err := filepath.Rel(start, p)
		if err != nil {
			return err
		}
		logical := filepath.Join(logicalStart, relToStart)
		rel, err := filepath.Rel(logicalDir, logical)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !re.MatchString(rel) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			real, err := c.resolve(logical)
			if errors.Is(err, fs.ErrNotExist) {
				return nil // dangling link: not a file
			}
			if err != nil {
				return err
			}
			if fi, err := os.Stat(real); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("failed to list %s: %w", dir, err)
	}
	sort.Strings(out)
	return out, nil
}
