package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/parallel"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const (
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion   = "2.1.0"
	// srcRoot is SARIF's conventional name for the repository root; GitHub
	// resolves relative URIs against the checkout, so we leave it unbound.
	srcRoot = "%SRCROOT%"
	// FingerprintKey names our location-independent fingerprint in
	// partialFingerprints; bump the version if the hash inputs ever change.
	FingerprintKey = "fiscguard/v1"
	// PolicyDocsURL is where each rule's documentation lives, anchored by lowercased rule ID.
	PolicyDocsURL         = "https://github.com/fiscguard/fiscguard/blob/main/docs/policies.md"
	defaultInformationURI = "https://github.com/fiscguard/fiscguard"
	// GitHub keeps only the first 10 tags of a rule and rejects more than 20.
	maxTags = 10
	// GitHub's limit for rule descriptions.
	maxDescription = 1024
)

// securitySeverity maps severities to GitHub's security-severity scores;
// each value sits inside GitHub's bucket of the same name.
var securitySeverity = map[rule.Severity]string{
	rule.Critical: "9.5",
	rule.High:     "8.0",
	rule.Medium:   "5.5",
	rule.Low:      "3.0",
}

// sarifLevel maps severities to SARIF levels for failed findings.
var sarifLevel = map[rule.Severity]string{
	rule.Critical: "error",
	rule.High:     "error",
	rule.Medium:   "warning",
	rule.Low:      "note",
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	AutomationDetails  sarifAutomationDetails           `json:"automationDetails"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Language           string                           `json:"language"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
	Properties         sarifRunProperties               `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     sarifMessage        `json:"shortDescription"`
	FullDescription      sarifMessage        `json:"fullDescription"`
	Help                 sarifMultiformat    `json:"help"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
	Precision        string   `json:"precision"`
	FISC             []string `json:"fisc"`
	FISC8th          []string `json:"fisc_8th"`
	Profile          string   `json:"profile"`
	Responsibility   string   `json:"responsibility"`
}

type sarifResult struct {
	RuleID              string                `json:"ruleId"`
	RuleIndex           int                   `json:"ruleIndex"`
	Level               string                `json:"level"`
	Message             sarifMessage          `json:"message"`
	Locations           []sarifLocation       `json:"locations"`
	RelatedLocations    []sarifRelated        `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string     `json:"partialFingerprints"`
	Suppressions        []sarifSuppression    `json:"suppressions,omitempty"`
	Properties          sarifResultProperties `json:"properties"`
}

// sarifSuppression records the waiver of a waived result (only with
// Options.IncludeSuppressed): kind inSource for an inline comment, external
// for a waiver file; status accepted, since fiscguard applies only waivers
// that are valid on the report's date.
type sarifSuppression struct {
	Kind          string                    `json:"kind"`
	Status        string                    `json:"status"`
	Justification string                    `json:"justification"`
	Location      *sarifSuppressionLocation `json:"location,omitempty"`
	Properties    sarifSuppressionProps     `json:"properties"`
}

type sarifSuppressionLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation"`
}

// sarifSuppressionProps are the waiver's governance fields; "" when the
// waiver leaves them out.
type sarifSuppressionProps struct {
	Rule     string `json:"rule"`
	Resource string `json:"resource"`
	Owner    string `json:"owner"`
	Ticket   string `json:"ticket"`
	Expires  string `json:"expires"`
}

// sarifResultProperties: attributes lists every attribute of the cause
// (attribute first); resources, the resources a finding on a shared setting
// stands for (the first maxAffectedLocations are also relatedLocations).
type sarifResultProperties struct {
	Status     string   `json:"status"`
	Severity   string   `json:"severity"`
	Address    string   `json:"address"`
	Attribute  string   `json:"attribute"`
	Attributes []string `json:"attributes"`
	Resources  []string `json:"resources"`
	FISC       []string `json:"fisc"`
	// Target is the result's target in a run of several.
	Target string `json:"target,omitempty"`
}

// maxAffectedLocations bounds the related locations of one result.
const maxAffectedLocations = 10

// sarifRelated is where a finding in a remote module is written inside the
// module, when the result itself points at the module call.
type sarifRelated struct {
	ID               int                    `json:"id"`
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation"`
	Message          sarifMessage           `json:"message"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

// sarifRegion omits end positions we do not know; SARIF then means "to the end of the line".
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifAutomationDetails struct {
	ID string `json:"id"`
}

type sarifRunProperties struct {
	Profile string      `json:"profile"`
	Edition string      `json:"edition"`
	Lang    string      `json:"lang"`
	FailOn  string      `json:"fail_on"`
	Target  sarifTarget `json:"target"`
	// Targets are the targets of a run of several (root modules, plans).
	Targets []sarifTarget `json:"targets,omitempty"`
	// ResultsLeftOut counts the results left out to stay within GitHub's
	// limits (see withinLimits).
	ResultsLeftOut int `json:"results_left_out,omitempty"`
}

type sarifTarget struct {
	Path             string `json:"path"`
	Kind             string `json:"kind"`
	TerraformVersion string `json:"terraform_version"`
	Complete         bool   `json:"complete"`
	Errored          bool   `json:"errored"`
}

// sarifWords are the fixed words of rule help and result messages.
var sarifWords = map[string]i18n.Text{
	"inconclusive":   {En: "Inconclusive: ", Ja: "判定不能: "},
	"related":        {En: "Defined inside the module: ", Ja: "モジュール内の定義: "},
	"affected":       {En: "Affected: ", Ja: "対象: "},
	"fisc":           {En: "FISC items", Ja: "FISC項目"},
	"fiscRefs":       {En: " FISC: %s.", Ja: "FISC: %s。"},
	"srcRoot":        {En: "The repository root; relative URIs resolve against it.", Ja: "リポジトリのルート。相対URIはここを基準とする。"},
	"none":           {En: "none", Ja: "なし"},
	"responsibility": rule.ResponsibilityTerm,
}

// writeSARIF leaves waived findings out (GitHub ingests suppressed results
// as open alerts) unless opts.IncludeSuppressed asks for them.
func writeSARIF(w io.Writer, r *Report, opts Options) error {
	rules := evaluatedRules(r)
	index := make(map[string]int, len(rules))
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            nonEmpty(r.Tool.Name, "fiscguard"),
			Version:         r.Tool.Version,
			SemanticVersion: semanticVersion(r.Tool.Version),
			InformationURI:  nonEmpty(r.Tool.InformationURI, defaultInformationURI),
			Rules:           make([]sarifRule, 0, len(rules)),
		}},
		Invocations:       []sarifInvocation{{ExecutionSuccessful: true}},
		AutomationDetails: sarifAutomationDetails{ID: automationID(r, opts.Category)},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			srcRoot: {Description: &sarifMessage{Text: sarifWords["srcRoot"].In(r.Lang)}},
		},
		Language:   string(r.Lang),
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
		Properties: sarifRunProperties{
			Profile: string(r.Profile),
			Edition: string(editionOf(r)),
			Lang:    string(r.Lang),
			FailOn:  r.FailOn.String(),
			Target:  sarifTargetOf(r.Target),
		},
	}
	for _, p := range r.Parts {
		run.Properties.Targets = append(run.Properties.Targets, sarifTargetOf(p.Target))
	}
	for _, n := range r.Notes {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "warning", Message: sarifMessage{Text: sentence(n.In(r.Lang), r.Lang)}})
	}
	for i, rl := range rules {
		index[rl.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(r, rl))
	}
	sorted := sortedFindings(r.Findings)
	shown := make([]*finding.Finding, 0, len(sorted))
	for i := range sorted {
		if sorted[i].Waiver == nil || opts.IncludeSuppressed {
			shown = append(shown, &sorted[i])
		}
	}
	result := func(f *finding.Finding) sarifResult { return sarifResultFor(r, f, index[f.Rule.ID]) }
	pieces, err := withinLimits(&run, shown, result, r.Lang)
	if err != nil {
		return err
	}
	for _, p := range pieces {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// encodeSARIF writes the log of one run, with the results of the findings
// fs, as fiscguard always writes it: json.Indent's layout with two spaces,
// in pieces to be written in order. The results, most of a large log, are
// built, encoded and indented on every core, a result at a time (none is
// kept once encoded), into pieces of about sarifChunk, and go in place of
// the empty results array of the rest of the log, which is encoded once:
// the bytes are those of the whole log indented at once.
func encodeSARIF(run *sarifRun, fs []*finding.Finding, result func(*finding.Finding) sarifResult) ([][]byte, error) {
	rest := *run
	rest.Results = []sarifResult{}
	head, err := indentedJSON(sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{rest}})
	if err != nil {
		return nil, err
	}
	head = append(head, '\n')
	if len(fs) == 0 {
		return [][]byte{head}, nil
	}
	at := bytes.Index(head, emptyResults)
	if at < 0 {
		return nil, errors.New("internal error: the SARIF log has no results array to fill")
	}
	at += len(emptyResults) - 1 // before the closing bracket
	// Each share is a run of results indented as the array's elements, one
	// at a time through one small buffer, into chunks that are never grown
	// (a grown slice copies itself and leaves its old self as garbage).
	shares := make([][][]byte, parallel.Shares(len(fs), 1))
	errs := make([]error, len(shares))
	parallel.Each(len(fs), 1, func(p, from, to int) {
		var compact bytes.Buffer
		var chunks [][]byte
		var out []byte
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		for i := from; i < to; i++ {
			compact.Reset()
			res := result(fs[i])
			if errs[p] = enc.Encode(&res); errs[p] != nil {
				return
			}
			// Room for the result indented (under twice its compact size
			// for a SARIF result) and the separator; should one need more,
			// append grows the piece, and the bytes are the same.
			if room := 2*compact.Len() + len(resultsIndent) + 4; cap(out)-len(out) < room {
				if len(out) > 0 {
					chunks = append(chunks, out)
				}
				out = make([]byte, 0, max(sarifChunk, room))
			}
			if i > 0 {
				out = append(out, ',')
			}
			out = append(out, "\n"+resultsIndent+"  "...)
			out = appendIndented(out, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), resultsIndent+"  ", "  ")
		}
		shares[p] = append(chunks, out)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	tail := append([]byte("\n"+resultsIndent), head[at:]...)
	pieces := [][]byte{head[:at]}
	for _, chunks := range shares {
		pieces = append(pieces, chunks...)
	}
	return append(pieces, tail), nil
}

// sarifChunk is the size of the pieces a log's results are encoded into.
const sarifChunk = 1 << 20

// emptyResults is the run's results array in the log without results, the
// only key of that name at that depth, and resultsIndent its indentation.
var (
	emptyResults  = []byte("\n      \"results\": []")
	resultsIndent = "      "
)

// indentedJSON is v's JSON without HTML escapes, indented by two spaces:
// compact first, then indented into a buffer sized once.
func indentedJSON(v any) ([]byte, error) {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return appendIndented(make([]byte, 0, compact.Len()*3/2), bytes.TrimSuffix(compact.Bytes(), []byte("\n")), "", "  "), nil
}

func sarifTargetOf(t Target) sarifTarget {
	return sarifTarget{Path: t.Path, Kind: t.Kind, TerraformVersion: t.TerraformVersion, Complete: t.Complete, Errored: t.Errored}
}

func sarifRuleFor(r *Report, rl *rule.Rule) sarifRule {
	title := rl.Title.In(r.Lang)
	text, markdown := ruleHelp(r, rl)
	return sarifRule{
		ID:                   rl.ID,
		Name:                 camelCase(rl.Title.En, rl.ID),
		ShortDescription:     sarifMessage{Text: truncate(title, maxDescription)},
		FullDescription:      sarifMessage{Text: truncate(nonEmpty(rl.Description.In(r.Lang), title), maxDescription)},
		Help:                 sarifMultiformat{Text: text, Markdown: markdown},
		HelpURI:              PolicyDocsURL + "#" + strings.ToLower(rl.ID),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel[rl.Severity]},
		Properties: sarifRuleProperties{
			Tags:             ruleTags(r, rl),
			SecuritySeverity: securitySeverity[rl.Severity],
			Precision:        "high",
			FISC:             nonNil(rl.FISC),
			FISC8th:          nonNil(rl.FISC8th),
			Profile:          string(rl.Profile),
			Responsibility:   string(rl.Responsibility),
		},
	}
}

// ruleTags puts "security" first (GitHub counts the rule as a security
// rule), then the FISC IDs of the chosen edition, then the other edition's.
func ruleTags(r *Report, rl *rule.Rule) []string {
	tags := []string{"security", "fiscguard"}
	current := prefixed("fisc:", rl.FISC)
	eighth := prefixed("fisc-8th:", rl.FISC8th)
	if editionOf(r) == rule.Edition8th {
		tags = append(append(tags, eighth...), current...)
	} else {
		tags = append(append(tags, current...), eighth...)
	}
	if len(tags) > maxTags {
		tags = tags[:maxTags]
	}
	return tags
}

// prefixed qualifies IDs because the schemes share prefixes (設 is in both).
func prefixed(prefix string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = prefix + id
	}
	return out
}

// ruleHelp renders a rule's help as plain text and Markdown in the report's language.
func ruleHelp(r *Report, rl *rule.Rule) (string, string) {
	word := func(k string) string { return wordIn(sarifWords, k).In(r.Lang) }
	items := func(ids []string) []string {
		if len(ids) == 0 {
			return []string{word("none")}
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id
			if t := itemTitle(r.Catalog, id, r.Lang); t != "" {
				out[i] += " " + t
			}
		}
		return out
	}
	resp := rl.Responsibility.Label().In(r.Lang)
	title := rl.Title.In(r.Lang)
	desc := rl.Description.In(r.Lang)
	remed := rl.Remediation.In(r.Lang)
	profile := rl.Profile.Label().In(r.Lang)
	sev := rl.Severity.Label().In(r.Lang)

	var t, m strings.Builder
	fmt.Fprintf(&t, "%s\n\n", title)
	fmt.Fprintf(&m, "**%s**\n\n", title)
	if desc != "" {
		fmt.Fprintf(&t, "%s\n\n", desc)
		fmt.Fprintf(&m, "%s\n\n", desc)
	}
	fmt.Fprintf(&t, "%s:\n", word("fisc"))
	fmt.Fprintf(&m, "%s:\n\n", word("fisc"))
	for _, ed := range []struct {
		key string
		ids []string
	}{{"current", rl.FISC}, {"8th", rl.FISC8th}} {
		fmt.Fprintf(&t, "- %s: %s\n", word(ed.key), strings.Join(items(ed.ids), "; "))
		fmt.Fprintf(&m, "- %s: %s\n", word(ed.key), strings.Join(items(ed.ids), "; "))
	}
	fmt.Fprintf(&t, "\n%s: %s\n%s: %s\n%s: %s\n", word("responsibility"), resp, word("profile"), profile, word("severity"), sev)
	fmt.Fprintf(&m, "\n- %s: %s\n- %s: %s\n- %s: %s\n", word("responsibility"), resp, word("profile"), profile, word("severity"), sev)
	if remed != "" {
		fmt.Fprintf(&t, "\n%s: %s\n", word("remediation"), remed)
		fmt.Fprintf(&m, "\n**%s**\n\n%s\n", word("remediation"), remed)
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

func sarifResultFor(r *Report, f *finding.Finding, ruleIndex int) sarifResult {
	level := sarifLevel[f.Rule.Severity]
	msg := sentence(f.Message.In(r.Lang), r.Lang)
	if f.Status == rule.StatusInconclusive {
		// GitHub ignores result.kind, so the level and the prefix carry "inconclusive".
		level = "note"
		msg = sarifWords["inconclusive"].In(r.Lang) + msg
	}
	ids := f.Rule.FISCIDs(editionOf(r))
	if len(ids) > 0 {
		msg += fmt.Sprintf(sarifWords["fiscRefs"].In(r.Lang), strings.Join(ids, listSep.In(r.Lang)))
	}
	loc := sarifLocation{LogicalLocations: []sarifLogicalLocation{{FullyQualifiedName: f.Address, Kind: "resource"}}}
	tg := r.Target
	if len(r.Parts) > 0 {
		tg = Target{Path: f.Target, Kind: model.KindHCL}
		for _, p := range r.Parts {
			if p.Target.Path == f.Target {
				tg = p.Target
			}
		}
	}
	loc.PhysicalLocation = physicalLocation(f.Location, tg)
	var suppressions []sarifSuppression
	if f.Waiver != nil {
		suppressions = []sarifSuppression{suppressionFor(f.Waiver, tg)}
	}
	var related []sarifRelated
	if f.Related != nil && f.Related.File != "" {
		related = []sarifRelated{{ID: 1, PhysicalLocation: physicalLocation(f.Related, tg), Message: sarifMessage{Text: sarifWords["related"].In(r.Lang) + f.Address}}}
	}
	for _, a := range f.Affected {
		if len(related) == maxAffectedLocations {
			break
		}
		if a.Location != nil && a.Location.File != "" {
			related = append(related, sarifRelated{ID: len(related) + 1, PhysicalLocation: physicalLocation(a.Location, tg), Message: sarifMessage{Text: sarifWords["affected"].In(r.Lang) + a.Address}})
		}
	}
	return sarifResult{
		RuleID:              f.Rule.ID,
		RuleIndex:           ruleIndex,
		Level:               level,
		Message:             sarifMessage{Text: msg},
		Locations:           []sarifLocation{loc},
		RelatedLocations:    related,
		PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint},
		Suppressions:        suppressions,
		Properties: sarifResultProperties{
			Status:     f.Status,
			Severity:   f.Rule.Severity.String(),
			Address:    f.Address,
			Attribute:  f.Attribute,
			Attributes: nonNil(attributesOf(*f)),
			Resources:  nonNil(affectedAddresses(*f)),
			FISC:       nonNil(ids),
			Target:     shownTarget(r, *f),
		},
	}
}

// shownTarget is a finding's target when the report stands for several.
func shownTarget(r *Report, f finding.Finding) string {
	if len(r.Parts) == 0 {
		return ""
	}
	return f.Target
}

// suppressionFor describes a waiver as a SARIF suppression.
func suppressionFor(w *finding.Waiver, tg Target) sarifSuppression {
	kind := "external"
	if w.Kind == "inline" {
		kind = "inSource"
	}
	sup := sarifSuppression{
		Kind:          kind,
		Status:        "accepted",
		Justification: w.Reason,
		Properties: sarifSuppressionProps{
			Rule: w.Rule, Resource: w.Resource, Owner: w.Owner, Ticket: w.Ticket, Expires: w.Expires,
		},
	}
	if w.Source.File != "" {
		src := w.Source
		sup.Location = &sarifSuppressionLocation{PhysicalLocation: physicalLocation(&src, tg)}
	}
	return sup
}

// physicalLocation points at the finding's source, or at line 1 of the plan
// file when the resource has none, because GitHub drops results without a
// file. Stdin and HCL directories have no such file, so they get none.
func physicalLocation(l *model.Location, tg Target) *sarifPhysicalLocation {
	if l == nil || l.File == "" {
		if tg.Kind != model.KindPlan || tg.Path == "" || tg.Path == "-" {
			return nil
		}
		l = &model.Location{File: tg.Path, Line: 1}
	}
	reg := sarifRegion{StartLine: max(l.Line, 1), StartColumn: max(l.Column, 1)}
	if l.EndLine >= reg.StartLine {
		reg.EndLine = l.EndLine
		if l.EndColumn > 0 {
			reg.EndColumn = l.EndColumn
		}
	}
	return &sarifPhysicalLocation{ArtifactLocation: artifactLocation(l.File), Region: reg}
}

// artifactLocation makes a repo-relative URI under %SRCROOT%; an absolute
// path becomes a file URI, which GitHub maps through the checkout path.
func artifactLocation(file string) sarifArtifactLocation {
	p := cleanPath(file)
	if len(p) >= 2 && p[1] == ':' && unicode.IsLetter(rune(p[0])) {
		p = "/" + p // Windows drive path
	}
	if strings.HasPrefix(p, "/") {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
}

// automationID is the run's category: the one given (the runner gives
// "fiscguard/" and the directory of the paths scanned, relative to the
// repository root; --sarif-category replaces it), else "fiscguard/" and the
// target's directory relative to the repository root, so the root modules
// of one repository don't replace each other's alerts.
func automationID(r *Report, category string) string {
	if category != "" {
		return strings.TrimSuffix(category, "/") + "/"
	}
	dir := cleanPath(r.Target.RepoPath)
	if r.Target.Kind == model.KindPlan {
		dir = path.Dir(dir)
	}
	if dir == "" || dir == "." || strings.HasPrefix(dir, "/") || strings.HasPrefix(dir, "..") {
		return "fiscguard/"
	}
	return "fiscguard/" + dir + "/"
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// semanticVersion returns v without a leading "v" when it is semver, else "".
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v
	}
	return ""
}

// camelCase turns an English title into a Pascal-case rule name, "S3
// buckets use KMS keys" → "S3BucketsUseKmsKeys"; the fallback (the rule ID)
// is used when the title has no ASCII letters.
func camelCase(title, fallback string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	}) {
		// Acronyms become words ("KMS" → "Kms"): SARIF's Pascal-case check rejects runs of capitals.
		if len(word) > 1 && strings.ToUpper(word) == word {
			word = word[:1] + strings.ToLower(word[1:])
		}
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	if b.Len() == 0 {
		return strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, fallback)
	}
	return b.String()
}

// sentence ends s with a full stop, as SARIF asks of message text: a
// Japanese one (。) in Japanese.
func sentence(s string, lang i18n.Lang) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	if lang == i18n.Ja {
		return s + "。"
	}
	return s + "."
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
