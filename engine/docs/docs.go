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
	switch kind {
	case rule.BasisAWSControl:
		label = i18n.Text{En: "AWS-published control mapping (BLEA for FSI)", Ja: "AWS公開の統制対応表（BLEA for FSI）"}
	case rule.BasisAWSWorkload:
		label = i18n.Text{En: "AWS-published workload mapping (BLEA for FSI); condition ours", Ja: "AWS公開のワークロード対応表（BLEA for FSI）。判定条件は当方"}
	case rule.BasisSeed:
		label = i18n.Text{En: "named by the seed (FISC security reference for AWS v1.3)", Ja: "シード文書（AWS対応セキュリティリファレンスv1.3）が挙げる項目"}
	case rule.BasisDerived:
		label = i18n.Text{En: "derived by fiscguard", Ja: "fiscguardによる解釈"}
	default:
		label = i18n.Text{En: kind}
	}
	return label, strings.TrimSpace(detail)
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
	case it.Responsibility == catalog.ResponsibilityProvider:
		return Provider
	case it.IaC == "none":
		return NotIaC
	}
	return NoPolicy
}

// StatusLabel describes a status.
func StatusLabel(s Status) i18n.Text {
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

// ResponsibilityLabel names a responsible party (the seed's 対応の主体).
func ResponsibilityLabel(s string) i18n.Text {
	switch s {
	case catalog.ResponsibilityUser:
		return i18n.Text{En: "user (the institution)", Ja: "利用者（金融機関）"}
	case catalog.ResponsibilityProvider:
		return i18n.Text{En: "cloud provider", Ja: "クラウド事業者"}
	case catalog.ResponsibilityShared:
		return i18n.Text{En: "shared (provider and user)", Ja: "共同（事業者と利用者）"}
	}
	return i18n.Text{En: s}
}

// IaCLabel says how far infrastructure as code can decide an item.
func IaCLabel(s string) i18n.Text {
	switch s {
	case "full":
		return i18n.Text{En: "fully decidable from IaC", Ja: "IaCで判断できる"}
	case "partial":
		return i18n.Text{En: "partly decidable from IaC", Ja: "IaCで一部判断できる"}
	case "none":
		return i18n.Text{En: "not decidable from IaC", Ja: "IaCでは判断できない"}
	}
	return i18n.Text{En: s}
}

// EditionLabel names a numbering scheme.
func EditionLabel(e rule.Edition) i18n.Text {
	if e == rule.Edition8th {
		return i18n.Text{En: "8th edition revised (運/技/設)", Ja: "第8版追補改訂（運/技/設）"}
	}
	return i18n.Text{En: "current edition (統/実/設/監, 13th edition 2025)", Ja: "現行版（統/実/設/監、第13版 2025年）"}
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
