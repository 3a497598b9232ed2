package docs

import (
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Explain writes what a rule (FG-S3-001) or a FISC item (実3, 運110) is,
// in lang: for a rule what it checks and why, how to fix a finding, the
// items it evidences with their basis and the parameters it reads; for an
// item the item, and the rules that evidence it or why none can.
func (lib *Library) Explain(out io.Writer, id string, l i18n.Lang) error {
	id = strings.TrimSpace(id)
	if r, ok := lib.Rule(id); ok {
		return lib.explainRule(out, r, l)
	}
	if it, ok := lib.Catalog.Lookup(id); ok {
		return lib.explainItem(out, it, l)
	}
	return fmt.Errorf("explain: %q is neither a rule ID nor a FISC item in the catalog (see fiscguard policies)", id)
}

// words are the headings and labels of explain's output.
var explainWords = map[string]i18n.Text{
	"severity":       {En: "Severity", Ja: "重要度"},
	"profile":        {En: "Profile", Ja: "プロファイル"},
	"responsibility": {En: "Responsibility", Ja: "対応の主体"},
	"resources":      {En: "Resource types", Ja: "対象リソース"},
	"checked":        {En: "What is checked and why", Ja: "検査内容と理由"},
	"fix":            {En: "How to fix", Ja: "対処方法"},
	"evidences":      {En: "FISC items it evidences", Ja: "証跡となるFISC項目"},
	"basis":          {En: "basis", Ja: "根拠"},
	"simple":         {En: "simple management expects", Ja: "簡易な管理で求められること"},
	"strict":         {En: "strict management expects", Ja: "厳格な管理で求められること"},
	"params":         {En: "Parameters", Ja: "パラメータ"},
	"default":        {En: "default", Ja: "既定値"},
	"strictValue":    {En: "under strict management", Ja: "厳格な管理では"},
	"docs":           {En: "Documentation", Ja: "ドキュメント"},
	"edition":        {En: "Edition", Ja: "版"},
	"category":       {En: "Category", Ja: "区分"},
	"iac":            {En: "Infrastructure as code", Ja: "IaCによる判定"},
	"itemBasis":      {En: "Source", Ja: "出典"},
	"unverified":     {En: "title not confirmed by a public source", Ja: "項目名は公開資料で確認できない"},
	"rules":          {En: "Policies that evidence it", Ja: "証跡となるポリシー"},
	"none":           {En: "No policy evidences it", Ja: "証跡となるポリシーはない"},
	"ourWords":       {En: "titles and expectations are fiscguard's own paraphrases, not FISC's text", Ja: "項目名と期待事項はfiscguardによる要約であり、FISCの原文ではない"},
}

func w(key string, l i18n.Lang) string { return explainWords[key].In(l) }

func (lib *Library) explainRule(out io.Writer, r *rule.Rule, l i18n.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title.In(l))
	fmt.Fprintf(&b, "  %s: %s\n", w("severity", l), r.Severity)
	fmt.Fprintf(&b, "  %s: %s (%s)\n", w("profile", l), r.Profile, r.Profile.Label().In(l))
	fmt.Fprintf(&b, "  %s: %s\n", w("responsibility", l), ResponsibilityLabel(r.Responsibility).In(l))
	fmt.Fprintf(&b, "  %s: %s\n\n", w("resources", l), strings.Join(r.ResourceTypes, ", "))
	fmt.Fprintf(&b, "%s\n%s\n\n", w("checked", l), indent(r.Description.In(l)))
	fmt.Fprintf(&b, "%s\n%s\n\n", w("fix", l), indent(r.Remediation.In(l)))
	fmt.Fprintf(&b, "%s (%s)\n", w("evidences", l), w("ourWords", l))
	for _, id := range append(append([]string{}, r.FISC...), r.FISC8th...) {
		it, ok := lib.Catalog.Lookup(id)
		if !ok {
			continue
		}
		label, detail := Basis(r.FISCBasis[id])
		fmt.Fprintf(&b, "  %s  %s%s\n", id, it.Title.In(l), unverified(it, l))
		fmt.Fprintf(&b, "      %s: %s\n", w("responsibility", l), ResponsibilityLabel(it.Responsibility).In(l))
		if s := it.Simple.In(l); s != "" {
			fmt.Fprintf(&b, "      %s: %s\n", w("simple", l), s)
		}
		if s := it.Strict.In(l); s != "" {
			fmt.Fprintf(&b, "      %s: %s\n", w("strict", l), s)
		}
		fmt.Fprintf(&b, "      %s: %s (%s)\n", w("basis", l), label.In(l), detail)
	}
	if ps := lib.ParamsOf(r); len(ps) > 0 {
		fmt.Fprintf(&b, "\n%s\n", w("params", l))
		for _, name := range ps {
			p := lib.Params[name]
			fmt.Fprintf(&b, "  %s (%s %s", name, w("default", l), Value(p.Default))
			if p.Strict != nil {
				fmt.Fprintf(&b, "; %s %s", w("strictValue", l), Value(p.Strict))
			}
			fmt.Fprintf(&b, ")\n%s\n", indent(p.Description.In(l)))
		}
	}
	fmt.Fprintf(&b, "\n%s: %s\n", w("docs", l), HelpURI(r.ID))
	_, err := io.WriteString(out, b.String())
	return err
}

func (lib *Library) explainItem(out io.Writer, it *catalog.Item, l i18n.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s%s\n\n", it.ID, it.Title.In(l), unverified(it, l))
	fmt.Fprintf(&b, "  %s: %s\n", w("edition", l), EditionLabel(it.Edition).In(l))
	if c := it.Category.In(l); c != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("category", l), c)
	}
	fmt.Fprintf(&b, "  %s: %s\n", w("responsibility", l), ResponsibilityLabel(it.Responsibility).In(l))
	fmt.Fprintf(&b, "  %s: %s\n%s\n", w("iac", l), IaCLabel(it.IaC).In(l), indent(it.IaCNote.In(l)))
	if s := it.Simple.In(l); s != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("simple", l), s)
	}
	if s := it.Strict.In(l); s != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("strict", l), s)
	}
	fmt.Fprintf(&b, "  %s: %s\n\n", w("itemBasis", l), it.Basis)
	if rules := lib.RulesFor(it.ID); len(rules) > 0 {
		fmt.Fprintf(&b, "%s\n", w("rules", l))
		for _, r := range rules {
			label, detail := Basis(r.FISCBasis[it.ID])
			fmt.Fprintf(&b, "  %s  %s [%s, %s]\n      %s: %s (%s)\n", r.ID, r.Title.In(l), r.Severity, r.Profile, w("basis", l), label.In(l), detail)
		}
	} else {
		fmt.Fprintf(&b, "%s: %s\n", w("none", l), StatusLabel(lib.StatusOf(it)).In(l))
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func unverified(it *catalog.Item, l i18n.Lang) string {
	if it.TitleVerified {
		return ""
	}
	if l == i18n.Ja {
		return "（" + w("unverified", l) + "）"
	}
	return " (" + w("unverified", l) + ")"
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, line := range lines {
		lines[i] = "    " + strings.TrimSpace(line)
	}
	return strings.Join(lines, "\n")
}
