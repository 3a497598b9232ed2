package addrs

import (
	"maps"
	"slices"
)

// Expansion holds the instances of one resource or module call within one
// module instance, by key, to resolve references to them in constant time.
type Expansion[T any] struct {
	all   []T
	byKey map[Key]T
}

// Add records the instance with key, unless one with that key is recorded
// already; it reports whether v was added.
func (e *Expansion[T]) Add(key Key, v T) bool {
	if e.byKey == nil {
		e.byKey = map[Key]T{}
	}
	if _, ok := e.byKey[key]; ok {
		return false
	}
	e.all = append(e.all, v)
	e.byKey[key] = v
	return true
}

// Resolve returns the instances a reference names when it is made from an
// instance whose own key is from (NoKey outside any expansion):
//
//   - a reference with a key (aws_x.y[0]) names that instance, if it exists;
//   - a reference without one (aws_x.y) made from an instance of an
//     expansion names the sibling instance with the referrer's own key when
//     there is one: Terraform lists aws_x.y[count.index] and
//     aws_x.y[each.key] as references to aws_x.y, and they name that instance;
//   - otherwise it names every instance.
func (e *Expansion[T]) Resolve(key, from Key) []T {
	if e == nil {
		return nil
	}
	if key != nil {
		if v, ok := e.byKey[key]; ok {
			return []T{v}
		}
		return nil
	}
	if from != nil {
		if v, ok := e.byKey[from]; ok {
			return []T{v}
		}
	}
	return e.all
}

// Targets collects what references name: the instance addresses they
// resolve to, and, written as absolute references (module.m.local.x,
// data.aws_kms_key.k), those that name no instance that is known.
type Targets struct {
	Instances  map[string]bool
	Unresolved map[string]bool
}

// AddInstance records an instance address.
func (t *Targets) AddInstance(address string) {
	if t.Instances == nil {
		t.Instances = map[string]bool{}
	}
	t.Instances[address] = true
}

// AddUnresolved records a reference that names no known instance.
func (t *Targets) AddUnresolved(ref string) {
	if t.Unresolved == nil {
		t.Unresolved = map[string]bool{}
	}
	t.Unresolved[ref] = true
}

// Merge adds everything o holds.
func (t *Targets) Merge(o *Targets) {
	for a := range o.Instances {
		t.AddInstance(a)
	}
	for r := range o.Unresolved {
		t.AddUnresolved(r)
	}
}

// RefMaps turns what each attribute's references name into the model's
// refs and unresolved maps: sorted lists, nil when there is nothing.
func RefMaps(byAttr map[string]*Targets) (refs, unresolved map[string][]string) {
	for attr, t := range byAttr {
		if len(t.Instances) > 0 {
			if refs == nil {
				refs = map[string][]string{}
			}
			refs[attr] = slices.Sorted(maps.Keys(t.Instances))
		}
		if len(t.Unresolved) > 0 {
			if unresolved == nil {
				unresolved = map[string][]string{}
			}
			unresolved[attr] = slices.Sorted(maps.Keys(t.Unresolved))
		}
	}
	return refs, unresolved
}
