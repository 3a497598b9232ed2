// Package report writes scan results as text, JSON, SARIF or Markdown.
package report

import (
	"fmt"
	"io"

	"github.com/fiscguard/fiscguard/engine/catalog"
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
	FailOn  rule.Severity
	// Rules are the rules evaluated in this scan, sorted by ID.
	Rules    []*rule.Rule
	Catalog  *catalog.Catalog
	Findings []finding.Finding
	// Resources lists every resource in the input, so nothing is dropped silently.
	Resources []Resource
	// Notes are warnings about the input, e.g. an incomplete plan.
	Notes []string
	// Waivers in force, for reporting those that expire soon (findings they
	// suppress carry them in Finding.Waiver).
	Waivers []finding.Waiver
	// Today is the date waivers are judged on (YYYY-MM-DD), set by the
	// caller so output stays reproducible.
	Today string
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
	Path             string
	Kind             string
	TerraformVersion string
	FormatVersion    string
	Complete         bool
	Errored          bool
}

// Resource is one resource of the input as outputs list it.
type Resource struct {
	Address string          `json:"address"`
	Type    string          `json:"type"`
	Mode    string          `json:"mode"`
	Actions []string        `json:"actions"`
	Checked bool            `json:"checked"`
	Source  *model.Location `json:"source,omitempty"`
}

// Formats lists the output formats by name.
var Formats = []string{"text", "json", "sarif", "markdown"}

// Options tune a writer.
type Options struct {
	// Color enables ANSI colours in text output (only on a terminal).
	Color bool
	// IncludeSuppressed puts waived findings into SARIF, with suppressions;
	// by default SARIF leaves them out.
	IncludeSuppressed bool
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
	}
	return fmt.Errorf("unknown format %q (want text, json, sarif or markdown)", format)
}
