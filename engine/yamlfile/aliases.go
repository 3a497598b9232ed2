package yamlfile

import "github.com/goccy/go-yaml/ast"

// ExpandedNodes counts the nodes of a parsed YAML file as a decoder
// sees them, every alias replaced by its anchor's value, stopping past
// limit.
func ExpandedNodes(f *ast.File, limit int64) int64 {
	anchors := map[string]ast.Node{}
	memo := map[ast.Node]int64{}
	var count func(n ast.Node, depth int) int64
	count = func(n ast.Node, depth int) int64 {
		if n == nil || depth > 1000 {
			return 0
		}
		if c, ok := memo[n]; ok {
			return c
		}
		var c int64 = 1
		switch n := n.(type) {
		case *ast.AnchorNode:
			if n.Name != nil {
				anchors[n.Name.GetToken().Value] = n.Value
			}
			c = count(n.Value, depth+1)
		case *ast.AliasNode:
			if n.Value != nil {
				c = count(anchors[n.Value.GetToken().Value], depth+1)
			}
		case *ast.MappingNode:
			for _, v := range n.Values {
				c += count(v, depth+1)
			}
		case *ast.MappingValueNode:
			c += count(n.Key, depth+1) + count(n.Value, depth+1)
		case *ast.SequenceNode:
			for _, v := range n.Values {
				c += count(v, depth+1)
			}
		case *ast.TagNode:
			c = count(n.Value, depth+1)
		}
		c = min(c, limit+1)
		memo[n] = c
		return c
	}
	var total int64
	for _, doc := range f.Docs {
		total = min(total+count(doc.Body, 0), limit+1)
	}
	return total
}
