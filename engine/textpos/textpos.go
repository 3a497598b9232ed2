// Package textpos locates byte offsets as lines and columns, and guards
// parsers that recurse once per nesting level against pathological input.
package textpos

import "bytes"

// Position converts a byte offset into a 1-based line and column.
func Position(data []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// TooDeep reports where brackets first nest deeper than limit. It counts
// every bracket, in strings too: real configuration nests a few dozen deep
// at most, so the over-count never matters, and it keeps the check one pass.
func TooDeep(data []byte, limit int) (line, col int, deep bool) {
	depth, line, lineStart := 0, 1, 0
	for i, c := range data {
		switch c {
		case '\n':
			line, lineStart = line+1, i+1
		case '(', '[', '{':
			if depth++; depth > limit {
				return line, i - lineStart + 1, true
			}
		case ')', ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0, 0, false
}

// FormatWidth is how many bytes a printf-style format writes besides its
// arguments: its own length, and every number in it, which may be a width
// or precision, padding that is written (%-999999999s). It saturates, so
// no format can overflow it into a small number.
func FormatWidth(format string) int64 {
	const most = 1 << 62
	n, run := int64(len(format)), int64(0)
	for i := 0; i <= len(format); i++ {
		if i < len(format) && format[i] >= '0' && format[i] <= '9' {
			if run > most/10 {
				run = most
			} else {
				run = min(run*10+int64(format[i]-'0'), most)
			}
			continue
		}
		n, run = min(n, most-run)+run, 0
	}
	return n
}
