package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// labels are the fixed words of the text output.
var labels = map[string]i18n.Text{
	"fail":           upper(rule.StatusLabel(rule.StatusFail)),
	"inconclusive":   upper(rule.StatusLabel(rule.StatusInconclusive)),
	"waivedBy":       {En: "waived", Ja: rule.WaivedLabel.Ja},
	"owner":          {En: "owner", Ja: "担当"},
	"ticket":         {En: "ticket", Ja: "チケット"},
	"expires":        {En: "expires", Ja: "期限"},
	"waivedFindings": {En: "Waived findings (%d)", Ja: "例外（適用除外）とした指摘事項（%d 件）"},
	"critical":       upper(rule.Critical.Label()),
	"high":           upper(rule.High.Label()),
	"medium":         upper(rule.Medium.Label()),
	"low":            upper(rule.Low.Label()),
	"noSource":       {En: "no source location", Ja: "ソース位置不明"},
	"related":        {En: "related location", Ja: "関連する位置"},
	"fix":            {En: "Fix", Ja: "対処"},
	"noFindings":     {En: "No findings.", Ja: "指摘事項はありません。"},
	"nothingChecked": {En: "Nothing was checked (see the summary).", Ja: "何も検査していません（サマリーを参照）。"},
	"rulesOne":       {En: "%d rule evaluated", Ja: "評価したルール %d 件"},
	"rulesMany":      {En: "%d rules evaluated", Ja: "評価したルール %d 件"},
	"findings":       {En: "Findings", Ja: "指摘事項"},
	"none":           {En: "none", Ja: "なし"},
	"failedN":        {En: "%d failed", Ja: "違反 %d"},
	"inconclusiveN":  {En: "%d inconclusive", Ja: "判定不能 %d"},
	"waivedN":        {En: "%d waived", Ja: rule.WaivedLabel.Ja + " %d"},
	"byFISC":         {En: "By FISC item", Ja: "FISC項目別"},
	"result":         {En: "Result", Ja: "判定"},
	"pass":           {En: "pass: no failure at or above --fail-on %s", Ja: "合格（重大度%s以上の違反なし）"},
	"unchecked":      {En: "nothing checked, so no failure at or above --fail-on %s", Ja: "検査なし（何も検査していないため重大度%s以上の違反もない）"},
	"failAll":        {En: "fail: every failure is at or above --fail-on %s", Ja: "不合格（すべての違反が重大度%s以上）"},
	"failSomeOne":    {En: "fail: %[2]d of the failures is at or above --fail-on %[1]s", Ja: "不合格（違反のうち %[2]d 件が重大度%[1]s以上）"},
	"failSomeMany":   {En: "fail: %[2]d of the failures are at or above --fail-on %[1]s", Ja: "不合格（違反のうち %[2]d 件が重大度%[1]s以上）"},
	"notGated":       {En: "not gated (--fail-on none): %d failures reported", Ja: "判定なし（--fail-on none）：違反 %d 件を報告"},
	"targets":        {En: "%d targets", Ja: "対象 %d 件"},
	"targetPass":     {En: "pass", Ja: "合格"},
	"targetFail":     {En: "fail", Ja: "不合格"},
	"targetNone":     {En: "nothing checked", Ja: "検査なし"},
	"warning":        {En: "WARNING", Ja: "警告"},
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

func (t *textWriter) label(key string) string { return wordIn(labels, key).In(t.lang) }

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
	s := summarize(r)
	open, waived := splitWaived(r.Findings)
	if opts.Quiet {
		t.quiet(r, &s, open)
		return t.err
	}
	t.findings(r, &s, open)
	t.waived(waived)
	t.summary(r, &s)
	return t.err
}

// findings prints each open finding, most severe first and failures before
// inconclusive results: what is wrong, where (with the source lines), how
// to fix it and where to read more.
func (t *textWriter) findings(r *Report, s *summary, open []finding.Finding) {
	if len(open) == 0 {
		msg := t.label("noFindings")
		if s.nothingChecked() {
			msg = t.paint(ansiBold+ansiYellow, t.label("nothingChecked"))
		}
		t.printf("%s\n\n", msg)
		return
	}
	bySeverity(open)
	// Pad the severity and status to the widest label in this language so
	// the first lines of findings align.
	sevWidth, statusWidth := 0, 0
	for _, sev := range severitiesDesc {
		sevWidth = max(sevWidth, displayWidth(t.label(sev.String())))
	}
	for _, st := range []string{rule.StatusFail, rule.StatusInconclusive} {
		statusWidth = max(statusWidth, displayWidth(t.label(st)))
	}
	for i := range open {
		f := &open[i]
		statusColor := ""
		if f.Status == rule.StatusInconclusive {
			statusColor = ansiMagenta
		}
		t.printf("%s  %s  %s  %s\n",
			t.paint(severityColor[f.Rule.Severity], pad(t.label(f.Rule.Severity.String()), sevWidth)),
			t.paint(statusColor, pad(t.label(f.Status), statusWidth)),
			t.paint(ansiBold, f.Rule.ID), Escape(f.Message.In(t.lang)))
		where := []string{t.location(f.Location), Escape(shownAddress(r, *f))}
		if f.Attribute != "" {
			where = append(where, Escape(f.Attribute))
		}
		t.printf("  %s\n", lineStart(strings.Join(where, " · ")))
		if f.Related != nil {
			t.printf("  %s: %s\n", t.label("related"), t.location(f.Related))
		}
		t.snippet(f.Snippet)
		if fix := Escape(oneLineText(f.Rule.Remediation.In(t.lang))); fix != "" {
			t.printf("  %s: %s\n", t.label("fix"), fix)
		}
		var refs []string
		if ids := fiscIDs(r, f.Rule); len(ids) > 0 {
			refs = append(refs, "FISC "+strings.Join(ids, ", "))
		}
		if cmd := explainCommand(f.Rule, t.lang); cmd != "" {
			refs = append(refs, cmd)
		}
		if len(refs) > 0 {
			t.printf("  %s\n", strings.Join(refs, " · "))
		}
		t.printf("\n")
	}
}

// quiet prints the failed findings and the result, or nothing when
// nothing failed.
func (t *textWriter) quiet(r *Report, s *summary, open []finding.Finding) {
	var failed []finding.Finding
	for _, f := range open {
		if f.Status == rule.StatusFail {
			failed = append(failed, f)
		}
	}
	if len(failed) == 0 {
		return
	}
	t.findings(r, s, failed)
	text, style := verdictLine(r, s, t.lang)
	t.printf("%s: %s\n", t.label("result"), t.paint(style, text))
}

// bySeverity orders findings most severe first, failures before
// inconclusive results, then as finding.Sort does.
func bySeverity(fs []finding.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Rule.Severity != b.Rule.Severity {
			return a.Rule.Severity > b.Rule.Severity
		}
		return a.Status == rule.StatusFail && b.Status != rule.StatusFail
	})
}

// snippet prints the quoted source lines, the finding's own marked with >.
func (t *textWriter) snippet(lines []finding.SourceLine) {
	if len(lines) == 0 {
		return
	}
	width := len(strconv.Itoa(lines[len(lines)-1].Number))
	for _, l := range lines {
		mark, num := " ", fmt.Sprintf("%*d", width, l.Number)
		if l.Marked {
			mark, num = t.paint(ansiBold, ">"), t.paint(ansiBold, num)
		}
		t.printf("%s\n", strings.TrimRight(fmt.Sprintf("  %s %s │ %s", mark, num, printable(l.Text)), " \t"))
	}
}

// waived lists the waived findings, one line each, with why.
func (t *textWriter) waived(fs []finding.Finding) {
	if len(fs) == 0 {
		return
	}
	t.printf("%s\n", t.paint(ansiBold, fmt.Sprintf(t.label("waivedFindings"), len(fs))))
	bySeverity(fs)
	for i := range fs {
		f := &fs[i]
		t.printf("  %s  %s  %s  %s — %s\n", t.label(f.Rule.Severity.String()), f.Rule.ID, Escape(f.Address), t.location(f.Location), t.waiver(f.Waiver))
	}
	t.printf("\n")
}

// waiver says why a finding is waived: the reason, then owner, ticket and
// expiry where the waiver gives them.
func (t *textWriter) waiver(w *finding.Waiver) string {
	s := t.label("waivedBy") + ": " + Escape(oneLineText(w.Reason))
	var details []string
	for _, d := range []struct{ key, value string }{{"owner", w.Owner}, {"ticket", w.Ticket}, {"expires", w.Expires}} {
		if d.value != "" {
			details = append(details, t.label(d.key)+" "+Escape(oneLineText(d.value)))
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
		return fmt.Sprintf("%s:%d", Escape(cleanPath(l.File)), l.Line)
	}
	return Escape(cleanPath(l.File))
}

// summary says each number once: what was scanned and under which rules,
// what was checked, what was found, and whether the build fails.
func (t *textWriter) summary(r *Report, s *summary) {
	t.printf("%s\n", t.paint(ansiBold, t.label("summary")))
	in := t.input(r.Target)
	if len(r.Parts) > 0 {
		in += " · " + fmt.Sprintf(t.label("targets"), len(r.Parts))
	}
	t.printf("  %s: %s\n", t.label("input"), in)
	for _, p := range r.Parts {
		ps := summarize(p)
		text, style := t.label("targetPass"), ""
		switch {
		case ps.FailedThreshold > 0:
			text, style = t.label("targetFail"), ansiRed
		case ps.nothingChecked():
			text, style = t.label("targetNone"), ansiYellow
		}
		t.printf("    %s: %s · %s\n", t.input(p.Target), t.counts(&ps), t.paint(style, text))
	}
	for _, n := range r.Notes {
		t.printf("  %s\n", t.paint(ansiYellow, t.label("warning")+": "+Escape(n.In(t.lang))))
	}
	rules := len(evaluatedRules(r))
	t.printf("  %s: %s · %s: %s · %s\n", t.label("profile"), r.Profile.Label().In(t.lang),
		t.label("edition"), t.label(string(editionOf(r))), countOf(rules, labels["rulesOne"], labels["rulesMany"], t.lang))
	t.printf("  %s: %s\n", t.label("coverage"), coverageLine(s, t.lang, printable))
	for _, f := range r.Filters {
		t.printf("  %s: %s\n", t.label("filter"), filterLine(f, t.lang, printable))
	}
	if filtersSeverity(r) {
		t.printf("  %s: %s\n", t.label("filter"), severityLine(r, t.lang, printable))
	}
	if why := nothingChecked(s, t.lang, printable); why != "" {
		t.printf("  %s\n", t.paint(ansiBold+ansiYellow, t.label("warning")+": "+why))
	}
	t.printf("  %s: %s\n", t.label("findings"), t.counts(s))
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
	text, style := verdictLine(r, s, t.lang)
	t.printf("  %s: %s\n", t.label("result"), t.paint(style, text))
}

// verdictLine says whether the build fails and why, with the ANSI style
// that shows it.
func verdictLine(r *Report, s *summary, lang i18n.Lang) (string, string) {
	label := func(k string) string { return labels[k].In(lang) }
	switch {
	case r.FailOn == rule.None && s.Fail > 0:
		return fmt.Sprintf(label("notGated"), s.Fail), ansiBold + ansiYellow
	case s.FailedThreshold == 0 && s.nothingChecked():
		return fmt.Sprintf(label("unchecked"), threshold(r.FailOn, lang)), ansiBold + ansiYellow
	case s.FailedThreshold == 0:
		return fmt.Sprintf(label("pass"), threshold(r.FailOn, lang)), ""
	case s.FailedThreshold == s.Fail:
		return fmt.Sprintf(label("failAll"), threshold(r.FailOn, lang)), ansiBold + ansiRed
	case s.FailedThreshold == 1:
		return fmt.Sprintf(label("failSomeOne"), threshold(r.FailOn, lang), s.FailedThreshold), ansiBold + ansiRed
	}
	return fmt.Sprintf(label("failSomeMany"), threshold(r.FailOn, lang), s.FailedThreshold), ansiBold + ansiRed
}

// counts is the findings by status (zeros left out), then the open ones by
// severity.
func (t *textWriter) counts(s *summary) string {
	var status []string
	for _, c := range []struct {
		key string
		n   int
	}{{"failedN", s.Fail}, {"inconclusiveN", s.Inconclusive}, {"waivedN", s.Waived}} {
		if c.n > 0 {
			status = append(status, fmt.Sprintf(t.label(c.key), c.n))
		}
	}
	if len(status) == 0 {
		return t.label("none")
	}
	line := strings.Join(status, listSep.In(t.lang))
	var sev []string
	for _, v := range severitiesDesc {
		if n := s.BySeverity[v]; n > 0 {
			sev = append(sev, fmt.Sprintf("%s %d", t.label(v.String()), n))
		}
	}
	if len(sev) > 0 {
		line += " · " + strings.Join(sev, listSep.In(t.lang))
	}
	return line
}

// input describes the scanned input on one line.
func (t *textWriter) input(tg Target) string {
	s := Escape(tg.Path)
	var details []string
	if tg.Kind != "" {
		details = append(details, kindLabel(tg.Kind).In(t.lang))
	}
	if tg.TerraformVersion != "" {
		details = append(details, t.label("terraform")+" "+Escape(tg.TerraformVersion))
	}
	if tg.FormatVersion != "" {
		details = append(details, t.label("format")+" "+Escape(tg.FormatVersion))
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
