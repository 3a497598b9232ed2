package docs

import (
	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/policies"
)

// Builtin describes the built-in library from its catalog, parameters and
// rules as engine/scan loads them; the rules' sources are the embedded
// policies. It takes them rather than loading them so this package, like
// every writer, links no policy engine.
func Builtin(cat *catalog.Catalog, params rule.ParamSpecs, rules []*rule.Rule) *Library {
	return &Library{Catalog: cat, Params: params, Rules: rules, Sources: policies.FS, SourceName: "policies"}
}
