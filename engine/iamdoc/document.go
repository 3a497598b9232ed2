package iamdoc

import (
	"bytes"
	"encoding/json"

	"github.com/fiscguard/fiscguard/engine/model"
)

// part is a JSON value known in part: v as encoding/json decodes it (nil
// for null or unknown); u is nil when the value is wholly known, true when
// it is unknown, and otherwise the unknown tree of its parts, as in the
// model.
type part struct {
	v, u any
}

var unknownPart = part{u: true}

// str returns a wholly known string part's value.
func (p part) str() (string, bool) {
	if p.u != nil {
		return "", false
	}
	s, _ := p.v.(string)
	return s, true
}

// fieldOrder is the order in which the provider writes a statement's
// members.
var fieldOrder = []string{"Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"}

// statement is one policy statement. An unknown statement stands for the
// statements a block known only after apply may generate (none or many).
type statement struct {
	unknown bool
	fields  map[string]part // by JSON name; an absent member is not written
}

// sid returns the statement's Sid ("" when it has none) and whether it is
// known.
func (s *statement) sid() (string, bool) {
	if s.unknown {
		return "", false
	}
	p, ok := s.fields["Sid"]
	if !ok {
		return "", true
	}
	return p.str()
}

// document is a policy document known in part. unknownStatements means
// which statements it has is known only after apply.
type document struct {
	version, id       part
	statements        []*statement
	unknownStatements bool
}

// unknownDocument is a document of which nothing is known.
func unknownDocument() *document {
	return &document{version: unknownPart, id: unknownPart, unknownStatements: true}
}

// How a document's statements may replace those merged before it, by Sid.
type mergeMode int

const (
	// appendOnly: a source document, whose Sids the provider requires to be
	// unique among all source documents, never replaces a statement.
	appendOnly mergeMode = iota
	// unique: the data source's own statements, whose Sids are unique among
	// themselves, may replace only statements merged before them.
	unique
	// replace: an override document's statements replace any statement with
	// the same Sid, even one of its own.
	replace
)

// merge merges src into d as the provider does: src's Id replaces d's, its
// Version replaces d's when greater, and each statement replaces d's with
// the same Sid or is appended. When it is unknown which statement a Sid
// would replace, which statements d holds is unknown.
func (d *document) merge(src *document, mode mergeMode) {
	switch id, ok := src.id.str(); {
	case !ok:
		d.id = unknownPart
	case id != "":
		d.id = src.id
	}
	nv, nok := src.version.str()
	ov, ook := d.version.str()
	switch {
	case nok && nv == "":
	case !nok || !ook:
		d.version = unknownPart
	case nv > ov:
		d.version = src.version
	}
	if d.unknownStatements || src.unknownStatements {
		d.statements, d.unknownStatements = nil, true
		return
	}
	before := len(d.statements)
	for _, st := range src.statements {
		if mode == appendOnly {
			d.statements = append(d.statements, st)
			continue
		}
		candidates := d.statements
		if mode == unique {
			candidates = d.statements[:before]
		}
		i, certain := find(candidates, st)
		switch {
		case !certain:
			d.statements, d.unknownStatements = nil, true
			return
		case i >= 0:
			d.statements[i] = st
		default:
			d.statements = append(d.statements, st)
		}
	}
}

// find returns the index of the first of sts that st replaces (-1 for none)
// and whether that is certain: it is not when st's Sid is unknown and some
// statement has a Sid, or when a statement before the match has an unknown
// Sid.
func find(sts []*statement, st *statement) (int, bool) {
	sid, known := st.sid()
	if known && sid == "" {
		return -1, true
	}
	for i, x := range sts {
		s, k := x.sid()
		switch {
		case !k || (!known && s != ""):
			return -1, false
		case known && s == sid:
			return i, true
		}
	}
	return -1, true
}

// known reports whether the whole document is known.
func (d *document) known() bool {
	if d.version.u != nil || d.id.u != nil || d.unknownStatements {
		return false
	}
	for _, st := range d.statements {
		if st.unknown {
			return false
		}
		for _, p := range st.fields {
			if p.u != nil {
				return false
			}
		}
	}
	return true
}

// model returns the document as the model holds it: Value shaped as the
// JSON decodes, with null where a member, element or statement is unknown.
func (d *document) model() model.PolicyDocument {
	value := map[string]any{}
	unknown := map[string]any{}
	for _, m := range []struct {
		name string
		p    part
	}{{"Version", d.version}, {"Id", d.id}} {
		if s, ok := m.p.str(); !ok {
			value[m.name], unknown[m.name] = nil, true
		} else if s != "" {
			value[m.name] = s
		}
	}
	switch {
	case d.unknownStatements:
		value["Statement"], unknown["Statement"] = nil, true
	case len(d.statements) > 0:
		values := make([]any, len(d.statements))
		unks := make([]any, len(d.statements))
		anyUnknown := false
		for i, st := range d.statements {
			values[i], unks[i] = st.model()
			anyUnknown = anyUnknown || unks[i] != false
		}
		value["Statement"] = values
		if anyUnknown {
			unknown["Statement"] = unks
		}
	}
	if len(unknown) == 0 {
		unknown = nil
	}
	return model.PolicyDocument{Value: value, Unknown: unknown}
}

func (st *statement) model() (any, any) {
	if st.unknown {
		return nil, true
	}
	value := map[string]any{}
	unknown := map[string]any{}
	for name, p := range st.fields {
		if p.u != nil {
			value[name], unknown[name] = p.v, p.u
		} else if !omitted(name, p.v) {
			value[name] = p.v
		}
	}
	if len(unknown) == 0 {
		return value, false
	}
	return value, unknown
}

// omitted is true for a member the provider leaves out: an empty Sid or
// Effect, an absent value.
func omitted(name string, v any) bool {
	if v == nil {
		return true
	}
	if name == "Sid" || name == "Effect" {
		return v == ""
	}
	return false
}

// json renders a wholly known document as the provider writes json (two
// spaces indent) and minified_json.
func (d *document) json() (string, string, error) {
	top := object{}
	for _, m := range []struct {
		name string
		p    part
	}{{"Version", d.version}, {"Id", d.id}} {
		if s, _ := m.p.str(); s != "" {
			top = append(top, member{m.name, s})
		}
	}
	if len(d.statements) > 0 {
		sts := make([]any, len(d.statements))
		for i, st := range d.statements {
			o := object{}
			for _, name := range fieldOrder {
				if p, ok := st.fields[name]; ok && !omitted(name, p.v) {
					o = append(o, member{name, p.v})
				}
			}
			sts[i] = o
		}
		top = append(top, member{"Statement", sts})
	}
	pretty, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		return "", "", err
	}
	minified, err := json.Marshal(top)
	if err != nil {
		return "", "", err
	}
	return string(pretty), string(minified), nil
}

// object is a JSON object whose members keep their order.
type object []member

type member struct {
	name  string
	value any
}

func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(m.name)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
