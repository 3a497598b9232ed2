package policy

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// deniedBuiltins are the built-ins no fiscguard policy may call: they reach
// the network or the process environment, or make results differ between
// runs of the same input (time, randomness), or write to standard output.
var deniedBuiltins = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
	"time.now_ns":        true,
	"rand.intn":          true,
	"uuid.rfc4122":       true,
	"print":              true,
	"trace":              true,
}

// capabilities is what policies, built-in and user alike, are compiled
// against: this OPA's capabilities, with the fiscguard.* built-ins (see
// builtins) and without the denied ones, and no network hosts allowed.
func capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	kept := c.Builtins[:0:0]
	for _, b := range c.Builtins {
		if !deniedBuiltins[b.Name] {
			kept = append(kept, b)
		}
	}
	c.Builtins = kept
	c.AllowNet = []string{}
	return c
}
