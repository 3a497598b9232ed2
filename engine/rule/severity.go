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
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

// ParseSeverity accepts critical, high, medium or low.
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if name == s {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
}

func (s Severity) String() string { return severityNames[s] }

// MarshalText writes the severity's name, so JSON shows "high", not 3.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
