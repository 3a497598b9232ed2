package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/fiscguard/fiscguard/engine/model"
)

// position converts a byte offset into a 1-based line and column.
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// jsonError explains a decoding error of the plan file.
func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, col := position(data, int64(len(data)))
		return &model.InputError{File: name, Line: line, Column: col, Msg: "invalid JSON: the document ends early (truncated file?)"}
	case errors.As(err, &syn):
		// The decoder reports the offset just past the offending byte.
		line, col := position(data, max(syn.Offset-1, 0))
		msg := "invalid JSON: " + syn.Error()
		return &model.InputError{File: name, Line: line, Column: col, Msg: msg}
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		return &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("not a Terraform plan: %s is a JSON %s where %s belongs", typ.Field, typ.Value, typ.Type)}
	}
	return &model.InputError{File: name, Msg: "not a Terraform plan: " + err.Error()}
}
