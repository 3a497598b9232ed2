package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/rule"
)

// githubLevel is the workflow command an open finding becomes: errors and
// warnings for failures by severity, notices for the least severe and for
// inconclusive results.
func githubLevel(sev rule.Severity, status string) string {
	switch {
	case status == rule.StatusInconclusive || sev <= rule.Low:
		return "notice"
	case sev == rule.Medium:
		return "warning"
	}
	return "error"
}

// writeGitHub writes GitHub Actions workflow commands, one annotation per
// open finding (::error file=…,line=…,title=…::message), for runs whose
// token cannot upload SARIF. Every value is escaped as the runner decodes
// it and its control characters are shown, so no input can end a line and
// start a command of its own. Quiet writes failures only.
func writeGitHub(w io.Writer, r *Report, opts Options) error {
	var b strings.Builder
	s := summarize(r)
	open, _ := splitWaived(r.Findings)
	for _, f := range open {
		if opts.Quiet && f.Status != rule.StatusFail {
			continue
		}
		props := []string{}
		if l := f.Location; l != nil && l.File != "" {
			props = append(props, "file="+githubProperty(cleanPath(l.File)))
			if l.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", l.Line))
				if l.EndLine > l.Line {
					props = append(props, fmt.Sprintf("endLine=%d", l.EndLine))
				} else if l.Column > 0 {
					props = append(props, fmt.Sprintf("col=%d", l.Column))
				}
			}
		}
		props = append(props, "title="+githubProperty(f.Rule.ID+" "+f.Rule.Title.In(r.Lang)))
		msg := f.Message.In(r.Lang)
		if f.Status == rule.StatusInconclusive {
			msg = sarifWords["inconclusive"].In(r.Lang) + msg
		}
		msg += " (" + shownAddress(r, f)
		if f.Attribute != "" {
			msg += " · " + f.Attribute
		}
		msg += ")"
		if ids := fiscIDs(r, f.Rule); len(ids) > 0 {
			msg += " FISC " + strings.Join(ids, ", ")
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", githubLevel(f.Rule.Severity, f.Status), strings.Join(props, ","), githubData(msg))
	}
	if !opts.Quiet || s.FailedThreshold > 0 {
		text, _ := verdictLine(r, &s, r.Lang)
		fmt.Fprintf(&b, "fiscguard: %s\n", githubData(text))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubData escapes a command's message as the runner decodes it, after
// showing control characters as \xNN: no newline reaches the log.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(printable(s))
}

// githubProperty escapes a command's property value, where a colon or a
// comma would end it.
func githubProperty(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(githubData(s))
}
