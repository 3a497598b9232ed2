// Package evidence is the FISC evidence report's model: for every FISC item
// of the edition (and the seed's cloud items 運108–運113), who is
// responsible, what management expects, which rules evidence it with their
// pass records, and its status, with what each report was made from. It is
// built from a scan's report, merged across repositories, and read and
// written as versioned JSON; writers for people live in evidence/render.
package evidence

import (
	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// SchemaVersion changes only when a field is removed or changes meaning;
// added fields keep the version.
const SchemaVersion = 1

// Status is where a FISC item stands for one scanned target.
type Status string

// Item statuses.
const (
	// Conformant: rules evidencing the item applied, and every resource passed.
	Conformant Status = "conformant"
	// NonConformant: a resource failed a rule evidencing the item.
	NonConformant Status = "non_conformant"
	// Pending: no failure, but a result is inconclusive (known only after apply).
	Pending Status = "pending"
	// Exception: no open failure; a waiver accepts the rest (reason, owner, ticket, expiry).
	Exception Status = "exception"
	// NotApplicable: rules evidence the item, but nothing of their resource types is in the input.
	NotApplicable Status = "not_applicable"
	// Provider: the cloud provider is responsible; the institution obtains its documents.
	Provider Status = "provider"
	// NotDecidable: no rule in force can decide it; the auditor collects process evidence.
	NotDecidable Status = "not_decidable"
)

// Statuses lists every status, the one that most needs attention first:
// the order of summaries, and how a merged item takes the status of its
// most pressing repository.
var Statuses = []Status{NonConformant, Pending, Exception, Conformant, NotApplicable, Provider, NotDecidable}

// Reasons an item is not decidable in a target.
const (
	// ReasonIaCNone: the catalog says a configuration cannot show it.
	ReasonIaCNone = "iac_none"
	// ReasonNoPolicy: a configuration could show part of it, but no rule evidences it yet.
	ReasonNoPolicy = "no_policy"
	// ReasonNotInForce: rules evidence it, but none is in force (profile or rule selection).
	ReasonNotInForce = "not_in_force"
	// ReasonNotListed: the target's report (from another library) does not list the item.
	ReasonNotListed = "not_listed"
)

// Reasons an item is pending though nothing failed: Terraform could not
// plan everything, so what it left out may not conform, and the item
// would otherwise read conformant or not applicable.
const (
	// ReasonPlanErrored: Terraform failed while planning.
	ReasonPlanErrored = "plan_errored"
	// ReasonPlanIncomplete: Terraform deferred changes or planned with -target.
	ReasonPlanIncomplete = "plan_incomplete"
)

// Report is one evidence report: one scanned target, or many merged.
type Report struct {
	SchemaVersion int          `json:"schema_version"`
	Tool          Tool         `json:"tool"`
	Edition       rule.Edition `json:"edition"` // current | 8th: the numbering of the items
	// GeneratedAt is when the report was written (RFC 3339, UTC; SOURCE_DATE_EPOCH fixes it).
	GeneratedAt string `json:"generated_at"`
	// Warnings say, first, what limits the whole report: a target whose
	// plan Terraform could not finish (see Warnings).
	Warnings []i18n.Text `json:"warnings"`
	// Summary counts items by their status, in Statuses order.
	Summary   []Count            `json:"summary"`
	Targets   []Target           `json:"targets"`
	Items     []Item             `json:"items"`
	Rules     []Rule             `json:"rules"`
	Documents []catalog.Document `json:"documents"`
}

// Tool names the fiscguard that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Count is how many items have one status.
type Count struct {
	Status Status `json:"status"`
	Items  int    `json:"items"`
}

// Target is one scanned input (one repository, in a merged report) with
// what it was made from and every pass record.
type Target struct {
	// Name labels the target: the path scanned, or --name.
	Name  string `json:"name"`
	Trace Trace  `json:"trace"`
	// Summary counts this target's item statuses, in Statuses order.
	Summary []Count `json:"summary"`
	// Rules are the rules in force, sorted by ID, with their counts.
	Rules []RuleResult `json:"rules"`
	// Results are the pass records: every rule in force on every resource it
	// applied to, sorted by rule and address.
	Results []Result `json:"results"`
	// Notes are warnings about the input (an incomplete plan, a module not evaluated).
	Notes []i18n.Text `json:"notes"`
}

// Trace is what a target's report was made from, so it can be reproduced
// and checked: only ScannedAt differs between two runs on the same input.
type Trace struct {
	Input Input `json:"input"`
	// Git is the commit the input is in; null outside a git repository.
	Git              *Git   `json:"git"`
	TerraformVersion string `json:"terraform_version"` // "" for a directory
	FiscguardVersion string `json:"fiscguard_version"`
	// Library is the embedded library and each --policy-dir, with digests.
	Library []LibrarySource `json:"library"`
	Profile string          `json:"profile"` // simple | strict
	Edition rule.Edition    `json:"edition"`
	// Params are the parameter values in force.
	Params map[string]any `json:"params"`
	// Waivers is the waiver file; null without one (inline waivers are part of the input).
	Waivers *File `json:"waivers"`
	// VarFiles are the --var-file files; Vars the names of --var variables
	// (never their values, which may be secrets).
	VarFiles  []File   `json:"var_files"`
	Vars      []string `json:"vars"`
	ScannedAt string   `json:"scanned_at"` // RFC 3339, UTC
}

// Input identifies the scanned plan file or configuration directory.
// Digest is the plan file's sha256, or for a directory that of its .tf,
// .tf.json, .tfvars and .tfvars.json files in path order (Files of them).
type Input struct {
	Path     string `json:"path"`
	Kind     string `json:"kind"` // plan | hcl
	Digest   string `json:"digest"`
	Files    int    `json:"files"`
	Complete bool   `json:"complete"`
	Errored  bool   `json:"errored"`
}

// Git is the commit of the repository holding the input. Dirty is true
// when tracked files under the scanned directory differ from it.
type Git struct {
	Commit string `json:"commit"`
	Dirty  bool   `json:"dirty"`
}

// File is a file and its digest.
type File struct {
	Path   string `json:"path"`
	Digest string `json:"digest"`
}

// LibrarySource is one part of the policy library: the embedded library
// (policies, catalog and parameters) or a --policy-dir (its .rego files).
type LibrarySource struct {
	Name    string `json:"name"`
	Builtin bool   `json:"builtin"`
	Digest  string `json:"digest"`
	Files   int    `json:"files"`
}

// Rule describes a rule of the library that evidences a listed item.
// FISC and FISC8th are its IDs in both numbering schemes.
type Rule struct {
	ID             string    `json:"id"`
	Title          i18n.Text `json:"title"`
	Severity       string    `json:"severity"` // critical | high | medium | low
	Profile        string    `json:"profile"`  // simple | strict: the least profile it runs under
	Responsibility string    `json:"responsibility"`
	ResourceTypes  []string  `json:"resource_types"`
	FISC           []string  `json:"fisc"`
	FISC8th        []string  `json:"fisc_8th"`
	Remediation    i18n.Text `json:"remediation"`
}

// RuleResult is one rule in force and its pass record's counts:
// passed + failed + inconclusive + waived = applied.
type RuleResult struct {
	ID           string `json:"id"`
	Applied      int    `json:"applied"`
	Passed       int    `json:"passed"`
	Failed       int    `json:"failed"`
	Inconclusive int    `json:"inconclusive"`
	Waived       int    `json:"waived"`
}

// Outcomes of one rule on one resource (coverage's outcomes).
const (
	OutcomePass         = "pass"
	OutcomeFail         = "fail"
	OutcomeInconclusive = "inconclusive"
	OutcomeWaived       = "waived"
)

// Result is one rule's outcome on one resource. Uncertain marks a stand-in
// for instances whose count or for_each is known only after apply: its
// failures are inconclusive, and a pass holds for every instance it stands
// for. Location is the first finding's, else the resource's; null when
// unknown.
type Result struct {
	Rule      string    `json:"rule"`
	Address   string    `json:"address"`
	Type      string    `json:"type"`
	Outcome   string    `json:"outcome"` // pass | fail | inconclusive | waived
	Uncertain bool      `json:"uncertain"`
	Location  *Location `json:"location"`
	Findings  []Finding `json:"findings"`
}

// Finding is one finding behind a result that did not pass.
type Finding struct {
	Attribute string    `json:"attribute"`
	Status    string    `json:"status"` // fail | inconclusive
	Message   i18n.Text `json:"message"`
	Location  *Location `json:"location"`
	// Waiver is the accepted exception; null for an open finding.
	Waiver *Waiver `json:"waiver"`
	// ReportedBy names the rule that reports this cause, when another rule
	// owns it: the verdict is this rule's too, filed once under the owner.
	ReportedBy string `json:"reported_by,omitempty"`
}

// Waiver is an accepted exception: reason always, the rest as written.
type Waiver struct {
	Kind    string    `json:"kind"` // inline | file
	Reason  string    `json:"reason"`
	Owner   string    `json:"owner"`
	Ticket  string    `json:"ticket"`
	Expires string    `json:"expires"` // YYYY-MM-DD or ""
	Source  *Location `json:"source"`
}

// Location is a place in a file relative to the repository root; 0 is unknown.
type Location struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Item is one FISC item as the catalog describes it, with its status.
type Item struct {
	ID            string       `json:"id"`
	Edition       rule.Edition `json:"edition"`
	Category      i18n.Text    `json:"category"`
	Title         i18n.Text    `json:"title"`
	TitleVerified bool         `json:"title_verified"`
	// Responsibility is the seed's 対応の主体: user | provider | shared.
	Responsibility string `json:"responsibility"`
	// IaC is how far a configuration can decide it (full | partial | none);
	// IaCNote says what it cannot show, which the auditor collects otherwise.
	IaC     string    `json:"iac"`
	IaCNote i18n.Text `json:"iac_note"`
	// Simple and Strict are what 簡易な管理 and 厳格な管理 expect.
	Simple i18n.Text `json:"simple"`
	Strict i18n.Text `json:"strict"`
	// ProviderEvidence names the Documents obtained for the provider's side.
	ProviderEvidence []string `json:"provider_evidence"`
	// Rules are the library's rules citing the item, in force or not.
	Rules []string `json:"rules"`
	// Status is the most pressing of Targets' statuses.
	Status Status `json:"status"`
	// Targets has one entry per Report.Targets, in the same order.
	Targets []ItemTarget `json:"targets"`
}

// ItemTarget is an item's status in one target. Rules are the rules in
// force there that evidence it; Reason says why a not_decidable item is
// so, or why a pending one is although nothing failed (the plan errored or
// is incomplete).
type ItemTarget struct {
	Status Status   `json:"status"`
	Reason string   `json:"reason"`
	Rules  []string `json:"rules"`
}

// Expectation returns what the profile in force expects of the item.
func (it *Item) Expectation(profile string) i18n.Text {
	if profile == string(rule.Strict) {
		return it.Strict
	}
	return it.Simple
}

// Rule returns the report's description of a rule.
func (r *Report) Rule(id string) (*Rule, bool) {
	for i := range r.Rules {
		if r.Rules[i].ID == id {
			return &r.Rules[i], true
		}
	}
	return nil, false
}

// Document returns a provider document the report lists.
func (r *Report) Document(id string) (*catalog.Document, bool) {
	for i := range r.Documents {
		if r.Documents[i].ID == id {
			return &r.Documents[i], true
		}
	}
	return nil, false
}

// RuleResult returns a target's counts for a rule in force.
func (t *Target) RuleResult(id string) (RuleResult, bool) {
	for _, rr := range t.Rules {
		if rr.ID == id {
			return rr, true
		}
	}
	return RuleResult{}, false
}
