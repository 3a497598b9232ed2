// Package report writes scan results as text, JSON, SARIF or Markdown.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Report is everything a writer needs; writers never look elsewhere.
type Report struct {
	Tool    Tool
	Target  Target
	Profile rule.Profile
	// Edition selects the FISC numbering shown (the current one when unset).
	Edition rule.Edition
	Lang    i18n.Lang
	// FailOn is the least severity of a failed finding that fails the scan
	// (rule.None: nothing does).
	FailOn rule.Severity
	// Severity is the least severity of the findings shown (zero: all);
	// Below counts the findings it left out.
	Severity rule.Severity
	Below    int
	// Rules are the rules evaluated in this scan, sorted by ID.
	Rules []*rule.Rule
	// Coverage is every rule's pass record over the whole input, sorted by
	// rule ID: what it applied to and each outcome. It is built before
	// --baseline, --changed-only and --diff-base leave findings out.
	Coverage []coverage.Rule
	// Params are the parameter values in force (defaults, profile, config).
	Params map[string]any
	// Library describes the policy library the rules came from.
	Library  Library
	Catalog  *catalog.Catalog
	Findings []finding.Finding
	// Resources lists every resource in the input, so nothing is dropped silently.
	Resources []Resource
	// Filters are the resource filters in force (--changed-only,
	// --diff-base), in the order applied.
	Filters []Filter
	// Repository is where the scanned files are published, for links to
	// them; zero when unknown.
	Repository Repository
	// Notes are warnings about the input, e.g. an incomplete plan, in both
	// languages as the loaders and the scan made them.
	Notes []i18n.Text
	// Waivers in force, for reporting those that expire soon (findings they
	// suppress carry them in Finding.Waiver).
	Waivers []finding.Waiver
	// Today is the date waivers are judged on (YYYY-MM-DD), set by the
	// caller so output stays reproducible.
	Today string
	// Parts are the reports of each target when this one stands for a run
	// of several (see Set): its findings, resources, filters and notes are
	// theirs together, each naming its target.
	Parts []*Report
}

// Tool identifies fiscguard in outputs.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
}

// Target describes the scanned input.
type Target struct {
	// Path is the input as given (relative where possible; "-" for stdin).
	Path string
	// RepoPath is the same input relative to the repository root
	// (slash-separated, "." for the root itself), however Path was written
	// and wherever fiscguard ran; "" for standard input or a path outside
	// the repository.
	RepoPath         string
	Kind             string
	TerraformVersion string
	FormatVersion    string
	Complete         bool
	Errored          bool
}

// Library is the policy library a scan used.
type Library struct {
	Sources []LibrarySource
	// Rules are every rule of the library, in force or not, sorted by ID.
	Rules []*rule.Rule
}

// LibrarySource is one part of the policy library: the embedded library
// (policies, catalog and parameters) or a --policy-dir (its .rego files).
type LibrarySource struct {
	Name    string
	Builtin bool
	Digest  string
	Files   int
}

// Resource is one resource of the input as outputs list it. Covered is
// true when an evaluated rule judges resources of its type. Checked is true
// when at least one rule judged it and the report holds its findings: a
// managed resource, not only being deleted, that every filter kept, of a
// covered type or given a finding; LeftOutBy names the filter that left it
// out ("changed-only", "diff-base"), else "".
type Resource struct {
	Address   string          `json:"address"`
	Type      string          `json:"type"`
	Mode      string          `json:"mode"`
	Actions   []string        `json:"actions"`
	Covered   bool            `json:"covered"`
	Checked   bool            `json:"checked"`
	LeftOutBy string          `json:"left_out_by"`
	Source    *model.Location `json:"source,omitempty"`
	// Target is the path of the target holding the resource, when a report
	// stands for several.
	Target string `json:"target,omitempty"`
}

// Subject reports whether the resource is what policies judge: managed
// and not only being deleted (data sources and deletions are not).
func (r *Resource) Subject() bool {
	return (&model.Resource{Mode: r.Mode, Actions: r.Actions}).Checked()
}

// Filter is a resource filter in force and how many resources it left out
// (of those policies judge).
type Filter struct {
	// Name is "changed-only" (what a plan creates, updates or replaces) or
	// "diff-base" (blocks changed since Ref).
	Name    string
	Ref     string
	LeftOut int
}

// Filter names.
const (
	FilterChangedOnly = "changed-only"
	FilterDiffBase    = "diff-base"
)

// Formats lists the output formats by name.
var Formats = []string{"text", "json", "sarif", "markdown", "junit", "github"}

// Options tune a writer.
type Options struct {
	// Color enables ANSI colours in text output (only on a terminal).
	Color bool
	// IncludeSuppressed puts waived findings into SARIF, with suppressions;
	// by default SARIF leaves them out.
	IncludeSuppressed bool
	// Quiet keeps text and github output to failures: nothing else, and
	// nothing at all when there are none.
	Quiet bool
	// Category, when set, is the SARIF run's category for GitHub code
	// scanning (automationDetails.id), in place of the one named after the
	// scanned directory.
	Category string
}

// Write writes r in the named format.
func Write(w io.Writer, format string, r *Report, opts Options) error {
	switch format {
	case "text":
		return writeText(w, r, opts)
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r, opts)
	case "markdown":
		return writeMarkdown(w, r)
	case "junit":
		return writeJUnit(w, r)
	case "github":
		return writeGitHub(w, r, opts)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}
