// Package config reads .fiscguard.yaml, the settings a repository or a
// platform team fixes for every scan; command-line flags override it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fiscguard/fiscguard/engine/i18n"
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
// directory) and each directory above it; "" when there is none.
func Find(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks a configuration file: an unknown key, a value of
// the wrong type or an unknown setting is an error at its line.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &model.InputError{File: path, Msg: err.Error()}
	}
	var c Config
	f, err := yamlfile.Decode(path, data, &c)
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
	}
	c.Waivers, c.Baseline = resolve(dir, c.Waivers), resolve(dir, c.Baseline)
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

// ParamError reports a problem with params.NAME at its line.
func (c *Config) ParamError(name string, err error) error {
	return c.file.Errorf("$.params."+name, "params.%s: %v", name, err)
}

// RuleError reports an unknown rule ID in rules.enable or rules.disable.
func (c *Config) RuleError(list string, i int, id string) error {
	return c.file.Errorf(fmt.Sprintf("$.rules.%s[%d]", list, i), "rules.%s: unknown rule %q", list, id)
}
