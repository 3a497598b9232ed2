package docs

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// ListFormats are the formats of the policy list (fiscguard policies).
var ListFormats = []string{"text", "json", "markdown"}

// Selection picks rules for the policy list; a zero field selects all.
type Selection struct {
	// Profile keeps the rules that run under it; Severity those of it or
	// higher; FISC those that cite the item, in either edition.
	Profile  rule.Profile
	Severity rule.Severity
	FISC     string
}

// Select returns the selected rules in library order. A FISC item the
// catalog lacks is an error.
func (l *Library) Select(s Selection) ([]*rule.Rule, error) {
	if s.FISC != "" {
		if _, ok := l.Catalog.Lookup(s.FISC); !ok {
			return nil, fmt.Errorf("--fisc: %s is not a FISC item in the catalog (see fiscguard explain)", s.FISC)
		}
	}
	var out []*rule.Rule
	for _, r := range l.Rules {
		if (s.Profile != "" && !s.Profile.Includes(r.Profile)) || r.Severity < s.Severity ||
			(s.FISC != "" && !slices.Contains(r.FISC, s.FISC) && !slices.Contains(r.FISC8th, s.FISC)) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// listEntry is one policy in the JSON list: every field, both languages.
type listEntry struct {
	ID             string            `json:"id"`
	Title          i18n.Text         `json:"title"`
	Severity       rule.Severity     `json:"severity"`
	Profile        rule.Profile      `json:"profile"`
	Responsibility string            `json:"responsibility"`
	FISC           []string          `json:"fisc"`
	FISC8th        []string          `json:"fisc_8th"`
	FISCBasis      map[string]string `json:"fisc_basis"`
	FISCBasisJa    map[string]string `json:"fisc_basis_ja,omitempty"`
	StrictReason   *i18n.Text        `json:"strict_reason,omitempty"`
	ResourceTypes  []string          `json:"resource_types"`
	Params         []string          `json:"params"`
	Description    i18n.Text         `json:"description"`
	Remediation    i18n.Text         `json:"remediation"`
	HelpURI        string            `json:"help_uri"`
	File           string            `json:"file"`
}

// WriteList writes the policy list: text (a table), json (every field,
// both languages) or markdown (a table linked to the documentation).
func (l *Library) WriteList(w io.Writer, format string, rules []*rule.Rule, lang i18n.Lang) error {
	switch format {
	case "json":
		entries := make([]listEntry, 0, len(rules))
		for _, r := range rules {
			e := listEntry{
				ID: r.ID, Title: r.Title, Severity: r.Severity, Profile: r.Profile, Responsibility: string(r.Responsibility),
				FISC: nonNil(r.FISC), FISC8th: nonNil(r.FISC8th), FISCBasis: r.FISCBasis, FISCBasisJa: r.FISCBasisJa,
				ResourceTypes: r.ResourceTypes, Params: nonNil(l.ParamsOf(r)), Description: r.Description, Remediation: r.Remediation,
				HelpURI: HelpURI(r.ID), File: r.File,
			}
			if r.StrictReason.En != "" {
				e.StrictReason = &r.StrictReason
			}
			entries = append(entries, e)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"count": len(entries), "policies": entries})
	case "markdown":
		head := fmt.Sprintf("| ID | %s | %s | FISC | %s | %s |\n", rule.SeverityTerm.In(lang), rule.ProfileTerm.In(lang), columns["fisc8th"].In(lang), columns["title"].In(lang))
		_, err := io.WriteString(w, policyTable(rules, head, HelpURI, lang, lang))
		return err
	case "text":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "ID\t%s\t%s\tFISC\t%s\t%s\n", rule.SeverityTerm.In(lang), rule.ProfileTerm.In(lang), columns["fisc8th"].In(lang), columns["title"].In(lang))
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity.Label().In(lang), r.Profile.Label().In(lang),
				dash(strings.Join(r.FISC, ",")), dash(strings.Join(r.FISC8th, ",")), r.Title.In(lang))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\n"+columns["count"].In(lang)+"\n", len(rules))
		return err
	}
	return fmt.Errorf("--format: unknown format %q (want %s)", format, strings.Join(ListFormats, ", "))
}

// columns are the headings of the policy list.
var columns = map[string]i18n.Text{
	"fisc8th": {En: "FISC (8th)", Ja: "FISC（第8版）"},
	"title":   {En: "Title", Ja: "タイトル"},
	"count":   {En: "%d policies (fiscguard explain ID for details)", Ja: "全%d件（詳細は fiscguard explain ID）"},
}

// policyTable is the Markdown table of rules, after the header row given:
// each ID linked, severity and profile labelled in values, both FISC
// schemes and a title per language.
func policyTable(rules []*rule.Rule, head string, link func(id string) string, values i18n.Lang, langs ...i18n.Lang) string {
	var b strings.Builder
	b.WriteString(head)
	b.WriteString("|---|---|---|---|---" + strings.Repeat("|---", len(langs)) + "|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s | %s |", r.ID, link(r.ID), r.Severity.Label().In(values), r.Profile.Label().In(values),
			dash(strings.Join(r.FISC, ", ")), dash(strings.Join(r.FISC8th, ", ")))
		for _, l := range langs {
			fmt.Fprintf(&b, " %s |", cell(r.Title.In(l)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
