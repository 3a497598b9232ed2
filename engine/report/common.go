package report

import (
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
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
	Checked         int
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
		if f.AtOrAbove(r.FailOn) {
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
	for _, res := range r.Resources {
		if res.Checked {
			s.Checked++
		}
	}
	return s
}

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

// sortedFindings returns a sorted copy, so writers never reorder the caller's slice.
func sortedFindings(fs []finding.Finding) []finding.Finding {
	out := append([]finding.Finding(nil), fs...)
	finding.Sort(out)
	return out
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
