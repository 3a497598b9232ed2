package report

import (
	"io"
	"sort"

	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// jsonSchemaVersion changes only when a field is removed or changes meaning;
// added fields keep the version.
const jsonSchemaVersion = 1

// jsonReport is the JSON output (schema_version 1). Text fields (title,
// message, remediation, FISC titles) are in the report's language. Arrays
// are never null. Every list is sorted: findings by address, rule ID and
// attribute; rules by ID; resources by address; by_fisc in natural FISC ID
// order.
type jsonReport struct {
	SchemaVersion int        `json:"schema_version"`
	Tool          jsonTool   `json:"tool"`
	Target        jsonTarget `json:"target"`
	Profile       string     `json:"profile"` // simple | strict
	Edition       string     `json:"edition"` // current | 8th: the scheme of every "fisc" field
	Lang          string     `json:"lang"`    // en | ja
	FailOn        string     `json:"fail_on"` // critical | high | medium | low | none
	// Severity is the least severity shown, when --severity leaves some out.
	Severity string      `json:"severity,omitempty"`
	Summary  jsonSummary `json:"summary"`
	// Targets are each target's own summary, when the run scanned several
	// (root modules, plans); findings and resources then name their target.
	Targets []jsonTargetSummary `json:"targets,omitempty"`
	// Rules are the rules evaluated, so a reader can tell a pass from a rule that never ran.
	Rules     []jsonRule    `json:"rules"`
	Findings  []jsonFinding `json:"findings"`
	Resources []Resource    `json:"resources"`
	Notes     []string      `json:"notes"`
}

type jsonTargetSummary struct {
	Target  jsonTarget  `json:"target"`
	Summary jsonSummary `json:"summary"`
	Notes   []string    `json:"notes"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// jsonTarget describes the input; complete is false and errored true for
// plans Terraform could not finish.
type jsonTarget struct {
	Path             string `json:"path"`
	Kind             string `json:"kind"` // plan | hcl
	TerraformVersion string `json:"terraform_version"`
	FormatVersion    string `json:"format_version"`
	Complete         bool   `json:"complete"`
	Errored          bool   `json:"errored"`
}

// jsonSummary counts findings. by_severity, by_status and by_fisc count
// open findings; waived counts the findings a waiver suppresses (they are
// listed in findings with their waiver, and never fail the build).
// failed_threshold counts failed (not inconclusive, not waived) findings at
// or above fail_on: non-zero means exit code 1. resources counts every
// resource in the input, resources_checked those checked by at least one
// rule (and kept by every filter); resource_types counts the types of the
// resources rules judge (managed, not only deleted), types_not_covered
// names those of them no evaluated rule judges. filters are the resource
// filters in force.
type jsonSummary struct {
	BySeverity       jsonBySeverity `json:"by_severity"`
	ByStatus         jsonByStatus   `json:"by_status"`
	Waived           int            `json:"waived"`
	ByFISC           []jsonFISC     `json:"by_fisc"`
	FailedThreshold  int            `json:"failed_threshold"`
	Resources        int            `json:"resources"`
	ResourcesChecked int            `json:"resources_checked"`
	ResourceTypes    int            `json:"resource_types"`
	TypesNotCovered  []string       `json:"types_not_covered"`
	Filters          []jsonFilter   `json:"filters"`
	// BelowSeverity counts the findings --severity left out.
	BelowSeverity int `json:"findings_below_severity,omitempty"`
}

// jsonFilter is a resource filter in force: name is changed-only or
// diff-base (ref is its git ref, else ""); resources_left_out counts the
// resources rules judge that it left out of the report.
type jsonFilter struct {
	Name             string `json:"name"`
	Ref              string `json:"ref"`
	ResourcesLeftOut int    `json:"resources_left_out"`
}

type jsonBySeverity struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
}

type jsonByStatus struct {
	Fail         int `json:"fail"`
	Inconclusive int `json:"inconclusive"`
}

// jsonFISC counts the findings citing one FISC item; title is "" for an
// item missing from the catalog.
type jsonFISC struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Findings int    `json:"findings"`
}

// jsonRule is one rule evaluated, with its pass record over the whole input
// (before --baseline, --changed-only and --diff-base leave findings out):
// applied counts the resources of its resource_types it judged, and
// passed + failed + inconclusive + waived = applied. A rule with applied 0
// had nothing to check, which is not a pass.
type jsonRule struct {
	ID             string              `json:"id"`
	Title          string              `json:"title"`
	Severity       string              `json:"severity"`
	Profile        string              `json:"profile"`
	Responsibility rule.Responsibility `json:"responsibility"`
	FISC           []string            `json:"fisc"`
	Applied        int                 `json:"applied"`
	Passed         int                 `json:"passed"`
	Failed         int                 `json:"failed"`
	Inconclusive   int                 `json:"inconclusive"`
	Waived         int                 `json:"waived"`
}

// jsonFinding is one finding. fisc is in the report's edition; fisc_current
// and fisc_8th give both schemes. status is fail | inconclusive. location is
// null when the resource has no known source; its 0 values mean unknown.
// fingerprint is stable across edits (rule ID, address, attribute). waiver
// is null for an open finding, else the waiver that suppresses it.
type jsonFinding struct {
	RuleID         string              `json:"rule_id"`
	Title          string              `json:"title"`
	Severity       string              `json:"severity"`
	Status         string              `json:"status"`
	FISC           []string            `json:"fisc"`
	FISCCurrent    []string            `json:"fisc_current"`
	FISC8th        []string            `json:"fisc_8th"`
	Profile        string              `json:"profile"`
	Responsibility rule.Responsibility `json:"responsibility"`
	Address        string              `json:"address"`
	ResourceType   string              `json:"resource_type"`
	Attribute      string              `json:"attribute"`
	Attributes     []string            `json:"attributes"`
	Resources      []string            `json:"resources"`
	Message        string              `json:"message"`
	Remediation    string              `json:"remediation"`
	Location       *jsonLocation       `json:"location"`
	Fingerprint    string              `json:"fingerprint"`
	Waiver         *jsonWaiver         `json:"waiver"`
	// Target is the path of the target the finding is in, when the run
	// scanned several.
	Target string `json:"target,omitempty"`
}

// jsonWaiver is the exception a waived finding falls under. kind is inline
// (a comment) or file (a waiver file entry); rule and resource are what the
// waiver names (a rule ID, FISC item ID or glob; an address glob); owner,
// ticket and expires (YYYY-MM-DD) are "" when the waiver leaves them out;
// source is where the waiver is written, null when unknown.
type jsonWaiver struct {
	Kind     string        `json:"kind"`
	Rule     string        `json:"rule"`
	Resource string        `json:"resource"`
	Reason   string        `json:"reason"`
	Owner    string        `json:"owner"`
	Ticket   string        `json:"ticket"`
	Expires  string        `json:"expires"`
	Source   *jsonLocation `json:"source"`
}

type jsonLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

func writeJSON(w io.Writer, r *Report) error {
	out := jsonReport{
		SchemaVersion: jsonSchemaVersion,
		Tool:          jsonTool{Name: r.Tool.Name, Version: r.Tool.Version},
		Target:        jsonTargetOf(r.Target),
		Profile:       string(r.Profile),
		Edition:       string(editionOf(r)),
		Lang:          string(r.Lang),
		FailOn:        r.FailOn.String(),
		Summary:       jsonSummaryOf(r),
		Rules:         []jsonRule{},
		Findings:      []jsonFinding{},
		Resources:     sortedResources(r.Resources),
		Notes:         i18n.TextsIn(r.Notes, r.Lang),
	}
	if filtersSeverity(r) {
		out.Severity = r.Severity.String()
	}
	for _, p := range r.Parts {
		out.Targets = append(out.Targets, jsonTargetSummary{Target: jsonTargetOf(p.Target), Summary: jsonSummaryOf(p), Notes: i18n.TextsIn(p.Notes, r.Lang)})
	}
	counts := map[string]coverage.Counts{}
	for i := range r.Coverage {
		counts[r.Coverage[i].Rule.ID] = r.Coverage[i].Counts()
	}
	for _, rl := range evaluatedRules(r) {
		c := counts[rl.ID]
		out.Rules = append(out.Rules, jsonRule{
			ID:             rl.ID,
			Title:          rl.Title.In(r.Lang),
			Severity:       rl.Severity.String(),
			Profile:        string(rl.Profile),
			Responsibility: rl.Responsibility,
			FISC:           nonNil(rl.FISCIDs(r.Edition)),
			Applied:        c.Applied,
			Passed:         c.Passed,
			Failed:         c.Failed,
			Inconclusive:   c.Inconclusive,
			Waived:         c.Waived,
		})
	}
	for _, f := range sortedFindings(r.Findings) {
		jf := jsonFinding{
			RuleID:         f.Rule.ID,
			Title:          f.Rule.Title.In(r.Lang),
			Severity:       f.Rule.Severity.String(),
			Status:         f.Status,
			FISC:           nonNil(f.Rule.FISCIDs(r.Edition)),
			FISCCurrent:    nonNil(f.Rule.FISC),
			FISC8th:        nonNil(f.Rule.FISC8th),
			Profile:        string(f.Rule.Profile),
			Responsibility: f.Rule.Responsibility,
			Address:        f.Address,
			ResourceType:   f.ResourceType,
			Attribute:      f.Attribute,
			Attributes:     nonNil(attributesOf(f)),
			Resources:      nonNil(affectedAddresses(f)),
			Message:        f.Message.In(r.Lang),
			Remediation:    f.Rule.Remediation.In(r.Lang),
			Fingerprint:    f.Fingerprint,
		}
		if len(r.Parts) > 0 {
			jf.Target = f.Target
		}
		if l := f.Location; l != nil {
			jf.Location = &jsonLocation{File: cleanPath(l.File), Line: l.Line, Column: l.Column, EndLine: l.EndLine, EndColumn: l.EndColumn}
		}
		if w := f.Waiver; w != nil {
			jf.Waiver = &jsonWaiver{Kind: w.Kind, Rule: w.Rule, Resource: w.Resource, Reason: w.Reason,
				Owner: w.Owner, Ticket: w.Ticket, Expires: w.Expires}
			if src := w.Source; src.File != "" {
				jf.Waiver.Source = &jsonLocation{File: cleanPath(src.File), Line: src.Line, Column: src.Column, EndLine: src.EndLine, EndColumn: src.EndColumn}
			}
		}
		out.Findings = append(out.Findings, jf)
	}
	// Messages quote HCL like "a < b": indentedJSON keeps them readable
	// rather than \u003c.
	data, err := indentedJSON(out)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func jsonTargetOf(t Target) jsonTarget {
	return jsonTarget{Path: t.Path, Kind: t.Kind, TerraformVersion: t.TerraformVersion, FormatVersion: t.FormatVersion,
		Complete: t.Complete, Errored: t.Errored}
}

func jsonSummaryOf(r *Report) jsonSummary {
	s := summarize(r)
	out := jsonSummary{
		BySeverity: jsonBySeverity{
			Critical: s.BySeverity[rule.Critical],
			High:     s.BySeverity[rule.High],
			Medium:   s.BySeverity[rule.Medium],
			Low:      s.BySeverity[rule.Low],
		},
		ByStatus:         jsonByStatus{Fail: s.Fail, Inconclusive: s.Inconclusive},
		Waived:           s.Waived,
		ByFISC:           []jsonFISC{},
		FailedThreshold:  s.FailedThreshold,
		Resources:        len(r.Resources),
		ResourcesChecked: s.Checked,
		ResourceTypes:    s.Types,
		TypesNotCovered:  nonNil(s.Uncovered),
		Filters:          []jsonFilter{},
		BelowSeverity:    r.Below,
	}
	for _, c := range s.ByFISC {
		out.ByFISC = append(out.ByFISC, jsonFISC{ID: c.ID, Title: c.Title, Findings: c.Count})
	}
	for _, f := range r.Filters {
		out.Filters = append(out.Filters, jsonFilter{Name: f.Name, Ref: f.Ref, ResourcesLeftOut: f.LeftOut})
	}
	return out
}

// sortedResources copies resources sorted by address, with actions never null.
func sortedResources(in []Resource) []Resource {
	out := make([]Resource, len(in))
	copy(out, in)
	for i := range out {
		if out[i].Actions == nil {
			out[i].Actions = []string{}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Target != out[j].Target {
			return out[i].Target < out[j].Target
		}
		return out[i].Address < out[j].Address
	})
	return out
}
