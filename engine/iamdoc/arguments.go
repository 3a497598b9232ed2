package iamdoc

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

const (
	version2012 = "2012-10-17"
	version2008 = "2008-10-17"
)

// fromArguments builds the document the provider reads: the source
// documents merged in order, then the data source's own statements, then
// the override documents.
func fromArguments(values, unknown map[string]any, sources Sources) (*document, error) {
	for _, arg := range []string{"source_json", "override_json"} {
		if s, _ := values[arg].(string); s != "" {
			return nil, fmt.Errorf("%s is no longer supported by the AWS provider (v5 and later); use %s", arg, strings.Replace(arg, "json", "policy_documents", 1))
		}
	}
	version := part{v: version2012}
	switch v, u := values["version"], at(unknown, "version"); {
	case u == true:
		version = unknownPart
	case v != nil:
		s, err := toString(v)
		if err != nil {
			return nil, fmt.Errorf("version: %v", err)
		}
		version = part{v: s}
	}
	merged := &document{version: part{v: ""}, id: part{v: ""}}
	sids := map[string]bool{}
	err := eachDocument(values, unknown, "source_policy_documents", sources, func(i int, src *document) error {
		// Source documents may not repeat a Sid.
		for _, st := range src.statements {
			if sid, known := st.sid(); known && sid != "" {
				if sids[sid] {
					return fmt.Errorf("source_policy_documents[%d]: duplicate Sid %q", i, sid)
				}
				sids[sid] = true
			}
		}
		merged.merge(src, appendOnly)
		return nil
	})
	if err != nil {
		return nil, err
	}
	own := &document{version: version, id: part{v: ""}}
	switch v, u := values["policy_id"], at(unknown, "policy_id"); {
	case u == true:
		own.id = unknownPart
	case v != nil:
		s, err := toString(v)
		if err != nil {
			return nil, fmt.Errorf("policy_id: %v", err)
		}
		own.id = part{v: s}
	}
	if own.statements, own.unknownStatements, err = statements(values["statement"], at(unknown, "statement"), version); err != nil {
		return nil, err
	}
	merged.merge(own, unique)
	err = eachDocument(values, unknown, "override_policy_documents", sources, func(_ int, src *document) error {
		merged.merge(src, replace)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return merged, nil
}

// eachDocument calls f with each document of a list of JSON documents, in
// order: parsed when known, as sources gives it when known only after apply.
// Null and empty elements are skipped, as the provider does.
func eachDocument(values, unknown map[string]any, arg string, sources Sources, f func(int, *document) error) error {
	list, u := values[arg], at(unknown, arg)
	if u == true {
		return f(0, unknownDocument())
	}
	elems, ok := list.([]any)
	if !ok {
		if list != nil {
			return fmt.Errorf("%s: expected a list of strings", arg)
		}
		return nil
	}
	for i, e := range elems {
		var d *document
		if at(u, i) == true {
			if m := sources(arg, i); m != nil {
				d = fromModel(*m)
			} else {
				d = unknownDocument()
			}
		} else {
			s, ok := e.(string)
			if e != nil && !ok {
				return fmt.Errorf("%s[%d]: expected a string", arg, i)
			}
			if s == "" {
				continue
			}
			var err error
			if d, err = parse(s); err != nil {
				return fmt.Errorf("%s[%d]: %v", arg, i, err)
			}
		}
		if err := f(i, d); err != nil {
			return err
		}
	}
	return nil
}

// statements converts the statement blocks.
func statements(v, u any, version part) ([]*statement, bool, error) {
	if u == true {
		return nil, true, nil
	}
	blocks, _ := v.([]any)
	out := make([]*statement, 0, len(blocks))
	sids := map[string]bool{}
	for i, b := range blocks {
		bu := at(u, i)
		m, ok := b.(map[string]any)
		if bu == true || !ok {
			out = append(out, &statement{unknown: true})
			continue
		}
		st, err := configStatement(m, bu, version)
		if err != nil {
			return nil, false, fmt.Errorf("statement[%d]: %v", i, err)
		}
		if sid, known := st.sid(); known && sid != "" {
			if sids[sid] {
				return nil, false, fmt.Errorf("statement[%d]: duplicate Sid %q", i, sid)
			}
			sids[sid] = true
		}
		out = append(out, st)
	}
	return out, false, nil
}

// configStatement converts one statement block.
func configStatement(m map[string]any, u any, version part) (*statement, error) {
	st := &statement{fields: map[string]part{}}
	text := func(name, def string) (part, error) {
		if at(u, name) == true {
			return unknownPart, nil
		}
		if m[name] == nil {
			return part{v: def}, nil
		}
		s, err := toString(m[name])
		if err != nil {
			return part{}, fmt.Errorf("%s: %v", name, err)
		}
		return part{v: s}, nil
	}
	var err error
	if st.fields["Sid"], err = text("sid", ""); err != nil {
		return nil, err
	}
	if st.fields["Effect"], err = text("effect", "Allow"); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		arg, name string
		vars      bool
	}{{"actions", "Action", false}, {"not_actions", "NotAction", false}, {"resources", "Resource", true}, {"not_resources", "NotResource", true}} {
		p, ok, err := stringSet(m[f.arg], at(u, f.arg), f.vars, version)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.arg, err)
		}
		if ok {
			st.fields[f.name] = p
		}
	}
	for _, f := range []struct{ arg, name string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		p, ok, err := principals(m[f.arg], at(u, f.arg), version)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.arg, err)
		}
		if ok {
			st.fields[f.name] = p
		}
	}
	p, ok, err := conditions(m["condition"], at(u, "condition"), version)
	if err != nil {
		return nil, fmt.Errorf("condition: %v", err)
	}
	if ok {
		st.fields["Condition"] = p
	}
	return st, nil
}

// strs is a set or list of strings known in part: the known elements and
// how many are unknown; all is true when even how many there are is
// unknown.
type strs struct {
	known   []string
	unknown int
	all     bool
}

// readStrings reads a list of strings, keeping empty ones (a null element
// reaches the provider as an empty string).
func readStrings(v, u any) (strs, error) {
	if u == true {
		return strs{all: true}, nil
	}
	var out strs
	elems, ok := v.([]any)
	if !ok && v != nil {
		return out, fmt.Errorf("expected a list of strings")
	}
	for i, e := range elems {
		if at(u, i) == true {
			out.unknown++
			continue
		}
		if e == nil {
			out.known = append(out.known, "")
			continue
		}
		s, err := toString(e)
		if err != nil {
			return out, err
		}
		out.known = append(out.known, s)
	}
	return out, nil
}

// readSet reads a set of strings: duplicates removed.
func readSet(v, u any) (strs, error) {
	s, err := readStrings(v, u)
	slices.Sort(s.known)
	s.known = slices.Compact(s.known)
	return s, err
}

// reversed returns the strings sorted in reverse, as the provider writes a
// set.
func reversed(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// stringSet renders a set of strings (actions, resources) as the provider
// does: absent when empty, one string alone, else the strings in reverse
// order; vars turns the &{...} policy variable escape into ${...}.
func stringSet(v, u any, vars bool, version part) (part, bool, error) {
	s, err := readSet(v, u)
	if err != nil {
		return part{}, false, err
	}
	if s.all {
		return unknownPart, true, nil
	}
	if len(s.known) == 0 && s.unknown == 0 {
		return part{}, false, nil
	}
	known := reversed(s.known)
	if vars {
		if known, err = replaceVars(known, version, &s.unknown); err != nil {
			return part{}, false, err
		}
	}
	return listPart(known, s.unknown), true, nil
}

// listPart is a list of known strings and unknown ones, written as one
// string when it holds one element.
func listPart(known []string, unknown int) part {
	n := len(known) + unknown
	switch {
	case len(known) == 0 && unknown > 0:
		// Not even whether it is one string or a list is known.
		return unknownPart
	case n == 1:
		return part{v: known[0]}
	}
	v := make([]any, 0, n)
	for _, s := range known {
		v = append(v, s)
	}
	if unknown == 0 {
		return part{v: v}
	}
	u := make([]any, n)
	for i := range u {
		u[i] = i >= len(known)
		if i >= len(known) {
			v = append(v, nil)
		}
	}
	return part{v: v, u: u}
}

// replaceVars turns &{ into ${ as the provider does for version
// 2012-10-17 (2008-10-17 has no policy variables and rejects &{). Under a
// version known only after apply, a string holding &{ is unknown.
func replaceVars(ss []string, version part, unknown *int) ([]string, error) {
	ver, known := version.str()
	out := ss[:0:0]
	for _, s := range ss {
		if !strings.Contains(s, "&{") {
			out = append(out, s)
			continue
		}
		switch {
		case !known:
			*unknown++
		case ver == version2008:
			return nil, fmt.Errorf("found &{ sequence in (%s), which is not supported in document version %s", s, version2008)
		default:
			out = append(out, strings.ReplaceAll(s, "&{", "${"))
		}
	}
	return out, nil
}

// toString converts a primitive argument to the string the provider
// receives, as Terraform converts it to the schema's string type.
func toString(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case json.Number:
		return x.String(), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("expected a string, got %T", v)
}

// at returns the unknown tree of a member or element: true below a wholly
// unknown value, nil (known) where the tree has nothing.
func at(u any, key any) any {
	switch t := u.(type) {
	case bool:
		if t {
			return true
		}
	case map[string]any:
		if k, ok := key.(string); ok {
			if x, ok := t[k]; ok && x != false {
				return x
			}
		}
	case []any:
		if i, ok := key.(int); ok && i < len(t) && t[i] != false {
			return t[i]
		}
	}
	return nil
}
