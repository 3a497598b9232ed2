package model

import (
	"fmt"
	"strings"
)

// InputError is bad input, reported as one line naming the file and, where
// known, the line and column.
type InputError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

// Error is the error on one line, whatever line breaks the file name or a
// message quoted from a library holds (a plan's format_version "\n" makes
// terraform-json's message end in one).
func (e *InputError) Error() string {
	file, msg := lineBreaks.Replace(e.File), strings.TrimSpace(lineBreaks.Replace(e.Msg))
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", file, msg)
}

// lineBreaks become spaces in an error.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ")

// InternalError is a defect in fiscguard rather than in its input (a
// recovered panic): exit code 3, reported as one line.
type InternalError struct {
	Msg string
}

func (e *InternalError) Error() string {
	return "internal error: " + e.Msg + " (please report this)"
}
