package hclconf

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/fiscguard/fiscguard/engine/addrs"
)

// instanceKey is one instance of a count or for_each expansion.
type instanceKey struct {
	index   any       // nil (no count/for_each), int64 or string
	each    cty.Value // each.value for for_each
	unknown bool      // the expansion was not known: one stand-in instance
}

// addr is the instance key as addresses write it.
func (k instanceKey) addr() addrs.Key {
	key, _ := addrs.KeyOf(k.index)
	return key
}

// expand evaluates count or for_each into instance keys.
func (in *moduleInstance) expand(count, forEach hcl.Expression, ctx *hcl.EvalContext, what string) ([]instanceKey, error) {
	switch {
	case count != nil:
		v := in.value(count, ctx, what+".count")
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() {
			in.ev.notef("%s: the count of %s is known only after apply; evaluated as one instance",
				"%s: %s の count は適用後まで確定しないため、1 つのインスタンスとして評価した", in.ev.where(count.Range()), addrs.Join(in.addr, what))
			return []instanceKey{{unknown: true}}, nil
		}
		n, err := convert.Convert(v, cty.Number)
		if err != nil {
			return nil, in.errAt(count.Range(), "count of %s is not a number", what)
		}
		bf := n.AsBigFloat()
		if !bf.IsInt() || bf.Sign() < 0 {
			return nil, in.errAt(count.Range(), "count of %s must be a whole number of zero or more", what)
		}
		c, _ := bf.Int64()
		if c > maxInstancesPerBlock {
			return nil, in.errAt(count.Range(), "count of %s is %d, above the limit of %d instances", what, c, maxInstancesPerBlock)
		}
		keys := make([]instanceKey, c)
		for i := range keys {
			keys[i] = instanceKey{index: int64(i)}
		}
		return keys, nil
	case forEach != nil:
		return in.expandForEach(forEach, ctx, what)
	}
	return []instanceKey{{}}, nil
}

// expandForEach evaluates for_each into instance keys. As in Terraform, only
// the keys must be known: a map whose values are known only after apply
// still has its instances, each with an each.value that is partly unknown.
// A set needs every element known, since its elements are the keys.
func (in *moduleInstance) expandForEach(forEach hcl.Expression, ctx *hcl.EvalContext, what string) ([]instanceKey, error) {
	v := in.value(forEach, ctx, what+".for_each")
	if v.HasMark(sensitiveMark) {
		// Terraform refuses this, since the keys would show in addresses.
		return nil, in.errAt(forEach.Range(), "invalid for_each argument of %s: it has a sensitive value, and sensitive values cannot be used as for_each arguments", what)
	}
	// Elements keep their marks, so a sensitive each.value stays sensitive.
	v, _ = v.Unmark()
	unknown := func() ([]instanceKey, error) {
		in.ev.notef("%s: the for_each keys of %s are known only after apply; evaluated as one instance",
			"%s: %s の for_each のキーは適用後まで確定しないため、1 つのインスタンスとして評価した", in.ev.where(forEach.Range()), addrs.Join(in.addr, what))
		return []instanceKey{{unknown: true, each: cty.DynamicVal}}, nil
	}
	if !v.IsKnown() || v.IsNull() {
		return unknown()
	}
	ty := v.Type()
	if ty.IsListType() || ty.IsTupleType() {
		// Terraform wants toset() here; read a list of strings as the set it means.
		if !v.IsWhollyKnown() {
			return unknown()
		}
		set, err := convert.Convert(v, cty.Set(cty.String))
		if err != nil {
			return nil, in.errAt(forEach.Range(), "for_each of %s must be a map or a set of strings", what)
		}
		in.ev.notef("%s: for_each of %s is a list; Terraform requires a set (toset()); read as one",
			"%s: %s の for_each がリストになっている。Terraform はセット（`toset()`）を求めるため、セットとして読んだ", in.ev.where(forEach.Range()), addrs.Join(in.addr, what))
		v, ty = set, set.Type()
	}
	if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType()) {
		return nil, in.errAt(forEach.Range(), "for_each of %s must be a map or a set of strings", what)
	}
	if ty.IsSetType() {
		if ty.ElementType() != cty.String && ty.ElementType() != cty.DynamicPseudoType {
			return nil, in.errAt(forEach.Range(), "for_each of %s: a set must hold strings", what)
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsKnown() && e.IsNull() {
				return nil, in.errAt(forEach.Range(), "invalid for_each argument of %s: a set used in for_each must not contain null", what)
			}
		}
		if !v.IsWhollyKnown() {
			return unknown()
		}
	}
	if v.LengthInt() > maxInstancesPerBlock {
		return nil, in.errAt(forEach.Range(), "for_each of %s has %d elements, above the limit of %d instances", what, v.LengthInt(), maxInstancesPerBlock)
	}
	var keys []instanceKey
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		k, _ = k.Unmark()
		if k.Type() != cty.String {
			return nil, in.errAt(forEach.Range(), "for_each of %s: a set must hold strings", what)
		}
		keys = append(keys, instanceKey{index: k.AsString(), each: val})
	}
	return keys, nil
}

// withKey adds count.index or each.key/value for one instance.
func withKey(ctx *hcl.EvalContext, k instanceKey, hasCount, hasForEach bool) *hcl.EvalContext {
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{}
	switch {
	case hasCount && k.unknown:
		child.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
	case hasCount:
		child.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(k.index.(int64))})
	case hasForEach && k.unknown:
		child.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})
	case hasForEach:
		child.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(k.index.(string)), "value": k.each})
	}
	return child
}

// collect shapes instances as references see them: one object, a tuple
// (count) or an object keyed by for_each key.
func collect(keys []instanceKey, objs []cty.Value, hasCount, hasForEach bool) cty.Value {
	switch {
	case len(keys) == 1 && keys[0].unknown:
		return cty.DynamicVal
	case hasCount:
		if len(objs) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(objs)
	case hasForEach:
		m := make(map[string]cty.Value, len(objs))
		for i, k := range keys {
			m[k.index.(string)] = objs[i]
		}
		return objectOf(m)
	}
	return objs[0]
}

func objectOf(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}
