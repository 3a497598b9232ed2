package addrs

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// ParseModuleInstance reads a module instance address as a plan writes it
// (module.a["x"].module.b; "" is the root module).
func ParseModuleInstance(s string) (ModuleInstance, error) {
	if s == "" {
		return RootModuleInstance, nil
	}
	steps, err := parseSteps(s)
	if err != nil {
		return nil, err
	}
	m, rest, err := moduleSteps(steps)
	if err != nil {
		return nil, fmt.Errorf("invalid module address %q: %v", s, err)
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("invalid module address %q: only module.NAME steps may appear", s)
	}
	return m, nil
}

// ParseAbsResourceInstance reads a resource instance address as a plan
// writes it: module.a["x"].aws_s3_bucket.b[0], data.aws_region.current.
func ParseAbsResourceInstance(s string) (AbsResourceInstance, error) {
	steps, err := parseSteps(s)
	if err != nil {
		return AbsResourceInstance{}, err
	}
	m, rest, err := moduleSteps(steps)
	if err != nil {
		return AbsResourceInstance{}, fmt.Errorf("invalid resource address %q: %v", s, err)
	}
	mode := ManagedMode
	if len(rest) > 0 && (rest[0].attr == DataMode || rest[0].attr == EphemeralMode) {
		mode, rest = rest[0].attr, rest[1:]
	}
	if len(rest) < 2 || rest[0].attr == "" || rest[1].attr == "" {
		return AbsResourceInstance{}, fmt.Errorf("invalid resource address %q: expected [module.NAME.]TYPE.NAME", s)
	}
	r := ResourceInstance{Resource: Resource{Mode: mode, Type: rest[0].attr, Name: rest[1].attr}}
	rest = rest[2:]
	if len(rest) > 0 && rest[0].attr == "" && rest[0].key != nil {
		r.Key, rest = rest[0].key, rest[1:]
	}
	if len(rest) > 0 {
		return AbsResourceInstance{}, fmt.Errorf("invalid resource address %q: unexpected text after the instance key", s)
	}
	return r.Absolute(m), nil
}

// NamesLocalValue is true for a reference as the loaders record an
// unresolved one (module.a["x"].local.name): a local value, which a plan
// does not show.
func NamesLocalValue(ref string) bool {
	steps, err := parseSteps(ref)
	if err != nil {
		return false
	}
	_, rest, err := moduleSteps(steps)
	return err == nil && len(rest) > 1 && rest[0].attr == "local" && rest[1].attr != ""
}

func parseSteps(s string) ([]step, error) {
	t, diags := hclsyntax.ParseTraversalAbs([]byte(s), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("invalid address %q: %s", s, diags[0].Summary)
	}
	return traversalSteps(t), nil
}

// moduleSteps reads the leading module.NAME[KEY] steps.
func moduleSteps(steps []step) (ModuleInstance, []step, error) {
	var m ModuleInstance
	for len(steps) > 0 && steps[0].attr == "module" {
		if len(steps) < 2 || steps[1].attr == "" {
			return nil, nil, fmt.Errorf("module must be followed by a module name")
		}
		st := ModuleInstanceStep{Name: steps[1].attr}
		steps = steps[2:]
		if len(steps) > 0 && steps[0].attr == "" {
			if steps[0].key == nil {
				return nil, nil, fmt.Errorf("module.%s must be indexed by a whole number or a string", st.Name)
			}
			st.Key, steps = steps[0].key, steps[1:]
		}
		m = append(m, st)
	}
	return m, steps, nil
}
