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
