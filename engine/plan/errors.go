package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/textpos"
)

// jsonError explains a decoding error of the plan file.
func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, col := textpos.Position(data, int64(len(data)))
		return &model.InputError{File: name, Line: line, Column: col, Msg: "invalid JSON: the document ends early (truncated file?)"}
	case errors.As(err, &syn):
		// The decoder reports the offset just past the offending byte.
		line, col := textpos.Position(data, max(syn.Offset-1, 0))
		msg := "invalid JSON: " + syn.Error()
		return &model.InputError{File: name, Line: line, Column: col, Msg: msg}
	case errors.As(err, &typ):
		// Field names the Go structs first (rawPlan.resource_changes.address).
		_, field, _ := strings.Cut(typ.Field, ".")
		kind, _, _ := strings.Cut(typ.Value, " ")
		path := typeErrorPath(data, field, kind, typ.Offset)
		if path == nil {
			return &model.InputError{File: name, Msg: fmt.Sprintf("not a Terraform plan: %s holds %s where %s belongs", nonEmpty(field, "the document"), article(kind), expected(typ.Type))}
		}
		line, col := positionOf(data, path)
		return &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("not a Terraform plan: %s is %s where %s belongs", jsonPath(path), article(kind), expected(typ.Type))}
	}
	return &model.InputError{File: name, Msg: "not a Terraform plan: " + err.Error()}
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
