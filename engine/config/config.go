// Package config reads .fiscguard.yaml, the settings a repository or a
// platform team fixes for every scan; command-line flags override it.
package config

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/yamlfile"
)

// FileNames are the names Find looks for, in order.
var FileNames = []string{".fiscguard.yaml", ".fiscguard.yml"}

// Config is a parsed configuration file. Paths in it are relative to the
// file's directory and are returned resolved.
type Config struct {
	Profile   string         `yaml:"profile"`
	Edition   string         `yaml:"edition"`
	Lang      string         `yaml:"lang"`
	FailOn    string         `yaml:"fail_on"`
	Params    map[string]any `yaml:"params"`
	Rules     Rules          `yaml:"rules"`
	PolicyDir []string       `yaml:"policy_dirs"`
	Waivers   string         `yaml:"waivers"`
	Baseline  string         `yaml:"baseline"`

	// Path is the file the configuration came from.
	Path string `yaml:"-"`
	file *yamlfile.File
}

// Rules enables or disables rules by ID; with enable, only those run.
type Rules struct {
	Enable  []string `yaml:"enable"`
	Disable []string `yaml:"disable"`
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

// Load reads and checks a configuration file: an unknown key, a value of
// the wrong type or an unknown setting is an error at its line. The file
// (unless given on the command line) and every path it names must lie
// inside root, the repository root; paths are resolved against the file's
// directory.
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
		return nil, err
	}
	c.Path, c.file = path, f
	if err := c.check(); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	for i, d := range c.PolicyDir {
		c.PolicyDir[i] = resolve(dir, d)
		if err := root.Check(c.PolicyDir[i]); err != nil {
			return nil, c.file.Errorf(fmt.Sprintf("$.policy_dirs[%d]", i), "policy_dirs: %s: %v", d, err)
		}
	}
	for key, p := range map[string]*string{"waivers": &c.Waivers, "baseline": &c.Baseline} {
		given := *p
		if *p = resolve(dir, *p); *p != "" {
			if err := root.Check(*p); err != nil {
				return nil, c.file.Errorf("$."+key, "%s: %s: %v", key, given, err)
			}
		}
	}
	return &c, nil
}

func resolve(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func (c *Config) check() error {
	checks := []struct {
		key, value string
		parse      func(string) error
	}{
		{"profile", c.Profile, func(s string) error { _, err := rule.ParseProfile(s); return err }},
		{"fail_on", c.FailOn, func(s string) error { _, err := rule.ParseSeverity(s); return err }},
		{"lang", c.Lang, func(s string) error { _, err := i18n.ParseLang(s); return err }},
		{"edition", c.Edition, func(s string) error { _, err := rule.ParseEdition(s); return err }},
	}
	for _, ch := range checks {
		if ch.value == "" {
			continue
		}
		if err := ch.parse(ch.value); err != nil {
			return c.file.Errorf("$."+ch.key, "%s: %v", ch.key, err)
		}
	}
	return nil
}

// Validate checks the file's parameters against their declared types and
// ranges and its rule lists against the rules that exist, reporting each
// problem at its line and column.
func (c *Config) Validate(specs rule.ParamSpecs, exists func(id string) bool) error {
	for _, name := range slices.Sorted(maps.Keys(c.Params)) {
		spec, ok := specs[name]
		if !ok {
			return c.file.Errorf("$.params."+name, "params.%s: unknown parameter (known: %s)", name, strings.Join(specs.Names(), ", "))
		}
		if at, err := spec.Check(c.Params[name]); err != nil {
			return c.file.Errorf("$.params."+name+at, "params.%s%s: %v", name, at, err)
		}
	}
	enabled := map[string]int{}
	for i, id := range c.Rules.Enable {
		enabled[id] = i
	}
	for _, list := range []struct {
		name string
		ids  []string
	}{{"enable", c.Rules.Enable}, {"disable", c.Rules.Disable}} {
		for i, id := range list.ids {
			at := fmt.Sprintf("$.rules.%s[%d]", list.name, i)
			if !exists(id) {
				return c.file.Errorf(at, "rules.%s: unknown rule %q", list.name, id)
			}
			if j, both := enabled[id]; both && list.name == "disable" {
				return c.file.Errorf(at, "rules.disable: %s is also in rules.enable[%d]; a rule cannot be both", id, j)
			}
		}
	}
	return nil
}
