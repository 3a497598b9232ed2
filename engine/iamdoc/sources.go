package iamdoc

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/fiscguard/fiscguard/engine/model"
)

// sourceDocument is a source or override document as the provider decodes
// it: members are matched without regard to case, and others are dropped.
type sourceDocument struct {
	Version   string
	Id        string
	Statement []*sourceStatement
}

type sourceStatement struct {
	Sid, Effect                              string
	Action, NotAction, Resource, NotResource any
	Principal, NotPrincipal, Condition       json.RawMessage
}

// parse decodes a source or override document and normalises it as the
// provider does when it writes the merged document again.
func parse(text string) (*document, error) {
	var src sourceDocument
	if err := json.Unmarshal([]byte(text), &src); err != nil {
		return nil, fmt.Errorf("not a policy document: %v", err)
	}
	d := &document{version: part{v: src.Version}, id: part{v: src.Id}}
	for i, s := range src.Statement {
		if s == nil {
			return nil, fmt.Errorf("statement %d is null", i)
		}
		st := &statement{fields: map[string]part{"Sid": {v: s.Sid}, "Effect": {v: s.Effect}}}
		for _, m := range []struct {
			name string
			v    any
		}{{"Action", s.Action}, {"NotAction", s.NotAction}, {"Resource", s.Resource}, {"NotResource", s.NotResource}} {
			if m.v != nil {
				st.fields[m.name] = part{v: m.v}
			}
		}
		for _, m := range []struct {
			name string
			raw  json.RawMessage
		}{{"Principal", s.Principal}, {"NotPrincipal", s.NotPrincipal}} {
			p, err := sourcePrincipal(m.raw)
			if err != nil {
				return nil, fmt.Errorf("statement %d: %s: %v", i, m.name, err)
			}
			if p != nil {
				st.fields[m.name] = part{v: p}
			}
		}
		c, err := sourceCondition(s.Condition)
		if err != nil {
			return nil, fmt.Errorf("statement %d: Condition: %v", i, err)
		}
		if c != nil {
			st.fields["Condition"] = part{v: c}
		}
		d.statements = append(d.statements, st)
	}
	return d, nil
}

// sourcePrincipal normalises a Principal: any string stands for everyone
// ("*"); identifier lists are written in reverse order. nil means none.
func sourcePrincipal(raw json.RawMessage) (any, error) {
	if raw == nil {
		return nil, nil
	}
	var data any
	if err := json.Unmarshal(raw, &data); err != nil {
		return nil, err
	}
	switch t := data.(type) {
	case string:
		return "*", nil
	case map[string]any:
		if len(t) == 0 {
			return nil, nil
		}
		out := map[string]any{}
		for _, typ := range slices.Sorted(maps.Keys(t)) {
			switch ids := t[typ].(type) {
			case string:
				out[typ] = ids
			case []any:
				ss := make([]string, len(ids))
				for i, x := range ids {
					s, ok := x.(string)
					if !ok {
						return nil, fmt.Errorf("identifiers of %s must be strings", typ)
					}
					ss[i] = s
				}
				out[typ] = anyList(reversed(ss))
			default:
				return nil, fmt.Errorf("unsupported identifiers of %s", typ)
			}
		}
		if len(out) == 1 {
			if ids, ok := out["*"]; ok && (ids == "*" || slices.Equal(asStrings(ids), []string{"*"})) {
				return "*", nil
			}
		}
		return out, nil
	}
	return nil, errors.New("must be a string or an object")
}

// sourceCondition normalises a Condition: a variable's values are strings,
// one value alone is a string, a boolean becomes its string. Values of
// other types (numbers) are dropped, as the provider drops them. nil means
// none.
func sourceCondition(raw json.RawMessage) (any, error) {
	if raw == nil {
		return nil, nil
	}
	var data map[string]map[string]any
	if err := json.Unmarshal(raw, &data); err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, test := range slices.Sorted(maps.Keys(data)) {
		vars := data[test]
		for _, variable := range slices.Sorted(maps.Keys(vars)) {
			var values []string
			v := vars[variable]
			switch x := v.(type) {
			case string:
				values = []string{x}
			case bool:
				values = []string{strconv.FormatBool(x)}
			case []any:
				values = make([]string, len(x))
				for i, e := range x {
					s, ok := e.(string)
					if !ok {
						return nil, fmt.Errorf("values of %s %s must be strings", test, variable)
					}
					values[i] = s
				}
			default:
				continue
			}
			m, _ := out[test].(map[string]any)
			if m == nil {
				m = map[string]any{}
				out[test] = m
			}
			if len(values) == 1 {
				m[variable] = values[0]
			} else {
				m[variable] = anyList(values)
			}
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func asStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// fromModel turns a document known in part (another data source's json)
// back into a document to merge.
func fromModel(m model.PolicyDocument) *document {
	d := &document{version: modelPart(m, "Version"), id: modelPart(m, "Id")}
	su := at(m.Unknown, "Statement")
	if su == true {
		d.unknownStatements = true
		return d
	}
	list, _ := m.Value["Statement"].([]any)
	for i, x := range list {
		eu := at(su, i)
		obj, ok := x.(map[string]any)
		if eu == true || !ok {
			d.statements = append(d.statements, &statement{unknown: true})
			continue
		}
		st := &statement{fields: map[string]part{}}
		for name, v := range obj {
			st.fields[name] = part{v: v, u: at(eu, name)}
		}
		if um, ok := eu.(map[string]any); ok {
			for name, u := range um {
				if _, known := obj[name]; !known {
					st.fields[name] = part{u: u}
				}
			}
		}
		d.statements = append(d.statements, st)
	}
	return d
}

func modelPart(m model.PolicyDocument, name string) part {
	if at(m.Unknown, name) == true {
		return unknownPart
	}
	s, _ := m.Value[name].(string)
	return part{v: s}
}
