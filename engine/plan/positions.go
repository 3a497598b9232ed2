package plan

// lineCol is a 1-based position in the plan file.
type lineCol struct{ line, col int }

// elementPositions returns the position of each element of the top-level
// array under key, in one pass over the bytes without decoding them, so
// findings can point at the line where a resource's change starts.
func elementPositions(data []byte, key string) []lineCol {
	var out []lineCol
	depth, line, lineStart := 0, 1, 0
	inString, escaped := false, false
	strStart := 0
	lastKey := "" // the most recent string at depth 1
	target := -1  // depth of the wanted array's elements, when inside it
	expectValue := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
				if depth == 1 {
					lastKey = string(data[strStart:i])
				}
			case c == '\n':
				line, lineStart = line+1, i+1
			}
			continue
		}
		switch c {
		case '\n':
			line, lineStart = line+1, i+1
		case '"':
			inString, strStart = true, i+1
			if target > 0 && depth == target-1 {
				out = append(out, lineCol{line, i - lineStart + 1})
			}
		case ':':
			expectValue = depth == 1 && lastKey == key
		case '[', '{':
			if expectValue && c == '[' && depth == 1 {
				target = depth + 2
			} else if target > 0 && depth == target-1 {
				out = append(out, lineCol{line, i - lineStart + 1})
			}
			expectValue = false
			depth++
		case ']', '}':
			depth--
			if target > 0 && depth < target-1 {
				return out
			}
		}
	}
	return out
}
