// Package i18n holds the bilingual text that rules, catalog items and
// findings carry, and the choice of language for output.
package i18n

import "fmt"

// Lang is an output language.
type Lang string

// Supported output languages.
const (
	En Lang = "en"
	Ja Lang = "ja"
)

// ParseLang accepts "en" or "ja".
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case En, Ja:
		return Lang(s), nil
	}
	return "", fmt.Errorf("unknown language %q (want en or ja)", s)
}

// Text is a string in English and Japanese.
type Text struct {
	En string `json:"en" yaml:"en"`
	Ja string `json:"ja,omitempty" yaml:"ja"`
}

// In returns the text in lang, falling back to English where no Japanese
// text exists yet.
func (t Text) In(lang Lang) string {
	if lang == Ja && t.Ja != "" {
		return t.Ja
	}
	return t.En
}
