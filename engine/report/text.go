package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// labels are the fixed words of the text output.
var labels = map[string]i18n.Text{
	"fail":         {En: "FAIL", Ja: "違反"},
	"inconclusive": {En: "INCONCLUSIVE", Ja: "判定不能"},
	"waivedStatus": {En: "WAIVED", Ja: "免除"},
	"waivedBy":     {En: "waived", Ja: "免除"},
	"owner":        {En: "owner", Ja: "担当"},
	"ticket":       {En: "ticket", Ja: "チケット"},
	"expires":      {En: "expires", Ja: "期限"},
	"waived":       {En: "Waived", Ja: "免除"},
	"critical":     {En: "CRITICAL", Ja: "重大"},
	"high":         {En: "HIGH", Ja: "高"},
	"medium":       {En: "MEDIUM", Ja: "中"},
	"low":          {En: "LOW", Ja: "低"},
	"noSource":     {En: "no source location", Ja: "ソース位置不明"},
	"attribute":    {En: "attribute", Ja: "属性"},
	"noFindings":   {En: "No findings.", Ja: "指摘事項はありません。"},
	"summary":      {En: "Summary", Ja: "サマリー"},
	"input":        {En: "Input", Ja: "入力"},
	"terraform":    {En: "Terraform", Ja: "Terraform"},
	"format":       {En: "format", Ja: "フォーマット"},
	"profile":      {En: "Profile", Ja: "プロファイル"},
	"edition":      {En: "FISC edition", Ja: "FISC版"},
	"current":      {En: "current edition", Ja: "現行版"},
	"8th":          {En: "8th edition revised", Ja: "第8版追補改訂版"},
	"resources":    {En: "Resources checked", Ja: "検査したリソース"},
	"of":           {En: "%d of %d", Ja: "%d / %d"},
	"rules":        {En: "Rules evaluated", Ja: "評価したルール"},
	"findings":     {En: "Findings", Ja: "指摘事項"},
	"bySeverity":   {En: "By severity", Ja: "重大度別"},
	"byStatus":     {En: "By status", Ja: "状態別"},
	"byFISC":       {En: "By FISC item", Ja: "FISC項目別"},
	"threshold":    {En: "Failures at or above --fail-on %s", Ja: "--fail-on %s 以上の違反"},
	"warning":      {En: "WARNING", Ja: "警告"},
	"unknown":      {En: "unknown", Ja: "不明"},
}

// ANSI escapes; used only when Options.Color is set.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiYellow  = "\x1b[33m"
	ansiCyan    = "\x1b[36m"
	ansiMagenta = "\x1b[35m"
)

var severityColor = map[rule.Severity]string{
	rule.Critical: ansiBold + ansiRed,
	rule.High:     ansiRed,
	rule.Medium:   ansiYellow,
	rule.Low:      ansiCyan,
}

type textWriter struct {
	w     io.Writer
	lang  i18n.Lang
	color bool
	err   error
}

func (t *textWriter) label(key string) string { return labels[key].In(t.lang) }

func (t *textWriter) paint(code, s string) string {
	if !t.color || code == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func writeText(w io.Writer, r *Report, opts Options) error {
	t := &textWriter{w: w, lang: r.Lang, color: opts.Color}
	t.findings(r)
	t.summary(r)
	return t.err
}

// findings prints one block per resource, most severe finding first.
func (t *textWriter) findings(r *Report) {
	fs := sortedFindings(r.Findings)
	if len(fs) == 0 {
		t.printf("%s\n\n", t.label("noFindings"))
		return
	}
	var groups [][]finding.Finding
	for i, f := range fs {
		if i == 0 || f.Address != fs[i-1].Address {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], f)
	}
	// Pad columns to the widest label in this language so lines align.
	sevWidth, statusWidth, idWidth := 0, 0, 0
	for _, sev := range severitiesDesc {
		sevWidth = max(sevWidth, displayWidth(t.label(sev.String())))
	}
	for _, st := range []string{rule.StatusFail, rule.StatusInconclusive, "waivedStatus"} {
		statusWidth = max(statusWidth, displayWidth(t.label(st)))
	}
	for _, f := range fs {
		idWidth = max(idWidth, displayWidth(f.Rule.ID))
	}
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return g[i].Rule.Severity > g[j].Rule.Severity })
		t.printf("%s  %s  %s\n", t.paint(ansiBold, g[0].Address), g[0].ResourceType, t.location(g[0].Location))
		for _, f := range g {
			sev := t.paint(severityColor[f.Rule.Severity], pad(t.label(f.Rule.Severity.String()), sevWidth))
			statusKey, statusColor := f.Status, ""
			switch {
			case f.Waiver != nil:
				statusKey = "waivedStatus"
			case f.Status == rule.StatusInconclusive:
				statusColor = ansiMagenta
			}
			status := t.paint(statusColor, pad(t.label(statusKey), statusWidth))
			line := fmt.Sprintf("  %s  %s  %s  %s", sev, status, pad(f.Rule.ID, idWidth), f.Message.In(t.lang))
			if f.Attribute != "" {
				line += fmt.Sprintf(" [%s: %s]", t.label("attribute"), f.Attribute)
			}
			if ids := f.Rule.FISCIDs(editionOf(r)); len(ids) > 0 {
				line += " (FISC " + strings.Join(ids, ", ") + ")"
			}
			if f.Waiver != nil {
				line += " — " + t.waiver(f.Waiver)
			}
			t.printf("%s\n", line)
		}
		t.printf("\n")
	}
}

// waiver says why a finding is waived: the reason, then owner, ticket and
// expiry where the waiver gives them.
func (t *textWriter) waiver(w *finding.Waiver) string {
	s := t.label("waivedBy") + ": " + oneLineText(w.Reason)
	var details []string
	for _, d := range []struct{ key, value string }{{"owner", w.Owner}, {"ticket", w.Ticket}, {"expires", w.Expires}} {
		if d.value != "" {
			details = append(details, t.label(d.key)+" "+oneLineText(d.value))
		}
	}
	if len(details) > 0 {
		s += " (" + strings.Join(details, ", ") + ")"
	}
	return s
}

func (t *textWriter) location(l *model.Location) string {
	if l == nil || l.File == "" {
		return "(" + t.label("noSource") + ")"
	}
	if l.Line > 0 {
		return fmt.Sprintf("%s:%d", cleanPath(l.File), l.Line)
	}
	return cleanPath(l.File)
}

func (t *textWriter) summary(r *Report) {
	s := summarize(r)
	t.printf("%s\n", t.paint(ansiBold, t.label("summary")))
	t.printf("  %s: %s\n", t.label("input"), t.input(r.Target))
	for _, n := range r.Notes {
		t.printf("  %s\n", t.paint(ansiYellow, t.label("warning")+": "+n))
	}
	t.printf("  %s: %s (%s)\n", t.label("profile"), r.Profile.Label().In(t.lang), r.Profile)
	t.printf("  %s: %s\n", t.label("edition"), t.label(string(editionOf(r))))
	t.printf("  %s: %s\n", t.label("resources"), fmt.Sprintf(t.label("of"), s.Checked, len(r.Resources)))
	t.printf("  %s: %d\n", t.label("rules"), len(evaluatedRules(r)))
	t.printf("  %s: %d\n", t.label("findings"), len(r.Findings)-s.Waived)
	t.printf("  %s: %d\n", t.label("waived"), s.Waived)

	var parts []string
	for _, sev := range severitiesDesc {
		parts = append(parts, fmt.Sprintf("%s %d", t.label(sev.String()), s.BySeverity[sev]))
	}
	t.printf("  %s: %s\n", t.label("bySeverity"), strings.Join(parts, ", "))
	t.printf("  %s: %s %d, %s %d\n", t.label("byStatus"),
		t.label(rule.StatusFail), s.Fail, t.label(rule.StatusInconclusive), s.Inconclusive)
	if len(s.ByFISC) > 0 {
		t.printf("  %s:\n", t.label("byFISC"))
		idWidth := 0
		for _, c := range s.ByFISC {
			idWidth = max(idWidth, displayWidth(c.ID))
		}
		for _, c := range s.ByFISC {
			t.printf("    %s  %3d  %s\n", pad(c.ID, idWidth), c.Count, c.Title)
		}
	}
	line := fmt.Sprintf("  %s: %d", fmt.Sprintf(t.label("threshold"), r.FailOn), s.FailedThreshold)
	if s.FailedThreshold > 0 {
		line = t.paint(ansiBold+ansiRed, line)
	}
	t.printf("%s\n", line)
}

// input describes the scanned input on one line.
func (t *textWriter) input(tg Target) string {
	s := tg.Path
	var details []string
	if tg.Kind != "" {
		details = append(details, tg.Kind)
	}
	if tg.TerraformVersion != "" {
		details = append(details, t.label("terraform")+" "+tg.TerraformVersion)
	}
	if tg.FormatVersion != "" {
		details = append(details, t.label("format")+" "+tg.FormatVersion)
	}
	if len(details) > 0 {
		s += " (" + strings.Join(details, ", ") + ")"
	}
	return s
}

// pad right-pads s to width terminal columns, counting wide (CJK) runes as two.
func pad(s string, width int) string {
	if n := displayWidth(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// isWide covers the East Asian wide and fullwidth blocks Japanese text uses.
func isWide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0x303E,
		r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return false
}
