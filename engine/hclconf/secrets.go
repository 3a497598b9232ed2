package hclconf

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

// diagText is an evaluation diagnostic as a note may show it, on one line.
// HCL's own details may quote a value ("Two different items produced the
// key ..."): when the expression reads a sensitive value, they are
// withheld, and only the summary is given. A function's error is already
// its own to show: tffunc keeps sensitive arguments out of it.
func diagText(d *hcl.Diagnostic) (text string, withheld bool) {
	if _, call := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d); !call && readsSensitive(d) {
		return d.Summary, true
	}
	return strings.Join(strings.Fields(d.Summary+": "+d.Detail), " "), false
}

// withheldDetails says, after a diagnostic's summary, why its details are
// not shown.
var withheldDetails = i18n.Text{En: "; the details are not shown because the expression reads a sensitive value", Ja: "。式が機密値を読むため詳細は表示しない"}

// readsSensitive reports whether the diagnostic's expression reads a value
// marked sensitive in the context it was evaluated in.
func readsSensitive(d *hcl.Diagnostic) bool {
	if d.Expression == nil || d.EvalContext == nil {
		return false
	}
	for _, t := range d.Expression.Variables() {
		if v, diags := t.TraverseAbs(d.EvalContext); !diags.HasErrors() && v.HasMarkDeep(sensitiveMark) {
			return true
		}
		// A traversal that fails part way still reads what it names
		// (var.x, local.y, k).
		if v, diags := t[:min(2, len(t))].TraverseAbs(d.EvalContext); !diags.HasErrors() && v.HasMarkDeep(sensitiveMark) {
			return true
		}
	}
	return false
}
