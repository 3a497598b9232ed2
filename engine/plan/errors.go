package plan

import (
	"github.com/fiscguard/fiscguard/engine/jsonerr"
	"github.com/fiscguard/fiscguard/engine/model"
)

// jsonError explains a decoding error of the plan file.
func jsonError(name string, data []byte, err error) error {
	e := jsonerr.Describe(data, err)
	msg := e.Msg
	if !e.Syntax {
		msg = "not a Terraform plan: " + msg
	}
	return &model.InputError{File: name, Line: e.Line, Column: e.Column, Msg: msg}
}
