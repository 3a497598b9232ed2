// Package i18n holds the bilingual text that rules, catalog items and
// findings carry, and the choice of language for output.
package i18n

import (
	"fmt"
	"strings"
)

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

// TextsIn renders texts in lang, never nil.
func TextsIn(ts []Text, lang Lang) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(lang)
	}
	return out
}

// Sprintf formats a text in each language with the same arguments; a
// Japanese format may take them in another order (%[2]s). An argument that
// is itself a Text is formatted in the language at hand, so a message can
// be built of bilingual parts. A format without Japanese gives a text
// without it (which In shows in English).
func Sprintf(format Text, args ...any) Text {
	out := Text{En: sprintf(format.En, En, args)}
	if format.Ja != "" {
		out.Ja = sprintf(format.Ja, Ja, args)
	}
	return out
}

func sprintf(format string, lang Lang, args []any) string {
	in := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			a = t.In(lang)
		}
		in[i] = a
	}
	return fmt.Sprintf(format, in...)
}

// Quote puts what another component wrote in English (HCL's or go-cty's
// diagnostic, a policy document reader's error) in a code span, on one
// line, so text in either language quotes it as written rather than passing
// it off as its own words. A backtick inside becomes ' so the span closes
// where it should.
func Quote(msg string) string {
	return "`" + strings.ReplaceAll(strings.Join(strings.Fields(msg), " "), "`", "'") + "`"
}
