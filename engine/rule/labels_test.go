package rule

import (
	"testing"
	"unicode"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

// TestEveryLabelInBothLanguages: every value a writer names has an English
// label and a Japanese one with no Latin letters outside product names.
func TestEveryLabelInBothLanguages(t *testing.T) {
	labels := map[string]i18n.Text{
		"severity term": SeverityTerm, "profile term": ProfileTerm, "responsibility term": ResponsibilityTerm, "waived": WaivedLabel,
		"fail": StatusLabel(StatusFail), "inconclusive": StatusLabel(StatusInconclusive),
		"current": EditionCurrent.Label(), "8th": Edition8th.Label(), "current full": EditionCurrent.FullLabel(), "8th full": Edition8th.FullLabel(),
		"simple": Simple.Label(), "strict": Strict.Label(),
		"user": User.Label(), "provider": Provider.Label(), "shared": Shared.Label(),
	}
	for _, s := range []Severity{Critical, High, Medium, Low} {
		labels[s.String()] = s.Label()
	}
	for _, k := range []string{BasisAWSControl, BasisAWSWorkload, BasisSeed, BasisDerived} {
		labels[k] = BasisLabel(k)
	}
	// Product names that Japanese text writes in Latin letters.
	allowed := map[string]bool{"AWS": true, "BLEA": true, "for": true, "FSI": true, "fiscguard": true}
	for name, l := range labels {
		if l.En == "" || l.Ja == "" {
			t.Errorf("%s: label %+v lacks a language", name, l)
		}
		var word []rune
		for _, r := range l.Ja + " " {
			if r < unicode.MaxASCII && unicode.IsLetter(r) {
				word = append(word, r)
				continue
			}
			if len(word) > 0 && !allowed[string(word)] {
				t.Errorf("%s: Japanese label %q has the English word %q", name, l.Ja, string(word))
			}
			word = word[:0]
		}
	}
	if Provider.Label().Ja != "クラウド事業者" || High.Label().Ja != "高" || SeverityTerm.Ja != "重大度" {
		t.Error("the vocabulary changed")
	}
}
