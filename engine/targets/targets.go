// Package targets finds what a run scans from the paths it is given: every
// root module below a directory, the root modules a changed .tf or .tfvars
// file belongs to, a plan file, or standard input.
package targets

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/model"
)

// Stdin is the path that names standard input.
const Stdin = "-"

// Options tune where Find looks.
type Options struct {
	// Skip are globs (** for any depth) of directories not to look in,
	// matched against a directory's path below the path given and against
	// its path as the run names it.
	Skip []string
	// Root is the repository root, below which the root modules of changed
	// files are looked for.
	Root string
}

// Find returns the targets of the paths given, sorted and each once: a
// directory of a root module, a plan file, or Stdin (alone). Below a
// directory, a root module is a directory of Terraform files that no module
// found there calls as a local module; .terraform, hidden directories and
// those Skip matches are not looked in. A .tf, .tf.json or .tfvars file
// (as pre-commit passes changed files) stands for the root modules whose
// configuration holds its directory. Any other path is a plan, including
// one that does not exist, which reading it reports.
func Find(paths []string, opts Options) ([]string, error) {
	if slices.Contains(paths, Stdin) {
		if len(paths) > 1 {
			return nil, &model.InputError{File: Stdin, Msg: "standard input is scanned alone, not with other paths"}
		}
		return paths, nil
	}
	var out, changed []string
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err != nil:
			out = append(out, p)
		case st.IsDir():
			roots := rootModules(p, walk(p, opts.Skip))
			if len(roots) == 0 {
				return nil, &model.InputError{File: p, Msg: "no Terraform configuration files (*.tf, *.tf.json) in this directory or below it"}
			}
			out = append(out, roots...)
		case isConfigFile(p):
			changed = append(changed, p)
		default:
			out = append(out, p)
		}
	}
	if len(changed) > 0 {
		roots, err := holding(changed, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, roots...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// isConfigFile is a file of a module's configuration or variables.
func isConfigFile(p string) bool {
	for _, ext := range []string{".tf", ".tf.json", ".tfvars", ".tfvars.json"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// walk lists the module directories at or below base, as paths joined to
// base.
func walk(base string, skip []string) []string {
	var dirs []string
	filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != base && (d.Name() == ".terraform" || strings.HasPrefix(d.Name(), ".") || skipped(base, p, skip)) {
			return filepath.SkipDir
		}
		if hclconf.HasConfiguration(p) {
			dirs = append(dirs, p)
		}
		return nil
	})
	return dirs
}

// skipped reports whether a Skip glob matches dir, below base or as named.
func skipped(base, dir string, skip []string) bool {
	rel, err := filepath.Rel(base, dir)
	if err != nil {
		rel = dir
	}
	for _, g := range skip {
		g = strings.TrimSuffix(filepath.ToSlash(g), "/")
		for _, p := range []string{filepath.ToSlash(rel), filepath.ToSlash(filepath.Clean(dir))} {
			if ok, _ := doublestar.Match(g, p); ok {
				return true
			}
		}
	}
	return false
}

// calls maps each module directory (absolute) to the local modules it calls.
func calls(dirs []string) map[string][]string {
	out := make(map[string][]string, len(dirs))
	for _, d := range dirs {
		out[abs(d)] = hclconf.LocalModuleDirs(d)
	}
	return out
}

// rootModules are the module directories that none of them calls. A call
// in a cycle (a module that calls itself, or one that its callee calls
// back) makes no module another's child: Terraform refuses such a
// configuration, and scanning it says so at the call.
func rootModules(base string, dirs []string) []string {
	graph := calls(dirs)
	called := map[string]bool{}
	for caller, targets := range graph {
		for _, t := range targets {
			if !reaches(graph, t, caller, map[string]bool{}) {
				called[t] = true
			}
		}
	}
	var out []string
	for _, d := range dirs {
		if !called[abs(d)] {
			out = append(out, d)
		}
	}
	return out
}

// holding finds the root modules below the repository root whose
// configuration holds each changed file's module (the nearest directory
// of Terraform files at or above it); a module no root calls is its own
// root.
func holding(files []string, opts Options) ([]string, error) {
	root := abs(opts.Root)
	dirs := walk(root, opts.Skip)
	graph := calls(dirs)
	roots := rootModules(root, dirs)
	var out []string
	for _, f := range files {
		mod := moduleOf(abs(filepath.Dir(f)), root)
		if mod == "" {
			continue
		}
		found := false
		for _, r := range roots {
			if reaches(graph, abs(r), mod, map[string]bool{}) {
				out = append(out, display(r))
				found = true
			}
		}
		if !found && !skipped(root, mod, opts.Skip) {
			out = append(out, display(mod))
		}
	}
	if len(out) == 0 {
		return nil, &model.InputError{File: files[0], Msg: "no Terraform configuration holds this file"}
	}
	return out, nil
}

// moduleOf is the nearest directory at or above dir, within root, that
// holds Terraform files; "" when there is none.
func moduleOf(dir, root string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if hclconf.HasConfiguration(d) {
			return d
		}
		if rel, err := filepath.Rel(root, d); err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			return ""
		}
	}
}

// reaches reports whether module from is, or calls through local modules,
// the module to.
func reaches(graph map[string][]string, from, to string, seen map[string]bool) bool {
	if from == to {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	for _, next := range graph[from] {
		if reaches(graph, next, to, seen) {
			return true
		}
	}
	return false
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// display names an absolute directory relative to the working directory
// when it is below it.
func display(dir string) string {
	wd, err := os.Getwd()
	if err != nil {
		return dir
	}
	rel, err := filepath.Rel(wd, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return dir
	}
	return rel
}
