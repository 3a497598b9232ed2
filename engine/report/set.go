package report

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/fiscguard/fiscguard/engine/coverage"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Set is the outcome of one run: a report per target scanned (a root
// module, a plan, standard input), in order of target path, all made with
// the same rules and settings.
type Set struct {
	Reports []*Report
	// Scanned names the run as a whole: the directory the paths it was
	// given have in common.
	Scanned string
}

// Failed reports whether a finding the report shows fails the build: failed,
// not waived, at or above FailOn.
func (r *Report) Failed() bool {
	for i := range r.Findings {
		if r.Findings[i].FailsAt(r.FailOn) {
			return true
		}
	}
	return false
}

// Exit codes a run's verdict gives.
const (
	ExitClean    = 0
	ExitFindings = 1
)

// ExitCode is the run's verdict: ExitFindings when a report fails, else
// ExitClean.
func (s *Set) ExitCode() int {
	for _, r := range s.Reports {
		if r.Failed() {
			return ExitFindings
		}
	}
	return ExitClean
}

// Findings are every report's findings, in order.
func (s *Set) Findings() []finding.Finding {
	var out []finding.Finding
	for _, r := range s.Reports {
		out = append(out, r.Findings...)
	}
	return out
}

// targetNote is a note of one target in a report of several.
var targetNote = i18n.Text{En: "%s: %s", Ja: "%s: %s"}

// Merged is the run's reports as one, for Write: one target's report as it
// is; several as one report whose findings, resources and notes name their
// target, each target keeping its own report (and summary) as Parts.
func (s *Set) Merged() *Report {
	if len(s.Reports) == 1 {
		return s.Reports[0]
	}
	first := s.Reports[0]
	m := *first
	m.Parts = s.Reports
	m.Target = Target{Path: s.Scanned, Kind: first.Target.Kind, TerraformVersion: first.Target.TerraformVersion,
		FormatVersion: first.Target.FormatVersion, Complete: true}
	m.Findings, m.Resources, m.Filters, m.Notes, m.Waivers, m.Below, m.Coverage = nil, nil, nil, nil, nil, 0, nil
	filters := map[[2]string]int{}
	cov := map[string]int{}
	// Rules are those of every part: a rule may judge plans only.
	m.Rules = nil
	ruleSeen := map[string]bool{}
	waivers := map[string]bool{}
	for _, r := range s.Reports {
		t := r.Target
		if t.Kind != m.Target.Kind {
			m.Target.Kind = ""
		}
		if t.TerraformVersion != m.Target.TerraformVersion {
			m.Target.TerraformVersion = ""
		}
		if t.FormatVersion != m.Target.FormatVersion {
			m.Target.FormatVersion = ""
		}
		m.Target.Complete = m.Target.Complete && t.Complete
		m.Target.Errored = m.Target.Errored || t.Errored
		m.Findings = append(m.Findings, r.Findings...)
		for _, res := range r.Resources {
			res.Target = t.Path
			m.Resources = append(m.Resources, res)
		}
		for _, f := range r.Filters {
			key := [2]string{f.Name, f.Ref}
			if _, ok := filters[key]; !ok {
				m.Filters = append(m.Filters, Filter{Name: f.Name, Ref: f.Ref})
			}
			filters[key] += f.LeftOut
		}
		for _, n := range r.Notes {
			m.Notes = append(m.Notes, i18n.Sprintf(targetNote, t.Path, n))
		}
		for _, wv := range r.Waivers {
			key := fmt.Sprintf("%s\x00%s\x00%s\x00%d", wv.Rule, wv.Resource, wv.Source.File, wv.Source.Line)
			if !waivers[key] {
				waivers[key] = true
				m.Waivers = append(m.Waivers, wv)
			}
		}
		m.Below += r.Below
		for _, rl := range r.Rules {
			if !ruleSeen[rl.ID] {
				ruleSeen[rl.ID] = true
				m.Rules = append(m.Rules, rl)
			}
		}
		for _, c := range r.Coverage {
			i, ok := cov[c.Rule.ID]
			if !ok {
				i = len(m.Coverage)
				cov[c.Rule.ID] = i
				m.Coverage = append(m.Coverage, coverage.Rule{Rule: c.Rule})
			}
			for _, res := range c.Resources {
				res.Address = finding.Qualified(t.Path, res.Address)
				m.Coverage[i].Resources = append(m.Coverage[i].Resources, res)
			}
		}
	}
	sort.Slice(m.Coverage, func(i, j int) bool { return m.Coverage[i].Rule.ID < m.Coverage[j].Rule.ID })
	sort.Slice(m.Rules, func(i, j int) bool { return m.Rules[i].ID < m.Rules[j].ID })
	for i := range m.Filters {
		m.Filters[i].LeftOut = filters[[2]string{m.Filters[i].Name, m.Filters[i].Ref}]
	}
	finding.Sort(m.Findings)
	sort.SliceStable(m.Resources, func(i, j int) bool {
		if m.Resources[i].Target != m.Resources[j].Target {
			return m.Resources[i].Target < m.Resources[j].Target
		}
		return m.Resources[i].Address < m.Resources[j].Address
	})
	return &m
}

// CommonDir is the directory paths have in common ("." when none), which
// names a run of several targets.
func CommonDir(paths []string) string {
	if len(paths) == 0 {
		return "."
	}
	split := func(p string) []string {
		p = cleanPath(p)
		if p == "." {
			return nil
		}
		return strings.Split(p, "/")
	}
	common := split(paths[0])
	for _, p := range paths[1:] {
		parts := split(p)
		n := 0
		for n < len(common) && n < len(parts) && common[n] == parts[n] {
			n++
		}
		common = common[:n]
	}
	if len(common) == 0 {
		if strings.HasPrefix(cleanPath(paths[0]), "/") {
			return "/"
		}
		return "."
	}
	out := strings.Join(common, "/")
	if strings.HasPrefix(cleanPath(paths[0]), "/") && !strings.HasPrefix(out, "/") {
		out = "/" + out
	}
	return path.Clean(out)
}

// Output is one output of a run: a format written to a file, or to
// standard output when Path is "".
type Output struct {
	Format string
	Path   string
}

// ParseOutput reads an output as -o gives it: FORMAT=FILE, FORMAT (to
// standard output), or FILE (in the default format).
func ParseOutput(spec, defaultFormat string) (Output, error) {
	if name, file, ok := strings.Cut(spec, "="); ok && isFormat(name) {
		if file == "" {
			return Output{}, fmt.Errorf("%q names no file (FORMAT=FILE, or FORMAT for standard output)", spec)
		}
		return Output{Format: name, Path: file}, nil
	}
	if isFormat(spec) {
		return Output{Format: spec}, nil
	}
	if spec == "" || spec == "-" {
		return Output{Format: defaultFormat}, nil
	}
	return Output{Format: defaultFormat, Path: spec}, nil
}

func isFormat(name string) bool {
	for _, f := range Formats {
		if f == name {
			return true
		}
	}
	return false
}

// filtersSeverity reports whether the report leaves out findings below a
// severity (--severity above low).
func filtersSeverity(r *Report) bool { return r.Severity > rule.Low }
