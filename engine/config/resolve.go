package config

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
)

// Given are the flags given on the command line, by name, each with its
// values as typed (a switch's "true" or "false").
type Given map[string][]string

// Resolved holds the value in force of each setting of a command and where
// it came from, so that a bad value is reported at its source.
type Resolved struct {
	// File is the configuration file in force, nil when there is none.
	File *Config
	// Root is the repository root, which nothing read may leave.
	Root   inputfile.Root
	values map[string]resolvedValue
}

type resolvedValue struct {
	list []string
	// from is "flag", "env", "file" or "default".
	from string
}

// Resolve finds each setting's value in force: the flag given, else the
// environment variable, else the configuration file's key, else the
// default. The configuration file is --config (flag or FISCGUARD_CONFIG),
// else the one found at or above start; a missing one is no file.
func Resolve(settings []*Setting, given Given, env []string, start string) (*Resolved, error) {
	envs := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			envs[k] = v
		}
	}
	r := &Resolved{values: map[string]resolvedValue{}}
	for _, s := range settings {
		switch v, ok := given[s.Name]; {
		case ok:
			r.values[s.Name] = resolvedValue{list: v, from: "flag"}
		case s.Env() != "" && envs[s.Env()] != "":
			r.values[s.Name] = resolvedValue{list: envValues(s, envs[s.Env()]), from: "env"}
		case s.Default != "":
			r.values[s.Name] = resolvedValue{list: []string{s.Default}, from: "default"}
		}
	}
	// The repository root, which nothing the file names may leave: set on
	// the command line or in the environment (the file cannot move it).
	rootDir := r.String("repo-root")
	if rootDir == "" {
		abs, err := filepath.Abs(start)
		if err != nil {
			return nil, &model.InputError{File: start, Msg: err.Error()}
		}
		rootDir = inputfile.RepoRoot(abs)
	}
	r.Root = inputfile.NewRoot(rootDir)
	path, named := r.String("config"), true
	if path == "" {
		found, err := Find(start, r.Root)
		if err != nil {
			return nil, &model.InputError{File: start, Msg: "looking for .fiscguard.yaml: " + err.Error()}
		}
		path, named = found, false
	}
	if path != "" {
		f, err := Load(path, r.Root, named)
		if err != nil {
			return nil, err
		}
		r.File = f
	}
	for _, s := range settings {
		if from := r.values[s.Name].from; from == "flag" || from == "env" {
			continue
		}
		if v, ok := r.File.value(s); ok {
			r.values[s.Name] = resolvedValue{list: fileValues(v), from: "file"}
		}
	}
	return r, nil
}

// envValues splits a list setting's environment value at commas.
func envValues(s *Setting, v string) []string {
	if s.Kind != List {
		return []string{v}
	}
	var out []string
	for _, e := range strings.Split(v, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func fileValues(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case bool:
		return []string{strconv.FormatBool(x)}
	}
	return []string{fmt.Sprint(v)}
}

// String is a setting's value, "" when unset.
func (r *Resolved) String(name string) string {
	v := r.values[name].list
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// List is a list setting's values.
func (r *Resolved) List(name string) []string { return r.values[name].list }

// Bool is a switch's value; an environment value that is not a boolean is
// an error.
func (r *Resolved) Bool(name string) (bool, error) {
	s := r.String(name)
	if s == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, r.Errorf(name, -1, "%q is not true or false", s)
	}
	return b, nil
}

// Given reports whether the setting was set anywhere but its default.
func (r *Resolved) Given(name string) bool {
	from := r.values[name].from
	return from != "" && from != "default"
}

// Errorf reports a problem with a setting's value (the i-th of a list, or
// -1 for the whole) where it came from: --fail-on: …, FISCGUARD_FAIL_ON: …,
// or .fiscguard.yaml:LINE:COLUMN: fail_on: ….
func (r *Resolved) Errorf(name string, i int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	s, _ := Lookup(name)
	switch r.values[name].from {
	case "env":
		return fmt.Errorf("%s: %s", s.Env(), msg)
	case "file":
		path := "$." + s.Key
		if i >= 0 {
			path += fmt.Sprintf("[%d]", i)
		}
		return r.File.errorf(path, "%s: %s", s.Key, msg)
	}
	return fmt.Errorf("--%s: %s", name, msg)
}
