package rule

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

// ParamSpec documents one tunable value of data.fiscguard.params.
type ParamSpec struct {
	Description i18n.Text `yaml:"description" json:"description"`
	// Type is what the value must be: string, integer, list(T) or map(T)
	// for T one of those; Min and Max bound an integer (or each integer of
	// a list or map).
	Type    string   `yaml:"type" json:"type"`
	Min     *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max     *float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Default any      `yaml:"default" json:"default"`
	// Strict, when set, replaces Default under the strict profile.
	Strict any `yaml:"strict,omitempty" json:"strict,omitempty"`
}

// Check reports whether v is a value of the parameter's type and range. On
// a mismatch it returns where in v the wrong value is ("" for v itself,
// "[2]" for an element, ".tier" for a map entry) and what is wrong.
func (s ParamSpec) Check(v any) (at string, err error) {
	return s.check(s.Type, v)
}

func (s ParamSpec) check(typ string, v any) (string, error) {
	if inner, ok := strings.CutPrefix(typ, "list("); ok && strings.HasSuffix(inner, ")") {
		list, ok := v.([]any)
		if !ok {
			return "", fmt.Errorf("%s is not a list (want %s)", describeValue(v), typ)
		}
		for i, e := range list {
			if at, err := s.check(strings.TrimSuffix(inner, ")"), e); err != nil {
				return fmt.Sprintf("[%d]%s", i, at), err
			}
		}
		return "", nil
	}
	if inner, ok := strings.CutPrefix(typ, "map("); ok && strings.HasSuffix(inner, ")") {
		m, ok := v.(map[string]any)
		if !ok {
			return "", fmt.Errorf("%s is not a map (want %s)", describeValue(v), typ)
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if at, err := s.check(strings.TrimSuffix(inner, ")"), m[k]); err != nil {
				return "." + k + at, err
			}
		}
		return "", nil
	}
	switch typ {
	case "string":
		if _, ok := v.(string); !ok {
			return "", fmt.Errorf("%s is not a string", describeValue(v))
		}
	case "integer":
		n, ok := integer(v)
		if !ok {
			return "", fmt.Errorf("%s is not a whole number", describeValue(v))
		}
		if s.Min != nil && n < *s.Min {
			return "", fmt.Errorf("%s is less than %g, the least this parameter allows", describeValue(v), *s.Min)
		}
		if s.Max != nil && n > *s.Max {
			return "", fmt.Errorf("%s is more than %g, the most this parameter allows", describeValue(v), *s.Max)
		}
	default:
		return "", fmt.Errorf("unknown parameter type %q", typ)
	}
	return "", nil
}

// integer reads a whole number as YAML and JSON decoders give it.
func integer(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, n == math.Trunc(n) && !math.IsInf(n, 0)
	}
	return 0, false
}

// describeValue quotes a value for a message: "four hundred", 5, a list.
func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case nil:
		return "null"
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// ParamSpecs are the documented parameters by name.
type ParamSpecs map[string]ParamSpec

// ParseParamSpecs reads the parameter declarations (policies/params.yaml).
func ParseParamSpecs(name string, src []byte) (ParamSpecs, error) {
	var specs ParamSpecs
	if err := yaml.UnmarshalWithOptions(src, &specs, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, false))
	}
	for _, k := range specs.Names() {
		s := specs[k]
		if s.Default == nil {
			return nil, fmt.Errorf("%s: parameter %s has no default", name, k)
		}
		for what, v := range map[string]any{"default": s.Default, "strict": s.Strict} {
			if v == nil {
				continue
			}
			if at, err := s.Check(v); err != nil {
				return nil, fmt.Errorf("%s: parameter %s: %s%s: %v", name, k, what, at, err)
			}
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
		spec, ok := s[k]
		if !ok {
			return nil, fmt.Errorf("unknown parameter %q (known: %v)", k, s.Names())
		}
		if at, err := spec.Check(v); err != nil {
			return nil, fmt.Errorf("parameter %s%s: %v", k, at, err)
		}
		out[k] = v
	}
	return out, nil
}
