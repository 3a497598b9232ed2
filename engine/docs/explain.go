package docs

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Explain writes what a rule (FG-S3-001) or a FISC item (実3, 運110) is,
// in lang: for a rule what it checks and why, how to fix a finding, the
// items it evidences with their basis and the parameters it reads; for an
// item the item, where its title and readings come from, the AWS controls
// mapped to it, and the rules that evidence it or why none can.
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

// words are the headings and labels of explain's output; the values'
// own labels (severity, profile, responsibility, …) come from their types.
var explainWords = map[string]i18n.Text{
	"resources":          {En: "Resource types", Ja: "対象リソース"},
	"checked":            {En: "What is checked and why", Ja: "検査内容と理由"},
	"fix":                {En: "How to fix", Ja: "対処方法"},
	"evidences":          {En: "FISC items it evidences", Ja: "証跡となるFISC項目"},
	"basis":              {En: "basis", Ja: "根拠"},
	"simple":             {En: "simple management expects", Ja: "簡易な管理で求められること"},
	"strict":             {En: "strict management expects", Ja: "厳格な管理で求められること"},
	"strictReason":       {En: "Why strict management only", Ja: "厳格な管理でのみ適用する理由"},
	"params":             {En: "Parameters", Ja: "パラメータ"},
	"default":            {En: "default", Ja: "既定値"},
	"strictValue":        {En: "under strict management", Ja: "厳格な管理では"},
	"docs":               {En: "Documentation", Ja: "ドキュメント"},
	"edition":            {En: "Edition", Ja: "版"},
	"category":           {En: "Category", Ja: "区分"},
	"iac":                {En: "Infrastructure as code", Ja: "IaCによる判定"},
	"titleSource":        {En: "Title", Ja: "項目名"},
	"ours":               {En: "fiscguard's own reading", Ja: "fiscguardによる読み"},
	"itemBasis":          {En: "Source", Ja: "出典"},
	"controls":           {En: "AWS controls AWS maps to it", Ja: "AWSが対応付ける統制"},
	"retired":            {En: "a retired number (欠番): no item anyone must meet", Ja: "欠番であり、満たすべき項目ではない"},
	"unverified":         {En: "title not confirmed by a public source", Ja: "項目名は公開資料で確認できない"},
	"rules":              {En: "Policies that evidence it", Ja: "証跡となるポリシー"},
	"none":               {En: "No policy evidences it", Ja: "証跡となるポリシーはない"},
	"ourWords":           {En: "titles and expectations are fiscguard's own paraphrases, not FISC's text", Ja: "項目名と期待事項はfiscguardによる要約であり、FISCの原文ではない"},
	"responsibilityOurs": {En: "responsibility", Ja: "対応の主体"},
	"expectationsOurs":   {En: "expectations", Ja: "求められること"},
}

func w(key string, l i18n.Lang) string { return explainWords[key].In(l) }

func (lib *Library) explainRule(out io.Writer, r *rule.Rule, l i18n.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title.In(l))
	fmt.Fprintf(&b, "  %s: %s\n", rule.SeverityTerm.In(l), r.Severity.Label().In(l))
	fmt.Fprintf(&b, "  %s: %s\n", rule.ProfileTerm.In(l), r.Profile.Label().In(l))
	if s := r.StrictReason.In(l); s != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("strictReason", l), s)
	}
	fmt.Fprintf(&b, "  %s: %s\n", rule.ResponsibilityTerm.In(l), r.Responsibility.Label().In(l))
	fmt.Fprintf(&b, "  %s: %s\n\n", w("resources", l), strings.Join(r.ResourceTypes, ", "))
	fmt.Fprintf(&b, "%s\n%s\n\n", w("checked", l), indent(r.Description.In(l)))
	fmt.Fprintf(&b, "%s\n%s\n\n", w("fix", l), indent(r.Remediation.In(l)))
	fmt.Fprintf(&b, "%s (%s)\n", w("evidences", l), w("ourWords", l))
	for _, id := range append(append([]string{}, r.FISC...), r.FISC8th...) {
		it, ok := lib.Catalog.Lookup(id)
		if !ok {
			continue
		}
		kind, detail := r.BasisOf(id, l)
		fmt.Fprintf(&b, "  %s  %s%s\n", id, it.Title.In(l), unverified(it, l))
		fmt.Fprintf(&b, "      %s: %s\n", rule.ResponsibilityTerm.In(l), it.Responsibility.Label().In(l))
		if s := it.Simple.In(l); s != "" {
			fmt.Fprintf(&b, "      %s: %s\n", w("simple", l), s)
		}
		if s := it.Strict.In(l); s != "" {
			fmt.Fprintf(&b, "      %s: %s\n", w("strict", l), s)
		}
		fmt.Fprintf(&b, "      %s: %s (%s)\n", w("basis", l), rule.BasisLabel(kind).In(l), detail)
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
	fmt.Fprintf(&b, "  %s: %s\n", w("edition", l), it.Edition.FullLabel().In(l))
	if it.Retired {
		fmt.Fprintf(&b, "  %s\n", w("retired", l))
	}
	if c := it.Category.In(l); c != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("category", l), c)
	}
	fmt.Fprintf(&b, "  %s: %s\n", w("titleSource", l), it.TitleSource.Label().In(l))
	fmt.Fprintf(&b, "  %s: %s\n", rule.ResponsibilityTerm.In(l), it.Responsibility.Label().In(l))
	fmt.Fprintf(&b, "  %s: %s\n%s\n", w("iac", l), it.IaC.Label().In(l), indent(it.IaCNote.In(l)))
	if s := it.Simple.In(l); s != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("simple", l), s)
	}
	if s := it.Strict.In(l); s != "" {
		fmt.Fprintf(&b, "  %s: %s\n", w("strict", l), s)
	}
	if len(it.Ours) > 0 {
		ours := make([]string, len(it.Ours))
		for i, o := range it.Ours {
			ours[i] = w(o+"Ours", l)
		}
		fmt.Fprintf(&b, "  %s: %s\n", w("ours", l), strings.Join(ours, listSep(l)))
	}
	var ctls []string
	for _, c := range lib.Catalog.Controls() {
		if slices.Contains(c.FISC, it.ID) {
			ctls = append(ctls, c.ID)
		}
	}
	if len(ctls) > 0 {
		fmt.Fprintf(&b, "  %s: %s\n", w("controls", l), strings.Join(ctls, ", "))
	}
	// The source note is English research prose; in Japanese the structured
	// fields above (title source, readings, controls) carry it.
	if l != i18n.Ja {
		fmt.Fprintf(&b, "  %s: %s\n", w("itemBasis", l), it.Basis)
	}
	b.WriteString("\n")
	if rules := lib.RulesFor(it.ID); len(rules) > 0 {
		fmt.Fprintf(&b, "%s\n", w("rules", l))
		for _, r := range rules {
			kind, detail := r.BasisOf(it.ID, l)
			fmt.Fprintf(&b, "  %s  %s [%s, %s]\n      %s: %s (%s)\n", r.ID, r.Title.In(l), r.Severity.Label().In(l), r.Profile.Label().In(l),
				w("basis", l), rule.BasisLabel(kind).In(l), detail)
		}
	} else {
		fmt.Fprintf(&b, "%s: %s\n", w("none", l), lib.StatusOf(it).Label().In(l))
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func listSep(l i18n.Lang) string {
	if l == i18n.Ja {
		return "、"
	}
	return ", "
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
