package yamlfile

import (
	"reflect"

	"github.com/goccy/go-yaml/ast"
)

// Walking go-yaml's syntax tree here rather than with ast.Walk or
// ast.Filter: those crash on the nil nodes that malformed input leaves.

// absent reports whether a node is missing: nil, or a nil pointer of a
// node type.
func absent(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// children lists a node's child nodes that are present.
func children(n ast.Node) []ast.Node {
	var in []ast.Node
	switch n := n.(type) {
	case *ast.AnchorNode:
		in = []ast.Node{n.Value}
	case *ast.TagNode:
		in = []ast.Node{n.Value}
	case *ast.MappingNode:
		for _, v := range n.Values {
			in = append(in, v)
		}
	case *ast.MappingValueNode:
		in = []ast.Node{n.Key, n.Value}
	case *ast.SequenceNode:
		in = n.Values
	}
	out := in[:0:0]
	for _, c := range in {
		if !absent(c) {
			out = append(out, c)
		}
	}
	return out
}

// tokenValue is a node's token text, or "".
func tokenValue(n ast.Node) string {
	if absent(n) {
		return ""
	}
	if tok := n.GetToken(); tok != nil {
		return tok.Value
	}
	return ""
}

// find returns the first node of the file, in document order, that is
// wanted.
func find(f *ast.File, wanted func(ast.Node) bool) ast.Node {
	var walk func(n ast.Node, depth int) ast.Node
	walk = func(n ast.Node, depth int) ast.Node {
		if depth > maxNesting*2 {
			return nil
		}
		if wanted(n) {
			return n
		}
		for _, c := range children(n) {
			if found := walk(c, depth+1); found != nil {
				return found
			}
		}
		return nil
	}
	for _, doc := range f.Docs {
		if doc != nil && !absent(doc.Body) {
			if n := walk(doc.Body, 0); n != nil {
				return n
			}
		}
	}
	return nil
}

// ExpandedNodes counts the nodes of a parsed YAML file as a decoder sees
// them, every alias replaced by its anchor's value, stopping past limit.
func ExpandedNodes(f *ast.File, limit int64) int64 {
	anchors := map[string]ast.Node{}
	memo := map[ast.Node]int64{}
	var count func(n ast.Node, depth int) int64
	count = func(n ast.Node, depth int) int64 {
		if absent(n) || depth > 1000 {
			return 0
		}
		if c, ok := memo[n]; ok {
			return c
		}
		var c int64 = 1
		switch x := n.(type) {
		case *ast.AnchorNode:
			anchors[tokenValue(x.Name)] = x.Value
			c = count(x.Value, depth+1)
		case *ast.AliasNode:
			c = count(anchors[tokenValue(x.Value)], depth+1)
		default:
			for _, ch := range children(n) {
				c += count(ch, depth+1)
			}
		}
		c = min(c, limit+1)
		memo[n] = c
		return c
	}
	var total int64
	for _, doc := range f.Docs {
		if doc != nil {
			total = min(total+count(doc.Body, 0), limit+1)
		}
	}
	return total
}
