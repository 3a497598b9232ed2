package report

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// severitiesDesc lists severities most severe first, the order every summary uses.
var severitiesDesc = []rule.Severity{rule.Critical, rule.High, rule.Medium, rule.Low}

// fiscCount is how many findings cite one FISC item.
type fiscCount struct {
	ID    string
	Title string
	Count int
}

// summary holds the counts every format reports. BySeverity, Fail,
// Inconclusive and ByFISC count open findings only; Waived counts the
// findings a waiver suppresses, which never fail the build.
type summary struct {
	BySeverity      map[rule.Severity]int
	Fail            int
	Inconclusive    int
	Waived          int
	ByFISC          []fiscCount
	FailedThreshold int
	// Subjects counts the resources policies judge (managed, not only
	// deleted), Checked those of them the report holds the findings of
	// (covered by a rule and kept by every filter).
	Subjects int
	Checked  int
	// Types counts the subjects' resource types; Uncovered lists, sorted,
	// those no evaluated rule judges.
	Types     int
	Uncovered []string
}

// nothingChecked is true when no rule checked anything: no resource was
// checked and nothing was found, so the absence of findings says nothing
// about compliance.
func (s *summary) nothingChecked() bool {
	return s.Checked == 0 && s.Fail+s.Inconclusive+s.Waived == 0
}

func summarize(r *Report) summary {
	s := summary{BySeverity: map[rule.Severity]int{}}
	perID := map[string]int{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Waiver != nil {
			s.Waived++
			continue
		}
		s.BySeverity[f.Rule.Severity]++
		if f.Status == rule.StatusInconclusive {
			s.Inconclusive++
		} else {
			s.Fail++
		}
		if f.FailsAt(r.FailOn) {
			s.FailedThreshold++
		}
		for _, id := range f.Rule.FISCIDs(r.Edition) {
			perID[id]++
		}
	}
	for id, n := range perID {
		s.ByFISC = append(s.ByFISC, fiscCount{ID: id, Title: itemTitle(r.Catalog, id, r.Lang), Count: n})
	}
	sort.Slice(s.ByFISC, func(i, j int) bool { return catalog.LessID(s.ByFISC[i].ID, s.ByFISC[j].ID) })
	types, uncovered := map[string]bool{}, map[string]bool{}
	for i := range r.Resources {
		res := &r.Resources[i]
		if !res.Subject() {
			continue
		}
		s.Subjects++
		if res.Checked {
			s.Checked++
		}
		types[res.Type] = true
		if !res.Covered {
			uncovered[res.Type] = true
		}
	}
	s.Types, s.Uncovered = len(types), slices.Sorted(maps.Keys(uncovered))
	return s
}

// fiscIDs are a rule's FISC IDs in the report's edition, in catalog order.
func fiscIDs(r *Report, rl *rule.Rule) []string {
	ids := slices.Clone(rl.FISCIDs(editionOf(r)))
	slices.SortFunc(ids, func(a, b string) int {
		switch {
		case catalog.LessID(a, b):
			return -1
		case catalog.LessID(b, a):
			return 1
		}
		return 0
	})
	return ids
}

// explainCommand is the command that explains a built-in rule in the
// report's language; user rules have none.
func explainCommand(rl *rule.Rule, lang i18n.Lang) string {
	if !rl.Builtin {
		return ""
	}
	if lang == i18n.Ja {
		return "fiscguard explain " + rl.ID + " --lang ja"
	}
	return "fiscguard explain " + rl.ID
}

// docsURL is the documentation of a built-in rule; user rules have none.
func docsURL(rl *rule.Rule) string {
	if !rl.Builtin {
		return ""
	}
	return PolicyDocsURL + "#" + strings.ToLower(rl.ID)
}

// countOf is "1 resource" or "3 resources": English needs the plural,
// Japanese counts with one word.
func countOf(n int, one, many i18n.Text, lang i18n.Lang) string {
	if n == 1 {
		return fmt.Sprintf(one.In(lang), n)
	}
	return fmt.Sprintf(many.In(lang), n)
}

// listed joins names, at most limit of them, saying how many it left out.
func listed(names []string, limit int, sep string, more i18n.Text, lang i18n.Lang) string {
	if len(names) <= limit {
		return strings.Join(names, sep)
	}
	return strings.Join(names[:limit], sep) + sep + fmt.Sprintf(more.In(lang), len(names)-limit)
}

// printable is Escape for a line of source quoted as is: tabs stay.
func printable(s string) string { return escape(s, true) }

// itemTitle is a FISC item's short title, or "" when the catalog lacks it.
func itemTitle(c *catalog.Catalog, id string, lang i18n.Lang) string {
	if c == nil {
		return ""
	}
	if it, ok := c.Lookup(id); ok {
		return it.Title.In(lang)
	}
	return ""
}

// sortedFindings returns fs in order: fs itself when it is (a scan's
// report is), else a sorted copy, so writers never reorder the caller's
// slice. Writers only read it.
func sortedFindings(fs []finding.Finding) []finding.Finding {
	if finding.IsSorted(fs) {
		return fs
	}
	out := append([]finding.Finding(nil), fs...)
	finding.Sort(out)
	return out
}

// splitWaived returns sorted copies of the open findings and the waived ones.
func splitWaived(fs []finding.Finding) (open, waived []finding.Finding) {
	for _, f := range sortedFindings(fs) {
		if f.Waiver != nil {
			waived = append(waived, f)
		} else {
			open = append(open, f)
		}
	}
	return open, waived
}

// evaluatedRules returns the report's rules plus any rule a finding cites
// that is missing from them, sorted by ID, so every finding has a rule entry.
func evaluatedRules(r *Report) []*rule.Rule {
	seen := map[string]bool{}
	var out []*rule.Rule
	add := func(rl *rule.Rule) {
		if rl != nil && !seen[rl.ID] {
			seen[rl.ID] = true
			out = append(out, rl)
		}
	}
	for _, rl := range r.Rules {
		add(rl)
	}
	for i := range r.Findings {
		add(r.Findings[i].Rule)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// nonNil keeps JSON arrays as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// truncate cuts s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// editionOf defaults an unset edition to the current scheme.
func editionOf(r *Report) rule.Edition {
	if r.Edition == rule.Edition8th {
		return rule.Edition8th
	}
	return rule.EditionCurrent
}

// shownAddress is a finding's address, after its target's path when the
// report stands for several targets, whose addresses may repeat.
func shownAddress(r *Report, f finding.Finding) string {
	if len(r.Parts) == 0 {
		return f.Address
	}
	return finding.Qualified(f.Target, f.Address)
}

// cleanPath shows a source path the same way in every format: forward
// slashes, no "./" or "a/../" detours.
func cleanPath(p string) string {
	if p == "" {
		return ""
	}
	return path.Clean(strings.ReplaceAll(p, `\`, "/"))
}

// oneLineText joins a multi-line value (a waiver's reason) into one line.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// attributesOf lists every attribute of a finding's cause: its Attributes,
// or its one Attribute ("" is the resource as a whole, so none).
func attributesOf(f finding.Finding) []string {
	if len(f.Attributes) > 0 {
		return f.Attributes
	}
	if f.Attribute != "" {
		return []string{f.Attribute}
	}
	return nil
}

// affectedAddresses lists the resources a finding stands for.
func affectedAddresses(f finding.Finding) []string {
	var out []string
	for _, a := range f.Affected {
		out = append(out, a.Address)
	}
	return out
}

// coverageWords are the sentences text and Markdown share about what was
// checked: coverage, filters, and a scan that checked nothing.
var coverageWords = map[string]i18n.Text{
	"resourceOne":  {En: "%d resource", Ja: "%d 件のリソース"},
	"resourceMany": {En: "%d resources", Ja: "%d 件のリソース"},
	"typeOne":      {En: "%d type", Ja: "%d 種類"},
	"typeMany":     {En: "%d types", Ja: "%d 種類"},
	"checked":      {En: "%s checked by at least one rule", Ja: "%sを1つ以上のルールで検査"},
	"uncovered":    {En: "; %d of %s not covered", Ja: "。%[2]s中 %[1]d 種類はルールの対象外"},
	"moreTypes":    {En: "%d more", Ja: "ほか %d 種類"},
	"changedOnly":  {En: "%s left out %s that the plan does not create, update or replace", Ja: "%s により、プランで作成・更新・置換しない %sを除外"},
	"diffBase":     {En: "%s left out %s whose blocks did not change since %s", Ja: "%s により、%[3]s 以降にブロックが変わっていない %[2]sを除外"},
	"noSubjects":   {En: "nothing was checked: the input has no resources that rules judge (managed resources not being deleted)", Ja: "何も検査していない。入力に検査対象のリソース（削除されない管理対象リソース）がない"},
	"allUncovered": {En: "nothing was checked: no rule judges the types of the %s in the input (%s), so the absence of findings does not mean compliance", Ja: "何も検査していない。入力の %sはいずれもルールの対象外の種類（%s）であり、指摘事項がなくても準拠しているとは限らない"},
	"findingOne":   {En: "%d finding", Ja: "%d 件の指摘事項"},
	"findingMany":  {En: "%d findings", Ja: "%d 件の指摘事項"},
	"severity":     {En: "%s left out %s below %s", Ja: "%s により、重大度%[3]s未満の %[2]sを除外"},
	"allLeftOut":   {En: "nothing was checked: the filters left out every resource that rules judge", Ja: "何も検査していない。検査対象のリソースはすべて絞り込みで除外された"},
}

// maxTypesListed caps the uncovered types a summary names.
const maxTypesListed = 8

// coverageLine says how many resources were checked and which types no
// rule covers; code renders a name (a type, a flag) for the format.
func coverageLine(s *summary, lang i18n.Lang, code func(string) string) string {
	w := func(k string) i18n.Text { return coverageWords[k] }
	line := fmt.Sprintf(w("checked").In(lang), countOf(s.Checked, w("resourceOne"), w("resourceMany"), lang))
	if s.Types > 0 {
		line += fmt.Sprintf(w("uncovered").In(lang), len(s.Uncovered), countOf(s.Types, w("typeOne"), w("typeMany"), lang))
	}
	if len(s.Uncovered) > 0 {
		line += fmt.Sprintf(parenthesis.In(lang), uncoveredTypes(s, lang, code))
	}
	return line
}

// uncoveredTypes names the types no rule covers, at most maxTypesListed.
func uncoveredTypes(s *summary, lang i18n.Lang, code func(string) string) string {
	names := make([]string, len(s.Uncovered))
	for i, t := range s.Uncovered {
		names[i] = code(t)
	}
	return listed(names, maxTypesListed, listSep.In(lang), coverageWords["moreTypes"], lang)
}

// filterLine says what a filter left out.
func filterLine(f Filter, lang i18n.Lang, code func(string) string) string {
	w := func(k string) i18n.Text { return coverageWords[k] }
	n := countOf(f.LeftOut, w("resourceOne"), w("resourceMany"), lang)
	if f.Name == FilterDiffBase {
		return fmt.Sprintf(w("diffBase").In(lang), code("--diff-base"), n, code(f.Ref))
	}
	return fmt.Sprintf(w("changedOnly").In(lang), code("--"+f.Name), n)
}

// severityLine says what --severity left out.
func severityLine(r *Report, lang i18n.Lang, code func(string) string) string {
	w := func(k string) i18n.Text { return coverageWords[k] }
	return fmt.Sprintf(w("severity").In(lang), code("--severity "+r.Severity.String()), countOf(r.Below, w("findingOne"), w("findingMany"), lang), threshold(r.Severity, lang))
}

// nothingChecked says plainly why a scan checked nothing, or "" when it
// checked something.
func nothingChecked(s *summary, lang i18n.Lang, code func(string) string) string {
	w := func(k string) i18n.Text { return coverageWords[k] }
	switch {
	case !s.nothingChecked():
		return ""
	case s.Subjects == 0:
		return w("noSubjects").In(lang)
	case len(s.Uncovered) == s.Types:
		return fmt.Sprintf(w("allUncovered").In(lang), countOf(s.Subjects, w("resourceOne"), w("resourceMany"), lang), uncoveredTypes(s, lang, code))
	}
	return w("allLeftOut").In(lang)
}

// terms are the words that every report for people uses alike (text,
// Markdown, SARIF's rule help); each writer's own table adds its words.
var terms = map[string]i18n.Text{
	"summary":     {En: "Summary", Ja: "サマリー"},
	"input":       {En: "Input", Ja: "入力"},
	"terraform":   {En: "Terraform", Ja: "Terraform"},
	"format":      {En: "format", Ja: "フォーマット"},
	"profile":     rule.ProfileTerm,
	"severity":    rule.SeverityTerm,
	"edition":     {En: "FISC edition", Ja: "FISC版"},
	"current":     rule.EditionCurrent.Label(),
	"8th":         rule.Edition8th.Label(),
	"coverage":    {En: "Coverage", Ja: "検査範囲"},
	"filter":      {En: "Filter", Ja: "絞り込み"},
	"remediation": {En: "Remediation", Ja: "対処"},
}

// wordIn looks key up in a writer's table, then in terms.
func wordIn(table map[string]i18n.Text, key string) i18n.Text {
	if t, ok := table[key]; ok {
		return t
	}
	return terms[key]
}

// Punctuation that differs between the languages.
var (
	listSep    = i18n.Text{En: ", ", Ja: "、"}
	kindLabels = map[string]i18n.Text{
		model.KindPlan: {En: "Terraform plan", Ja: "Terraformのプラン"},
		model.KindHCL:  {En: "Terraform configuration", Ja: "Terraformの構成"},
	}
	parenthesis = i18n.Text{En: " (%s)", Ja: "（%s）"}
)

// kindLabel names the kind of input scanned (a plan or a configuration).
func kindLabel(kind string) i18n.Text {
	if l, ok := kindLabels[kind]; ok {
		return l
	}
	return i18n.Text{En: kind, Ja: kind}
}

// upper is a label in capitals in English, for the text report's columns.
func upper(t i18n.Text) i18n.Text { return i18n.Text{En: strings.ToUpper(t.En), Ja: t.Ja} }

// threshold names the --fail-on severity: its flag value in English ("high",
// as typed), its label in Japanese (高).
func threshold(s rule.Severity, lang i18n.Lang) string {
	if lang == i18n.Ja {
		return s.Label().Ja
	}
	return s.String()
}
