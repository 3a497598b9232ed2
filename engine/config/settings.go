package config

import "strings"

// Kind is how a setting's value is written.
type Kind int

// Kinds of settings.
const (
	// String is one value: --fail-on high, FISCGUARD_FAIL_ON=high, fail_on: high.
	String Kind = iota
	// Bool is a switch: --quiet, FISCGUARD_QUIET=true, quiet: true.
	Bool
	// List is repeatable: --check A --check B, FISCGUARD_CHECK=A,B, check: [A, B].
	List
)

// Group is which commands take a setting.
type Group int

// Groups of settings.
const (
	// Input settings decide what is scanned and how it is judged (scan,
	// baseline, evidence).
	Input Group = iota
	// Findings settings decide which findings a scan keeps and what fails
	// it (scan, baseline).
	Findings
	// Output settings decide what a scan writes (scan).
	Output
)

// Setting is one setting of the scanning commands. Each is a flag; unless
// NoEnv, also the environment variable FISCGUARD_ and the flag's name in
// capitals with underscores (FISCGUARD_FAIL_ON); where Key is set, also
// that key of .fiscguard.yaml. A flag given on the command line overrides
// the environment, which overrides the file, which overrides Default.
type Setting struct {
	Name  string
	Short string
	Kind  Kind
	Group Group
	// Key is the setting's key in .fiscguard.yaml, "" when only the command
	// line and the environment set it.
	Key string
	// Path marks a file or directory: the configuration file gives it
	// relative to its own directory.
	Path bool
	// NoEnv leaves the setting to the command line (--var: Terraform's own
	// TF_VAR_NAME variables are read as Terraform reads them).
	NoEnv   bool
	Default string
	Usage   string
}

// Env is the environment variable that sets s, or "" when none does.
func (s *Setting) Env() string {
	if s.NoEnv {
		return ""
	}
	return "FISCGUARD_" + strings.ToUpper(strings.ReplaceAll(s.Name, "-", "_"))
}

// Settings are every setting of the scanning commands, in the order --help
// lists them.
var Settings = []Setting{
	{Name: "config", Group: Input, Path: true, Usage: "configuration file (default: .fiscguard.yaml found in the scanned path's directory or above, up to the repository root)"},
	{Name: "profile", Group: Input, Key: "profile", Default: "simple", Usage: "FISC management level: simple (簡易な管理) or strict (厳格な管理)"},
	{Name: "lang", Group: Input, Key: "lang", Default: "en", Usage: "language of titles, messages and remediation: en or ja"},
	{Name: "edition", Group: Input, Key: "edition", Default: "current", Usage: "FISC numbering shown: current (実/統, 9th edition onward) or 8th (運/技/設, 8th edition revised)"},
	{Name: "check", Kind: List, Group: Input, Key: "check", Usage: "run only the rules this names: a rule ID, a FISC item ID or a glob such as FG-S3-* (repeatable)"},
	{Name: "skip-check", Kind: List, Group: Input, Key: "skip_check", Usage: "do not run the rules this names: a rule ID, a FISC item ID or a glob (repeatable)"},
	{Name: "skip-path", Kind: List, Group: Input, Key: "skip_path", Usage: "do not look for root modules in directories matching this glob, e.g. '**/examples' (repeatable)"},
	{Name: "policy-dir", Kind: List, Group: Input, Key: "policy_dirs", Path: true, Usage: "also load the Rego policies in this directory (repeatable; same metadata contract)"},
	{Name: "waivers", Group: Input, Key: "waivers", Path: true, Usage: "waiver file (YAML)"},
	{Name: "source-dir", Group: Input, Path: true, Usage: "the Terraform configuration a plan was made from, to locate plan findings in .tf files and follow the local values a plan does not show (default: the plan file's directory when it holds .tf files)"},
	{Name: "repo-root", Group: Input, Path: true, Usage: "the repository root that output paths and SARIF URIs are relative to, and that nothing read may leave (default: the git top level)"},
	// Not in the file: the budget protects the machine from the repository.
	{Name: "memory-limit", Group: Input, Default: "2048", Usage: "memory budget of each scan in MiB: past it the scan stops with an input error"},
	{Name: "var", Kind: List, Group: Input, NoEnv: true, Usage: "set a root module variable when scanning a directory: NAME=VALUE (repeatable)"},
	{Name: "var-file", Kind: List, Group: Input, Path: true, Usage: "read root module variables from a .tfvars or .tfvars.json file when scanning a directory (repeatable; applied before --var)"},

	{Name: "fail-on", Group: Findings, Key: "fail_on", Default: "low", Usage: "exit 1 when a failed finding shown has this severity or higher: critical, high, medium, low, or none to never fail"},
	{Name: "severity", Group: Findings, Key: "severity", Default: "low", Usage: "show only findings of this severity or higher: critical, high, medium or low"},
	{Name: "baseline", Group: Findings, Key: "baseline", Path: true, Usage: "report only findings that are not in this baseline file (see fiscguard baseline)"},
	{Name: "changed-only", Kind: Bool, Group: Findings, Key: "changed_only", Usage: "for plans: check only resources being created, updated or replaced"},
	{Name: "diff-base", Group: Findings, Key: "diff_base", Usage: "keep only findings on resources whose blocks changed since this git ref"},

	{Name: "format", Short: "f", Group: Output, Key: "format", Default: "text", Usage: "output format of standard output and of each -o FILE: text, json, sarif, markdown, junit or github"},
	{Name: "output", Short: "o", Kind: List, Group: Output, Key: "output", Path: true, Usage: "write an output: FILE (in --format), FORMAT (to standard output) or FORMAT=FILE (repeatable: -o sarif=fiscguard.sarif -o text)"},
	{Name: "include-suppressed", Kind: Bool, Group: Output, Key: "include_suppressed", Usage: "include waived findings in SARIF, marked as suppressed"},
	{Name: "sarif-category", Group: Output, Key: "sarif_category", Usage: "the category of the SARIF run in GitHub code scanning (automationDetails.id; default: fiscguard/ and the scanned directory relative to the repository root)"},
	{Name: "quiet", Short: "q", Kind: Bool, Group: Output, Key: "quiet", Usage: "text and github formats: show failures only, and nothing when there are none"},
	{Name: "no-color", Kind: Bool, Group: Output, Key: "no_color", Usage: "no colour in text output (also NO_COLOR)"},
}

// Lookup returns the setting of that name.
func Lookup(name string) (*Setting, bool) {
	for i := range Settings {
		if Settings[i].Name == name {
			return &Settings[i], true
		}
	}
	return nil, false
}

// In returns the settings of the groups given, in order.
func In(groups ...Group) []*Setting {
	var out []*Setting
	for i := range Settings {
		for _, g := range groups {
			if Settings[i].Group == g {
				out = append(out, &Settings[i])
			}
		}
	}
	return out
}
