// Package docs describes the policy library for people: which parameters a
// rule reads, which rules evidence a FISC item, what a mapping's basis
// means, and the generated reference pages docs/policies.md and
// docs/fisc-coverage.md.
package docs

//go:generate go run ./gendocs ../../docs

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Library is what the documentation is generated from.
type Library struct {
	Catalog *catalog.Catalog
	Params  rule.ParamSpecs
	Rules   []*rule.Rule
	// Sources holds the rules' Rego files; a rule's File is "<SourceName>/<path in Sources>".
	Sources    fs.FS
	SourceName string
}

// HelpURI is where a rule is documented: the anchor in docs/policies.md
// that SARIF's helpUri points at.
func HelpURI(ruleID string) string {
	return report.PolicyDocsURL + "#" + strings.ToLower(ruleID)
}

var paramRef = regexp.MustCompile(`lib\.param\("([a-z0-9_]+)"\)`)

// ParamsOf returns the parameters a rule reads, sorted: those its module
// passes to lib.param, and those its description names (parameters read by
// a helper package it imports, such as allowed_regions).
func (l *Library) ParamsOf(r *rule.Rule) []string {
	found := map[string]bool{}
	if l.Sources != nil {
		if src, err := fs.ReadFile(l.Sources, strings.TrimPrefix(r.File, l.SourceName+"/")); err == nil {
			for _, m := range paramRef.FindAllStringSubmatch(string(src), -1) {
				found[m[1]] = true
			}
		}
	}
	for _, name := range l.Params.Names() {
		if regexp.MustCompile(`\b` + name + `\b`).MatchString(r.Description.En) {
			found[name] = true
		}
	}
	var out []string
	for name := range found {
		if _, ok := l.Params[name]; ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// RulesFor returns the rules that cite a FISC item, in either numbering scheme.
func (l *Library) RulesFor(id string) []*rule.Rule {
	var out []*rule.Rule
	for _, r := range l.Rules {
		if contains(r.FISC, id) || contains(r.FISC8th, id) {
			out = append(out, r)
		}
	}
	return out
}

// RulesForControl returns the rules that implement an AWS control: those
// whose AWS-control basis for some item names it.
func (l *Library) RulesForControl(id string) []*rule.Rule {
	var out []*rule.Rule
	for _, r := range l.Rules {
		for _, b := range r.FISCBasis {
			kind, detail, _ := strings.Cut(b, ":")
			if kind == rule.BasisAWSControl && contains(catalog.ControlIDs(detail), id) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// Rule returns the rule with the given ID, ignoring case.
func (l *Library) Rule(id string) (*rule.Rule, bool) {
	for _, r := range l.Rules {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return nil, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Basis splits a fisc_basis value into its kind's label and its detail.
func Basis(b string) (label i18n.Text, detail string) {
	kind, detail, _ := strings.Cut(b, ":")
	return rule.BasisLabel(kind), strings.TrimSpace(detail)
}

// Status is why a FISC item is or is not evidenced by policies.
type Status string

// Coverage statuses.
const (
	Covered    Status = "covered"   // at least one policy evidences it
	Provider   Status = "provider"  // left to the cloud provider
	NotIaC     Status = "not-iac"   // not decidable from an infrastructure configuration
	NoPolicy   Status = "no-policy" // decidable in part, but no policy yet
	StatusNone Status = ""
)

// StatusOf classifies a catalog item.
func (l *Library) StatusOf(it *catalog.Item) Status {
	switch {
	case len(l.RulesFor(it.ID)) > 0:
		return Covered
	case it.Responsibility == rule.Provider:
		return Provider
	case it.IaC == catalog.None:
		return NotIaC
	}
	return NoPolicy
}

// Label describes a status.
func (s Status) Label() i18n.Text {
	switch s {
	case Covered:
		return i18n.Text{En: "evidenced by policies", Ja: "ポリシーで証跡を示す"}
	case Provider:
		return i18n.Text{En: "left to the cloud provider", Ja: "クラウド事業者の対応"}
	case NotIaC:
		return i18n.Text{En: "not decidable from IaC (runtime, process or application)", Ja: "IaCからは判断できない（実行時・運用・アプリケーション）"}
	case NoPolicy:
		return i18n.Text{En: "partly decidable from IaC; no policy yet", Ja: "IaCで一部判断できるが、ポリシーは未作成"}
	}
	return i18n.Text{}
}

// Value renders a parameter value compactly.
func Value(v any) string {
	switch x := v.(type) {
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Value(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + Value(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case string:
		return x
	}
	return fmt.Sprint(v)
}
