package docs

import (
	"github.com/fiscguard/fiscguard/engine/scan"
	"github.com/fiscguard/fiscguard/policies"
)

// Load returns the built-in library, ready to describe.
func Load() (*Library, error) {
	lib, err := scan.LoadLibrary()
	if err != nil {
		return nil, err
	}
	return &Library{
		Catalog:    lib.Catalog,
		Params:     lib.Params,
		Rules:      lib.Policies.Rules(),
		Sources:    policies.FS,
		SourceName: "policies",
	}, nil
}
