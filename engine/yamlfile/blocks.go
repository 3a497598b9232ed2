package yamlfile

import "bytes"

// blockTooDeep reports where YAML block collections nest deeper than
// limit: every deeper indentation, and every "- " or "? " that opens a
// collection within a line (- - - x), is one more level of the parser's
// recursion, as a bracket is for flow collections. Lines inside block
// scalars and multi-line flow collections count too, which only
// over-counts.
func blockTooDeep(data []byte, limit int) (line, col int, deep bool) {
	var open []int // the columns of the levels open at this line
	for n, text := range bytes.Split(data, []byte("\n")) {
		rest := bytes.TrimLeft(text, " ")
		indent := len(text) - len(rest)
		if len(bytes.TrimSpace(rest)) == 0 || rest[0] == '#' {
			continue
		}
		for len(open) > 0 && open[len(open)-1] >= indent {
			open = open[:len(open)-1]
		}
		open = append(open, indent)
		at := indent
		for len(rest) > 0 && (rest[0] == '-' || rest[0] == '?') && (len(rest) == 1 || rest[1] == ' ') {
			next := bytes.TrimLeft(rest[1:], " ")
			at += len(rest) - len(next)
			rest = next
			if open = append(open, at); len(open) > limit {
				return n + 1, at + 1, true
			}
		}
		if len(open) > limit {
			return n + 1, indent + 1, true
		}
	}
	return 0, 0, false
}
