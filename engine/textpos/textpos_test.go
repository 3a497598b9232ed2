package textpos

import (
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	data := []byte("ab\ncd\n\nef")
	for _, tt := range []struct {
		offset    int64
		line, col int
	}{{0, 1, 1}, {1, 1, 2}, {3, 2, 1}, {6, 3, 1}, {8, 4, 2}, {99, 4, 3}, {-1, 1, 1}} {
		if l, c := Position(data, tt.offset); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.col)
		}
	}
}

func TestTooDeep(t *testing.T) {
	if _, _, deep := TooDeep([]byte("{ a = [1, (2)] }\n]]]]"), 3); deep {
		t.Error("three levels are not too deep for a limit of 3")
	}
	line, col, deep := TooDeep([]byte("x\n  "+strings.Repeat("[", 5)), 3)
	if !deep || line != 2 || col != 6 {
		t.Errorf("got %d:%d %v, want 2:6 true", line, col, deep)
	}
}
