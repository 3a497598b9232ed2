package tffunc

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// LengthFunc is length(value): the number of elements of a collection or
// structure, or of characters (grapheme clusters) of a string. Unlike go-cty's
// stdlib length it accepts strings and objects, as Terraform's does.
var LengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty == cty.String, ty == cty.DynamicPseudoType, ty.IsCollectionType(), ty.IsTupleType(), ty.IsObjectType():
			return cty.Number, nil
		default:
			return cty.NilType, function.NewArgErrorf(0, "argument must be a string, a collection type, or a structural type")
		}
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		// Only the outer marks matter: the length of a list says nothing
		// about its (possibly sensitive) elements.
		v, marks := args[0].Unmark()
		ty := v.Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number).WithMarks(marks), nil
		case ty.IsTupleType():
			// A tuple's length is part of its type, so it is known even when
			// the value is not.
			return cty.NumberIntVal(int64(len(ty.TupleElementTypes()))).WithMarks(marks), nil
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		default:
			return v.Length().WithMarks(marks), nil
		}
	},
})

// IndexFunc is Terraform's index(list, value): the position of the first
// element equal to value. (go-cty's stdlib "index" is a different function:
// it indexes a collection by key.)
var IndexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if !(ty.IsListType() || ty.IsTupleType()) {
			return cty.NilType, function.NewArgErrorf(0, "argument must be a list or tuple")
		}
		return cty.Number, nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for it := args[0].ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq := v.Equals(args[1])
			// An unknown element before the match might itself match.
			if !eq.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.UnknownVal(retType), errors.New("item not found")
	},
})

// LookupFunc is lookup(map, key, default?): the element with the key, else
// the default, which may be null (go-cty's stdlib lookup refuses a null
// default; Terraform's accepts one). Terraform still accepts the old
// two-argument form, which fails when the key is missing.
var LookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) != 2 && len(args) != 3 {
			return cty.NilType, fmt.Errorf("lookup() takes two or three arguments, got %d", len(args))
		}
		hasDefault := len(args) == 3
		ty := args[0].Type()
		switch {
		case ty.IsMapType():
			if hasDefault {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
			}
			return ty.ElementType(), nil
		case ty.IsObjectType():
			key, _ := args[1].Unmark()
			if !key.IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			if ty.HasAttribute(key.AsString()) {
				return ty.AttributeType(key.AsString()), nil
			}
			if hasDefault {
				return args[2].Type(), nil
			}
			return cty.NilType, function.NewArgErrorf(1, "the given object has no attribute %q", key.AsString())
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		default:
			return cty.NilType, function.NewArgErrorf(0, "lookup() requires a map as the first argument")
		}
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		m, mapMarks := args[0].Unmark()
		key, keyMarks := args[1].Unmark()
		if !m.IsKnown() || !key.IsKnown() {
			return cty.UnknownVal(retType).WithMarks(mapMarks, keyMarks), nil
		}
		var found cty.Value
		switch {
		case m.Type().IsObjectType():
			if m.Type().HasAttribute(key.AsString()) {
				found = m.GetAttr(key.AsString())
			}
		default:
			has := m.HasIndex(key)
			if !has.IsKnown() {
				return cty.UnknownVal(retType).WithMarks(mapMarks, keyMarks), nil
			}
			if has.True() {
				found = m.Index(key)
			}
		}
		if found == cty.NilVal {
			if len(args) < 3 {
				return cty.UnknownVal(retType), function.NewArgErrorf(1, "lookup failed to find key %q", key.AsString())
			}
			found = args[2]
		}
		out, err := convert.Convert(found, retType)
		if err != nil {
			return cty.UnknownVal(retType), err
		}
		return out.WithMarks(mapMarks, keyMarks), nil
	},
})

// CoalesceFunc is coalesce(vals...): the first argument that is neither null
// nor, when the arguments unify to string, the empty string. (go-cty's
// stdlib coalesce does not skip empty strings; Terraform's does.)
var CoalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) == 0 {
			return cty.NilType, errors.New("coalesce() requires at least one argument")
		}
		tys := make([]cty.Type, len(args))
		for i, a := range args {
			tys[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(tys)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		// The result carries the marks of every argument looked at, since
		// whether an earlier one was skipped is itself information.
		var seen []cty.ValueMarks
		for _, a := range args {
			v, marks := a.Unmark()
			seen = append(seen, marks)
			if !v.IsKnown() {
				return cty.UnknownVal(retType).WithMarks(seen...), nil
			}
			if v.IsNull() {
				continue
			}
			cv, err := convert.Convert(v, retType)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if retType == cty.String && cv.AsString() == "" {
				continue
			}
			return cv.WithMarks(seen...), nil
		}
		return cty.UnknownVal(retType), errors.New("no non-null, non-empty-string arguments")
	},
})

// OneFunc is one(list): null for an empty collection, its element for a
// one-element collection, an error otherwise.
var OneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType(), ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			switch etys := ty.TupleElementTypes(); len(etys) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return etys[0], nil
			}
		}
		return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		// A set with unknown elements may still collapse to fewer elements.
		if v.Type().IsSetType() && !v.IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.UnknownVal(retType), function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
})

// SumFunc is sum(list): the total of a non-empty list, set or tuple of numbers.
var SumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
			return cty.NilType, function.NewArgErrorf(0, "argument must be list, set, or tuple. Received %s", ty.FriendlyName())
		}
		return cty.Number, nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if args[0].LengthInt() == 0 {
			return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "cannot sum an empty list")
		}
		total := new(big.Float)
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsNull() {
				return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "argument must be list, set, or tuple of number values")
			}
			n, err := convert.Convert(e, cty.Number)
			if err != nil {
				return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "argument must be list, set, or tuple of number values")
			}
			f := n.AsBigFloat()
			if total.IsInf() && f.IsInf() && total.Signbit() != f.Signbit() {
				return cty.UnknownVal(cty.Number), errors.New("can't compute sum of opposing infinities")
			}
			total.Add(total, f)
		}
		return cty.NumberVal(total), nil
	},
})

// boolFold implements alltrue (stop on false) and anytrue (stop on true). A
// known deciding element wins over unknown ones, since no value of the
// unknowns can change the answer; null elements count as false.
func boolFold(decider bool) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				switch {
				case !e.IsKnown():
					unknown = true
				case e.IsNull():
					if !decider {
						return cty.False, nil
					}
				case e.True() == decider:
					return cty.BoolVal(decider), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool).RefineNotNull(), nil
			}
			return cty.BoolVal(!decider), nil
		},
	})
}

// AllTrueFunc is alltrue(list): true if every element is true (and for []).
var AllTrueFunc = boolFold(false)

// AnyTrueFunc is anytrue(list): true if some element is true (false for []).
var AnyTrueFunc = boolFold(true)

// MatchKeysFunc is matchkeys(values, keys, searchset): the elements of values
// whose corresponding element of keys is in searchset, in order.
var MatchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		kty, sty := args[1].Type().ElementType(), args[2].Type().ElementType()
		if ty, _ := convert.UnifyUnsafe([]cty.Type{kty, sty}); ty == cty.NilType {
			return cty.NilType, function.NewArgErrorf(1, "keys and searchset must be of the same type")
		}
		return args[0].Type(), nil
	},
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		vals, keys, search := args[0], args[1], args[2]
		if !vals.IsKnown() || !keys.IsWhollyKnown() || !search.IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}
		if vals.LengthInt() != keys.LengthInt() {
			return cty.UnknownVal(retType), errors.New("length of keys and values should be equal")
		}
		kty, _ := convert.UnifyUnsafe([]cty.Type{keys.Type().ElementType(), search.Type().ElementType()})
		var out []cty.Value
		valList := vals.AsValueSlice()
		for i, k := range keys.AsValueSlice() {
			k, err := convert.Convert(k, kty)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			for _, s := range search.AsValueSlice() {
				s, err := convert.Convert(s, kty)
				if err != nil {
					return cty.UnknownVal(retType), err
				}
				if k.Equals(s).True() {
					out = append(out, valList[i])
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(retType.ElementType()), nil
		}
		return cty.ListVal(out), nil
	},
})

// TransposeFunc is transpose(map of lists of strings): swaps keys and values,
// so {a = ["x"], b = ["x", "y"]} becomes {x = ["a", "b"], y = ["b"]}.
var TransposeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:         function.StaticReturnType(cty.Map(cty.List(cty.String))),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}
		out := map[string][]cty.Value{}
		// Map iteration is in key order, so each result list is too.
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			if list.IsNull() {
				return cty.UnknownVal(retType), errors.New("input must not contain null list")
			}
			for _, v := range list.AsValueSlice() {
				if v.IsNull() {
					return cty.UnknownVal(retType), errors.New("input list must not contain null string")
				}
				out[v.AsString()] = append(out[v.AsString()], k)
			}
		}
		if len(out) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		m := make(map[string]cty.Value, len(out))
		for k, vs := range out {
			m[k] = cty.ListVal(vs)
		}
		return cty.MapVal(m), nil
	},
})

// SliceFunc is slice(list, start_index, end_index), go-cty's stdlib slice
// except for a list that is known only after apply sliced by known bounds:
// the result has end_index - start_index elements, each unknown, as the
// list Terraform slices has (a data source's result, which Terraform reads
// while planning and fiscguard cannot). slice(data.aws_availability_zones.x.names, 0, 3)
// is three zones, so a for expression over it, and a count from its length,
// are known.
var SliceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true},
		{Name: "start_index", Type: cty.Number},
		{Name: "end_index", Type: cty.Number},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		return stdlib.SliceFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list := args[0]
		if list.IsKnown() {
			return stdlib.SliceFunc.Call(args)
		}
		start, end, ok := sliceBounds(args[1], args[2])
		ty := list.Type()
		switch {
		case !ok || !(ty.IsListType() || ty == cty.DynamicPseudoType):
			return cty.UnknownVal(retType), nil
		case ty.IsListType() && end == start:
			return cty.ListValEmpty(ty.ElementType()), nil
		case ty.IsListType():
			return cty.ListVal(slices.Repeat([]cty.Value{cty.UnknownVal(ty.ElementType())}, end-start)), nil
		}
		// Of a value whose type is not known, the elements' types are not
		// known either: a tuple of that many unknown values.
		return cty.TupleVal(slices.Repeat([]cty.Value{cty.DynamicVal}, end-start)), nil
	},
})

// sliceBounds reads slice's bounds when they are whole numbers from 0 with
// start <= end, the only ones a list can be sliced by.
func sliceBounds(s, e cty.Value) (start, end int, ok bool) {
	bs, bsAcc := s.AsBigFloat().Int64()
	be, beAcc := e.AsBigFloat().Int64()
	if bsAcc != big.Exact || beAcc != big.Exact || bs < 0 || be < bs || be-bs > maxSliceLen {
		return 0, 0, false
	}
	return int(bs), int(be), true
}

// maxSliceLen bounds the unknown elements a slice of an unknown list makes:
// a configuration slices a few zones or subnets, not millions.
const maxSliceLen = 10000

// CompactFunc is compact(list): the list without its null and empty
// elements. go-cty's stdlib compact is unknown as soon as an element is;
// here an element known only after apply that cannot be null or empty (its
// refinements say so: the json of an aws_iam_policy_document starts with
// "{") stays, with its marks, so the list is known (a bucket policy built
// from compact([cond ? data.x.json : "", …]) keeps the documents it holds).
var CompactFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "list", Type: cty.List(cty.String), AllowUnknown: true, AllowMarked: true,
	}},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list, marks := args[0].Unmark()
		if !list.IsKnown() {
			return cty.UnknownVal(retType).WithMarks(marks), nil
		}
		var out []cty.Value
		for it := list.ElementIterator(); it.Next(); {
			_, e := it.Element()
			v, _ := e.Unmark()
			switch {
			case !v.IsKnown() && !neverEmpty(v):
				_, all := args[0].UnmarkDeep()
				return cty.UnknownVal(retType).WithMarks(all), nil
			case v.IsKnown() && (v.IsNull() || v.AsString() == ""):
				continue
			}
			out = append(out, e)
		}
		if len(out) == 0 {
			return cty.ListValEmpty(cty.String).WithMarks(marks), nil
		}
		return cty.ListVal(out).WithMarks(marks), nil
	},
})

// neverEmpty is true for a string known only after apply that its
// refinements say is neither null nor empty.
func neverEmpty(v cty.Value) bool {
	r := v.Range()
	return r.DefinitelyNotNull() && r.StringPrefix() != ""
}
