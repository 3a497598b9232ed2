// Package yamlfile decodes fiscguard's YAML files (config, waivers, the
// catalog) strictly, reporting problems as one line at file:line:column.
package yamlfile

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/textpos"
)

// File is a parsed YAML document, kept to locate values after decoding.
type File struct {
	Name string
	ast  *ast.File
}

// Limits that keep a pathological file from stalling the YAML parser or
// the decoder.
const (
	maxSize    = 8 << 20
	maxNesting = 100
	// maxNodes bounds the values a file decodes into, aliases expanded.
	maxNodes = 1_000_000
)

// Load reads a file (at most 8 MiB, UTF-8) and decodes it as Decode does.
func Load(path string, v any) (*File, error) {
	data, err := inputfile.Read(path, maxSize)
	if err == nil {
		data, err = inputfile.UTF8(data)
	}
	if err != nil {
		return nil, &model.InputError{File: path, Msg: inputfile.Describe(err)}
	}
	return Decode(path, data, v)
}

// Decode parses data and decodes it into v, rejecting unknown keys and
// values of the wrong type.
func Decode(name string, data []byte, v any) (*File, error) {
	if len(data) > maxSize {
		return nil, &model.InputError{File: name, Msg: fmt.Sprintf("file is larger than %d MiB", maxSize>>20)}
	}
	if line, col, deep := textpos.TooDeep(data, maxNesting); deep {
		return nil, &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("brackets are nested more than %d deep", maxNesting)}
	}
	if line, col, deep := blockTooDeep(data, maxNesting); deep {
		return nil, &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("blocks are nested more than %d deep", maxNesting)}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, positioned(name, err, nil)
	}
	// Tags (!x) mean nothing in fiscguard's files, and go-yaml's decoder
	// crashes on some of them.
	if tag := find(f, func(n ast.Node) bool { _, ok := n.(*ast.TagNode); return ok }); tag != nil {
		return nil, at(name, tag, fmt.Sprintf("YAML tags (%s) are not used in fiscguard's files", tokenValue(tag)))
	}
	if ExpandedNodes(f, maxNodes) > maxNodes {
		alias := find(f, func(n ast.Node) bool { _, ok := n.(*ast.AliasNode); return ok })
		return nil, at(name, alias, fmt.Sprintf("its aliases expand to more than %d values", maxNodes))
	}
	if err := yaml.UnmarshalWithOptions(data, v, yaml.DisallowUnknownField()); err != nil {
		return nil, positioned(name, err, v)
	}
	return &File{Name: name, ast: f}, nil
}

// at is an input error at a node's position (the file's when it has none).
func at(name string, n ast.Node, msg string) error {
	e := &model.InputError{File: name, Msg: msg}
	if !absent(n) {
		if tok := n.GetToken(); tok != nil && tok.Position != nil {
			e.Line, e.Column = tok.Position.Line, tok.Position.Column
		}
	}
	return e
}

// positioned turns a go-yaml error into an input error at its token; an
// unknown key names the key of v's type it is closest to.
func positioned(name string, err error, v any) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		msg := ye.GetMessage()
		var uf *yaml.UnknownFieldError
		var te *yaml.TypeError
		var oe *yaml.OverflowError
		switch {
		case errors.As(err, &uf):
			msg = strings.Replace(msg, "unknown field", "unknown key", 1)
			if tok := ye.GetToken(); tok != nil {
				// Quoted as Go quotes it: a key may hold line breaks.
				msg = fmt.Sprintf("unknown key %q", tok.Value)
				if near := closest(tok.Value, keysOf(reflect.TypeOf(v), nil)); near != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", near)
				}
			}
		case errors.As(err, &te):
			// goccy names Go's types and fields; say it in YAML's terms.
			msg = fmt.Sprintf("%s where %s belongs", kind(te.SrcType), kind(te.DstType))
		case errors.As(err, &oe):
			msg = fmt.Sprintf("%s is out of range for %s", oe.SrcNum, kind(oe.DstType))
		}
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			return &model.InputError{File: name, Line: tok.Position.Line, Column: tok.Position.Column, Msg: msg}
		}
		return &model.InputError{File: name, Msg: msg}
	}
	return &model.InputError{File: name, Msg: strings.Join(strings.Fields(err.Error()), " ")}
}

// kind says what a Go type holds in YAML's terms.
func kind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a map"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a value"
}

// keysOf lists the yaml keys of a type's structs, at any depth.
func keysOf(t reflect.Type, seen map[reflect.Type]bool) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct || seen[t] {
		return nil
	}
	if seen == nil {
		seen = map[reflect.Type]bool{}
	}
	seen[t] = true
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if key, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); key != "" && key != "-" {
			out = append(out, key)
		}
		out = append(out, keysOf(f.Type, seen)...)
	}
	return out
}

// closest is the key a misspelt one most likely means: the same but for
// case and dashes (fail-on for fail_on), else one a few edits away; "" when
// none is close.
func closest(key string, keys []string) string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "_")) }
	best, bestDist := "", max(1, len([]rune(key))/3)+1
	for _, k := range keys {
		if norm(k) == norm(key) {
			return k
		}
		if d := levenshtein.ComputeDistance(norm(k), norm(key)); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// Errorf reports a problem with the value at path ($.profile,
// $.waivers[2].expires) at its line, or at the file when it is absent.
func (f *File) Errorf(path string, format string, args ...any) error {
	e := &model.InputError{File: f.Name, Msg: fmt.Sprintf(format, args...)}
	if p, err := yaml.PathString(path); err == nil {
		if node, err := p.FilterFile(f.ast); err == nil && node != nil {
			if tok := node.GetToken(); tok != nil && tok.Position != nil {
				e.Line, e.Column = tok.Position.Line, tok.Position.Column
			}
		}
	}
	return e
}

// Line returns the line of the value at path, or 0.
func (f *File) Line(path string) int {
	if p, err := yaml.PathString(path); err == nil {
		if node, err := p.FilterFile(f.ast); err == nil && node != nil {
			if tok := node.GetToken(); tok != nil && tok.Position != nil {
				return tok.Position.Line
			}
		}
	}
	return 0
}
