package rule

import "fmt"

// Severity orders findings; a higher value is more severe.
type Severity int

// Severities, least severe first.
const (
	Low Severity = iota + 1
	Medium
	High
	Critical
	// None is the threshold above every severity: --fail-on none fails
	// nothing. No rule has it.
	None
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical", None: "none"}

// ParseSeverity accepts critical, high, medium or low.
func ParseSeverity(s string) (Severity, error) {
	if sev, ok := lookupSeverity(s); ok && sev != None {
		return sev, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
}

// ParseThreshold accepts a severity, or none for a threshold nothing
// reaches (--fail-on none: report, never fail).
func ParseThreshold(s string) (Severity, error) {
	if sev, ok := lookupSeverity(s); ok {
		return sev, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium, low or none)", s)
}

func lookupSeverity(s string) (Severity, bool) {
	for sev, name := range severityNames {
		if name == s {
			return sev, true
		}
	}
	return 0, false
}

func (s Severity) String() string { return severityNames[s] }

// MarshalText writes the severity's name, so JSON shows "high", not 3.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
