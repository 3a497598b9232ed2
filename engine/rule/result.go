package rule

import "github.com/fiscguard/fiscguard/engine/i18n"

// Result statuses.
const (
	StatusFail         = "fail"
	StatusInconclusive = "inconclusive"
)

// Result is one deny result of one rule: one cause on one subject (a
// resource, or a provider configuration by its address).
type Result struct {
	Rule    *Rule
	Address string
	// Attribute is the path the result is located at; Attributes, when the
	// rule found one cause in several attributes, lists all of them
	// (Attribute first).
	Attribute  string
	Attributes []string
	// Resources are the resources a result on a shared setting stands for,
	// e.g. those a provider configuration's region places.
	Resources []string
	Status    string
	Message   i18n.Text
	// Owner, when set, is the rule that reports this cause: the result is
	// this rule's verdict too, kept in pass records but never shown as a
	// second finding (each cause has one owner rule).
	Owner string
}
