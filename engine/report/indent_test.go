package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzIndent: for any JSON value, appendIndented over its compact form
// gives json.Indent's bytes.
func FuzzIndent(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `""`, `0`, `null`, `{"a":[]}`, `{"a":{},"b":[1,{"c":[[],[{}]]}]}`,
		`{"k\"ey":"v\\","u":"\u00e9\n","s":"[{,:}]"}`, `[true,false,null,-1.5e3]`, `"\\\""`,
		`{"runs":[{"results":[{"message":{"text":"a < b: \"x\""},"locations":[]}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, data) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "  ", "\t"); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented([]byte("x"), compact.Bytes(), "  ", "\t"); !bytes.Equal(got[1:], want.Bytes()) || got[0] != 'x' {
			t.Fatalf("appendIndented(%s) =\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}
