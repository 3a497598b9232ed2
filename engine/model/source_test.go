package model

import "testing"

func TestSourceLine(t *testing.T) {
	text := "resource \"aws_db_instance\" \"a\" {\r\n" + // 1
		"  password = \"hunter2\"\n" + // 2: marked from the value's column
		"  tags = {\n" + // 3: marked from the argument's column, through line 5
		"    k = \"v\"\n" + // 4
		"  }\n" + // 5
		"  master_password = var.pw\n" + // 6: secret name, not marked
		"  \"api_key\": \"abc\",\n" + // 7: JSON syntax, secret name
		"  manage_master_user_password = true\n" + // 8: a flag stays readable
		"  port = 5432\n" + // 9
		"  name=\"x\" # café\n" // 10: marked with no spaces, after a multibyte rune
	s := NewSource([]byte(text))
	s.MarkSensitive(Location{Line: 2, Column: 14, EndLine: 2, EndColumn: 23})
	s.MarkSensitive(Location{Line: 3, Column: 3, EndLine: 5, EndColumn: 4})
	s.MarkSensitive(Location{Line: 10, Column: 8, EndLine: 10, EndColumn: 11})
	want := []string{
		`resource "aws_db_instance" "a" {`,
		`  password = (sensitive value)`,
		`  tags = (sensitive value)`,
		`    (sensitive value)`,
		`  (sensitive value)`,
		`  master_password = (sensitive value)`,
		`  "api_key": (sensitive value)`,
		`  manage_master_user_password = true`,
		`  port = 5432`,
		`  name=(sensitive value)`,
	}
	if s.Lines() != len(want) {
		t.Fatalf("Lines() = %d, want %d", s.Lines(), len(want))
	}
	for i, w := range want {
		if got, ok := s.Line(i + 1); !ok || got != w {
			t.Errorf("line %d = %q, %v; want %q", i+1, got, ok, w)
		}
	}
	for _, n := range []int{0, 11} {
		if _, ok := s.Line(n); ok {
			t.Errorf("line %d exists", n)
		}
	}
	if NewSource(nil).Lines() != 0 {
		t.Error("an empty file has lines")
	}
	last := NewSource([]byte("a\nb\n"))
	if got, _ := last.Line(2); last.Lines() != 2 || got != "b" {
		t.Errorf("a file ending in a newline: %d lines, last %q", last.Lines(), got)
	}
}
