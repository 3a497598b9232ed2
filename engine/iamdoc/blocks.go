package iamdoc

import (
	"fmt"
	"slices"
	"strings"
)

// The principals and condition blocks are sets in the provider's schema:
// the provider meets them in the order of their SDK set hashes, which
// decides how blocks of the same principal type, or of the same condition
// test and variable, are joined. setOrder sorts blocks into that order (the
// hash of each block's serialisation, compared as decimal strings) and drops
// duplicates, as the set does.
func setOrder[T any](blocks []T, serialise func(T) string) []T {
	type coded struct {
		code string
		b    T
	}
	var cs []coded
	seen := map[string]bool{}
	for _, b := range blocks {
		c := hashcode(serialise(b))
		if !seen[c] {
			seen[c] = true
			cs = append(cs, coded{c, b})
		}
	}
	slices.SortStableFunc(cs, func(a, b coded) int { return strings.Compare(a.code, b.code) })
	out := make([]T, len(cs))
	for i, c := range cs {
		out[i] = c.b
	}
	return out
}

// serialiseSet writes a set of strings as the SDK does for hashing: each
// element, in the order of its own hash, followed by ';', in braces.
func serialiseSet(ss []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for _, s := range setOrder(ss, func(s string) string { return s }) {
		b.WriteString(s)
		b.WriteByte(';')
	}
	b.WriteString("};")
	return b.String()
}

// block is one principals or condition block: its keys (type; test and
// variable), which decide where its values go, and its values.
type block struct {
	keys   []string
	values strs
}

// readBlocks reads principals or condition blocks. unknown is true when
// which keys there are is known only after apply; complete when every value
// is known too. Identifiers are a set; condition values a list.
func readBlocks(v, u any, valuesArg string, set bool, keyArgs ...string) (bs []block, unknown, complete bool, err error) {
	if u == true {
		return nil, true, false, nil
	}
	list, _ := v.([]any)
	complete = true
	for i, b := range list {
		bu := at(u, i)
		m, ok := b.(map[string]any)
		if bu == true || !ok {
			return nil, true, false, nil
		}
		blk := block{}
		for _, k := range keyArgs {
			if at(bu, k) == true {
				return nil, true, false, nil
			}
			s, err := toString(m[k])
			if err != nil {
				return nil, false, false, fmt.Errorf("%s: %v", k, err)
			}
			blk.keys = append(blk.keys, s)
		}
		read := readStrings
		if set {
			read = readSet
		}
		if blk.values, err = read(m[valuesArg], at(bu, valuesArg)); err != nil {
			return nil, false, false, fmt.Errorf("%s: %v", valuesArg, err)
		}
		bs = append(bs, blk)
		complete = complete && !blk.values.all && blk.values.unknown == 0
	}
	return bs, false, complete, nil
}

// principals renders principals or not_principals blocks as the provider
// does: "*" for a single block of type "*" naming "*", else an object of
// identifiers by type, where a type with one identifier has a string and
// blocks of the same type are joined.
func principals(v, u any, version part) (part, bool, error) {
	ps, whole, complete, err := readBlocks(v, u, "identifiers", true, "type")
	switch {
	case err != nil:
		return part{}, false, err
	case whole:
		return unknownPart, true, nil
	case len(ps) == 0:
		return part{}, false, nil
	}
	if complete {
		ps = setOrder(ps, func(p block) string {
			return "identifiers:" + serialiseSet(p.values.known) + "type:" + p.keys[0] + ";"
		})
	}
	if len(ps) == 1 && ps[0].keys[0] == "*" {
		switch {
		case !complete:
			return unknownPart, true, nil
		case len(ps[0].values.known) == 1 && ps[0].values.known[0] == "*":
			return part{v: "*"}, true, nil
		}
	}
	// Each block's identifiers are written in reverse order and appended to
	// those of its type; a type that has only one identifier has a string.
	type joined struct {
		known   []string
		unknown int
		all     bool
	}
	byType := map[string]*joined{}
	var types []string
	for _, p := range ps {
		known, err := replaceVars(reversed(p.values.known), version, &p.values.unknown)
		if err != nil {
			return part{}, false, err
		}
		typ := p.keys[0]
		j := byType[typ]
		if j == nil {
			j = &joined{}
			byType[typ] = j
			types = append(types, typ)
		}
		j.known = append(j.known, known...)
		j.unknown += p.values.unknown
		j.all = j.all || p.values.all
	}
	value := map[string]any{}
	unknown := map[string]any{}
	for _, t := range types {
		j := byType[t]
		if j.all {
			value[t], unknown[t] = nil, true
			continue
		}
		p := listPart(j.known, j.unknown)
		value[t] = p.v
		if p.u != nil {
			unknown[t] = p.u
		}
	}
	if len(unknown) == 0 {
		return part{v: value}, true, nil
	}
	return part{v: value, u: unknown}, true, nil
}

// conditions renders condition blocks as the provider does: values by
// variable by test; blocks of the same test and variable are joined, and a
// variable with one value has a string.
func conditions(v, u any, version part) (part, bool, error) {
	cs, whole, complete, err := readBlocks(v, u, "values", false, "test", "variable")
	switch {
	case err != nil:
		return part{}, false, err
	case whole:
		return unknownPart, true, nil
	case len(cs) == 0:
		return part{}, false, nil
	}
	if complete {
		cs = setOrder(cs, func(c block) string {
			var b strings.Builder
			b.WriteString("test:" + c.keys[0] + ";values:(")
			for _, s := range c.values.known {
				b.WriteString(s + ";")
			}
			b.WriteString(");variable:" + c.keys[1] + ";")
			return b.String()
		})
	}
	type joined struct {
		values []any // nil stands for an unknown value
		all    bool
	}
	byKey := map[[2]string]*joined{}
	var keys [][2]string
	for _, c := range cs {
		k := [2]string{c.keys[0], c.keys[1]}
		j := byKey[k]
		if j == nil {
			j = &joined{values: []any{}}
			byKey[k] = j
			keys = append(keys, k)
		}
		if c.values.all {
			j.all = true
			continue
		}
		// Values keep their order; the unknown ones are written where they
		// stand, which readStrings does not record, so they follow.
		known, err := replaceVars(c.values.known, version, &c.values.unknown)
		if err != nil {
			return part{}, false, err
		}
		for _, s := range known {
			j.values = append(j.values, s)
		}
		for range c.values.unknown {
			j.values = append(j.values, nil)
		}
	}
	value := map[string]any{}
	unknown := map[string]any{}
	for _, k := range keys {
		j := byKey[k]
		vars, _ := value[k[0]].(map[string]any)
		if vars == nil {
			vars = map[string]any{}
			value[k[0]] = vars
		}
		var p part
		switch {
		case j.all:
			p = unknownPart
		case len(j.values) == 1:
			p = part{v: j.values[0]}
			if j.values[0] == nil {
				p = unknownPart
			}
		default:
			p = part{v: j.values}
			var us []any
			for i, x := range j.values {
				if x == nil {
					if us == nil {
						us = make([]any, len(j.values))
						for n := range us {
							us[n] = false
						}
					}
					us[i] = true
				}
			}
			if us != nil {
				p.u = us
			}
		}
		vars[k[1]] = p.v
		if p.u != nil {
			uv, _ := unknown[k[0]].(map[string]any)
			if uv == nil {
				uv = map[string]any{}
				unknown[k[0]] = uv
			}
			uv[k[1]] = p.u
		}
	}
	if len(unknown) == 0 {
		return part{v: value}, true, nil
	}
	return part{v: value, u: unknown}, true, nil
}
