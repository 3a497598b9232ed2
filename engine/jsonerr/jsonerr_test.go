package jsonerr

import (
	"encoding/json"
	"strings"
	"testing"
)

type entry struct {
	Fingerprint string `json:"fingerprint"`
	Line        int    `json:"line"`
}

type file struct {
	Version  int              `json:"version"`
	Findings []entry          `json:"findings"`
	Extra    map[string]entry `json:"extra"`
}

func TestDescribe(t *testing.T) {
	for _, tc := range []struct {
		data      string
		line, col int
		msg       string
	}{
		{`{"version": "1"}`, 1, 13, "version is a string where a number belongs"},
		{"{\"version\": 1,\n \"findings\": [{\"fingerprint\": \"a\"}, {\"fingerprint\": 7}]}", 2, 53, "findings[1].fingerprint is a number where a string belongs"},
		{`{"findings": {"a": 1}}`, 1, 14, "findings is an object where an array belongs"},
		{`{"extra": {"x y": {"line": true}}}`, 1, 28, `extra["x y"].line is a bool where a number belongs`},
		{`{"version": 1,`, 1, 15, "invalid JSON: the document ends early"},
		{`{"version": x}`, 1, 13, "invalid JSON: invalid character 'x'"},
	} {
		var f file
		e := Describe([]byte(tc.data), json.Unmarshal([]byte(tc.data), &f))
		if e.Line != tc.line || e.Column != tc.col || !strings.HasPrefix(e.Msg, tc.msg) {
			t.Errorf("%s: %d:%d %q, want %d:%d %q", tc.data, e.Line, e.Column, e.Msg, tc.line, tc.col, tc.msg)
		}
		for _, goName := range []string{"Go ", "struct", "jsonerr.", "entry"} {
			if strings.Contains(e.Msg, goName) {
				t.Errorf("%s: the message names Go's types: %q", tc.data, e.Msg)
			}
		}
	}
}
