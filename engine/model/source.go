package model

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Source is a configuration file as a loader read it, kept so outputs can
// quote the lines findings point at without reading the file again. Its
// text is reachable only line by line, with sensitive values redacted.
type Source struct {
	text   []byte
	starts []int // byte offset of each line's first byte
	// cuts says, for each line holding (part of) a sensitive value, where
	// its redaction starts.
	cuts map[int]cut
}

// cut is where a line's redaction starts: a rune column, and whether a
// value starts there (else the line lies inside one).
type cut struct {
	col        int
	valueStart bool
}

// NewSource keeps a file's text (not a copy: the caller must not change it).
func NewSource(text []byte) *Source {
	starts := []int{0}
	for i, b := range text {
		if b == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	return &Source{text: text, starts: starts}
}

// MarkSensitive records that the lines from loc.Line (at loc.Column) to
// loc.EndLine hold a sensitive value.
func (s *Source) MarkSensitive(loc Location) {
	if loc.Line < 1 {
		return
	}
	if s.cuts == nil {
		s.cuts = map[int]cut{}
	}
	last := min(max(loc.EndLine, loc.Line), s.Lines())
	for n := loc.Line; n <= last; n++ {
		c := cut{col: 0}
		if n == loc.Line {
			c = cut{col: max(loc.Column-1, 0), valueStart: true}
		}
		if old, ok := s.cuts[n]; !ok || c.col < old.col {
			s.cuts[n] = c
		}
	}
}

// Lines is the number of lines in the file.
func (s *Source) Lines() int {
	if len(s.text) == 0 {
		return 0
	}
	return len(s.starts)
}

// Line returns line n (1-based) without its line ending, redacted: from
// where a sensitive value starts the rest of the line reads Redacted, and
// so does an assignment to a secret-named argument (password = "…"), the
// safety net for values no loader could mark (an uninstalled module's
// arguments, provider credentials). ok is false past the end of the file.
func (s *Source) Line(n int) (line string, ok bool) {
	if n < 1 || n > s.Lines() {
		return "", false
	}
	end := len(s.text)
	if n < len(s.starts) {
		end = s.starts[n] - 1
	}
	text := string(bytes.TrimRight(s.text[s.starts[n-1]:end], "\r\n"))
	if c, ok := s.cuts[n]; ok {
		return redactFrom(text, c.col, c.valueStart), true
	}
	if m := secretAssignment.FindStringSubmatchIndex(text); m != nil && SecretName(text[m[2]:m[3]]) && !plainLiteral(text[m[1]:]) {
		return text[:m[1]] + Redacted, true
	}
	return text, true
}

// secretAssignment matches an argument assignment in HCL or JSON syntax up
// to where its value starts: `  name = `, `"name": `.
var secretAssignment = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*[=:]\s*`)

// plainLiteral reports whether an assigned value is a boolean, null or
// number: flags such as manage_master_user_password = true stay readable.
func plainLiteral(v string) bool {
	v = strings.TrimRight(strings.TrimSpace(v), ",")
	switch v {
	case "true", "false", "null":
		return true
	}
	return v != "" && strings.Trim(v, "0123456789.-") == ""
}

// redactFrom keeps the first col runes of a line (at least its
// indentation, and where a value starts the name it is assigned to:
// `password = `) and replaces the rest by Redacted. Lines inside a value
// keep nothing (a sensitive map's keys are hidden too), and what follows a
// value on its last line goes too: a quote never shows more than it must.
func redactFrom(text string, col int, valueStart bool) string {
	i := 0
	for n := 0; n < col && i < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	i = max(i, len(text)-len(strings.TrimLeft(text, " \t")))
	if m := secretAssignment.FindStringIndex(text[i:]); m != nil && valueStart {
		i += m[1]
	}
	return text[:i] + Redacted
}

// SecretName reports whether an argument name is one providers mark
// sensitive (passwords, secrets, private keys, tokens). A plan redacts these
// by the provider's schema, and HCL evaluation by the schema table
// (engine/tfschema) where it holds the type; names decide elsewhere, for
// string values only (flags such as manage_master_user_password stay
// readable).
func SecretName(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"password", "secret", "private_key", "auth_token", "access_token", "api_key", "access_key", "credentials", "passphrase", "key_material"} {
		if strings.Contains(n, s) {
			return !strings.HasSuffix(n, "_arn") && !strings.HasSuffix(n, "_id") && !strings.HasSuffix(n, "_wo_version")
		}
	}
	return n == "token"
}
