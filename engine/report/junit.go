package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// JUnit XML as GitLab, Jenkins and Azure DevOps read it: a test suite per
// target, and in it a test case per finding (failed findings fail, and
// inconclusive and waived ones are skipped with the reason) and one passing
// test case per rule that found nothing.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitFailure `xml:"failure"`
	Skipped   *junitSkipped `xml:"skipped"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

func writeJUnit(w io.Writer, r *Report) error {
	parts := r.Parts
	if len(parts) == 0 {
		parts = []*Report{r}
	}
	out := junitSuites{Name: "fiscguard"}
	for _, p := range parts {
		s := junitSuiteOf(p)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitSuiteOf(r *Report) junitSuite {
	s := junitSuite{Name: r.Target.Path, Properties: []junitProperty{
		{"profile", string(r.Profile)}, {"edition", string(editionOf(r))}, {"fail_on", r.FailOn.String()},
		{"tool_version", r.Tool.Version},
	}}
	byRule := map[string][]finding.Finding{}
	for _, f := range sortedFindings(r.Findings) {
		byRule[f.Rule.ID] = append(byRule[f.Rule.ID], f)
	}
	for _, rl := range evaluatedRules(r) {
		fs := byRule[rl.ID]
		if len(fs) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: rl.Title.In(r.Lang), Classname: rl.ID})
			continue
		}
		for _, f := range fs {
			s.Cases = append(s.Cases, junitCaseOf(r, f))
		}
	}
	for _, c := range s.Cases {
		s.Tests++
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	return s
}

func junitCaseOf(r *Report, f finding.Finding) junitCase {
	name := shownAddress(r, f)
	if f.Attribute != "" {
		name += " " + f.Attribute
	}
	c := junitCase{Name: name, Classname: f.Rule.ID}
	if f.Location != nil {
		c.File = cleanPath(f.Location.File)
	}
	msg := oneLineText(f.Message.In(r.Lang))
	switch {
	case f.Waiver != nil:
		c.Skipped = &junitSkipped{Message: rule.WaivedLabel.In(r.Lang) + ": " + oneLineText(f.Waiver.Reason)}
	case f.Status == rule.StatusInconclusive:
		c.Skipped = &junitSkipped{Message: rule.StatusLabel(f.Status).In(r.Lang) + ": " + msg}
	default:
		var body strings.Builder
		fmt.Fprintf(&body, "%s\n%s: %s\n", msg, f.Rule.ID, f.Rule.Title.In(r.Lang))
		if f.Location != nil && f.Location.File != "" {
			fmt.Fprintf(&body, "%s:%d\n", cleanPath(f.Location.File), f.Location.Line)
		}
		if ids := fiscIDs(r, f.Rule); len(ids) > 0 {
			fmt.Fprintf(&body, "FISC %s\n", strings.Join(ids, ", "))
		}
		if fix := oneLineText(f.Rule.Remediation.In(r.Lang)); fix != "" {
			fmt.Fprintf(&body, "%s\n", fix)
		}
		c.Failure = &junitFailure{Message: msg, Type: f.Rule.Severity.String(), Text: body.String()}
	}
	return c
}
