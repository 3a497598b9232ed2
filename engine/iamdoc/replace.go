package iamdoc

import (
	"strings"

	"github.com/fiscguard/fiscguard/engine/model"
)

// Replace is replace(json, sub, with) over a document known in part, when
// it can be done on the document's strings alone: sub stands only inside
// strings (see placeholder) and in no key, and with (nil when known only
// after apply) needs no JSON escaping. A string that holds sub becomes
// unknown where with is. ok is false when the json's text could change
// otherwise.
func Replace(doc model.PolicyDocument, sub string, with *string) (out model.PolicyDocument, ok bool) {
	if !placeholder(sub) || keysHold(doc.Value, sub) || with != nil && strings.ContainsAny(*with, jsonSpecial) {
		return model.PolicyDocument{}, false
	}
	value, unknown := replaceIn(doc.Value, doc.Unknown, sub, with)
	out.Value = value.(map[string]any)
	out.Unknown, _ = unknown.(map[string]any)
	return out, true
}

// jsonSpecial are the characters whose JSON form is not themselves (the
// provider's encoder escapes <, > and & as well).
const jsonSpecial = "\"\\<>&\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r"

// placeholder is true for a substring that can stand only inside the
// document's strings, never in its JSON syntax: a letter or digit, and none
// of the syntax's characters or white space (nor a regular expression,
// which replace writes between slashes).
func placeholder(s string) bool {
	if strings.ContainsAny(s, jsonSpecial+"{}[],: /") {
		return false
	}
	return strings.ContainsFunc(s, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	})
}

// keysHold is true when an object key of the document holds sub (replacing
// in the json would change a key).
func keysHold(v any, sub string) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if strings.Contains(k, sub) || keysHold(e, sub) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if keysHold(e, sub) {
				return true
			}
		}
	}
	return false
}

// replaceIn replaces sub in the strings of v, whose unknown marks are u
// (the model's shape: true where unknown, false for a known element of a
// list); with nil, the replacement is known only after apply and each
// string holding sub becomes unknown.
func replaceIn(v, u any, sub string, with *string) (any, any) {
	if u == true {
		return v, u
	}
	switch x := v.(type) {
	case string:
		switch {
		case !strings.Contains(x, sub):
			return x, u
		case with != nil:
			return strings.ReplaceAll(x, sub, *with), u
		}
		return nil, true
	case map[string]any:
		um, _ := u.(map[string]any)
		out := make(map[string]any, len(x))
		var marks map[string]any
		for k, e := range x {
			ne, nu := replaceIn(e, at(u, k), sub, with)
			out[k] = ne
			if nu != nil && nu != false {
				if marks == nil {
					marks = map[string]any{}
				}
				marks[k] = nu
			}
		}
		for k, m := range um {
			if _, ok := x[k]; !ok {
				if marks == nil {
					marks = map[string]any{}
				}
				marks[k] = m
			}
		}
		if marks == nil {
			return out, nil
		}
		return out, marks
	case []any:
		out := make([]any, len(x))
		marks := make([]any, len(x))
		some := false
		for i, e := range x {
			ne, nu := replaceIn(e, at(u, i), sub, with)
			out[i] = ne
			if nu != nil && nu != false {
				marks[i], some = nu, true
			} else {
				marks[i] = false
			}
		}
		if !some {
			return out, nil
		}
		return out, marks
	}
	return v, u
}
