package evidence

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/fiscguard/fiscguard/engine/catalog"
)

// Source is one report to merge and the name of the file it came from.
type Source struct {
	File   string
	Report *Report
}

// Merge combines the reports of many targets (repositories) into one: per
// item, the status in each target and overall the most pressing of them.
// The reports must share an edition. Items, rules and documents are taken
// from the first report that lists them; an item a report does not list is
// not decidable there (ReasonNotListed). Target names that repeat are
// qualified with their files.
func Merge(sources []Source, tool Tool, at time.Time) (*Report, error) {
	if len(sources) == 0 {
		return nil, fmt.Errorf("nothing to merge")
	}
	edition := sources[0].Report.Edition
	out := &Report{SchemaVersion: SchemaVersion, Tool: tool, Edition: edition, GeneratedAt: at.UTC().Format(time.RFC3339),
		Targets: []Target{}, Items: []Item{}, Rules: []Rule{}, Documents: sourcesDocuments(sources)}
	names := map[string]int{}
	for _, s := range sources {
		if s.Report.Edition != edition {
			return nil, fmt.Errorf("%s: edition %s differs from %s's %s; merge reports of one edition", s.File, s.Report.Edition, sources[0].File, edition)
		}
		for _, t := range s.Report.Targets {
			names[t.Name]++
		}
	}
	index := map[string]int{}
	rules := map[string]bool{}
	for _, s := range sources {
		first := len(out.Targets)
		for _, t := range s.Report.Targets {
			if names[t.Name] > 1 {
				t.Name = fmt.Sprintf("%s (%s)", t.Name, s.File)
			}
			out.Targets = append(out.Targets, t)
		}
		for _, it := range s.Report.Items {
			i, ok := index[it.ID]
			if !ok {
				i = len(out.Items)
				index[it.ID] = i
				merged := it
				merged.Targets = notListed(first)
				merged.Rules = slices.Clone(it.Rules)
				out.Items = append(out.Items, merged)
			}
			m := &out.Items[i]
			m.Targets = append(m.Targets, it.Targets...)
			for _, r := range it.Rules {
				if !slices.Contains(m.Rules, r) {
					m.Rules = append(m.Rules, r)
				}
			}
		}
		for i := range out.Items {
			if missing := len(out.Targets) - len(out.Items[i].Targets); missing > 0 {
				out.Items[i].Targets = append(out.Items[i].Targets, notListed(missing)...)
			}
		}
		for _, r := range s.Report.Rules {
			if !rules[r.ID] {
				rules[r.ID] = true
				out.Rules = append(out.Rules, r)
			}
		}
	}
	slices.SortFunc(out.Rules, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	for i := range out.Items {
		m := &out.Items[i]
		slices.Sort(m.Rules)
		var st []Status
		for _, t := range m.Targets {
			st = append(st, t.Status)
		}
		m.Status = mostPressing(st)
	}
	for i := range out.Targets {
		out.Targets[i].Summary = countStatuses(out.Items, i)
	}
	out.Summary = countStatuses(out.Items, -1)
	out.Warnings = Warnings(out.Targets)
	return out, nil
}

func notListed(n int) []ItemTarget {
	out := make([]ItemTarget, n)
	for i := range out {
		out[i] = ItemTarget{Status: NotDecidable, Reason: ReasonNotListed, Rules: []string{}}
	}
	return out
}

func sourcesDocuments(sources []Source) []catalog.Document {
	seen := map[string]bool{}
	out := []catalog.Document{}
	for _, s := range sources {
		for _, d := range s.Report.Documents {
			if !seen[d.ID] {
				seen[d.ID] = true
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b catalog.Document) int { return strings.Compare(a.ID, b.ID) })
	return out
}
