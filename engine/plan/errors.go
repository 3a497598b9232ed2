package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

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
		line, col := textpos.Position(data, typ.Offset)
		return &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("not a Terraform plan: %s is a JSON %s where %s belongs", typ.Field, typ.Value, typ.Type)}
	}
	return &model.InputError{File: name, Msg: "not a Terraform plan: " + err.Error()}
}
