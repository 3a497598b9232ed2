package plan

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/fiscguard/fiscguard/engine/jsonerr"
	"github.com/fiscguard/fiscguard/engine/model"
)

// nullEntry finds the first null among the elements of an array or the
// values of an object that the plan format says hold objects (a
// resource_changes entry, a module call, an expression): no Terraform
// writes one, and it would otherwise be read as missing. The path is built
// only for what is found.
func nullEntry(v reflect.Value) ([]jsonerr.Step, bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		return nullEntry(v.Elem())
	case reflect.Struct:
		for _, f := range objectFields(v.Type()) {
			if p, ok := nullEntry(v.Field(f.index)); ok {
				if f.embedded {
					return p, true
				}
				return append([]jsonerr.Step{{Key: f.key}}, p...), true
			}
		}
	case reflect.Slice:
		if !mayHoldObjects(v.Type().Elem()) {
			return nil, false
		}
		for i := 0; i < v.Len(); i++ {
			if p, ok := nullElement(v.Index(i)); ok {
				return append([]jsonerr.Step{{Index: i}}, p...), true
			}
		}
	case reflect.Map:
		if !mayHoldObjects(v.Type().Elem()) {
			return nil, false
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if p, ok := nullElement(v.MapIndex(k)); ok {
				return append([]jsonerr.Step{{Key: k.String()}}, p...), true
			}
		}
	}
	return nil, false
}

// objectField is a field of a plan struct that may hold objects: its index
// and its JSON key.
type objectField struct {
	index    int
	key      string
	embedded bool
}

// fieldsOf caches objectFields: a plan has thousands of structs of a few
// types.
var fieldsOf sync.Map

// objectFields lists the fields of struct type t that JSON decodes into
// and that may hold objects.
func objectFields(t reflect.Type) []objectField {
	if fs, ok := fieldsOf.Load(t); ok {
		return fs.([]objectField)
	}
	var fs []objectField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "-" || !f.IsExported() || !mayHoldObjects(f.Type) {
			continue
		}
		if key == "" {
			key = f.Name
		}
		fs = append(fs, objectField{index: i, key: key, embedded: f.Anonymous})
	}
	fieldsOf.Store(t, fs)
	return fs
}

// nullElement is nullEntry for an element, which is itself null when it is
// a nil pointer.
func nullElement(e reflect.Value) ([]jsonerr.Step, bool) {
	if e.Kind() == reflect.Pointer && e.IsNil() {
		return nil, true
	}
	return nullEntry(e)
}

// mayHoldObjects reports whether values of type t may contain structs:
// what plan JSON decodes into objects; strings, numbers and free-form
// values (interface{}, json.RawMessage) never do.
func mayHoldObjects(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return mayHoldObjects(t.Elem())
	case reflect.Struct:
		return true
	}
	return false
}

// checkNulls reports a null entry of the decoded plan at its position.
func checkNulls(name string, data []byte, plan any) error {
	path, ok := nullEntry(reflect.ValueOf(plan))
	if !ok {
		return nil
	}
	line, col := jsonerr.PositionOf(data, path)
	return &model.InputError{File: name, Line: line, Column: col, Msg: fmt.Sprintf("not a Terraform plan: %s is null where an object belongs", jsonerr.Path(path))}
}
