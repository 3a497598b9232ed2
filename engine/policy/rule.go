package policy

import (
	"fmt"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

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

// Profile is FISC's risk-based management level (簡易な管理 / 厳格な管理).
type Profile string

// Profiles. Strict includes every simple rule and adds its own.
const (
	Simple Profile = "simple"
	Strict Profile = "strict"
)

// ParseProfile accepts simple or strict.
func ParseProfile(s string) (Profile, error) {
	switch Profile(s) {
	case Simple, Strict:
		return Profile(s), nil
	}
	return "", fmt.Errorf("unknown profile %q (want simple or strict)", s)
}

// Includes reports whether a rule tagged with profile r runs under p.
func (p Profile) Includes(r Profile) bool { return r == Simple || p == Strict }

// Label gives the profile's name in FISC's own terms.
func (p Profile) Label() i18n.Text {
	if p == Strict {
		return i18n.Text{En: "strict management", Ja: "厳格な管理"}
	}
	return i18n.Text{En: "simple management", Ja: "簡易な管理"}
}

// Rule is a policy's identity and documentation, read from its METADATA.
type Rule struct {
	ID          string    `json:"id"`
	Title       i18n.Text `json:"title"`
	Description i18n.Text `json:"description"`
	Remediation i18n.Text `json:"remediation"`
	Severity    Severity  `json:"severity"`
	FISC        []string  `json:"fisc"`
	FISC8th     []string  `json:"fisc_8th"`
	// FISCBasis gives, per cited FISC ID, where the mapping comes from:
	// "aws-blea-ct:SH.S3.8", "aws-blea-workload:…", "seed:…" or "derived:…".
	FISCBasis      map[string]string `json:"fisc_basis"`
	Profile        Profile           `json:"profile"`
	Responsibility string            `json:"responsibility"`
	ResourceTypes  []string          `json:"resource_types"`
	// Package is the Rego package path (without "data."), File the module's file.
	Package string `json:"package"`
	File    string `json:"file"`
	// Builtin is true for rules shipped with fiscguard.
	Builtin bool `json:"builtin"`
}

// FISCIDs returns the rule's FISC IDs in the chosen edition's numbering.
func (r *Rule) FISCIDs(edition string) []string {
	if edition == "8th" {
		return r.FISC8th
	}
	return r.FISC
}
