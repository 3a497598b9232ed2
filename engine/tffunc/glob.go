package tffunc

import (
	"errors"
	"regexp"
	"strings"
)

// compileGlob turns a fileset pattern into an anchored regular expression
// over slash-separated relative paths. The syntax is the one Terraform
// documents for fileset: "*" is any run of characters except "/"; "**" as a
// whole path segment is any number of directories, including none; "?" is
// one character except "/"; "[a-z]", "[!a-z]" and "[^a-z]" are character
// classes; "{a,b}" is either alternative (each itself a pattern); "\x" is x
// literally.
func compileGlob(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	braces := 0
	boundary := func(i int) bool { // is i at a segment edge (start/end, "/", or a brace edge)?
		if i < 0 || i >= len(pattern) {
			return true
		}
		switch pattern[i] {
		case '/':
			return true
		case '{', ',', '}':
			return braces > 0
		}
		return false
	}
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\':
			if i+1 == len(pattern) {
				return nil, errors.New("pattern ends with a backslash")
			}
			i++
			b.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
		case c == '*' && i+1 < len(pattern) && pattern[i+1] == '*' && boundary(i-1) && boundary(i+2):
			if i+2 < len(pattern) && pattern[i+2] == '/' {
				b.WriteString("(?:.*/)?")
				i += 2
			} else {
				b.WriteString(".*")
				i++
			}
		case c == '*':
			b.WriteString("[^/]*")
			for i+1 < len(pattern) && pattern[i+1] == '*' {
				i++ // "a**b": a ** inside a segment is just *
			}
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			end, class, err := globClass(pattern, i)
			if err != nil {
				return nil, err
			}
			b.WriteString(class)
			i = end
		case c == '{':
			braces++
			b.WriteString("(?:")
		case c == ',' && braces > 0:
			b.WriteString("|")
		case c == '}' && braces > 0:
			braces--
			b.WriteString(")")
		default:
			b.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
		}
	}
	if braces > 0 {
		return nil, errors.New("unclosed '{' in pattern")
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// globClass translates the character class starting at pattern[start] ("[")
// and returns the index of its closing "]".
func globClass(pattern string, start int) (int, string, error) {
	var b strings.Builder
	i := start + 1
	b.WriteString("[")
	if i < len(pattern) && (pattern[i] == '!' || pattern[i] == '^') {
		b.WriteString("^/") // a negated class still never matches the separator
		i++
	}
	first := true
	for ; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == ']' && !first:
			b.WriteString("]")
			return i, b.String(), nil
		case c == '-' && !first && i+1 < len(pattern) && pattern[i+1] != ']':
			b.WriteString("-") // a range
		default:
			if c == '\\' && i+1 < len(pattern) {
				i++
			}
			b.WriteString(classLiteral(pattern[i]))
		}
		first = false
	}
	return 0, "", errors.New("unclosed '[' in pattern")
}

// literalPrefix is the leading directories of pattern that contain no
// pattern syntax ("modules/*/main.tf" → "modules"), or the whole pattern if
// it has none.
func literalPrefix(pattern string) string {
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		if strings.ContainsAny(s, `*?[{\`) {
			return strings.Join(segs[:i], "/")
		}
	}
	return pattern
}

// classLiteral spells one byte so that it stands for itself inside a regexp
// character class. Bytes of multi-byte UTF-8 characters pass through whole.
func classLiteral(c byte) string {
	if c == '-' {
		return `\-`
	}
	return regexp.QuoteMeta(string([]byte{c}))
}
