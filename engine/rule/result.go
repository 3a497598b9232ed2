package rule

import "github.com/fiscguard/fiscguard/engine/i18n"

// Result statuses.
const (
	StatusFail         = "fail"
	StatusInconclusive = "inconclusive"
)

// Result is one deny result of one rule.
type Result struct {
	Rule      *Rule
	Address   string
	Attribute string
	Status    string
	Message   i18n.Text
}
