package plan

import (
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/addrs"

	"github.com/fiscguard/fiscguard/engine/model"
)

// providerIndex finds each resource's effective provider configuration and
// region: the configuration in its own module, or the one it inherits.
type providerIndex struct {
	plan    *tfjson.Plan
	configs map[string]*tfjson.ProviderConfig
}

func newProviderIndex(p *tfjson.Plan) *providerIndex {
	idx := &providerIndex{plan: p, configs: map[string]*tfjson.ProviderConfig{}}
	if p.Config != nil {
		for k, c := range p.Config.ProviderConfigs {
			idx.configs[k] = c
		}
	}
	return idx
}

// list returns the configured providers, sorted by key.
func (x *providerIndex) list() []model.Provider {
	keys := make([]string, 0, len(x.configs))
	for k := range x.configs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]model.Provider, 0, len(keys))
	for _, k := range keys {
		c := x.configs[k]
		source := c.FullName
		if source == "" {
			source = model.DefaultRegistry + c.Name
		}
		_, written := c.Expressions["region"]
		out = append(out, model.Provider{
			Key:           k,
			Address:       model.ProviderAddress(c.ModuleAddress, source, c.Alias),
			Name:          c.Name,
			Alias:         c.Alias,
			Module:        c.ModuleAddress,
			Region:        x.region(c, modulePathOf(c.ModuleAddress)),
			RegionWritten: written,
		})
	}
	return out
}

// resolve returns the provider config key and region in force for a
// resource in module path whose configuration names providerKey
// ("aws", "aws.tokyo", "logs:aws", "module.a.module.b:aws.x").
func (x *providerIndex) resolve(path addrs.Module, providerKey string) (string, string) {
	local := providerKey
	if i := strings.LastIndexByte(providerKey, ':'); i >= 0 {
		local = providerKey[i+1:]
	}
	for p := path; ; p = p[:len(p)-1] {
		key := local
		if len(p) > 0 {
			key = p.String() + ":" + local
		}
		if c, ok := x.configs[key]; ok && configured(c) {
			return key, x.region(c, p)
		}
		if len(p) == 0 {
			if _, ok := x.configs[key]; ok {
				return key, ""
			}
			return local, ""
		}
	}
}

// configured tells a provider block with settings from a mere requirement
// (a module's required_providers entry), which inherits its parent's.
func configured(c *tfjson.ProviderConfig) bool {
	return len(c.Expressions) > 0 || c.Alias != ""
}

// region evaluates a provider's region argument: a constant, or a variable
// whose value the plan records (root) or the module call passes.
func (x *providerIndex) region(c *tfjson.ProviderConfig, path addrs.Module) string {
	e, ok := c.Expressions["region"]
	if !ok {
		return ""
	}
	return x.stringValue(e, path, 0)
}

func (x *providerIndex) stringValue(e *tfjson.Expression, path addrs.Module, depth int) string {
	if e == nil || e.ExpressionData == nil || depth > maxRefDepth {
		return ""
	}
	if s, ok := e.ConstantValue.(string); ok {
		return s
	}
	if len(e.References) == 0 {
		return ""
	}
	rf := e.References[0]
	name, ok := strings.CutPrefix(rf, "var.")
	if !ok || x.sensitive(path, name) {
		// A sensitive variable's value is in the plan in clear, but must not
		// reach findings: the region is unknown to policies.
		return ""
	}
	if len(path) == 0 {
		if v, ok := x.plan.Variables[name]; ok {
			s, _ := v.Value.(string)
			return s
		}
		return ""
	}
	call := x.moduleCall(path)
	if call == nil {
		return ""
	}
	return x.stringValue(call.Expressions[name], path[:len(path)-1], depth+1)
}

// sensitive reports whether variable name of the module at path is
// declared sensitive.
func (x *providerIndex) sensitive(path []string, name string) bool {
	m := (*tfjson.ConfigModule)(nil)
	if x.plan.Config != nil {
		m = x.plan.Config.RootModule
	}
	if len(path) > 0 {
		if call := x.moduleCall(path); call != nil {
			m = call.Module
		} else {
			m = nil
		}
	}
	if m == nil {
		return false
	}
	v, ok := m.Variables[name]
	return ok && v != nil && v.Sensitive
}

// moduleCall finds the call of the module at path.
func (x *providerIndex) moduleCall(path addrs.Module) *tfjson.ModuleCall {
	if x.plan.Config == nil || x.plan.Config.RootModule == nil {
		return nil
	}
	m := x.plan.Config.RootModule
	var call *tfjson.ModuleCall
	for _, name := range path {
		if m == nil {
			return nil
		}
		call = m.ModuleCalls[name]
		if call == nil {
			return nil
		}
		m = call.Module
	}
	return call
}

// modulePathOf reads a provider configuration's module address
// (module.a.module.b); one that is not an address is the root's.
func modulePathOf(moduleAddress string) addrs.Module {
	mi, _ := addrs.ParseModuleInstance(moduleAddress)
	return mi.Module()
}
