// Package render writes evidence reports for people and machines: a
// self-contained HTML page for the audit file, an XLSX workpaper, Markdown
// for a pull request or wiki, and the versioned JSON.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/evidence"
	"github.com/fiscguard/fiscguard/engine/i18n"
)

// Formats lists the output formats by name.
var Formats = []string{"html", "xlsx", "json", "markdown"}

// Write writes r in the named format; lang chooses the language of every
// text (JSON carries both).
func Write(w io.Writer, format string, r *evidence.Report, lang i18n.Lang) error {
	switch format {
	case "html":
		return writeHTML(w, newView(r, lang))
	case "xlsx":
		return writeXLSX(w, newView(r, lang))
	case "markdown":
		return writeMarkdown(w, newView(r, lang))
	case "json":
		return evidence.Encode(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}
