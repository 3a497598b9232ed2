package model

import "fmt"

// InputError is bad input, reported as one line naming the file and, where
// known, the line and column.
type InputError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *InputError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// InternalError is a defect in fiscguard rather than in its input (a
// recovered panic): exit code 3, reported as one line.
type InternalError struct {
	Msg string
}

func (e *InternalError) Error() string {
	return "internal error: " + e.Msg + " (please report this)"
}
