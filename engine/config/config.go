// Package config holds the settings of the scanning commands and where
// each comes from: a flag given on the command line, else the environment
// (FISCGUARD_<FLAG>), else .fiscguard.yaml, the settings a repository or a
// platform team fixes for every scan, else the default.
package config

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/yamlfile"
)

// FileNames are the names Find looks for, in order.
var FileNames = []string{".fiscguard.yaml", ".fiscguard.yml"}

// Config is a parsed configuration file: a field per Setting with a Key
// (settings_test checks that they agree), and the policies' parameters.
// Paths in the file are relative to its directory and are returned
// resolved.
type Config struct {
	Profile           string         `yaml:"profile"`
	Edition           string         `yaml:"edition"`
	Lang              string         `yaml:"lang"`
	Check             []string       `yaml:"check"`
	SkipCheck         []string       `yaml:"skip_check"`
	SkipPath          []string       `yaml:"skip_path"`
	PolicyDirs        []string       `yaml:"policy_dirs"`
	Waivers           string         `yaml:"waivers"`
	FailOn            string         `yaml:"fail_on"`
	Severity          string         `yaml:"severity"`
	Baseline          string         `yaml:"baseline"`
	ChangedOnly       bool           `yaml:"changed_only"`
	DiffBase          string         `yaml:"diff_base"`
	Format            string         `yaml:"format"`
	Output            []string       `yaml:"output"`
	IncludeSuppressed bool           `yaml:"include_suppressed"`
	SarifCategory     string         `yaml:"sarif_category"`
	Quiet             bool           `yaml:"quiet"`
	NoColor           bool           `yaml:"no_color"`
	Params            map[string]any `yaml:"params"`

	// Path is the file the configuration came from.
	Path string `yaml:"-"`
	file *yamlfile.File
}

// Find looks for a configuration file in start (a file's directory, or a
// directory) and each directory above it up to root, the repository root:
// nothing outside the repository is read. "" when there is none.
func Find(start string, root inputfile.Root) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for inputfile.Within(root.Dir(), dir) {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if st, err := os.Lstat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "", nil
}

// Load reads a configuration file: an unknown key (with the key meant, when
// it is misspelt) or a value of the wrong type is an error at its line.
// Values are checked where they are used, so an error names the source the
// value came from. The file (unless given on the command line or in the
// environment) and every path it names, read or written, must lie inside
// root, the repository root.
func Load(path string, root inputfile.Root, given bool) (*Config, error) {
	check := root.Check
	if given {
		check = root.CheckGiven
	}
	if err := check(path); err != nil {
		return nil, &model.InputError{File: path, Msg: err.Error()}
	}
	var c Config
	f, err := yamlfile.Load(path, &c)
	if err != nil {
		return nil, withReplacement(err)
	}
	c.Path, c.file = path, f
	dir := filepath.Dir(path)
	v := reflect.ValueOf(&c).Elem()
	for _, s := range Settings {
		if !s.Path || s.Key == "" {
			continue
		}
		field := fieldByKey(v, s.Key)
		var at []reflect.Value
		switch field.Kind() {
		case reflect.String:
			at = []reflect.Value{field}
		case reflect.Slice:
			for i := range field.Len() {
				at = append(at, field.Index(i))
			}
		}
		for i, e := range at {
			written := e.String()
			e.SetString(resolve(dir, written, s.Name == "output"))
			p := strings.TrimPrefix(e.String(), outputFormat.FindString(e.String()))
			if p == "" || (s.Name == "output" && p == written && !strings.ContainsAny(p, `./\`)) {
				continue // unset, or a bare output format: no path
			}
			if err := root.Check(p); err != nil {
				key := "$." + s.Key
				if field.Kind() == reflect.Slice {
					key += fmt.Sprintf("[%d]", i)
				}
				return nil, c.errorf(key, "%s: %s: %v", s.Key, written, err)
			}
		}
	}
	return &c, nil
}

// value is the file's value of a setting, and whether the file gives it.
func (c *Config) value(s *Setting) (any, bool) {
	if c == nil || s.Key == "" {
		return nil, false
	}
	field := fieldByKey(reflect.ValueOf(c).Elem(), s.Key)
	if !field.IsValid() || field.IsZero() {
		return nil, false
	}
	return field.Interface(), true
}

// fieldByKey is the field of a Config whose yaml tag is key.
func fieldByKey(v reflect.Value, key string) reflect.Value {
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("yaml") == key {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

// outputFormat is the FORMAT= prefix of an output, which is not a path.
var outputFormat = regexp.MustCompile(`^[a-z]+=`)

// resolve makes a path relative to the file's directory; an output's path
// follows its FORMAT= prefix, and a bare format name is no path.
func resolve(dir, p string, output bool) string {
	prefix := ""
	if output {
		if m := outputFormat.FindString(p); m != "" {
			prefix, p = m, p[len(m):]
		} else if !strings.ContainsAny(p, `./\`) {
			return p
		}
	}
	if p == "" || filepath.IsAbs(p) {
		return prefix + p
	}
	return prefix + filepath.Join(dir, p)
}

// ParamError reports a problem with params.NAME at its line.
func (c *Config) ParamError(name string, err error) error {
	return c.file.Errorf("$.params."+name, "params.%s: %v", name, err)
}

// CheckParams checks the file's parameters against their declared types
// and ranges, reporting a wrong one at its line and column (of the element,
// within a list or map).
func (c *Config) CheckParams(specs rule.ParamSpecs) error {
	for _, name := range slices.Sorted(maps.Keys(c.Params)) {
		spec, ok := specs[name]
		if !ok {
			return c.ParamError(name, fmt.Errorf("unknown parameter (known: %s)", strings.Join(specs.Names(), ", ")))
		}
		if at, err := spec.Check(c.Params[name]); err != nil {
			return c.file.Errorf("$.params."+name+at, "params.%s%s: %v", name, at, err)
		}
	}
	return nil
}

// errorf reports a problem with the value at path ($.fail_on, $.check[1]).
func (c *Config) errorf(path, format string, args ...any) error {
	return c.file.Errorf(path, format, args...)
}

// replaced names the keys of earlier versions and what took their place.
var replaced = map[string]string{
	"rules": "rules.enable and rules.disable were replaced by check and skip_check (rule IDs, FISC IDs or globs)",
}

// withReplacement adds to an unknown-key error what replaced the key, when
// it is one that earlier versions read.
func withReplacement(err error) error {
	var ie *model.InputError
	if !errors.As(err, &ie) {
		return err
	}
	for key, hint := range replaced {
		if strings.HasPrefix(ie.Msg, fmt.Sprintf("unknown key %q", key)) {
			out := *ie
			out.Msg = fmt.Sprintf("unknown key %q: %s", key, hint)
			return &out
		}
	}
	return err
}
