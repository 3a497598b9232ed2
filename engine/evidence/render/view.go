package render

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/docs"
	"github.com/fiscguard/fiscguard/engine/evidence"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// words are the fixed words of every evidence format, in both languages.
var words = map[string]i18n.Text{
	"reportTitle":  {En: "FISC evidence report", Ja: "FISC安全対策基準 証跡レポート"},
	"summary":      {En: "Summary", Ja: "サマリー"},
	"chartTitle":   {En: "Items by status", Ja: "状態別の項目数"},
	"items":        {En: "Items", Ja: "項目数"},
	"attention":    {En: "Items that need attention", Ja: "対応が必要な項目"},
	"noAttention":  {En: "No item is non-conformant, pending or an accepted exception.", Ja: "不適合・判定保留・例外（適用除外）の項目はありません。"},
	"allItems":     {En: "All items", Ja: "全項目"},
	"item":         {En: "Item", Ja: "項番"},
	"category":     {En: "Category", Ja: "分類"},
	"title":        {En: "Title", Ja: "表題"},
	"resp":         {En: "Responsibility", Ja: "対応の主体"},
	"status":       {En: "Status", Ja: "状態"},
	"evidence":     {En: "Evidence", Ja: "証跡"},
	"expectation":  {En: "Expectation", Ja: "求められる対応"},
	"expectedOf":   {En: "Expected under %s", Ja: "%sで求められる対応"},
	"noExpect":     {En: "(the catalog states none)", Ja: "（カタログに記載なし）"},
	"rules":        {En: "Rules", Ja: "ルール"},
	"rule":         {En: "Rule", Ja: "ルール"},
	"severity":     {En: "Severity", Ja: "重大度"},
	"fiscItems":    {En: "FISC items", Ja: "FISC項目"},
	"counts":       {En: "applied to %d: %s", Ja: "対象 %d 件（%s）"},
	"countsNone":   {En: "nothing of its resource types in the input", Ja: "対象となるリソースなし"},
	"passedN":      {En: "%d passed", Ja: "合格 %d"},
	"failedN":      {En: "%d failed", Ja: "違反 %d"},
	"pendingN":     {En: "%d inconclusive", Ja: "判定保留 %d"},
	"waivedN":      {En: "%d waived", Ja: "例外（適用除外） %d"},
	"listSep":      {En: ", ", Ja: "、"},
	"notInForce":   {En: "Rules that evidence it but are not in force here: %s", Ja: "この項目を判定するが今回は適用していないルール: %s"},
	"open":         {En: "Resources to act on", Ja: "対応が必要なリソース"},
	"more":         {En: "… and %d more", Ja: "… ほか %d 件"},
	"provider":     {En: "Obtain from the provider", Ja: "クラウド事業者から入手する資料"},
	"process":      {En: "Evidence to collect outside the configuration", Ja: "構成の外で収集する証跡"},
	"resources":    {En: "Resource results", Ja: "リソース判定"},
	"resource":     {En: "Resource", Ja: "リソース"},
	"type":         {En: "Type", Ja: "種類"},
	"outcome":      {En: "Outcome", Ja: "判定"},
	"location":     {En: "Location", Ja: "場所"},
	"message":      {En: "Message", Ja: "内容"},
	"noLocation":   {En: "location unknown", Ja: "場所不明"},
	"uncertain":    {En: "(its count or for_each is known only after apply)", Ja: "（count・for_each は適用後まで確定しない）"},
	"waiver":       {En: "Exception", Ja: "例外（適用除外）"},
	"reportedBy":   {En: "(the same cause as %s's finding, filed there)", Ja: "（%s の指摘と同じ原因のため、そちらで扱う）"},
	"reason":       {En: "Reason", Ja: "理由"},
	"owner":        {En: "Owner", Ja: "担当"},
	"ticket":       {En: "Ticket", Ja: "チケット"},
	"expires":      {En: "Expires", Ja: "期限"},
	"noExpiry":     {En: "no expiry", Ja: "期限なし"},
	"target":       {En: "Target", Ja: "対象"},
	"targets":      {En: "Targets", Ja: "対象"},
	"trace":        {En: "Traceability", Ja: "トレーサビリティ"},
	"input":        {En: "Input", Ja: "入力"},
	"kind":         {En: "Kind", Ja: "種別"},
	"digest":       {En: "Digest", Ja: "ダイジェスト"},
	"files":        {En: "%d files", Ja: "%d ファイル"},
	"git":          {En: "Git commit", Ja: "Gitコミット"},
	"dirty":        {En: "%s (with uncommitted changes)", Ja: "%s（未コミットの変更あり）"},
	"noGit":        {En: "not in a git repository", Ja: "Gitリポジトリ外"},
	"terraform":    {En: "Terraform version", Ja: "Terraformのバージョン"},
	"fiscguard":    {En: "fiscguard version", Ja: "fiscguardのバージョン"},
	"library":      {En: "Policy library", Ja: "ポリシーライブラリ"},
	"builtin":      {En: "built-in policies, catalog and parameters", Ja: "組み込みのポリシー・カタログ・パラメータ"},
	"profile":      {En: "Profile", Ja: "管理区分"},
	"edition":      {En: "FISC edition", Ja: "FISC版"},
	"params":       {En: "Parameters in force", Ja: "適用したパラメータ"},
	"waivers":      {En: "Waiver file", Ja: "例外（適用除外）の定義ファイル"},
	"varFiles":     {En: "Variable files", Ja: "変数ファイル"},
	"vars":         {En: "Variables set on the command line (names only)", Ja: "コマンドラインで指定した変数（名前のみ）"},
	"scannedAt":    {En: "Scanned at", Ja: "スキャン日時"},
	"generatedAt":  {En: "Generated at", Ja: "作成日時"},
	"none":         {En: "none", Ja: "なし"},
	"unknown":      {En: "unknown", Ja: "不明"},
	"notes":        {En: "Notes about the input", Ja: "入力に関する注意"},
	"warnings":     {En: "Warning", Ja: "警告"},
	"sheetWarn":    {En: "Warnings", Ja: "警告"},
	"planState":    {En: "Plan state", Ja: "プランの状態"},
	"incomplete":   {En: "incomplete", Ja: "不完全"},
	"errored":      {En: "errored", Ja: "エラーあり"},
	"completePlan": {En: "complete", Ja: "完全"},
	"kindPlan":     {En: "Terraform plan", Ja: "Terraformプラン"},
	"kindHCL":      {En: "Terraform configuration", Ja: "Terraform構成"},
	"footer":       {En: "Written by fiscguard %s. Statuses come from the configuration alone; items marked for collection need evidence from outside it.", Ja: "fiscguard %s により作成。状態は構成のみから判定しており、収集が必要とした項目は構成の外の証跡が必要です。"},
	"sheetItems":   {En: "Items", Ja: "項目"},
	"sheetResults": {En: "Resource results", Ja: "リソース判定"},
	"sheetTrace":   {En: "Traceability", Ja: "トレーサビリティ"},
	"key":          {En: "Field", Ja: "項目"},
	"value":        {En: "Value", Ja: "値"},
}

// statusWords name the item statuses; outcomeWords a rule's outcome on a resource.
var statusWords = map[evidence.Status]i18n.Text{
	evidence.Conformant:    {En: "Conformant", Ja: "適合"},
	evidence.NonConformant: {En: "Non-conformant", Ja: "不適合"},
	evidence.Pending:       {En: "Pending", Ja: "判定保留"},
	evidence.Exception:     {En: "Accepted exception", Ja: "例外（適用除外）"},
	evidence.NotApplicable: {En: "Not applicable", Ja: "該当なし"},
	evidence.Provider:      {En: "Provider responsibility", Ja: "クラウド事業者の責任"},
	evidence.NotDecidable:  {En: "Not decidable from IaC", Ja: "IaCでは判定不可"},
}

var outcomeWords = map[string]i18n.Text{
	evidence.OutcomePass:         {En: "pass", Ja: "合格"},
	evidence.OutcomeFail:         {En: "fail", Ja: "違反"},
	evidence.OutcomeInconclusive: {En: "inconclusive", Ja: "判定保留"},
	evidence.OutcomeWaived:       {En: "accepted exception", Ja: "例外（適用除外）"},
}

// reasonWords say why an item is not decidable.
var reasonWords = map[string]i18n.Text{
	evidence.ReasonIaCNone:    {En: "A configuration cannot show this item.", Ja: "構成からは判断できない項目です。"},
	evidence.ReasonNoPolicy:   {En: "A configuration could show part of it, but no fiscguard rule decides it yet.", Ja: "構成から一部は判断できますが、判定するルールはまだありません。"},
	evidence.ReasonNotInForce: {En: "The rules that evidence it are not in force in this scan (profile or rule selection).", Ja: "判定するルールは今回のスキャンでは適用していません（管理区分またはルールの選択による）。"},
	evidence.ReasonNotListed:  {En: "This target's report does not list the item.", Ja: "この対象のレポートにはこの項目がありません。"},
	// and why an item is pending although nothing failed
	evidence.ReasonPlanErrored: {En: "Pending because Terraform failed while planning (the plan is errored): what it did not plan was not checked, so this item is not read as conformant or not applicable.",
		Ja: "Terraform が計画の途中で失敗した（エラーのあるプラン）ため判定保留です。計画されなかったリソースは検査していないので、適合・該当なしとはしません。"},
	evidence.ReasonPlanIncomplete: {En: "Pending because Terraform did not plan every change (the plan is incomplete): what it did not plan was not checked, so this item is not read as conformant or not applicable.",
		Ja: "Terraform がすべての変更を計画していない（不完全なプラン）ため判定保留です。計画されなかったリソースは検査していないので、適合・該当なしとはしません。"},
}

// maxOpen bounds the resources listed per item and target; the XLSX
// results sheet lists them all.
const maxOpen = 20

// view is a report resolved into one language, shared by the writers.
type view struct {
	r    *evidence.Report
	lang i18n.Lang
	// results indexes each target's results by rule ID.
	results []map[string][]*evidence.Result
}

func newView(r *evidence.Report, lang i18n.Lang) *view {
	v := &view{r: r, lang: lang}
	for i := range r.Targets {
		byRule := map[string][]*evidence.Result{}
		for j := range r.Targets[i].Results {
			res := &r.Targets[i].Results[j]
			byRule[res.Rule] = append(byRule[res.Rule], res)
		}
		v.results = append(v.results, byRule)
	}
	return v
}

func (v *view) word(key string) string { return words[key].In(v.lang) }

func (v *view) wordf(key string, args ...any) string { return fmt.Sprintf(v.word(key), args...) }

func (v *view) text(t i18n.Text) string { return t.In(v.lang) }

func (v *view) texts(ts []i18n.Text) []string { return i18n.TextsIn(ts, v.lang) }

// warnings are what limits the whole report (a plan Terraform could not
// finish), which every format shows before anything else.
func (v *view) warnings() []string { return v.texts(v.r.Warnings) }

func (v *view) statusLabel(s evidence.Status) string { return statusWords[s].In(v.lang) }

func (v *view) outcomeLabel(o string) string { return outcomeWords[o].In(v.lang) }

// severityLabel is the severity's label, in lower case in English as the
// report's tables write it.
func (v *view) severityLabel(s string) string {
	sev, err := rule.ParseSeverity(s)
	if err != nil {
		return s
	}
	if v.lang == i18n.En {
		return strings.ToLower(sev.Label().En)
	}
	return sev.Label().In(v.lang)
}

func (v *view) profileLabel(p string) string { return rule.Profile(p).Label().In(v.lang) }

func (v *view) editionLabel(e rule.Edition) string { return e.FullLabel().In(v.lang) }

func (v *view) responsibilityLabel(s string) string { return rule.Responsibility(s).Label().In(v.lang) }

func (v *view) join(parts []string) string { return strings.Join(parts, v.word("listSep")) }

// location renders file:line, or the word for an unknown place.
func (v *view) location(l *evidence.Location) string {
	if l == nil {
		return v.word("noLocation")
	}
	if l.Line == 0 {
		return l.File
	}
	return fmt.Sprintf("%s:%d", l.File, l.Line)
}

// category is the items of one FISC category, in report order.
type category struct {
	Name  string
	Items []itemView
}

// categories groups the items by category, keeping their order.
func (v *view) categories() []category {
	var out []category
	for i := range v.r.Items {
		it := &v.r.Items[i]
		name := v.text(it.Category)
		if len(out) == 0 || out[len(out)-1].Name != name {
			out = append(out, category{Name: name})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, v.item(it))
	}
	return out
}

// itemView is one item with everything a writer shows, in one language.
type itemView struct {
	ID, Title, Category, Responsibility string
	Status                              evidence.Status
	StatusLabel                         string
	// Expectations are what the profiles in force expect (one per profile).
	Expectations []labeled
	Targets      []targetView
	Provider     []string
	// Process is what the auditor collects outside the configuration.
	Process string
}

type labeled struct{ Label, Text string }

// targetView is an item in one target: its status and evidence.
type targetView struct {
	Name        string
	Status      evidence.Status
	StatusLabel string
	Reason      string
	Rules       []ruleView
	NotInForce  string
	Open        []resultView
	More        string
}

type ruleView struct {
	ID, Title, Severity, Counts string
}

type resultView struct {
	Rule, Address, Type, Outcome, OutcomeLabel, Location, Message, Waiver string
}

func (v *view) item(it *evidence.Item) itemView {
	iv := itemView{
		ID: it.ID, Title: v.text(it.Title), Category: v.text(it.Category),
		Responsibility: v.responsibilityLabel(it.Responsibility),
		Status:         it.Status, StatusLabel: v.statusLabel(it.Status),
	}
	var profiles []string
	for _, t := range v.r.Targets {
		if !slices.Contains(profiles, t.Trace.Profile) {
			profiles = append(profiles, t.Trace.Profile)
		}
	}
	for _, p := range profiles {
		text := v.text(it.Expectation(p))
		if text == "" {
			text = v.word("noExpect")
		}
		iv.Expectations = append(iv.Expectations, labeled{Label: v.wordf("expectedOf", v.profileLabel(p)), Text: text})
	}
	for i := range v.r.Targets {
		iv.Targets = append(iv.Targets, v.itemTarget(it, i))
	}
	for _, id := range it.ProviderEvidence {
		if d, ok := v.r.Document(id); ok {
			iv.Provider = append(iv.Provider, v.text(d.Title)+" — "+v.text(d.Source))
		}
	}
	if it.IaC != "full" {
		iv.Process = v.text(it.IaCNote)
	}
	return iv
}

func (v *view) itemTarget(it *evidence.Item, i int) targetView {
	t := &v.r.Targets[i]
	st := it.Targets[i]
	tv := targetView{Name: t.Name, Status: st.Status, StatusLabel: v.statusLabel(st.Status)}
	tv.Reason = reasonWords[st.Reason].In(v.lang)
	var idle []string
	for _, id := range it.Rules {
		if !slices.Contains(st.Rules, id) {
			idle = append(idle, v.ruleName(id))
		}
	}
	if len(idle) > 0 && st.Reason != evidence.ReasonNotListed {
		tv.NotInForce = v.wordf("notInForce", v.join(idle))
	}
	n := 0
	for _, id := range st.Rules {
		tv.Rules = append(tv.Rules, v.rule(t, id))
		for _, res := range v.results[i][id] {
			if res.Outcome == evidence.OutcomePass {
				continue
			}
			if n++; n <= maxOpen {
				tv.Open = append(tv.Open, v.result(res))
			}
		}
	}
	if n > maxOpen {
		tv.More = v.wordf("more", n-maxOpen)
	}
	return tv
}

// ruleName is a rule's ID with its profile when strict only.
func (v *view) ruleName(id string) string {
	if r, ok := v.r.Rule(id); ok && r.Profile == string(rule.Strict) {
		return fmt.Sprintf("%s (%s)", id, v.profileLabel(r.Profile))
	}
	return id
}

func (v *view) rule(t *evidence.Target, id string) ruleView {
	rv := ruleView{ID: id}
	if r, ok := v.r.Rule(id); ok {
		rv.Title, rv.Severity = v.text(r.Title), v.severityLabel(r.Severity)
	}
	rr, _ := t.RuleResult(id)
	rv.Counts = v.counts(rr)
	return rv
}

// counts says what a rule applied to and how it came out.
func (v *view) counts(rr evidence.RuleResult) string {
	if rr.Applied == 0 {
		return v.word("countsNone")
	}
	var parts []string
	for _, c := range []struct {
		key string
		n   int
	}{{"passedN", rr.Passed}, {"failedN", rr.Failed}, {"pendingN", rr.Inconclusive}, {"waivedN", rr.Waived}} {
		if c.n > 0 {
			parts = append(parts, v.wordf(c.key, c.n))
		}
	}
	return v.wordf("counts", rr.Applied, v.join(parts))
}

func (v *view) result(res *evidence.Result) resultView {
	rv := resultView{Rule: res.Rule, Address: res.Address, Type: res.Type, Outcome: res.Outcome,
		OutcomeLabel: v.outcomeLabel(res.Outcome), Location: v.location(res.Location)}
	var msgs, waivers []string
	for _, f := range res.Findings {
		msgs = append(msgs, v.text(f.Message))
		if f.ReportedBy != "" {
			msgs = append(msgs, v.wordf("reportedBy", f.ReportedBy))
		}
		if w := f.Waiver; w != nil {
			waivers = append(waivers, v.waiver(w))
		}
	}
	if res.Uncertain {
		msgs = append(msgs, v.word("uncertain"))
	}
	rv.Message = strings.Join(msgs, " ")
	rv.Waiver = strings.Join(slices.Compact(waivers), " ")
	return rv
}

// waiver describes an accepted exception: reason, owner, ticket, expiry.
func (v *view) waiver(w *evidence.Waiver) string {
	parts := []string{v.word("reason") + ": " + oneLine(w.Reason)}
	if w.Owner != "" {
		parts = append(parts, v.word("owner")+": "+w.Owner)
	}
	if w.Ticket != "" {
		parts = append(parts, v.word("ticket")+": "+w.Ticket)
	}
	expires := w.Expires
	if expires == "" {
		expires = v.word("noExpiry")
	}
	parts = append(parts, v.word("expires")+": "+expires)
	return v.join(parts)
}

// summary is the report's counts by status, labelled.
type summaryRow struct {
	Status evidence.Status
	Label  string
	Items  int
}

func (v *view) summary(counts []evidence.Count) []summaryRow {
	out := make([]summaryRow, len(counts))
	for i, c := range counts {
		out[i] = summaryRow{Status: c.Status, Label: v.statusLabel(c.Status), Items: c.Items}
	}
	return out
}

// traceRows lists a target's trace as labelled values.
func (v *view) traceRows(t *evidence.Target) []labeled {
	tr := &t.Trace
	kind := v.word("kindHCL")
	if tr.Input.Kind == model.KindPlan {
		kind = v.word("kindPlan")
	}
	rows := []labeled{
		{v.word("input"), tr.Input.Path},
		{v.word("kind"), kind},
		{v.word("digest"), tr.Input.Digest + " (" + v.wordf("files", tr.Input.Files) + ")"},
	}
	if tr.Input.Kind == model.KindPlan {
		state := v.word("completePlan")
		if !tr.Input.Complete {
			state = v.word("incomplete")
		}
		if tr.Input.Errored {
			state += v.word("listSep") + v.word("errored")
		}
		rows = append(rows, labeled{v.word("planState"), state})
	}
	gitRow := v.word("noGit")
	if g := tr.Git; g != nil {
		gitRow = g.Commit
		if g.Dirty {
			gitRow = v.wordf("dirty", g.Commit)
		}
	}
	rows = append(rows, labeled{v.word("git"), gitRow})
	tf := tr.TerraformVersion
	if tf == "" {
		tf = v.word("unknown")
	}
	rows = append(rows, labeled{v.word("terraform"), tf}, labeled{v.word("fiscguard"), tr.FiscguardVersion})
	for _, s := range tr.Library {
		name := s.Name
		if s.Builtin {
			name = v.word("builtin")
		}
		rows = append(rows, labeled{v.word("library"), fmt.Sprintf("%s: %s (%s)", name, s.Digest, v.wordf("files", s.Files))})
	}
	rows = append(rows,
		labeled{v.word("profile"), v.profileLabel(tr.Profile)},
		labeled{v.word("edition"), v.editionLabel(tr.Edition)},
		labeled{v.word("params"), v.params(tr.Params)},
	)
	waivers := v.word("none")
	if tr.Waivers != nil {
		waivers = tr.Waivers.Path + ": " + tr.Waivers.Digest
	}
	rows = append(rows, labeled{v.word("waivers"), waivers})
	if len(tr.VarFiles) > 0 {
		var files []string
		for _, f := range tr.VarFiles {
			files = append(files, f.Path+": "+f.Digest)
		}
		rows = append(rows, labeled{v.word("varFiles"), strings.Join(files, "; ")})
	}
	if len(tr.Vars) > 0 {
		rows = append(rows, labeled{v.word("vars"), strings.Join(tr.Vars, ", ")})
	}
	return append(rows, labeled{v.word("scannedAt"), tr.ScannedAt})
}

// params renders parameter values as name = value, sorted by name.
func (v *view) params(p map[string]any) string {
	if len(p) == 0 {
		return v.word("none")
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(p)) {
		parts = append(parts, name+" = "+docs.Value(p[name]))
	}
	return strings.Join(parts, "; ")
}

// targetNames lists the targets, for headers.
func (v *view) targetNames() string {
	var names []string
	for _, t := range v.r.Targets {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

// profiles lists the profiles in force, labelled.
func (v *view) profiles() string {
	var out []string
	for _, t := range v.r.Targets {
		if l := v.profileLabel(t.Trace.Profile); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return v.join(out)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
