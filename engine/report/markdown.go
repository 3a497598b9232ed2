package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Limits that keep a Markdown report inside a GitHub comment (65,536
// characters). Each table stops at its row cap or its byte budget,
// whichever comes first, and says how many rows it left out.
const (
	mdMaxFindings      = 200
	mdFindingsBudget   = 32000
	mdMaxWaived        = 100
	mdWaivedBudget     = 10000
	mdMaxExpiring      = 50
	mdExpiringBudget   = 5000
	mdMaxFISC          = 60
	mdMaxNotes         = 20
	mdMaxCell          = 300
	mdExpiryWindowDays = 30
	// mdMarker lets a bot find its earlier comment and update it.
	mdMarker = "<!-- fiscguard -->"
)

// mdWords are the fixed words of the Markdown output.
var mdWords = map[string]i18n.Text{
	"failTitle":       {En: "❌ fiscguard: %d findings at or above %s", Ja: "❌ fiscguard: 重大度%[2]s以上の違反が %[1]d 件あります"},
	"failTitleOne":    {En: "❌ fiscguard: 1 finding at or above %[2]s", Ja: "❌ fiscguard: 重大度%[2]s以上の違反が %[1]d 件あります"},
	"passTitle":       {En: "✅ fiscguard: no findings at or above %s", Ja: "✅ fiscguard: 重大度%s以上の違反はありません"},
	"uncheckedTitle":  {En: "⚠️ fiscguard: nothing was checked", Ja: "⚠️ fiscguard: 何も検査していません"},
	"notGatedTitle":   {En: "ℹ️ fiscguard: %d failures reported, not gated (--fail-on none)", Ja: "ℹ️ fiscguard: 違反 %d 件を報告（--fail-on none のため判定なし）"},
	"targets":         {En: "Targets", Ja: "対象"},
	"target":          {En: "Target", Ja: "対象"},
	"checkedN":        {En: "Resources checked", Ja: "検査したリソース"},
	"result":          {En: "Result", Ja: "判定"},
	"pass":            {En: "✅ pass", Ja: "✅ 合格"},
	"failed":          {En: "❌ fail", Ja: "❌ 不合格"},
	"none":            {En: "⚠️ nothing checked", Ja: "⚠️ 検査なし"},
	"rules":           {En: "Rules evaluated", Ja: "評価したルール"},
	"status":          {En: "Status", Ja: "状態"},
	"fail":            rule.StatusLabel(rule.StatusFail),
	"inconclusive":    rule.StatusLabel(rule.StatusInconclusive),
	"waived":          rule.WaivedLabel,
	"total":           {En: "Total", Ja: "合計"},
	"critical":        rule.Critical.Label(),
	"high":            rule.High.Label(),
	"medium":          rule.Medium.Label(),
	"low":             rule.Low.Label(),
	"byFISC":          {En: "By FISC item", Ja: "FISC項目別"},
	"fiscItem":        {En: "FISC item", Ja: "FISC項目"},
	"title":           {En: "Title", Ja: "タイトル"},
	"findings":        {En: "Findings", Ja: "指摘事項"},
	"newFindings":     {En: "Findings (%d)", Ja: "指摘事項（%d 件）"},
	"noFindings":      {En: "No findings.", Ja: "指摘事項はありません。"},
	"rule":            {En: "Rule", Ja: "ルール"},
	"resource":        {En: "Resource", Ja: "リソース"},
	"location":        {En: "Location", Ja: "場所"},
	"message":         {En: "Message", Ja: "メッセージ"},
	"noSource":        {En: "no source location", Ja: "ソース位置不明"},
	"more":            {En: "… and %d more", Ja: "… ほか %d 件"},
	"waivedFindings":  {En: "Waived findings (%d)", Ja: "例外（適用除外）とした指摘事項（%d 件）"},
	"reason":          {En: "Reason", Ja: "理由"},
	"owner":           {En: "Owner", Ja: "担当"},
	"ticket":          {En: "Ticket", Ja: "チケット"},
	"expires":         {En: "Expires", Ja: "期限"},
	"daysLeft":        {En: "Days left", Ja: "残り日数"},
	"waiverSource":    {En: "Waiver", Ja: "例外（適用除外）の記載場所"},
	"expiring":        {En: "Waivers expiring within %d days (%d)", Ja: "%d 日以内に期限切れとなる例外（適用除外）（%d 件）"},
	"expiringSummary": {En: "They stop applying after their expiry date, and the findings they waive come back.", Ja: "期限を過ぎると例外（適用除外）は適用されず、対象の指摘事項が再び報告されます。"},
	"notes":           {En: "Notes", Ja: "注意"},
	"footer":          {En: "fiscguard %s · fail-on %s", Ja: "fiscguard %s · 判定基準：重大度%s以上"},
	"footerNotGated":  {En: "fiscguard %s · fail-on none", Ja: "fiscguard %s · 判定基準なし（--fail-on none）"},
}

type mdWriter struct {
	b    strings.Builder
	lang i18n.Lang
}

func (m *mdWriter) word(key string) string { return wordIn(mdWords, key).In(m.lang) }

func (m *mdWriter) printf(format string, args ...any) { fmt.Fprintf(&m.b, format, args...) }

// writeMarkdown writes a pull-request comment or job summary: verdict,
// profile and edition, counts by severity, status and FISC item, the open
// findings, the waived ones, waivers about to expire and notes on the input.
func writeMarkdown(w io.Writer, r *Report) error {
	m := &mdWriter{lang: r.Lang}
	s := summarize(r)
	open, waived := splitWaived(r.Findings)
	m.printf("%s\n", mdMarker)
	m.title(r, &s)
	m.context(r, &s)
	m.targets(r)
	m.counts(r, s)
	m.fisc(s)
	m.findings(r, open)
	m.waived(r, waived)
	m.expiring(r)
	m.notes(r.Notes)
	footer := fmt.Sprintf(m.word("footer"), nonEmpty(r.Tool.Version, "dev"), threshold(r.FailOn, m.lang))
	if r.FailOn == rule.None {
		footer = fmt.Sprintf(m.word("footerNotGated"), nonEmpty(r.Tool.Version, "dev"))
	}
	m.printf("\n<sub>%s</sub>\n", mdText(footer))
	_, err := io.WriteString(w, m.b.String())
	return err
}

// title is the verdict; a scan that checked nothing says so rather than
// passing.
func (m *mdWriter) title(r *Report, s *summary) {
	switch {
	case r.FailOn == rule.None && s.Fail > 0:
		m.printf("## %s\n\n", fmt.Sprintf(m.word("notGatedTitle"), s.Fail))
	case s.FailedThreshold == 1:
		m.printf("## %s\n\n", fmt.Sprintf(m.word("failTitleOne"), 1, threshold(r.FailOn, m.lang)))
	case s.FailedThreshold > 1:
		m.printf("## %s\n\n", fmt.Sprintf(m.word("failTitle"), s.FailedThreshold, threshold(r.FailOn, m.lang)))
	case s.nothingChecked():
		m.printf("## %s\n\n> [!WARNING]\n> %s\n\n", m.word("uncheckedTitle"), nothingChecked(s, m.lang, mdCode))
	default:
		m.printf("## %s\n\n", fmt.Sprintf(m.word("passTitle"), threshold(r.FailOn, m.lang)))
	}
}

// context says what was scanned, under which profile and edition, and
// what was checked.
func (m *mdWriter) context(r *Report, s *summary) {
	in := mdCode(r.Target.Path)
	var details []string
	if r.Target.Kind != "" {
		details = append(details, kindLabel(r.Target.Kind).In(m.lang))
	}
	if r.Target.TerraformVersion != "" {
		details = append(details, m.word("terraform")+" "+r.Target.TerraformVersion)
	}
	if r.Target.FormatVersion != "" {
		details = append(details, m.word("format")+" "+r.Target.FormatVersion)
	}
	if len(details) > 0 {
		in += " (" + mdText(strings.Join(details, ", ")) + ")"
	}
	m.printf("- **%s**: %s (`%s`)\n", m.word("profile"), mdText(r.Profile.Label().In(m.lang)), r.Profile)
	m.printf("- **%s**: %s\n", m.word("edition"), m.word(string(editionOf(r))))
	m.printf("- **%s**: %s\n", m.word("input"), in)
	m.printf("- **%s**: %d\n", m.word("rules"), len(evaluatedRules(r)))
	m.printf("- **%s**: %s\n", m.word("coverage"), coverageLine(s, m.lang, mdCode))
	for _, f := range r.Filters {
		m.printf("- **%s**: %s\n", m.word("filter"), filterLine(f, m.lang, mdCode))
	}
	if filtersSeverity(r) {
		m.printf("- **%s**: %s\n", m.word("filter"), severityLine(r, m.lang, mdCode))
	}
}

// targets gives each target of a run of several its own counts and verdict.
func (m *mdWriter) targets(r *Report) {
	if len(r.Parts) == 0 {
		return
	}
	m.printf("\n### %s\n\n| %s | %s | %s | %s | %s | %s |\n| --- | ---: | ---: | ---: | ---: | --- |\n", m.word("targets"),
		m.word("target"), m.word("fail"), m.word("inconclusive"), m.word("waived"), m.word("checkedN"), m.word("result"))
	for _, p := range r.Parts {
		s := summarize(p)
		result := m.word("pass")
		switch {
		case s.FailedThreshold > 0:
			result = m.word("failed")
		case s.nothingChecked():
			result = m.word("none")
		}
		m.printf("| %s | %d | %d | %d | %d | %s |\n", mdCode(p.Target.Path), s.Fail, s.Inconclusive, s.Waived, s.Checked, result)
	}
}

// counts is a severity × status table; waived findings have their own
// column and are never counted as failures.
func (m *mdWriter) counts(r *Report, s summary) {
	type row struct{ fail, inconclusive, waived int }
	bySev := map[rule.Severity]*row{}
	var total row
	for _, sev := range severitiesDesc {
		bySev[sev] = &row{}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		c := bySev[f.Rule.Severity]
		if c == nil {
			continue
		}
		switch {
		case f.Waiver != nil:
			c.waived++
			total.waived++
		case f.Status == rule.StatusInconclusive:
			c.inconclusive++
			total.inconclusive++
		default:
			c.fail++
			total.fail++
		}
	}
	m.printf("\n### %s\n\n", m.word("summary"))
	m.printf("| %s | %s | %s | %s |\n| --- | ---: | ---: | ---: |\n",
		m.word("severity"), m.word("fail"), m.word("inconclusive"), m.word("waived"))
	for _, sev := range severitiesDesc {
		c := bySev[sev]
		name := m.word(sev.String())
		if sev >= r.FailOn && c.fail > 0 {
			name = "**" + name + "**"
		}
		m.printf("| %s | %d | %d | %d |\n", name, c.fail, c.inconclusive, c.waived)
	}
	m.printf("| %s | %d | %d | %d |\n", m.word("total"), total.fail, total.inconclusive, total.waived)
}

// fisc counts open findings per FISC item, with the catalog's titles.
func (m *mdWriter) fisc(s summary) {
	if len(s.ByFISC) == 0 {
		return
	}
	m.printf("\n### %s\n\n| %s | %s | %s |\n| --- | --- | ---: |\n",
		m.word("byFISC"), m.word("fiscItem"), m.word("title"), m.word("findings"))
	for i, c := range s.ByFISC {
		if i == mdMaxFISC {
			m.printf("\n%s\n", fmt.Sprintf(m.word("more"), len(s.ByFISC)-i))
			break
		}
		m.printf("| %s | %s | %d |\n", mdText(c.ID), mdCell(c.Title), c.Count)
	}
}

// findings lists open findings grouped by resource, the resource with the
// most severe finding first; in a group most severe first, failures before
// inconclusive results. Rule IDs link to their documentation, locations to
// the file and line when the repository is known.
func (m *mdWriter) findings(r *Report, open []finding.Finding) {
	m.printf("\n### %s\n\n", fmt.Sprintf(m.word("newFindings"), len(open)))
	if len(open) == 0 {
		m.printf("%s\n", m.word("noFindings"))
		return
	}
	groups := byResource(open)
	m.printf("| %s | %s | %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- | --- | --- |\n",
		m.word("resource"), m.word("severity"), m.word("status"), m.word("rule"), m.word("location"), m.word("message"), m.word("remediation"))
	var rows []string
	for _, g := range groups {
		for i, f := range g {
			resource := ""
			if i == 0 {
				resource = mdCode(truncate(shownAddress(r, f), mdMaxCell))
			}
			msg := f.Message.In(m.lang)
			if ids := fiscIDs(r, f.Rule); len(ids) > 0 {
				msg += " (FISC " + strings.Join(ids, ", ") + ")"
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s |\n",
				resource, m.word(f.Rule.Severity.String()), m.word(f.Status), mdRule(f.Rule),
				m.linkedLocation(r.Repository, f.Location), mdCell(msg), mdCell(f.Rule.Remediation.In(m.lang))))
		}
	}
	m.rows(rows, mdMaxFindings, mdFindingsBudget)
}

// byResource groups findings by address: groups ordered by their most
// severe finding (a failure before an inconclusive result), then address;
// each group ordered as bySeverity does.
func byResource(fs []finding.Finding) [][]finding.Finding {
	var groups [][]finding.Finding
	for i, f := range fs {
		if i == 0 || f.Address != fs[i-1].Address || f.Target != fs[i-1].Target {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], f)
	}
	for _, g := range groups {
		bySeverity(g)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i][0], groups[j][0]
		if a.Rule.Severity != b.Rule.Severity {
			return a.Rule.Severity > b.Rule.Severity
		}
		return a.Status == rule.StatusFail && b.Status != rule.StatusFail
	})
	return groups
}

// mdRule is a rule ID, linked to its documentation when it has one.
func mdRule(rl *rule.Rule) string {
	if u := docsURL(rl); u != "" {
		return "[" + mdText(rl.ID) + "](" + u + ")"
	}
	return mdCode(rl.ID)
}

// linkedLocation is location, linked to the file and line in the
// repository when it is known and the file is in it.
func (m *mdWriter) linkedLocation(repo Repository, l *model.Location) string {
	text := m.location(l)
	if l == nil || l.File == "" {
		return text
	}
	if u := repo.FileURL(cleanPath(l.File), l.Line, l.EndLine); u != "" {
		return "[" + text + "](" + u + ")"
	}
	return text
}

// location is file:line in a code span, which is copyable.
func (m *mdWriter) location(l *model.Location) string {
	if l == nil || l.File == "" {
		return "*" + m.word("noSource") + "*"
	}
	if l.Line > 0 {
		return mdCode(fmt.Sprintf("%s:%d", cleanPath(l.File), l.Line))
	}
	return mdCode(cleanPath(l.File))
}

// rows writes table rows until the row cap or byte budget, then says how
// many it left out.
func (m *mdWriter) rows(rows []string, maxRows, budget int) {
	used := 0
	for i, row := range rows {
		if i == maxRows || used+len(row) > budget {
			m.printf("\n%s\n", fmt.Sprintf(m.word("more"), len(rows)-i))
			return
		}
		used += len(row)
		m.printf("%s", row)
	}
}

// waived lists waived findings in a collapsed section.
func (m *mdWriter) waived(r *Report, waived []finding.Finding) {
	if len(waived) == 0 {
		return
	}
	m.printf("\n<details>\n<summary>%s</summary>\n\n", fmt.Sprintf(m.word("waivedFindings"), len(waived)))
	m.printf("| %s | %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- | --- |\n",
		m.word("rule"), m.word("resource"), m.word("reason"), m.word("owner"), m.word("ticket"), m.word("expires"))
	rows := make([]string, len(waived))
	for i, f := range waived {
		w := f.Waiver
		rows[i] = fmt.Sprintf("| %s | %s | %s | %s | %s | %s |\n",
			mdCode(f.Rule.ID), mdCode(truncate(shownAddress(r, f), mdMaxCell)), mdCell(w.Reason), mdCell(w.Owner), mdCell(w.Ticket), mdCell(w.Expires))
	}
	m.rows(rows, mdMaxWaived, mdWaivedBudget)
	m.printf("\n</details>\n")
}

// expiring lists waivers whose last valid day is within the next 30 days
// of r.Today (inclusive), soonest first. Without a valid Today it says
// nothing, rather than reading the clock.
func (m *mdWriter) expiring(r *Report) {
	today, err := time.Parse(time.DateOnly, r.Today)
	if err != nil {
		return
	}
	type soon struct {
		w    finding.Waiver
		days int
	}
	var list []soon
	for _, w := range r.Waivers {
		exp, err := time.Parse(time.DateOnly, w.Expires)
		if err != nil {
			continue
		}
		days := int(exp.Sub(today).Hours() / 24)
		if days >= 0 && days <= mdExpiryWindowDays {
			list = append(list, soon{w, days})
		}
	}
	if len(list) == 0 {
		return
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].w, list[j].w
		if a.Expires != b.Expires {
			return a.Expires < b.Expires
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		if a.Source.File != b.Source.File {
			return a.Source.File < b.Source.File
		}
		return a.Source.Line < b.Source.Line
	})
	m.printf("\n### %s\n\n%s\n\n", fmt.Sprintf(m.word("expiring"), mdExpiryWindowDays, len(list)), m.word("expiringSummary"))
	m.printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n| --- | ---: | --- | --- | --- | --- | --- | --- |\n",
		m.word("expires"), m.word("daysLeft"), m.word("rule"), m.word("resource"), m.word("owner"), m.word("ticket"), m.word("reason"), m.word("waiverSource"))
	rows := make([]string, len(list))
	for i, e := range list {
		w := e.w
		res := w.Resource
		if res == "" {
			res = "*"
		}
		src := m.linkedLocation(r.Repository, &w.Source)
		rows[i] = fmt.Sprintf("| %s | %d | %s | %s | %s | %s | %s | %s |\n",
			w.Expires, e.days, mdCode(w.Rule), mdCode(truncate(res, mdMaxCell)), mdCell(w.Owner), mdCell(w.Ticket), mdCell(w.Reason), src)
	}
	m.rows(rows, mdMaxExpiring, mdExpiringBudget)
}

func (m *mdWriter) notes(notes []i18n.Text) {
	if len(notes) == 0 {
		return
	}
	m.printf("\n### %s\n\n", m.word("notes"))
	for i, n := range notes {
		if i == mdMaxNotes {
			m.printf("- %s\n", fmt.Sprintf(m.word("more"), len(notes)-i))
			break
		}
		m.printf("- ⚠️ %s\n", mdCell(n.In(m.lang)))
	}
}

// mdEscaper makes text inert in Markdown: no emphasis, links, HTML or code,
// and no table cell breaks.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "~", `\~`, "#", `\#`,
)

// mdText escapes s and keeps it on one line.
func mdText(s string) string {
	return mdEscaper.Replace(Escape(oneLineText(s)))
}

// mdCell is mdText cut to a cell's length; "" becomes "—" so empty cells
// read as deliberate.
func mdCell(s string) string {
	s = oneLineText(s)
	if s == "" {
		return "—"
	}
	return mdText(truncate(s, mdMaxCell))
}

// mdCode puts s in a code span, long enough to hold any backticks in s.
// Inside a table a pipe must still be escaped, even in a code span.
func mdCode(s string) string {
	s = Escape(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "|", `\|`).Replace(s))
	if s == "" {
		return "—"
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.Contains(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
