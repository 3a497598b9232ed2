// Package waiver applies approved exceptions to findings: inline
// "# fiscguard:ignore" comments in Terraform files and waiver files. Every
// waiver carries a reason; expired waivers stop working, and waivers that
// match nothing are reported as stale.
package waiver

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/yamlfile"
)

// DateLayout is how expiry dates are written.
const DateLayout = "2006-01-02"

type fileEntry struct {
	Rule     string `yaml:"rule"`
	Resource string `yaml:"resource"`
	Reason   string `yaml:"reason"`
	Owner    string `yaml:"owner"`
	Ticket   string `yaml:"ticket"`
	Expires  string `yaml:"expires"`
	Scope    string `yaml:"scope"`
}

// ScopeAll is the scope a waiver must state when its rule pattern matches
// every rule.
const ScopeAll = "all"

// LoadFile reads a waiver file. Every entry needs a rule and a reason, and
// under the strict profile an expiry date; a malformed entry is an error
// at its line.
func LoadFile(path string, requireExpiry bool) ([]finding.Waiver, error) {
	var doc struct {
		Waivers []fileEntry `yaml:"waivers"`
	}
	f, err := yamlfile.Load(path, &doc)
	if err != nil {
		return nil, err
	}
	out := make([]finding.Waiver, 0, len(doc.Waivers))
	for i, e := range doc.Waivers {
		at := fmt.Sprintf("$.waivers[%d]", i)
		w := finding.Waiver{Kind: "file", Rule: e.Rule, Resource: e.Resource, Reason: strings.TrimSpace(e.Reason), Owner: e.Owner, Ticket: e.Ticket, Expires: e.Expires, Scope: e.Scope,
			Source: model.Location{File: path, Line: f.Line(at + ".rule")}}
		if w.Source.Line == 0 {
			w.Source.Line = f.Line(at)
		}
		switch {
		case w.Rule == "":
			return nil, f.Errorf(at, "waiver %d has no rule", i+1)
		case w.Reason == "":
			return nil, f.Errorf(at+".rule", "waiver for %s has no reason", w.Rule)
		case w.Expires == "" && requireExpiry:
			return nil, f.Errorf(at+".rule", "waiver for %s has no expiry date, which the strict profile requires", w.Rule)
		case w.Scope != "" && w.Scope != ScopeAll:
			return nil, f.Errorf(at+".scope", "waiver for %s: scope %q is not %q", w.Rule, w.Scope, ScopeAll)
		}
		if w.Expires != "" {
			if _, err := time.Parse(DateLayout, w.Expires); err != nil {
				return nil, f.Errorf(at+".expires", "waiver for %s: expires %q is not a date like 2027-03-31", w.Rule, w.Expires)
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// inlinePattern matches "# fiscguard:ignore RULE key=value ..." (or //).
var inlinePattern = regexp.MustCompile(`(?:#|//)\s*fiscguard:ignore(?:\s+(\S+))?(.*)$`)

var optionPattern = regexp.MustCompile(`(\w+)=(?:"([^"]*)"|(\S+))`)

// Inline is a waiver written as a comment, and the line of code it
// applies to: its own line for a trailing comment, else the first line of
// code below the comment block it stands in.
type Inline struct {
	finding.Waiver
	Target int
}

// ScanInline finds the inline waivers in a Terraform file's lines. A
// malformed one is an error at its line.
func ScanInline(file string, lines []string, requireExpiry bool) ([]Inline, error) {
	var out []Inline
	for i, line := range lines {
		w, ok, err := parseInline(line, model.Location{File: file, Line: i + 1}, requireExpiry)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		target := i + 1
		if isComment(line) {
			target = 0
			for j := i + 1; j < len(lines); j++ {
				if t := strings.TrimSpace(lines[j]); t != "" && !isComment(t) {
					target = j + 1
					break
				}
			}
		}
		out = append(out, Inline{Waiver: w, Target: target})
	}
	return out, nil
}

// Apply sets Waiver on each finding that an unexpired waiver covers:
// first an inline waiver on the finding's argument or resource block, then
// a waiver file entry. It returns notes, in both languages, on expired
// waivers and on waivers that match no finding.
func Apply(findings []finding.Finding, inline []Inline, file []finding.Waiver, blockOf func(address string) *model.Location, today string) []i18n.Text {
	used := map[*finding.Waiver]bool{}
	expired := map[*finding.Waiver]bool{}
	try := func(w *finding.Waiver, f *finding.Finding) bool {
		if !Matches(w, f) {
			return false
		}
		used[w] = true
		if Expired(w, today) {
			expired[w] = true
			return false
		}
		c := *w
		f.Waiver = &c
		return true
	}
	for i := range findings {
		f := &findings[i]
		block := blockOf(f.Address)
		applied := false
		for k := range inline {
			in := &inline[k]
			if on(in, f.Location) || on(in, block) {
				if try(&in.Waiver, f) {
					applied = true
					break
				}
			}
		}
		for k := 0; !applied && k < len(file); k++ {
			applied = try(&file[k], f)
		}
	}
	var notes []i18n.Text
	report := func(w *finding.Waiver) {
		at := fmt.Sprintf("%s:%d", w.Source.File, w.Source.Line)
		switch {
		case expired[w]:
			notes = append(notes, i18n.Sprintf(expiredNote, at, w.Rule, w.Expires))
		case !used[w]:
			notes = append(notes, i18n.Sprintf(staleNote, at, w.Rule))
		}
	}
	for k := range inline {
		report(&inline[k].Waiver)
	}
	for k := range file {
		report(&file[k])
	}
	return notes
}

// Notes on waivers that no longer do anything.
var (
	expiredNote = i18n.Text{En: "%s: the waiver for %s expired on %s and no longer applies", Ja: "%s: %s の例外（適用除外）は %s に期限が切れたため、もう適用していない"}
	staleNote   = i18n.Text{En: "%s: the waiver for %s matches no finding (stale)", Ja: "%s: %s の例外（適用除外）に一致する指摘事項がない（不要になった定義）"}
)

// on reports whether an inline waiver stands at a location.
func on(in *Inline, loc *model.Location) bool {
	return loc != nil && loc.File == in.Source.File && loc.Line == in.Target
}

func isComment(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")
}

func parseInline(line string, at model.Location, requireExpiry bool) (finding.Waiver, bool, error) {
	m := inlinePattern.FindStringSubmatch(line)
	if m == nil {
		return finding.Waiver{}, false, nil
	}
	w := finding.Waiver{Kind: "inline", Rule: m[1], Source: at}
	bad := func(format string, args ...any) error {
		return &model.InputError{File: at.File, Line: at.Line, Msg: "fiscguard:ignore " + fmt.Sprintf(format, args...)}
	}
	if w.Rule == "" || strings.Contains(w.Rule, "=") {
		return w, false, bad("needs a rule ID: # fiscguard:ignore RULE_ID reason=\"...\"")
	}
	for _, o := range optionPattern.FindAllStringSubmatch(m[2], -1) {
		v := o[2] + o[3]
		switch o[1] {
		case "reason":
			w.Reason = strings.TrimSpace(v)
		case "expires":
			w.Expires = v
		case "owner":
			w.Owner = v
		case "ticket":
			w.Ticket = v
		case "scope":
			if v != ScopeAll {
				return w, false, bad("for %s: scope %q is not %q", w.Rule, v, ScopeAll)
			}
			w.Scope = v
		default:
			return w, false, bad("has an unknown option %q", o[1])
		}
	}
	switch {
	case w.Reason == "":
		return w, false, bad("for %s has no reason=\"...\"", w.Rule)
	case w.Expires == "" && requireExpiry:
		return w, false, bad("for %s has no expires=YYYY-MM-DD, which the strict profile requires", w.Rule)
	}
	if w.Expires != "" {
		if _, err := time.Parse(DateLayout, w.Expires); err != nil {
			return w, false, bad("for %s: expires %q is not a date like 2027-03-31", w.Rule, w.Expires)
		}
	}
	return w, true, nil
}

// Matches reports whether a waiver covers a finding: its rule names the
// rule (see rule.Rule.Matches), and its resource pattern, if any, matches
// the address.
func Matches(w *finding.Waiver, f *finding.Finding) bool {
	if w.Resource != "" && !rule.Glob(w.Resource, f.Address) {
		return false
	}
	return f.Rule.Matches(w.Rule)
}

// Broad reports whether a waiver's rule pattern matches every rule: every
// rule ID, or every FISC item of a category (実*), which all rules cite
// between them. Such a waiver must say scope: all.
func Broad(pattern string, ruleIDs []string, categories [][]string) bool {
	for _, ids := range append([][]string{ruleIDs}, categories...) {
		all := len(ids) > 0
		for _, id := range ids {
			if !rule.Glob(pattern, id) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// CheckScope refuses a waiver whose rule pattern matches every rule
// without scope: all (a "*" meant for one rule would hide them all), and
// one that says scope: all without matching every rule.
func CheckScope(w *finding.Waiver, broad bool) error {
	at := &model.InputError{File: w.Source.File, Line: w.Source.Line}
	switch {
	case broad && w.Scope != ScopeAll:
		at.Msg = fmt.Sprintf("the waiver's rule pattern %q matches every rule; say scope: %s (scope=%s inline) if that is meant", w.Rule, ScopeAll, ScopeAll)
	case !broad && w.Scope == ScopeAll:
		at.Msg = fmt.Sprintf("the waiver says scope: %s, but its rule pattern %q does not match every rule", ScopeAll, w.Rule)
	default:
		return nil
	}
	return at
}

// Expired reports whether a waiver's last valid day is before today.
func Expired(w *finding.Waiver, today string) bool {
	return w.Expires != "" && w.Expires < today
}
