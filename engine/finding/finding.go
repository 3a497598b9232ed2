// Package finding turns policy results into findings: identity (a
// fingerprint that survives edits), location, and a stable order.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/parallel"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Finding is one rule's verdict on one resource attribute.
type Finding struct {
	Rule         *rule.Rule
	Status       string // rule.StatusFail or rule.StatusInconclusive
	Address      string
	ResourceType string
	Attribute    string
	// Attributes lists every attribute of one cause, when the rule found it
	// in several (Attribute, the location, first).
	Attributes []string
	Message    i18n.Text
	Location   *model.Location
	// Related is the location inside a remote module, when Location is the module call.
	Related *model.Location
	// Affected are the resources a finding on a shared setting stands for,
	// such as those a provider configuration places in a region.
	Affected []Affected
	// Snippet quotes the lines around Location from the configuration file
	// the loader read, sensitive values redacted; nil when there is none.
	Snippet     []SourceLine
	Fingerprint string
	// Target is the path of the target (root module or plan) the finding
	// was found in, as its report names it.
	Target string
	// Waiver, when set, is the exception that suppresses this finding: it
	// is counted and reported as waived, never as a failure.
	Waiver *Waiver
	// Owner, when set, is the rule that reports this cause: the finding is
	// this rule's verdict, recorded in pass records but not reported (see
	// Deferred).
	Owner string
}

// Waiver is an approved exception to a rule, from an inline comment or a
// waiver file. Reason is always set; the rest as the waiver gives them.
type Waiver struct {
	// Kind is "inline" (a # fiscguard:ignore comment) or "file" (a waiver file entry).
	Kind string
	// Rule is what the waiver names: a rule ID, a FISC item ID or a glob.
	Rule string
	// Resource is an address glob ("" or "*" for any resource).
	Resource string
	Reason   string
	Owner    string
	Ticket   string
	// Expires is the last day (YYYY-MM-DD) the waiver is valid, or "".
	Expires string
	// Scope is "all" for a waiver that means to cover every rule (its Rule
	// pattern matches them all), "" otherwise.
	Scope string
	// Source is where the waiver is written.
	Source model.Location
}

// Affected is one resource a finding stands for, with where it is written.
type Affected struct {
	Address  string
	Location *model.Location
}

// ProviderType is the ResourceType of a finding on a provider configuration.
const ProviderType = "provider"

// SourceLine is one quoted line of a snippet: Marked lines are the
// finding's location, the others context.
type SourceLine struct {
	Number int
	Text   string
	Marked bool
}

// Fingerprint hashes what identifies a finding across edits: rule ID,
// resource address (see Qualified) and attribute path, never a line number.
// The path's element indices are left out (ingress[1].cidr_blocks counts as
// ingress.cidr_blocks): a set of blocks has no order of its own — a plan
// lists it in the provider's order, HCL in the written one — and a list
// element moves when another is added before it.
func Fingerprint(ruleID, address, attribute string) string {
	h := sha256.New()
	for _, s := range []string{ruleID, address, withoutIndices(attribute)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// withoutIndices drops the [N] steps of an attribute path.
func withoutIndices(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			if j := strings.IndexByte(path[i:], ']'); j > 0 && isDigits(path[i+1:i+j]) {
				i += j
				continue
			}
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// Qualified names a resource across a repository: its address, after the
// directory of its root module relative to the repository root ("" for the
// root itself), as Terraform writes a module's subdirectory:
// infra/prod//aws_s3_bucket.logs. Two root modules of a monorepo that
// declare the same address so keep distinct fingerprints.
func Qualified(rootModule, address string) string {
	if rootModule == "" || rootModule == "." {
		return address
	}
	return rootModule + "//" + address
}

// FromResults builds findings from policy results, locating each at its
// subject's source (a resource's attribute, or a provider configuration's
// region argument), and sorts them by address, rule and attribute.
// rootModule is the directory of the configuration's root module relative
// to the repository root, "" when it is the root or unknown.
func FromResults(doc *model.Document, results []rule.Result, rootModule string) []Finding {
	byAddr := make(map[string]*model.Resource, len(doc.Resources))
	for i := range doc.Resources {
		byAddr[doc.Resources[i].Address] = &doc.Resources[i]
	}
	providers := make(map[string]*model.Provider, len(doc.Providers))
	for i := range doc.Providers {
		providers[doc.Providers[i].Address] = &doc.Providers[i]
	}
	// Each finding stands alone: they are built a share of the results
	// per core.
	out := make([]Finding, len(results))
	parallel.Each(len(results), minShare, func(_, from, to int) {
		for i := from; i < to; i++ {
			out[i] = fromResult(&results[i], byAddr, providers, rootModule)
		}
	})
	Sort(out)
	return out
}

// minShare is the fewest results worth building findings from on a core
// of their own.
const minShare = 1000

// fromResult is the finding of one result.
func fromResult(r *rule.Result, byAddr map[string]*model.Resource, providers map[string]*model.Provider, rootModule string) Finding {
	f := Finding{
		Rule:        r.Rule,
		Status:      r.Status,
		Address:     r.Address,
		Attribute:   r.Attribute,
		Attributes:  r.Attributes,
		Message:     r.Message,
		Fingerprint: Fingerprint(r.Rule.ID, Qualified(rootModule, r.Address), r.Attribute),
		Owner:       r.Owner,
	}
	for _, a := range r.Resources {
		af := Affected{Address: a}
		if res, ok := byAddr[a]; ok {
			af.Location = res.Source
		}
		f.Affected = append(f.Affected, af)
	}
	if res, ok := byAddr[r.Address]; ok {
		f.ResourceType = res.Type
		f.Location = res.Locate(r.Attribute)
		f.Related = res.Related
		if res.Uncertain && f.Status == rule.StatusFail {
			f.Status = rule.StatusInconclusive
			f.Message = i18n.Text{En: uncertainPrefix.En + f.Message.En, Ja: uncertainPrefix.Ja + f.Message.Ja}
		}
	} else if p, ok := providers[r.Address]; ok {
		f.ResourceType = ProviderType
		f.Location = providerLocation(p, r.Attribute, f.Affected)
	}
	return f
}

// uncertainPrefix turns a failure on an instance that may not exist into an
// inconclusive message saying what is not known.
var uncertainPrefix = i18n.Text{
	En: "Whether this instance exists is known only after apply (its count or for_each is); if it does: ",
	Ja: "このインスタンスが作られるかは適用後まで確定しない（count または for_each による）。作られる場合: ",
}

// providerLocation is where a finding on a provider configuration's
// attribute is written: the region argument, else the provider block, else
// (an implicit configuration) the first resource it stands for.
func providerLocation(p *model.Provider, attr string, affected []Affected) *model.Location {
	if attr == "region" && p.RegionSource != nil {
		return p.RegionSource
	}
	if p.Source != nil {
		return p.Source
	}
	for _, a := range affected {
		if a.Location != nil {
			return a.Location
		}
	}
	return nil
}

// Sort orders findings deterministically. Findings are large, so an order
// of their indexes is sorted and the findings moved once, not at each swap;
// findings already in order are left as they are.
func Sort(fs []Finding) {
	if IsSorted(fs) {
		return
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return compare(&fs[i], &fs[j]) })
	moved := make([]Finding, len(fs))
	for k, i := range order {
		moved[k] = fs[i]
	}
	copy(fs, moved)
}

// IsSorted reports whether fs is in Sort's order.
func IsSorted(fs []Finding) bool {
	for i := 1; i < len(fs); i++ {
		if compare(&fs[i-1], &fs[i]) > 0 {
			return false
		}
	}
	return true
}

// compare orders findings by target, address, rule, attribute and message.
func compare(a, b *Finding) int {
	switch {
	case a.Target != b.Target:
		return strings.Compare(a.Target, b.Target)
	case a.Address != b.Address:
		return strings.Compare(a.Address, b.Address)
	case a.Rule.ID != b.Rule.ID:
		return strings.Compare(a.Rule.ID, b.Rule.ID)
	case a.Attribute != b.Attribute:
		return strings.Compare(a.Attribute, b.Attribute)
	}
	return strings.Compare(a.Message.En, b.Message.En)
}

// FailsAt reports whether f fails the build under threshold: it failed
// (it is not inconclusive), no waiver suppresses it, and its severity is
// threshold or higher.
func (f *Finding) FailsAt(threshold rule.Severity) bool {
	return f.Status == rule.StatusFail && f.Waiver == nil && f.Rule.Severity >= threshold
}

// Deferred splits off the findings whose cause another rule in force owns:
// those are that rule's verdict too (pass records keep them) but only the
// owner reports the cause. A deferred finding whose owner is not in force
// (disabled, or outside the profile) is reported itself, so no cause is lost;
// one whose owner's finding on the same resource is waived is waived with it.
// The reported findings are fs itself, compacted in order (a large scan has
// tens of thousands: a copy of them all is megabytes to allocate and move).
func Deferred(fs []Finding, inForce map[string]bool) (reported, deferred []Finding) {
	waived := map[string]*Waiver{}
	for i := range fs {
		if f := &fs[i]; f.Owner == "" && f.Waiver != nil {
			waived[f.Rule.ID+" "+f.Address] = f.Waiver
		}
	}
	reported = fs[:0]
	for i := range fs {
		f := &fs[i]
		switch {
		case f.Owner == "":
		case !inForce[f.Owner]:
			f.Owner = ""
		default:
			d := *f
			if w := waived[d.Owner+" "+d.Address]; w != nil && d.Waiver == nil {
				d.Waiver = w
			}
			deferred = append(deferred, d)
			continue
		}
		if len(reported) < i {
			fs[len(reported)] = *f
		}
		reported = reported[:len(reported)+1]
	}
	clear(fs[len(reported):]) // what was moved is not held twice
	return reported, deferred
}
