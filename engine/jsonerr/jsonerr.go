// Package jsonerr explains JSON decoding errors in the terms of the
// document rather than of Go's types: where the offending value is
// (line:column and a path such as resource_changes[3].address) and what
// belongs there.
package jsonerr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/fiscguard/fiscguard/engine/textpos"
)

// Error is a decoding error explained: its position (0 when unknown) and
// message. Syntax is true for input that is not JSON at all.
type Error struct {
	Line, Column int
	Msg          string
	Syntax       bool
}

// Describe explains an error of encoding/json decoding data.
func Describe(data []byte, err error) Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	// json.Unmarshal reports truncated input as a syntax error.
	truncated := errors.As(err, &syn) && syn.Error() == "unexpected end of JSON input"
	switch {
	case truncated || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, col := textpos.Position(data, int64(len(data)))
		return Error{Line: line, Column: col, Msg: "invalid JSON: the document ends early (truncated file?)", Syntax: true}
	case errors.As(err, &syn):
		// The decoder reports the offset just past the offending byte.
		line, col := textpos.Position(data, max(syn.Offset-1, 0))
		return Error{Line: line, Column: col, Msg: "invalid JSON: " + syn.Error(), Syntax: true}
	case errors.As(err, &typ):
		kind, _, _ := strings.Cut(typ.Value, " ")
		field := typ.Field
		path := typeErrorPath(data, field, kind, typ.Offset)
		if _, inner, ok := strings.Cut(field, "."); path == nil && ok {
			// The path may begin with an embedded Go struct's name
			// (rawPlan.resource_changes.address), which is no key.
			field, path = inner, typeErrorPath(data, inner, kind, typ.Offset)
		}
		if path == nil {
			return Error{Msg: fmt.Sprintf("%s holds %s where %s belongs", nonEmpty(field, "the document"), article(kind), expected(typ.Type))}
		}
		line, col := PositionOf(data, path)
		return Error{Line: line, Column: col, Msg: fmt.Sprintf("%s is %s where %s belongs", Path(path), article(kind), expected(typ.Type))}
	}
	return Error{Msg: err.Error()}
}

// article puts "a" or "an" before a JSON kind (number, object, array, …).
func article(kind string) string {
	if strings.ContainsAny(kind[:min(1, len(kind))], "aeiou") {
		return "an " + kind
	}
	return "a " + kind
}

func nonEmpty(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// Step is one step of a path into a JSON document: an object key, or an
// array index when Key is "".
type Step struct {
	Key   string
	Index int
}

// jsonPath renders steps as a reader writes them: resource_changes[3].change.
func Path(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		switch {
		case s.Key == "":
			fmt.Fprintf(&b, "[%d]", s.Index)
		case isIdentifier(s.Key):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Key)
		default:
			b.WriteString("[" + strconv.Quote(s.Key) + "]")
		}
	}
	return b.String()
}

func isIdentifier(s string) bool {
	for i, c := range s {
		if !(c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// walk calls visit for every value of a document, with its path, its
// kind (object, array, string, number, bool or null, as Go's decoder names
// them) and the offsets where it starts and ends, until visit returns true.
// It serves to locate an error once one is found.
func walk(data []byte, visit func(path []Step, kind string, start, end int64) bool) {
	type frame struct {
		array   bool
		wantKey bool
		step    Step
	}
	var stack []frame
	path := func() []Step {
		steps := make([]Step, len(stack))
		for i, f := range stack {
			steps[i] = f.step
		}
		return steps
	}
	// begin notes that a value starts in the innermost container.
	begin := func() {
		if n := len(stack); n > 0 && stack[n-1].array {
			stack[n-1].step.Index++
		}
	}
	// end notes that a value ended: an object wants its next key.
	end := func() {
		if n := len(stack); n > 0 && !stack[n-1].array {
			stack[n-1].wantKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return
		}
		after := dec.InputOffset()
		start := after - tokenLength(data[before:after])
		if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].wantKey {
			if key, ok := tok.(string); ok {
				stack[n-1].step.Key, stack[n-1].wantKey = key, false
				continue
			}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			begin()
			kind := "object"
			if tok == json.Delim('[') {
				kind = "array"
			}
			if visit(path(), kind, start, after) {
				return
			}
			stack = append(stack, frame{array: tok == json.Delim('['), wantKey: tok == json.Delim('{'), step: Step{Index: -1}})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			end()
		default:
			begin()
			if visit(path(), kindOf(tok), start, after) {
				return
			}
			end()
		}
	}
}

func kindOf(tok json.Token) string {
	switch tok.(type) {
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "bool"
	}
	return "null"
}

// tokenLength is how many bytes at the end of raw (what the decoder read
// for one token, after the separators before it) the token takes.
func tokenLength(raw []byte) int64 {
	return int64(len(bytes.TrimLeft(raw, " \t\r\n,:")))
}

// PositionOf is the line and column where the value at path starts.
func PositionOf(data []byte, path []Step) (line, col int) {
	want := Path(path)
	var at int64 = -1
	walk(data, func(p []Step, _ string, start, _ int64) bool {
		if Path(p) == want {
			at = start
			return true
		}
		return false
	})
	if at < 0 {
		return 0, 0
	}
	return textpos.Position(data, at)
}

// typeErrorPath finds the value a decoder's type error is about: one of
// kind whose keys follow field's (the struct field path, where map keys and
// array indexes do not appear), ending at or after offset (which a custom
// decoder counts from the start of its own part of the document, so the
// first such value is taken when none ends there).
func typeErrorPath(data []byte, field, kind string, offset int64) []Step {
	want := strings.Split(field, ".")
	var first, atOffset []Step
	walk(data, func(p []Step, k string, _, end int64) bool {
		if k != kind || !followsKeys(p, want) {
			return false
		}
		if first == nil {
			first = p
		}
		if end >= offset {
			atOffset = p
			return true
		}
		return false
	})
	if atOffset != nil {
		return atOffset
	}
	return first
}

// followsKeys reports whether the object keys of path contain want in
// order and end with its last element (array indexes may follow it).
func followsKeys(path []Step, want []string) bool {
	var keys []string
	for _, s := range path {
		if s.Key != "" {
			keys = append(keys, s.Key)
		}
	}
	if len(keys) == 0 || len(want) == 0 || keys[len(keys)-1] != want[len(want)-1] {
		return false
	}
	i := 0
	for _, k := range keys {
		if i < len(want) && k == want[i] {
			i++
		}
	}
	return i == len(want)
}

// expected says what a Go type holds in JSON terms.
func expected(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "another value"
}
