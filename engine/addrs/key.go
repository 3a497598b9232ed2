package addrs

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/zclconf/go-cty/cty"
)

// Key is the instance key of one instance of a count (IntKey) or for_each
// (StringKey) expansion. NoKey (nil) is the key of the single instance of a
// block with neither.
type Key interface {
	// String renders the key as Terraform writes it after an address: [0], ["a"].
	String() string
	isKey()
}

// NoKey is the key of an instance of a block without count or for_each.
var NoKey Key

// IntKey is a count.index.
type IntKey int64

// StringKey is an each.key.
type StringKey string

func (k IntKey) String() string { return "[" + strconv.FormatInt(int64(k), 10) + "]" }

func (IntKey) isKey() {}

func (k StringKey) String() string { return "[" + Quote(string(k)) + "]" }

func (StringKey) isKey() {}

// KeyString renders a key after an address: "" for NoKey.
func KeyString(k Key) string {
	if k == nil {
		return ""
	}
	return k.String()
}

// KeyOf converts an instance index as a plan or the model holds it (nil, a
// whole number or a string) to a key.
func KeyOf(index any) (Key, error) {
	switch v := index.(type) {
	case nil:
		return NoKey, nil
	case string:
		return StringKey(v), nil
	case int:
		return IntKey(v), nil
	case int64:
		return IntKey(v), nil
	case float64:
		if v == float64(int64(v)) {
			return IntKey(int64(v)), nil
		}
	case interface{ Int64() (int64, error) }: // json.Number
		if n, err := v.Int64(); err == nil {
			return IntKey(n), nil
		}
	}
	return nil, fmt.Errorf("instance index %v is neither a whole number nor a string", index)
}

// KeyOfValue converts a literal index in a traversal (aws_x.y[0],
// aws_x.y["a"]) to a key; ok is false for any other value.
func KeyOfValue(v cty.Value) (Key, bool) {
	if v.IsMarked() || !v.IsKnown() || v.IsNull() {
		return nil, false
	}
	switch v.Type() {
	case cty.String:
		return StringKey(v.AsString()), true
	case cty.Number:
		if n, acc := v.AsBigFloat().Int64(); acc == big.Exact {
			return IntKey(n), true
		}
	}
	return nil, false
}

// Quote writes s as an HCL quoted string, as Terraform writes a string
// instance key: quotes, backslashes, newlines, carriage returns and tabs get
// their backslash escapes, a template introducer ("${" or "%{") is escaped
// by doubling its sign, and every other character that is not printable
// (Go's unicode.IsPrint) becomes \uXXXX, or \UXXXXXXXX above U+FFFF, in
// lower-case hex. Everything else is written as it is, so a key in Japanese
// stays readable.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '$', '%':
			b.WriteRune(r)
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteRune(r)
			}
		default:
			switch {
			case unicode.IsPrint(r):
				b.WriteRune(r)
			case r > 0xFFFF:
				fmt.Fprintf(&b, `\U%08x`, r)
			default:
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
