package hclconf

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/model"
)

// resourceObject is a resource instance, configured by body b, as other
// expressions read it: its configured arguments, and every other attribute
// the module reads known only after apply (ids, arns and the like are
// computed), in its nested blocks too (vpc_config[0].cluster_security_group_id).
func (in *moduleInstance) resourceObject(b *body, attrs map[string]cty.Value) cty.Value {
	return cty.ObjectVal(in.withReadNames(b, attrs))
}

func (in *moduleInstance) withReadNames(b *body, attrs map[string]cty.Value) map[string]cty.Value {
	obj := make(map[string]cty.Value, len(attrs)+len(in.mod.attrNames))
	for name := range in.mod.attrNames {
		obj[name] = cty.DynamicVal
	}
	for k, v := range attrs {
		obj[k] = v
	}
	if b == nil {
		return obj
	}
	done := map[string]bool{}
	for _, blk := range b.blocks {
		v, ok := attrs[blk.typ]
		if done[blk.typ] || !ok || !v.IsKnown() || v.IsNull() || v.IsMarked() || !v.Type().IsTupleType() {
			continue
		}
		done[blk.typ] = true
		elems := v.AsValueSlice()
		for i, e := range elems {
			if e.IsKnown() && !e.IsNull() && !e.IsMarked() && e.Type().IsObjectType() {
				elems[i] = cty.ObjectVal(in.withReadNames(blk.body, e.AsValueMap()))
			}
		}
		obj[blk.typ] = cty.TupleVal(elems)
	}
	return obj
}

// bodyEval evaluates a block body into attribute values, recording where
// each attribute and nested block is written; subject is the resource
// the body configures (aws_s3_bucket.b, one note for all its instances),
// which notes name.
type bodyEval struct {
	in        *moduleInstance
	ctx       *hcl.EvalContext
	subject   string
	locations map[string]*model.Location
}

func (e *bodyEval) body(b *body, prefix string) map[string]cty.Value {
	out := map[string]cty.Value{}
	for _, name := range slices.Sorted(maps.Keys(b.attrs)) {
		a := b.attrs[name]
		path := joinPath(prefix, name)
		out[name] = e.in.value(a.expr, e.ctx, e.subject+"."+path)
		e.locations[path] = e.in.ev.location(a.rng)
		if holdsSecret(name, out[name]) {
			e.in.ev.markSensitive(a.rng)
		}
	}
	blocks := map[string][]cty.Value{}
	var order []string
	for _, blk := range b.blocks {
		if _, seen := blocks[blk.typ]; !seen {
			order = append(order, blk.typ)
			blocks[blk.typ] = nil
		}
		blocks[blk.typ] = append(blocks[blk.typ], e.block(blk, prefix, len(blocks[blk.typ]))...)
	}
	for _, typ := range order {
		if _, clash := out[typ]; clash {
			continue
		}
		if vs := blocks[typ]; len(vs) > 0 {
			out[typ] = cty.TupleVal(vs)
		} else {
			out[typ] = cty.EmptyTupleVal
		}
	}
	return out
}

// block evaluates one nested block, or each block a dynamic block generates;
// index is the position of the first one among blocks of its type.
func (e *bodyEval) block(blk *block, prefix string, index int) []cty.Value {
	at := func(i int) string { return fmt.Sprintf("%s[%d]", joinPath(prefix, blk.typ), i) }
	if !blk.dynamic {
		e.locations[at(index)] = e.in.ev.location(blk.rng)
		return []cty.Value{cty.ObjectVal(e.body(blk.body, at(index)))}
	}
	coll := e.in.value(blk.forEach, e.ctx, e.subject+"."+joinPath(prefix, blk.typ)+".for_each")
	coll, marks := coll.Unmark()
	// As hcl's ext/dynblock does: a known collection generates one block per
	// element, even when elements hold values known only after apply; only
	// an unknown collection leaves the blocks unknown. (The expansion is
	// written here rather than with dynblock because bodies are merged from
	// override files and record where each generated attribute is written.)
	if !coll.IsKnown() || coll.IsNull() || !coll.CanIterateElements() {
		// Unknown repetitions: one block whose content is unknown.
		e.locations[at(index)] = e.in.ev.location(blk.rng)
		return []cty.Value{cty.DynamicVal}
	}
	var out []cty.Value
	parent := e.ctx
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		child := parent.NewChild()
		child.Variables = map[string]cty.Value{blk.iterator: cty.ObjectVal(map[string]cty.Value{"key": k.WithMarks(marks), "value": v.WithMarks(marks)})}
		e.ctx = child
		i := index + len(out)
		e.locations[at(i)] = e.in.ev.location(blk.rng)
		out = append(out, cty.ObjectVal(e.body(blk.body, at(i))))
	}
	e.ctx = parent
	return out
}

func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}
