package rule

import (
	"fmt"
	"sort"

	"github.com/goccy/go-yaml"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

// ParamSpec documents one tunable value of data.fiscguard.params.
type ParamSpec struct {
	Description i18n.Text `yaml:"description" json:"description"`
	Default     any       `yaml:"default" json:"default"`
	// Strict, when set, replaces Default under the strict profile.
	Strict any `yaml:"strict,omitempty" json:"strict,omitempty"`
}

// ParamSpecs are the documented parameters by name.
type ParamSpecs map[string]ParamSpec

// ParseParamSpecs reads the parameter declarations (policies/params.yaml).
func ParseParamSpecs(name string, src []byte) (ParamSpecs, error) {
	var specs ParamSpecs
	if err := yaml.UnmarshalWithOptions(src, &specs, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, false))
	}
	for k, s := range specs {
		if s.Default == nil {
			return nil, fmt.Errorf("%s: parameter %s has no default", name, k)
		}
	}
	return specs, nil
}

// Names returns the parameter names, sorted.
func (s ParamSpecs) Names() []string {
	names := make([]string, 0, len(s))
	for k := range s {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Resolve gives the parameters in force: the default, the strict value under
// the strict profile, then overrides. An override of an undeclared parameter
// is an error, so a typo cannot silently leave a default in force.
func (s ParamSpecs) Resolve(p Profile, overrides map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(s))
	for k, spec := range s {
		out[k] = spec.Default
		if p == Strict && spec.Strict != nil {
			out[k] = spec.Strict
		}
	}
	for k, v := range overrides {
		if _, ok := s[k]; !ok {
			return nil, fmt.Errorf("unknown parameter %q (known: %v)", k, s.Names())
		}
		out[k] = v
	}
	return out, nil
}
