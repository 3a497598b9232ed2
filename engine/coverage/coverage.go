// Package coverage records what every rule in force applied to and how each
// of those resources came out, so that "checked and passed" can be told
// apart from "nothing to check". It is built once per scan from the model
// and the findings evaluation already produced; nothing is evaluated again.
package coverage

import (
	"slices"
	"sort"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/parallel"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Outcomes of one rule on one resource.
const (
	Pass         = "pass"
	Fail         = "fail"
	Inconclusive = "inconclusive"
	Waived       = "waived"
)

// AnyType in a rule's resource_types makes it apply to every checked resource.
const AnyType = "*"

// Rule is one rule in force with the resources it applied to, sorted by address.
type Rule struct {
	Rule      *rule.Rule
	Resources []Resource
}

// Resource is one resource a rule applied to and the rule's outcome on it.
type Resource struct {
	Address string
	// Type is "" for a finding's subject that is not in the model.
	Type    string
	Outcome string
	// Uncertain marks a stand-in for instances whose count or for_each is
	// known only after apply (model.Resource.Uncertain): its failures are
	// already inconclusive; a pass holds for every instance it stands for.
	Uncertain bool
	Source    *model.Location
	// Findings are the rule's findings on the resource (none for a pass).
	Findings []*finding.Finding
}

// Counts sum a rule's outcomes; Applied is their total.
type Counts struct {
	Applied, Passed, Failed, Inconclusive, Waived int
}

// Counts returns how many resources the rule applied to, by outcome.
func (r *Rule) Counts() Counts {
	c := Counts{Applied: len(r.Resources)}
	for _, res := range r.Resources {
		switch res.Outcome {
		case Pass:
			c.Passed++
		case Fail:
			c.Failed++
		case Inconclusive:
			c.Inconclusive++
		case Waived:
			c.Waived++
		}
	}
	return c
}

// Build records, for every rule, the resources it applied to: the checked
// managed resources of its resource_types (data sources and resources a
// plan only deletes are never a rule's subject), plus the subject of every
// finding the rule produced, whatever its type or mode, since the rule did
// judge it. A resource's outcome is fail when an open finding failed,
// inconclusive when the open ones are all inconclusive, waived when a
// waiver covers every finding, and pass when there is none. The findings
// may come in several slices (reported and deferred ones, not copied into
// one). The result is sorted by rule ID.
func Build(doc *model.Document, rules []*rule.Rule, findings ...[]finding.Finding) []Rule {
	byType := map[string][]*model.Resource{}
	var checked []*model.Resource
	byAddr := map[string]*model.Resource{}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		byAddr[r.Address] = r
		if r.Checked() {
			byType[r.Type] = append(byType[r.Type], r)
			checked = append(checked, r)
		}
	}
	found := map[string]map[string][]*finding.Finding{}
	for _, fs := range findings {
		for i := range fs {
			f := &fs[i]
			if found[f.Rule.ID] == nil {
				found[f.Rule.ID] = map[string][]*finding.Finding{}
			}
			found[f.Rule.ID][f.Address] = append(found[f.Rule.ID][f.Address], f)
		}
	}
	// Each rule's record stands alone: they are built a share of the rules
	// per core.
	out := make([]Rule, len(rules))
	parallel.Each(len(rules), 1, func(_, from, to int) {
		for i := from; i < to; i++ {
			out[i] = ruleRecord(rules[i], checked, byType, byAddr, found[rules[i].ID])
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Rule.ID < out[j].Rule.ID })
	return out
}

// ruleRecord is rule rl's record: the subjects of its types, each once,
// then those of its findings (judged, by address) that are not among them.
func ruleRecord(rl *rule.Rule, checked []*model.Resource, byType map[string][]*model.Resource, byAddr map[string]*model.Resource, judged map[string][]*finding.Finding) Rule {
	anyType := slices.Contains(rl.ResourceTypes, AnyType)
	subject := func(r *model.Resource) bool {
		return r.Checked() && (anyType || slices.Contains(rl.ResourceTypes, r.Type))
	}
	subjects := checked
	if !anyType {
		subjects = nil
		for _, t := range slices.Compact(slices.Sorted(slices.Values(rl.ResourceTypes))) {
			subjects = append(subjects, byType[t]...)
		}
	}
	rc := Rule{Rule: rl, Resources: make([]Resource, 0, len(subjects))}
	for _, r := range subjects {
		rc.Resources = append(rc.Resources, Resource{Address: r.Address, Type: r.Type, Uncertain: r.Uncertain, Source: r.Source, Findings: judged[r.Address]})
	}
	for addr, fs := range judged {
		if r := byAddr[addr]; r != nil && subject(r) {
			continue
		}
		s := Resource{Address: addr, Type: fs[0].ResourceType, Findings: fs}
		if r := byAddr[addr]; r != nil {
			s.Uncertain, s.Source = r.Uncertain, r.Source
		}
		rc.Resources = append(rc.Resources, s)
	}
	for i := range rc.Resources {
		rc.Resources[i].Outcome = outcome(rc.Resources[i].Findings)
	}
	sort.Slice(rc.Resources, func(i, j int) bool { return rc.Resources[i].Address < rc.Resources[j].Address })
	return rc
}

// outcome is the verdict of one rule's findings on one resource.
func outcome(fs []*finding.Finding) string {
	if len(fs) == 0 {
		return Pass
	}
	result := Waived
	for _, f := range fs {
		switch {
		case f.Waiver != nil:
		case f.Status == rule.StatusFail:
			return Fail
		default:
			result = Inconclusive
		}
	}
	return result
}
