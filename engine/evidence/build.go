package evidence

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// SeedItems are the 8th-edition-revised cloud and cyber-attack items the
// seed document is about; every report lists them, whatever its edition.
var SeedItems = []string{"運108", "運109", "運110", "運111", "運112", "運113"}

// Build makes the evidence report of one scan from its report and trace.
// Item statuses come from the pass records the scan built (nothing is
// evaluated again): an item is
//   - non-conformant, pending or an accepted exception when a resource
//     failed, was inconclusive or was waived under a rule evidencing it
//     (in that order), conformant when rules evidencing it applied and every
//     resource passed;
//   - otherwise the provider's responsibility when the catalog says so;
//   - not applicable when rules evidencing it are in force but nothing of
//     their resource types is in the input;
//   - and otherwise not decidable, with the reason.
//
// When Terraform could not plan everything (the plan errored or is
// incomplete), what it left out may not conform: an item that would be
// conformant or not applicable is pending instead, with the reason, and the
// report's warnings say so first.
func Build(rep *report.Report, trace Trace, name string) *Report {
	edition := rep.Edition
	if edition != rule.Edition8th {
		edition = rule.EditionCurrent
	}
	if name == "" {
		name = trace.Input.Path
	}
	out := &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: rep.Tool.Name, Version: rep.Tool.Version},
		Edition:       edition,
		GeneratedAt:   trace.ScannedAt,
		Items:         []Item{},
		Rules:         []Rule{},
		Documents:     []catalog.Document{},
	}
	target := Target{Name: name, Trace: trace, Rules: []RuleResult{}, Results: []Result{}, Notes: nonNil(rep.Notes)}
	gap := unplanned(trace.Input)
	inForce := map[string]coverage.Counts{}
	for i := range rep.Coverage {
		rc := &rep.Coverage[i]
		c := rc.Counts()
		inForce[rc.Rule.ID] = c
		target.Rules = append(target.Rules, RuleResult{ID: rc.Rule.ID, Applied: c.Applied, Passed: c.Passed, Failed: c.Failed, Inconclusive: c.Inconclusive, Waived: c.Waived})
		for _, res := range rc.Resources {
			target.Results = append(target.Results, result(rc.Rule.ID, res))
		}
	}
	library := rep.Library.Rules
	if len(library) == 0 {
		library = rep.Rules
	}
	cited := map[string]bool{}
	docs := map[string]bool{}
	for _, it := range listedItems(rep.Catalog, edition) {
		item := fromCatalog(it)
		var forced []string
		for _, r := range library {
			if slices.Contains(r.FISCIDs(it.Edition), it.ID) {
				item.Rules = append(item.Rules, r.ID)
				cited[r.ID] = true
				if _, ok := inForce[r.ID]; ok {
					forced = append(forced, r.ID)
				}
			}
		}
		item.Rules = nonNil(item.Rules)
		st := ItemTarget{Rules: nonNil(forced)}
		st.Status, st.Reason = status(&item, forced, inForce)
		if gap != "" && (st.Status == Conformant || st.Status == NotApplicable) {
			st.Status, st.Reason = Pending, gap
		}
		item.Targets = []ItemTarget{st}
		item.Status = st.Status
		for _, d := range item.ProviderEvidence {
			docs[d] = true
		}
		out.Items = append(out.Items, item)
	}
	for _, r := range library {
		if cited[r.ID] {
			out.Rules = append(out.Rules, describeRule(r))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		if d, ok := rep.Catalog.Document(id); ok {
			out.Documents = append(out.Documents, *d)
		}
	}
	target.Summary = countStatuses(out.Items, 0)
	out.Targets = []Target{target}
	out.Summary = countStatuses(out.Items, -1)
	out.Warnings = Warnings(out.Targets)
	return out
}

// unplanned says why Terraform left part of a plan out (ReasonPlanErrored,
// ReasonPlanIncomplete), or "" when it planned everything.
func unplanned(in Input) string {
	switch {
	case in.Kind != model.KindPlan:
		return ""
	case in.Errored:
		return ReasonPlanErrored
	case !in.Complete:
		return ReasonPlanIncomplete
	}
	return ""
}

// planWarnings are the report-wide warnings on a target whose plan
// Terraform could not finish.
var planWarnings = map[string]i18n.Text{
	ReasonPlanErrored: {
		En: "%s: Terraform failed while planning (the plan is errored), so what it did not plan was not checked: no item reads conformant or not applicable from this target, and those items are pending.",
		Ja: "%s: Terraform が計画の途中で失敗した（エラーのあるプラン）ため、計画されなかったリソースは検査していない。この対象からは適合・該当なしとせず、該当する項目は判定保留とする。",
	},
	ReasonPlanIncomplete: {
		En: "%s: Terraform did not plan every change (the plan is incomplete: deferred changes or -target), so what it did not plan was not checked: no item reads conformant or not applicable from this target, and those items are pending.",
		Ja: "%s: Terraform がすべての変更を計画していない（不完全なプラン: 変更の保留または -target）ため、計画されなかったリソースは検査していない。この対象からは適合・該当なしとせず、該当する項目は判定保留とする。",
	},
}

// Warnings are what limits a whole report, target by target: a plan
// Terraform could not finish.
func Warnings(targets []Target) []i18n.Text {
	out := []i18n.Text{}
	for _, t := range targets {
		if gap := unplanned(t.Trace.Input); gap != "" {
			out = append(out, i18n.Sprintf(planWarnings[gap], t.Name))
		}
	}
	return out
}

// listedItems are the catalog's items of the edition, then the seed's
// items when the edition is another.
func listedItems(c *catalog.Catalog, edition rule.Edition) []*catalog.Item {
	if c == nil {
		return nil
	}
	var own, seed []*catalog.Item
	for _, it := range c.Items() {
		switch {
		case it.Edition == edition:
			own = append(own, it)
		case slices.Contains(SeedItems, it.ID):
			seed = append(seed, it)
		}
	}
	return append(own, seed...)
}

func fromCatalog(it *catalog.Item) Item {
	return Item{
		ID: it.ID, Edition: it.Edition, Category: it.Category, Title: it.Title, TitleVerified: it.TitleVerified,
		Responsibility: string(it.Responsibility), IaC: string(it.IaC), IaCNote: it.IaCNote, Simple: it.Simple, Strict: it.Strict,
		ProviderEvidence: nonNil(it.ProviderEvidence),
	}
}

// status decides an item's status in one target from the outcomes of the
// rules in force that evidence it.
func status(item *Item, forced []string, counts map[string]coverage.Counts) (Status, string) {
	var applied, failed, inconclusive, waived int
	for _, id := range forced {
		c := counts[id]
		applied, failed, inconclusive, waived = applied+c.Applied, failed+c.Failed, inconclusive+c.Inconclusive, waived+c.Waived
	}
	switch {
	case applied > 0 && failed > 0:
		return NonConformant, ""
	case applied > 0 && inconclusive > 0:
		return Pending, ""
	case applied > 0 && waived > 0:
		return Exception, ""
	case applied > 0:
		return Conformant, ""
	case item.Responsibility == string(rule.Provider):
		return Provider, ""
	case len(forced) > 0:
		return NotApplicable, ""
	case len(item.Rules) > 0:
		return NotDecidable, ReasonNotInForce
	case item.IaC == "none":
		return NotDecidable, ReasonIaCNone
	}
	return NotDecidable, ReasonNoPolicy
}

func result(rule string, res coverage.Resource) Result {
	r := Result{Rule: rule, Address: res.Address, Type: res.Type, Outcome: res.Outcome, Uncertain: res.Uncertain,
		Location: location(res.Source), Findings: []Finding{}}
	for _, f := range res.Findings {
		r.Findings = append(r.Findings, fromFinding(f))
	}
	if len(r.Findings) > 0 && r.Findings[0].Location != nil {
		r.Location = r.Findings[0].Location
	}
	return r
}

func fromFinding(f *finding.Finding) Finding {
	out := Finding{Attribute: f.Attribute, Status: f.Status, Message: f.Message, Location: location(f.Location), ReportedBy: f.Owner}
	if w := f.Waiver; w != nil {
		out.Waiver = &Waiver{Kind: w.Kind, Reason: w.Reason, Owner: w.Owner, Ticket: w.Ticket, Expires: w.Expires}
		if w.Source.File != "" {
			out.Waiver.Source = location(&w.Source)
		}
	}
	return out
}

// location shows a path the same way on every system: forward slashes, cleaned.
func location(l *model.Location) *Location {
	if l == nil || l.File == "" {
		return nil
	}
	return &Location{File: path.Clean(strings.ReplaceAll(l.File, `\`, "/")), Line: l.Line, Column: l.Column}
}

func describeRule(r *rule.Rule) Rule {
	return Rule{
		ID: r.ID, Title: r.Title, Severity: r.Severity.String(), Profile: string(r.Profile), Responsibility: string(r.Responsibility),
		ResourceTypes: nonNil(r.ResourceTypes), FISC: nonNil(r.FISC), FISC8th: nonNil(r.FISC8th), Remediation: r.Remediation,
	}
}

// countStatuses counts items by status in Statuses order: their overall
// status (target -1) or their status in one target.
func countStatuses(items []Item, target int) []Count {
	n := map[Status]int{}
	for i := range items {
		if target < 0 {
			n[items[i].Status]++
		} else {
			n[items[i].Targets[target].Status]++
		}
	}
	out := make([]Count, len(Statuses))
	for i, s := range Statuses {
		out[i] = Count{Status: s, Items: n[s]}
	}
	return out
}

// mostPressing is the first of Statuses among the given ones.
func mostPressing(statuses []Status) Status {
	for _, s := range Statuses {
		if slices.Contains(statuses, s) {
			return s
		}
	}
	return NotDecidable
}

// nonNil keeps JSON arrays as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
