// Package rule holds the plain types every part of fiscguard shares about a
// policy and its verdicts: a rule's identity and documentation, severity,
// profile, FISC edition, results and parameters. It links no policy engine,
// so the writers, findings and configuration stay free of OPA; engine/policy
// fills these types from Rego.
package rule

import (
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

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
	FISCBasis map[string]string `json:"fisc_basis"`
	// FISCBasisJa gives a basis's detail in Japanese, where it says more
	// than control IDs.
	FISCBasisJa    map[string]string `json:"fisc_basis_ja,omitempty"`
	Profile        Profile           `json:"profile"`
	Responsibility Responsibility    `json:"responsibility"`
	ResourceTypes  []string          `json:"resource_types"`
	// StrictReason says why a strict-only rule is not required under
	// simple management (empty for a simple rule).
	StrictReason i18n.Text `json:"strict_reason"`
	// Inputs are the kinds of input the rule can judge ("plan", "hcl"); empty
	// for every kind. A rule about changes needs a plan: a configuration
	// shows no deletions, so there the rule is not in force.
	Inputs []string `json:"inputs,omitempty"`
	// Package is the Rego package path (without "data."), File the module's file.
	Package string `json:"package"`
	File    string `json:"file"`
	// Builtin is true for rules shipped with fiscguard.
	Builtin bool `json:"builtin"`
}

// Judges reports whether the rule can judge an input of this kind.
func (r *Rule) Judges(kind string) bool {
	return len(r.Inputs) == 0 || slices.Contains(r.Inputs, kind)
}

// FISCIDs returns the rule's FISC IDs in the chosen edition's numbering.
func (r *Rule) FISCIDs(e Edition) []string {
	if e == Edition8th {
		return r.FISC8th
	}
	return r.FISC
}

// BasisOf splits the basis of a cited FISC ID into its kind and its detail
// in lang (the Japanese detail where one is given).
func (r *Rule) BasisOf(id string, lang i18n.Lang) (kind, detail string) {
	kind, detail, _ = strings.Cut(r.FISCBasis[id], ":")
	if ja := r.FISCBasisJa[id]; lang == i18n.Ja && ja != "" {
		detail = ja
	}
	return kind, strings.TrimSpace(detail)
}

// Basis kinds: where a policy's mapping to one FISC item comes from. A basis
// is written "kind:detail"; the detail names the control, measure or reason.
const (
	// BasisAWSControl: AWS BLEA for FSI's published Control Tower / Security
	// Hub control mapping (detail: the control ID, e.g. SH.S3.8).
	BasisAWSControl = "aws-blea-ct"
	// BasisAWSWorkload: a measure AWS BLEA for FSI's workload mappings list
	// under the item (detail: the measure); the rule's condition is ours.
	BasisAWSWorkload = "aws-blea-workload"
	// BasisSeed: the seed document names the topic under the item (8th edition).
	BasisSeed = "seed"
	// BasisDerived: our own reading, with the reason as detail.
	BasisDerived = "derived"
)

// Matches reports whether pattern names the rule: its ID or one of its FISC
// item IDs in either edition, where the pattern may be a glob (see Glob).
// Waivers, --check and --skip-check name rules this way.
func (r *Rule) Matches(pattern string) bool {
	if Glob(pattern, r.ID) {
		return true
	}
	for _, ids := range [][]string{r.FISC, r.FISC8th} {
		for _, id := range ids {
			if Glob(pattern, id) {
				return true
			}
		}
	}
	return false
}

// Glob matches s against a pattern where * is any run of characters and ?
// any one character; everything else, dots and brackets included, is literal.
func Glob(pattern, s string) bool {
	p, t := []rune(pattern), []rune(s)
	star, match := -1, 0
	i, j := 0, 0
	for j < len(t) {
		switch {
		case i < len(p) && (p[i] == '?' || p[i] == t[j]):
			i++
			j++
		case i < len(p) && p[i] == '*':
			star, match = i, j
			i++
		case star >= 0:
			i, match = star+1, match+1
			j = match
		default:
			return false
		}
	}
	for i < len(p) && p[i] == '*' {
		i++
	}
	return i == len(p)
}
