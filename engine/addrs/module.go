package addrs

import "strings"

// ModuleInstanceStep is one step of a module instance path: module.NAME[KEY].
type ModuleInstanceStep struct {
	Name string
	Key  Key
}

// ModuleInstance is the path of module call instances from the root to one
// module instance; the root module is the empty path.
type ModuleInstance []ModuleInstanceStep

// RootModuleInstance is the root module.
var RootModuleInstance ModuleInstance

// IsRoot reports whether m is the root module.
func (m ModuleInstance) IsRoot() bool { return len(m) == 0 }

// String renders m as Terraform does: module.a["x"].module.b ("" for the root).
func (m ModuleInstance) String() string {
	var b strings.Builder
	for i, s := range m {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module.")
		b.WriteString(s.Name)
		b.WriteString(KeyString(s.Key))
	}
	return b.String()
}

// Child returns the instance with key of module call name inside m.
func (m ModuleInstance) Child(name string, key Key) ModuleInstance {
	out := make(ModuleInstance, len(m), len(m)+1)
	copy(out, m)
	return append(out, ModuleInstanceStep{Name: name, Key: key})
}

// Parent returns the module instance that calls m, and m's own step.
// It must not be called on the root.
func (m ModuleInstance) Parent() (ModuleInstance, ModuleInstanceStep) {
	return m[:len(m)-1], m[len(m)-1]
}

// Module returns the configuration path m is an instance of.
func (m ModuleInstance) Module() Module {
	out := make(Module, len(m))
	for i, s := range m {
		out[i] = s.Name
	}
	return out
}

// Module is a path of module calls in the configuration, without instance
// keys: module.a.module.b is Module{"a", "b"}.
type Module []string

// RootModule is the root module's configuration path.
var RootModule Module

// String renders m as module.a.module.b ("" for the root).
func (m Module) String() string {
	if len(m) == 0 {
		return ""
	}
	return "module." + strings.Join(m, ".module.")
}

// Child returns the path of module call name inside m.
func (m Module) Child(name string) Module {
	out := make(Module, len(m), len(m)+1)
	copy(out, m)
	return append(out, name)
}

// Join prefixes a local address with a module address ("" for the root):
// the one way both loaders put a module in front of a name.
func Join(module, local string) string {
	if module == "" {
		return local
	}
	return module + "." + local
}
