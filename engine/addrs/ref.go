package addrs

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// EphemeralMode is the mode of an ephemeral resource (Terraform 1.10+),
// which exists only during a run and never in a plan's resources.
const EphemeralMode = "ephemeral"

// Referenceable is what a configuration expression can refer to, within
// the module the expression is written in: ResourceInstance (a nil key names
// the whole resource), ModuleCallRef, InputVariable, LocalValue, CountAttr,
// ForEachAttr, PathAttr, TerraformAttr or Self.
type Referenceable interface {
	// String renders the reference as Terraform writes it.
	String() string
	referenceable()
}

// ModuleCallRef is module.NAME, module.NAME[KEY] or either followed by
// .OUTPUT. A nil Key names every instance of the call; an empty Output the
// whole module object.
type ModuleCallRef struct {
	Name   string
	Key    Key
	Output string
}

// InputVariable is var.NAME.
type InputVariable struct{ Name string }

// LocalValue is local.NAME.
type LocalValue struct{ Name string }

// CountAttr is count.NAME (count.index).
type CountAttr struct{ Name string }

// ForEachAttr is each.NAME (each.key, each.value).
type ForEachAttr struct{ Name string }

// PathAttr is path.NAME (path.module, path.root, path.cwd).
type PathAttr struct{ Name string }

// TerraformAttr is terraform.NAME (terraform.workspace).
type TerraformAttr struct{ Name string }

// Self is self, inside provisioner and connection blocks.
type Self struct{}

func (r ModuleCallRef) String() string {
	s := "module." + r.Name + KeyString(r.Key)
	if r.Output != "" {
		s += "." + r.Output
	}
	return s
}

func (r InputVariable) String() string { return "var." + r.Name }
func (r LocalValue) String() string    { return "local." + r.Name }
func (r CountAttr) String() string     { return "count." + r.Name }
func (r ForEachAttr) String() string   { return "each." + r.Name }
func (r PathAttr) String() string      { return "path." + r.Name }
func (r TerraformAttr) String() string { return "terraform." + r.Name }
func (Self) String() string            { return "self" }

func (ResourceInstance) referenceable() {}
func (ModuleCallRef) referenceable()    {}
func (InputVariable) referenceable()    {}
func (LocalValue) referenceable()       {}
func (CountAttr) referenceable()        {}
func (ForEachAttr) referenceable()      {}
func (PathAttr) referenceable()         {}
func (TerraformAttr) referenceable()    {}
func (Self) referenceable()             {}

// ParseRef reads what a traversal (as hcl.Expression.Variables lists them)
// refers to; attributes after the referenced object (.id, .arn) are ignored.
func ParseRef(t hcl.Traversal) (Referenceable, error) {
	steps := traversalSteps(t)
	root := t.RootName()
	attr := func(i int) (string, error) {
		if i < len(steps) && steps[i].attr != "" {
			return steps[i].attr, nil
		}
		return "", fmt.Errorf("invalid reference: %s must be followed by an attribute name", root)
	}
	switch root {
	case "var", "local", "count", "each", "path", "terraform":
		name, err := attr(1)
		if err != nil {
			return nil, err
		}
		switch root {
		case "var":
			return InputVariable{name}, nil
		case "local":
			return LocalValue{name}, nil
		case "count":
			return CountAttr{name}, nil
		case "each":
			return ForEachAttr{name}, nil
		case "path":
			return PathAttr{name}, nil
		}
		return TerraformAttr{name}, nil
	case "self":
		return Self{}, nil
	case "module":
		name, err := attr(1)
		if err != nil {
			return nil, err
		}
		ref := ModuleCallRef{Name: name}
		next := 2
		if next < len(steps) && steps[next].attr == "" {
			if ref.Key = steps[next].key; ref.Key == nil {
				return nil, fmt.Errorf("invalid reference: module.%s must be indexed by a whole number or a string", name)
			}
			next++
		}
		if next < len(steps) {
			ref.Output = steps[next].attr
		}
		return ref, nil
	case "data", EphemeralMode:
		typ, err := attr(1)
		if err != nil {
			return nil, err
		}
		name, err := attr(2)
		if err != nil {
			return nil, err
		}
		return resourceRef(Resource{Mode: root, Type: typ, Name: name}, steps, 3)
	}
	name, err := attr(1)
	if err != nil {
		return nil, err
	}
	return resourceRef(Resource{Mode: ManagedMode, Type: root, Name: name}, steps, 2)
}

func resourceRef(r Resource, steps []step, i int) (Referenceable, error) {
	ref := ResourceInstance{Resource: r}
	if i < len(steps) && steps[i].attr == "" {
		if ref.Key = steps[i].key; ref.Key == nil {
			return nil, fmt.Errorf("invalid reference: %s must be indexed by a whole number or a string", r)
		}
	}
	return ref, nil
}

// step is one traversal step: an attribute name, or an index (its key, nil
// when the index is not a whole number or a string).
type step struct {
	attr string
	key  Key
}

func traversalSteps(t hcl.Traversal) []step {
	out := make([]step, 0, len(t))
	for _, s := range t {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			out = append(out, step{attr: s.Name})
		case hcl.TraverseAttr:
			out = append(out, step{attr: s.Name})
		case hcl.TraverseIndex:
			k, _ := KeyOfValue(s.Key)
			out = append(out, step{key: k})
		default:
			out = append(out, step{})
		}
	}
	return out
}

// ParseRefString reads a reference as a plan's configuration lists it
// ("aws_s3_bucket.b[\"a\"].id", "module.m.out", "var.x").
func ParseRefString(s string) (Referenceable, error) {
	t, diags := hclsyntax.ParseTraversalAbs([]byte(s), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("invalid reference %q: %s", s, diags[0].Summary)
	}
	return ParseRef(t)
}

// Innermost drops each reference that merely contains another one in refs.
// A plan lists, beside every reference, the objects containing it
// (aws_x.y["a"].id comes with aws_x.y["a"] and aws_x.y); the container alone
// would name every instance.
func Innermost(refs []Referenceable) []Referenceable {
	out := make([]Referenceable, 0, len(refs))
	for _, r := range refs {
		contained := false
		for _, inner := range refs {
			if contains(r, inner) {
				contained = true
				break
			}
		}
		if !contained {
			out = append(out, r)
		}
	}
	return out
}

// contains reports whether outer names a strictly larger object holding inner.
func contains(outer, inner Referenceable) bool {
	switch o := outer.(type) {
	case ResourceInstance:
		i, ok := inner.(ResourceInstance)
		return ok && o.Key == nil && i.Key != nil && o.Resource == i.Resource
	case ModuleCallRef:
		i, ok := inner.(ModuleCallRef)
		if !ok || o.Name != i.Name || o.Output != "" {
			return false
		}
		if o.Key == nil {
			return i.Key != nil || i.Output != ""
		}
		return i.Key == o.Key && i.Output != ""
	}
	return false
}
