package hclconf

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/tffunc"
	"github.com/fiscguard/fiscguard/engine/tfschema"
)

// sensitiveMark is the mark sensitive variables, outputs and the
// sensitive() function put on values.
const sensitiveMark = tffunc.Sensitive

// toModel converts a resource's evaluated arguments into the model's
// values and unknown trees, shaped as a plan shows them: unknown values are
// left out of values and marked true in unknown; sensitive (marked) values
// are redacted.
func toModel(attrs map[string]cty.Value) (map[string]any, map[string]any) {
	values := make(map[string]any, len(attrs))
	unknown := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		val, unk, known := convertValue(attrs[k])
		if known {
			values[k] = val
		}
		if unk != nil {
			unknown[k] = unk
		}
	}
	return values, unknown
}

// convertValue returns the JSON-like value, its unknown tree (nil when
// wholly known) and whether the value itself is known.
func convertValue(v cty.Value) (any, any, bool) {
	if v.IsMarked() {
		var marks cty.ValueMarks
		v, marks = v.Unmark()
		if _, ok := marks[sensitiveMark]; ok {
			if !v.IsKnown() {
				return nil, true, false
			}
			return model.Redacted, nil, true
		}
	}
	if !v.IsKnown() {
		return nil, true, false
	}
	if v.IsNull() {
		return nil, nil, true
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), nil, true
	case ty == cty.Number:
		return json.Number(v.AsBigFloat().Text('f', -1)), nil, true
	case ty == cty.Bool:
		return v.True(), nil, true
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var list []any
		var unks []any
		anyUnknown := false
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			val, unk, _ := convertValue(e)
			list = append(list, val)
			if unk != nil {
				anyUnknown = true
				unks = append(unks, unk)
			} else {
				unks = append(unks, false)
			}
		}
		if list == nil {
			list = []any{}
		}
		if anyUnknown {
			return list, unks, true
		}
		return list, nil, true
	case ty.IsMapType() || ty.IsObjectType():
		obj := map[string]any{}
		unks := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			val, unk, known := convertValue(e)
			if known {
				obj[name] = val
			}
			if unk != nil {
				unks[name] = unk
			}
		}
		if len(unks) > 0 {
			return obj, unks, true
		}
		return obj, nil, true
	}
	return nil, nil, false
}

// schemaOf returns the provider schema of a resource or data block, or nil
// when the table does not hold its type.
func schemaOf(r *resource) *tfjson.SchemaBlock {
	if r.mode == model.ModeData {
		return tfschema.DataSource(r.typ)
	}
	return tfschema.Resource(r.typ)
}

// typed converts one instance's evaluated arguments to the provider's types
// as Terraform decodes a configuration body: each argument to its
// attribute's type ("80" to 80, "true" to true), nested blocks to a list, a
// set or one object by nesting mode, each object with every attribute of its
// block (null where unset) and sensitive attributes marked, so that
// references carry the mark. Sets keep their written order here, so that
// attribute paths match where blocks are written. Unknown values stay
// unknown, now typed; arguments the table does not know (a type or an
// argument newer than its schema) are kept as written, secret names marked.
// A value Terraform would reject is noted where it is written and becomes
// unknown.
func (in *moduleInstance) typed(r *resource, k instanceKey, attrs map[string]cty.Value, locs map[string]*model.Location) map[string]cty.Value {
	t := &typer{ev: in.ev, addr: addrs.Join(in.addr, r.local()+addrs.KeyString(k.addr())), locs: locs, at: in.ev.where(r.rng)}
	return t.block(schemaOf(r), attrs, "")
}

// typer converts the arguments of one resource instance.
type typer struct {
	ev   *evaluator
	addr string                     // the instance's address
	locs map[string]*model.Location // where arguments and blocks are written
	at   string                     // the block's file:line, for what has no location
}

// block converts a block's arguments; b is nil for a type the table lacks.
func (t *typer) block(b *tfjson.SchemaBlock, attrs map[string]cty.Value, prefix string) map[string]cty.Value {
	out := make(map[string]cty.Value, len(attrs))
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		v := attrs[name]
		var a *tfjson.SchemaAttribute
		var nb *tfjson.SchemaBlockType
		if b != nil {
			a, nb = b.Attributes[name], b.NestedBlocks[name]
		}
		path := joinPath(prefix, name)
		switch {
		case a != nil:
			v = t.attribute(v, a, path)
		case nb != nil:
			v = t.blocks(v, nb, path)
		case model.SecretName(name) && v.Type() == cty.String:
			v = v.Mark(sensitiveMark)
		}
		out[name] = v
	}
	return out
}

func (t *typer) attribute(v cty.Value, a *tfjson.SchemaAttribute, path string) cty.Value {
	out, err := convert.Convert(v, configType(a.AttributeType, true))
	if err != nil {
		t.reject(path, v, err, i18n.Text{})
		out = cty.UnknownVal(configType(a.AttributeType, false))
		if v.ContainsMarked() {
			out = out.Mark(sensitiveMark)
		}
	}
	if a.Sensitive && !out.IsNull() {
		out = out.Mark(sensitiveMark)
	}
	return out
}

// blocks converts the blocks of one nested block type, which evaluation
// gives as a tuple of objects (or, written as an argument, any value).
func (t *typer) blocks(v cty.Value, nb *tfjson.SchemaBlockType, path string) cty.Value {
	v, marks := v.Unmark()
	obj := configType(tfschema.ObjectType(nb.Block), false)
	single := nb.NestingMode == tfjson.SchemaNestingModeSingle || nb.NestingMode == tfjson.SchemaNestingModeGroup
	if !v.IsKnown() {
		if single {
			return cty.UnknownVal(obj).WithMarks(marks)
		}
		return cty.UnknownVal(configType(tfschema.BlocksType(nb), false)).WithMarks(marks)
	}
	var elems []cty.Value
	switch ty := v.Type(); {
	case v.IsNull():
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		elems = v.AsValueSlice()
	case single && (ty.IsObjectType() || ty.IsMapType()):
		elems = []cty.Value{v}
	default:
		t.reject(path, v, nil, blocksRequired)
		return cty.UnknownVal(configType(tfschema.BlocksType(nb), false)).WithMarks(marks)
	}
	if single {
		switch {
		case len(elems) == 1:
			return t.object(nb.Block, elems[0], path+"[0]").WithMarks(marks)
		case len(elems) > 1:
			t.reject(path+"[1]", v, nil, i18n.Sprintf(oneBlockOnly, path[strings.LastIndex(path, ".")+1:]))
			return cty.UnknownVal(obj).WithMarks(marks)
		case nb.NestingMode == tfjson.SchemaNestingModeGroup:
			// An absent group block is an object of null attributes.
			return t.object(nb.Block, cty.EmptyObjectVal, path+"[0]").WithMarks(marks)
		}
		return cty.NullVal(obj).WithMarks(marks)
	}
	objs := make([]cty.Value, len(elems))
	for i, e := range elems {
		objs[i] = t.object(nb.Block, e, fmt.Sprintf("%s[%d]", path, i))
	}
	return listOf(objs, obj).WithMarks(marks)
}

// object converts one block: its arguments, with null for every attribute
// and no blocks for every block type it leaves out.
func (t *typer) object(b *tfjson.SchemaBlock, v cty.Value, path string) cty.Value {
	v, marks := v.Unmark()
	ty := configType(tfschema.ObjectType(b), false)
	switch {
	case !v.IsKnown():
		return cty.UnknownVal(ty).WithMarks(marks)
	case v.IsNull():
		return cty.NullVal(ty).WithMarks(marks)
	case !v.Type().IsObjectType() && !v.Type().IsMapType():
		t.reject(path, v, nil, blockRequired)
		return cty.UnknownVal(ty).WithMarks(marks)
	}
	vals := t.block(b, v.AsValueMap(), path)
	for name, a := range b.Attributes {
		if _, ok := vals[name]; !ok {
			vals[name] = cty.NullVal(configType(a.AttributeType, false))
		}
	}
	for name, nb := range b.NestedBlocks {
		if _, ok := vals[name]; !ok {
			vals[name] = t.blocks(cty.NullVal(cty.DynamicPseudoType), nb, joinPath(path, name))
		}
	}
	return cty.ObjectVal(vals).WithMarks(marks)
}

// Why fiscguard itself refuses a value for a block.
var (
	blocksRequired = i18n.Text{En: "blocks are required", Ja: "ブロックが必要"}
	blockRequired  = i18n.Text{En: "a block is required", Ja: "ブロックが必要"}
	oneBlockOnly   = i18n.Text{En: "no more than one %s block is allowed", Ja: "`%s` ブロックは 1 つまで"}
)

// reject notes a value Terraform would refuse for its attribute, where it is
// written: why is fiscguard's reason, or else err is go-cty's conversion
// error, quoted; a sensitive value is not described.
func (t *typer) reject(path string, v cty.Value, err error, why i18n.Text) {
	what := path
	var pe cty.PathError
	switch {
	case v.ContainsMarked():
		why = i18n.Text{En: "this sensitive value does not fit the provider's type", Ja: "この機密値はプロバイダーの型に合わない"}
	case err != nil:
		if errors.As(err, &pe) {
			what += formatPath(pe.Path)
		}
		why = i18n.Sprintf(i18n.Text{En: "go-cty: %s", Ja: "go-cty の診断: %s"}, i18n.Quote(err.Error()))
	}
	at := t.at
	if loc := model.Nearest(t.locs, what); loc != nil {
		at = fmt.Sprintf("%s:%d", loc.File, loc.Line)
	}
	t.ev.notef("%s: %s: inappropriate value for %s: %s; treated as known only after apply",
		"%s: %s: `%s` の値が不適切（%s）。適用後まで確定しない値として扱う", at, t.addr, what, why)
}

// formatPath renders a path inside a value as policies name attributes:
// [0], ["key"], .name.
func formatPath(p cty.Path) string {
	var sb strings.Builder
	for _, step := range p {
		switch s := step.(type) {
		case cty.GetAttrStep:
			sb.WriteString("." + s.Name)
		case cty.IndexStep:
			if s.Key.Type() == cty.String {
				sb.WriteString("[" + strconv.Quote(s.Key.AsString()) + "]")
			} else {
				sb.WriteString("[" + s.Key.AsBigFloat().Text('f', -1) + "]")
			}
		}
	}
	return sb.String()
}

// listOf is a list of converted blocks, or a tuple where their types differ
// (an argument newer than the schema in one of them).
func listOf(objs []cty.Value, obj cty.Type) cty.Value {
	switch {
	case obj.HasDynamicTypes() && len(objs) == 0:
		return cty.EmptyTupleVal
	case len(objs) == 0:
		return cty.ListValEmpty(obj)
	case !obj.HasDynamicTypes() && cty.CanListVal(objs):
		return cty.ListVal(objs)
	}
	return cty.TupleVal(objs)
}

// configType is a provider type with sets as lists, the form a
// configuration's values take here (see typed). With optionalAttrs it is the
// type a value is converted to: objects inside an attribute's type may leave
// attributes out (null), as Terraform allows for blocks written for such an
// attribute (ingress { ... }).
func configType(ty cty.Type, optionalAttrs bool) cty.Type {
	switch {
	case ty.IsSetType() || ty.IsListType():
		return cty.List(configType(ty.ElementType(), optionalAttrs))
	case ty.IsMapType():
		return cty.Map(configType(ty.ElementType(), optionalAttrs))
	case ty.IsObjectType():
		attrs := map[string]cty.Type{}
		var names []string
		for name, at := range ty.AttributeTypes() {
			attrs[name] = configType(at, optionalAttrs)
			names = append(names, name)
		}
		if optionalAttrs {
			return cty.ObjectWithOptionalAttrs(attrs, names)
		}
		return cty.Object(attrs)
	case ty.IsTupleType():
		elems := make([]cty.Type, len(ty.TupleElementTypes()))
		for i, et := range ty.TupleElementTypes() {
			elems[i] = configType(et, optionalAttrs)
		}
		return cty.Tuple(elems)
	}
	return ty
}

// referenceObject is a resource instance as other expressions read it at
// plan time. For a type the table holds: its typed arguments with sets as
// sets and computed attributes left null unknown (the provider chooses
// them), and every other attribute the module reads as Terraform would give
// it: null when not computed, unknown when computed, unknown for blocks
// (the provider may fill them). Otherwise resourceObject's.
func (in *moduleInstance) referenceObject(b *tfjson.SchemaBlock, body *body, attrs map[string]cty.Value) cty.Value {
	if b == nil {
		return in.resourceObject(body, attrs)
	}
	return cty.ObjectVal(planned(b, attrs, in.mod.attrNames))
}

// planned turns a block's typed arguments into their plan-time values, and
// gives every other attribute the module reads (names), in the block and
// its nested blocks, as Terraform would give it: null when not computed,
// unknown when computed, unknown for blocks (the provider may fill them),
// unknown for a name the schema table lacks (an attribute newer than it,
// such as a DynamoDB replica's arn).
func planned(b *tfjson.SchemaBlock, vals map[string]cty.Value, names map[string]bool) map[string]cty.Value {
	out := make(map[string]cty.Value, len(vals)+len(names))
	for name, v := range vals {
		switch a, nb := b.Attributes[name], b.NestedBlocks[name]; {
		case a != nil && a.Computed && v.IsNull():
			v = unknownAttr(a)
		case a != nil:
			if s, err := convert.Convert(v, a.AttributeType); err == nil {
				v = s
			}
		case nb != nil:
			v = plannedBlocks(nb, v, names)
		}
		out[name] = v
	}
	for name := range names {
		if _, ok := out[name]; ok {
			continue
		}
		switch a, nb := b.Attributes[name], b.NestedBlocks[name]; {
		case a != nil && a.Computed:
			out[name] = unknownAttr(a)
		case a != nil:
			out[name] = cty.NullVal(a.AttributeType)
		case nb != nil:
			out[name] = cty.UnknownVal(tfschema.BlocksType(nb))
		default:
			out[name] = cty.DynamicVal
		}
	}
	return out
}

func unknownAttr(a *tfjson.SchemaAttribute) cty.Value {
	v := cty.UnknownVal(a.AttributeType)
	if a.Sensitive {
		v = v.Mark(sensitiveMark)
	}
	return v
}

func plannedBlocks(nb *tfjson.SchemaBlockType, v cty.Value, names map[string]bool) cty.Value {
	v, marks := v.Unmark()
	if nb.NestingMode == tfjson.SchemaNestingModeSingle || nb.NestingMode == tfjson.SchemaNestingModeGroup {
		return plannedObject(nb.Block, v, names).WithMarks(marks)
	}
	ty := tfschema.BlocksType(nb)
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return retyped(v, ty).WithMarks(marks)
	}
	elems := v.AsValueSlice()
	for i, e := range elems {
		elems[i] = plannedObject(nb.Block, e, names)
	}
	switch {
	case len(elems) == 0 || ty.Equals(cty.DynamicPseudoType) || !cty.CanListVal(elems):
		return retyped(listOf(elems, tfschema.ObjectType(nb.Block)), ty).WithMarks(marks)
	case nb.NestingMode == tfjson.SchemaNestingModeSet:
		return cty.SetVal(elems).WithMarks(marks)
	}
	return cty.ListVal(elems).WithMarks(marks)
}

func plannedObject(b *tfjson.SchemaBlock, v cty.Value, names map[string]bool) cty.Value {
	v, marks := v.Unmark()
	if !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() {
		return retyped(v, tfschema.ObjectType(b)).WithMarks(marks)
	}
	return cty.ObjectVal(planned(b, v.AsValueMap(), names)).WithMarks(marks)
}

// retyped converts v to ty where it can, and keeps it otherwise.
func retyped(v cty.Value, ty cty.Type) cty.Value {
	if s, err := convert.Convert(v, ty); err == nil {
		return s
	}
	return v
}

// knownString returns a known, unmarked-by-sensitivity string value.
func knownString(v cty.Value) (string, bool) {
	if v.IsMarked() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}
