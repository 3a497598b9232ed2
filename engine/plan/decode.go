package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/textpos"
)

// jsonStep is one step of a path into a JSON document: an object key, or
// an array index when key is "".
type jsonStep struct {
	key   string
	index int
}

// jsonPath renders steps as a reader writes them: resource_changes[3].change.
func jsonPath(steps []jsonStep) string {
	var b strings.Builder
	for _, s := range steps {
		switch {
		case s.key == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case isIdentifier(s.key):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.key)
		default:
			b.WriteString("[" + strconv.Quote(s.key) + "]")
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

// walkJSON calls visit for every value of a document, with its path, its
// kind (object, array, string, number, bool or null, as Go's decoder names
// them) and the offsets where it starts and ends, until visit returns true.
// It serves to locate an error once one is found.
func walkJSON(data []byte, visit func(path []jsonStep, kind string, start, end int64) bool) {
	type frame struct {
		array   bool
		wantKey bool
		step    jsonStep
	}
	var stack []frame
	path := func() []jsonStep {
		steps := make([]jsonStep, len(stack))
		for i, f := range stack {
			steps[i] = f.step
		}
		return steps
	}
	// begin notes that a value starts in the innermost container.
	begin := func() {
		if n := len(stack); n > 0 && stack[n-1].array {
			stack[n-1].step.index++
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
				stack[n-1].step.key, stack[n-1].wantKey = key, false
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
			stack = append(stack, frame{array: tok == json.Delim('['), wantKey: tok == json.Delim('{'), step: jsonStep{index: -1}})
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

// positionOf is the line and column where the value at path starts.
func positionOf(data []byte, path []jsonStep) (line, col int) {
	want := jsonPath(path)
	var at int64 = -1
	walkJSON(data, func(p []jsonStep, _ string, start, _ int64) bool {
		if jsonPath(p) == want {
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
func typeErrorPath(data []byte, field, kind string, offset int64) []jsonStep {
	want := strings.Split(field, ".")
	var first, atOffset []jsonStep
	walkJSON(data, func(p []jsonStep, k string, _, end int64) bool {
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
func followsKeys(path []jsonStep, want []string) bool {
	var keys []string
	for _, s := range path {
		if s.key != "" {
			keys = append(keys, s.key)
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

// nullEntry finds the first null among the elements of an array or the
// values of an object that the plan format says hold objects (a
// resource_changes entry, a module call, an expression): no Terraform
// writes one, and it would otherwise be read as missing. The path is built
// only for what is found.
func nullEntry(v reflect.Value) ([]jsonStep, bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		return nullEntry(v.Elem())
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := strings.Split(f.Tag.Get("json"), ",")[0]
			if tag == "-" || !f.IsExported() || !mayHoldObjects(f.Type) {
				continue
			}
			if p, ok := nullEntry(v.Field(i)); ok {
				if f.Anonymous {
					return p, true
				}
				if tag == "" {
					tag = f.Name
				}
				return append([]jsonStep{{key: tag}}, p...), true
			}
		}
	case reflect.Slice:
		if !mayHoldObjects(v.Type().Elem()) {
			return nil, false
		}
		for i := 0; i < v.Len(); i++ {
			if p, ok := nullElement(v.Index(i)); ok {
				return append([]jsonStep{{index: i}}, p...), true
			}
		}
	case reflect.Map:
		if !mayHoldObjects(v.Type().Elem()) {
			return nil, false
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if p, ok := nullElement(v.MapIndex(k)); ok {
				return append([]jsonStep{{key: k.String()}}, p...), true
			}
		}
	}
	return nil, false
}

// nullElement is nullEntry for an element, which is itself null when it is
// a nil pointer.
func nullElement(e reflect.Value) ([]jsonStep, bool) {
	if e.Kind() == reflect.Pointer && e.IsNil() {
		return nil, true
	}
	return nullEntry(e)
}

// mayHoldObjects reports whether values of type t may contain structs:
// what plan JSON decodes into objects; strings, numbers and free-form
// values (interface{}, json.RawMessage) never do.
func mayHoldObjects(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return mayHoldObjects(t.Elem())
	case reflect.Struct:
		return true
	}
	return false
}

// checkNulls reports a null entry of the decoded plan at its position.
func checkNulls(name string, data []byte, plan any) error {
	path, ok := nullEntry(reflect.ValueOf(plan))
	if !ok {
		return nil
	}
	line, col := positionOf(data, path)
	return &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("not a Terraform plan: %s is null where an object belongs", jsonPath(path))}
}
