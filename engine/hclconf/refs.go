package hclconf

import (
	"maps"
	"slices"
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// refsOf maps each top-level argument and nested block type of a resource
// instance to the instance addresses its expressions refer to, as the plan
// loader does from a plan's configuration.
func (in *instance) refsOf(b *body, k instanceKey, eachTravs []hcl.Traversal) (map[string][]string, error) {
	byName := map[string][]hcl.Traversal{}
	for name, a := range b.attrs {
		byName[name] = append(byName[name], a.expr.Variables()...)
	}
	for _, blk := range b.blocks {
		byName[blk.typ] = append(byName[blk.typ], blockTraversals(blk)...)
	}
	refs := map[string][]string{}
	for name, travs := range byName {
		addrs, err := in.resolveTraversals(travs, k.suffix(), eachTravs)
		if err != nil {
			return nil, err
		}
		if len(addrs) > 0 {
			refs[name] = addrs
		}
	}
	if len(refs) == 0 {
		return nil, nil
	}
	return refs, nil
}

// resolveTraversals returns the sorted instance addresses of the resources
// the traversals name. A reference without an instance key names every
// instance, unless one has the referrer's own key (count.index / each.key).
// each.* stands for the for_each expression's references.
func (in *instance) resolveTraversals(travs []hcl.Traversal, referrerKey string, eachTravs []hcl.Traversal) ([]string, error) {
	set := map[string]bool{}
	for _, t := range travs {
		targets := []hcl.Traversal{t}
		if t.RootName() == "each" {
			targets = eachTravs
		}
		for _, x := range targets {
			if err := in.resolveOne(x, referrerKey, set); err != nil {
				return nil, err
			}
		}
	}
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out, nil
}

func (in *instance) resolveOne(t hcl.Traversal, referrerKey string, set map[string]bool) error {
	switch root := t.RootName(); root {
	case "var", "local", "count", "path", "terraform", "self", "each":
		return nil
	case "module":
		name := attrAt(t, 1)
		if _, ok := in.mod.calls[name]; !ok {
			return nil
		}
		cs, err := in.expansion(name)
		if err != nil {
			return err
		}
		key, next := indexAt(t, 2)
		output := attrAt(t, next)
		for _, child := range cs.children {
			if key != "" && child.key.suffix() != key {
				continue
			}
			for _, o := range slices.Sorted(maps.Keys(child.mod.outputs)) {
				if output != "" && o != output {
					continue
				}
				addrs, err := child.outputRefsOf(o)
				if err != nil {
					return err
				}
				for _, a := range addrs {
					set[a] = true
				}
			}
		}
		return nil
	case "data":
		key, _ := indexAt(t, 3)
		return in.addInstances(set, "data."+attrAt(t, 1)+"."+attrAt(t, 2), key, referrerKey)
	default:
		key, _ := indexAt(t, 2)
		return in.addInstances(set, root+"."+attrAt(t, 1), key, referrerKey)
	}
}

// indexAt reads a literal instance key at step i, returning it in brackets
// and the index of the step after it.
func indexAt(t hcl.Traversal, i int) (string, int) {
	if i >= len(t) {
		return "", i
	}
	idx, ok := t[i].(hcl.TraverseIndex)
	if !ok || !idx.Key.IsKnown() || idx.Key.IsNull() {
		return "", i
	}
	switch idx.Key.Type() {
	case cty.String:
		return "[" + strconv.Quote(idx.Key.AsString()) + "]", i + 1
	case cty.Number:
		if n, acc := idx.Key.AsBigFloat().Int64(); acc == 0 {
			return "[" + strconv.FormatInt(n, 10) + "]", i + 1
		}
	}
	return "", i + 1
}

func (in *instance) addInstances(set map[string]bool, local, key, referrerKey string) error {
	if _, ok := in.mod.resources[local]; !ok {
		return nil
	}
	if _, err := in.resource(local); err != nil {
		return err
	}
	insts := in.resourceInsts[local]
	var same []string
	for _, x := range insts {
		k := instanceKey{index: x.Index}.suffix()
		if key != "" {
			if k == key {
				set[x.Address] = true
			}
			continue
		}
		if referrerKey != "" && k == referrerKey {
			same = append(same, x.Address)
		}
	}
	if key != "" {
		return nil
	}
	if len(same) > 0 {
		for _, a := range same {
			set[a] = true
		}
		return nil
	}
	for _, x := range insts {
		set[x.Address] = true
	}
	return nil
}
