package rule

import (
	"fmt"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

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
