// Package plan turns Terraform plan JSON (terraform show -json) into the
// model document, using hashicorp/terraform-json for the plan types.
package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/parallel"
	"github.com/fiscguard/fiscguard/engine/textpos"
)

// MaxSize bounds the plan files fiscguard reads (256 MiB: a plan of a
// hundred thousand resources is smaller), so a runaway input
// gives a clear error instead of exhausting memory.
const MaxSize = 256 << 20

// Looks reports whether data looks like JSON rather than HCL: its first
// non-space byte opens a JSON object.
func Looks(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// rawPlan is tfjson.Plan without its UnmarshalJSON, which would reject a
// plan lacking format_version before we can explain why.
type rawPlan tfjson.Plan

// planDoc is the whole file in one decode: the plan, the fields
// terraform-json does not model, and those that identify a state file.
type planDoc struct {
	rawPlan
	Errored   bool            `json:"errored"`
	Values    json.RawMessage `json:"values"`
	Lineage   string          `json:"lineage"`
	Resources json.RawMessage `json:"resources"`
	// These repeat what resource_changes holds (or are not read at all);
	// they shadow rawPlan's fields so a large plan is not materialised
	// twice. planned_values is decoded only for plans that lack
	// resource_changes.
	PlannedValues      json.RawMessage `json:"planned_values"`
	ResourceDrift      json.RawMessage `json:"resource_drift"`
	OutputChanges      json.RawMessage `json:"output_changes"`
	RelevantAttributes json.RawMessage `json:"relevant_attributes"`
}

// Load parses a plan file's contents into the model. name is the file name
// used in errors and source locations.
func Load(name string, data []byte) (*model.Document, error) {
	if len(data) > MaxSize {
		return nil, &model.InputError{File: name, Msg: fmt.Sprintf("file is larger than %d MiB", MaxSize>>20)}
	}
	data, err := inputfile.UTF8(data)
	if err != nil {
		return nil, &model.InputError{File: name, Msg: err.Error()}
	}
	if !Looks(data) {
		return nil, notAnObject(name, data)
	}
	// Where each change starts is found in a pass of its own over the
	// bytes, while they are decoded.
	positions := make(chan []lineCol, 1)
	go func() { positions <- elementPositions(data, "resource_changes") }()
	var pd planDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&pd); err != nil {
		return nil, jsonError(name, data, err)
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		line, col := textpos.Position(data, int64(len(data)-len(rest)))
		return nil, &model.InputError{File: name, Line: line, Column: col, Msg: "invalid JSON: unexpected data after the end of the plan document"}
	}
	p := (*tfjson.Plan)(&pd.rawPlan)
	if p.ResourceChanges == nil && pd.PlannedValues == nil && p.Config == nil {
		return nil, &model.InputError{File: name, Msg: notAPlan(pd)}
	}
	if p.ResourceChanges == nil && len(pd.PlannedValues) > 0 && string(pd.PlannedValues) != "null" {
		dec := json.NewDecoder(bytes.NewReader(pd.PlannedValues))
		dec.UseNumber()
		if err := dec.Decode(&p.PlannedValues); err != nil {
			return nil, &model.InputError{File: name, Msg: "not a Terraform plan: planned_values: " + err.Error()}
		}
	}
	if err := checkNulls(name, data, p); err != nil {
		return nil, err
	}
	// Hand-trimmed plans may lack format_version; anything else must be a
	// version terraform-json understands.
	if p.FormatVersion != "" {
		if err := p.Validate(); err != nil {
			return nil, &model.InputError{File: name, Msg: "not a supported Terraform plan: " + err.Error()}
		}
	}
	doc, err := newBuilder(name, <-positions, p).build()
	if err != nil {
		return nil, err
	}
	doc.Errored = pd.Errored
	if len(p.Variables) > 0 {
		doc.Variables = make(map[string]any, len(p.Variables))
		for k, v := range p.Variables {
			if v != nil {
				doc.Variables[k] = v.Value
			}
		}
	}
	return doc, nil
}

// notAnObject explains input whose first byte is not '{'.
func notAnObject(name string, data []byte) error {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(t) == 0 {
		return &model.InputError{File: name, Msg: "the file is empty; expected the output of terraform show -json PLANFILE"}
	}
	line, col := textpos.Position(data, int64(len(data)-len(t)))
	return &model.InputError{File: name, Line: line, Column: col, Msg: "not a JSON plan: the document does not start with '{' (text before the JSON, such as a wrapper's output?)"}
}

func notAPlan(pd planDoc) string {
	if pd.Lineage != "" || pd.Resources != nil || pd.Values != nil {
		return "this is a Terraform state, not a plan: run terraform show -json PLANFILE on a saved plan"
	}
	return "not a Terraform plan: expected the output of terraform show -json PLANFILE (no resource_changes, planned_values or configuration)"
}

// builder carries what one conversion needs.
type builder struct {
	name string
	plan *tfjson.Plan
	// offsets of each resource_changes element, for locations in the plan file
	changeLines []lineCol
	providers   *providerIndex
	// config resources by config address (module.a.aws_x.y)
	configs map[string]*configResource
	refs    *refResolver
	// module instance addresses, parsed once each
	moduleInstances map[string]addrs.ModuleInstance
	// the first module address that could not be read
	err error
}

type configResource struct {
	res  *tfjson.ConfigResource
	path addrs.Module
}

func newBuilder(name string, changeLines []lineCol, p *tfjson.Plan) *builder {
	b := &builder{
		name:            name,
		plan:            p,
		changeLines:     changeLines,
		configs:         map[string]*configResource{},
		moduleInstances: map[string]addrs.ModuleInstance{},
	}
	b.providers = newProviderIndex(p)
	var root *tfjson.ConfigModule
	if p.Config != nil {
		root = p.Config.RootModule
	}
	b.refs = newRefResolver(root)
	for path, cm := range b.refs.modules {
		for _, r := range cm.mod.Resources {
			mi, _ := addrs.ParseModuleInstance(path)
			b.configs[addrs.Join(path, r.Address)] = &configResource{res: r, path: mi.Module()}
		}
	}
	return b
}

func (b *builder) build() (*model.Document, error) {
	p := b.plan
	doc := &model.Document{
		Kind:             model.KindPlan,
		TerraformVersion: p.TerraformVersion,
		FormatVersion:    p.FormatVersion,
		Complete:         p.Complete == nil || *p.Complete,
		Providers:        b.providers.list(),
	}
	if p.ResourceChanges != nil {
		// The changes are converted a share per core. Their module
		// addresses are read first, once each, so the shares only read
		// what the builder holds.
		for _, rc := range p.ResourceChanges {
			b.moduleInstance(rc.ModuleAddress)
		}
		doc.Resources = make([]model.Resource, len(p.ResourceChanges))
		parallel.Each(len(p.ResourceChanges), minShare, func(_, from, to int) {
			for i := from; i < to; i++ {
				r := &doc.Resources[i]
				*r = b.fromChange(p.ResourceChanges[i])
				if i < len(b.changeLines) {
					lc := b.changeLines[i]
					r.Source = &model.Location{File: b.name, Line: lc.line, Column: lc.col}
				}
			}
		})
	} else if p.PlannedValues != nil {
		// Plans from Terraform 0.12 may carry planned_values without
		// resource_changes; their resources are what will exist.
		doc.Resources = append(doc.Resources, b.fromStateModule(p.PlannedValues.RootModule, "create")...)
	}
	doc.Resources = append(doc.Resources, b.priorDataSources(doc.Resources)...)
	if b.err != nil {
		return nil, b.err
	}
	keys := make([]addrs.Key, len(doc.Resources))
	for i := range doc.Resources {
		r := &doc.Resources[i]
		keys[i], _ = addrs.KeyOf(r.Index)
		b.refs.add(r, b.moduleInstances[r.Module], keys[i])
	}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		if cr, ok := b.configs[r.ConfigAddress]; ok {
			b.refs.resolve(r, cr, b.moduleInstances[r.Module], keys[i])
			if r.Unknown != nil {
				r.Unknown = configuredUnknown(r.Unknown, cr.res.Expressions, r)
			}
		}
	}
	doc.Outputs = b.refs.rootOutputs()
	b.attachDocuments(doc)
	doc.LinkProviders()
	return doc, nil
}

// minShare is the fewest changes worth converting on a core of their own.
const minShare = 1000

func (b *builder) fromChange(rc *tfjson.ResourceChange) model.Resource {
	r := b.newResource(rc.Address, rc.ModuleAddress, string(rc.Mode), rc.Type, rc.Name, rc.Index)
	if rc.Change != nil {
		for _, a := range rc.Change.Actions {
			r.Actions = append(r.Actions, string(a))
		}
		after := rc.Change.After
		if r.Checked() || r.Mode == model.ModeData {
			r.Values, _ = after.(map[string]any)
		} else {
			// Deleted resources keep their last values for context.
			r.Values, _ = rc.Change.Before.(map[string]any)
		}
		r.Unknown, _ = rc.Change.AfterUnknown.(map[string]any)
		r.Values = redact(r.Values, rc.Change.AfterSensitive)
		if !r.Checked() && r.Mode == model.ModeManaged {
			r.Values = redact(r.Values, rc.Change.BeforeSensitive)
		}
	}
	b.setRegion(&r)
	return r
}

func (b *builder) fromStateModule(m *tfjson.StateModule, action string) []model.Resource {
	if m == nil {
		return nil
	}
	var out []model.Resource
	for _, sr := range m.Resources {
		r := b.newResource(sr.Address, m.Address, string(sr.Mode), sr.Type, sr.Name, sr.Index)
		r.Actions = []string{action}
		if sr.Mode == tfjson.DataResourceMode {
			r.Actions = []string{"read"}
		}
		r.Values = redact(sr.AttributeValues, sensitiveTree(sr.SensitiveValues))
		b.setRegion(&r)
		out = append(out, r)
	}
	for _, c := range m.ChildModules {
		out = append(out, b.fromStateModule(c, action)...)
	}
	return out
}

// priorDataSources adds data sources read before the plan (kept in
// prior_state) that resource_changes does not list.
func (b *builder) priorDataSources(have []model.Resource) []model.Resource {
	if b.plan.PriorState == nil || b.plan.PriorState.Values == nil {
		return nil
	}
	seen := make(map[string]bool, len(have))
	for _, r := range have {
		seen[r.Address] = true
	}
	var out []model.Resource
	for _, r := range b.fromStateModule(b.plan.PriorState.Values.RootModule, "read") {
		if r.Mode == model.ModeData && !seen[r.Address] {
			out = append(out, r)
		}
	}
	return out
}

func (b *builder) newResource(address, module, mode, typ, name string, index any) model.Resource {
	mi := b.moduleInstance(module)
	r := model.Resource{
		Address:       address,
		ConfigAddress: addrs.ConfigResource{Module: mi.Module(), Resource: addrs.Resource{Mode: mode, Type: typ, Name: name}}.String(),
		Module:        module,
		Mode:          mode,
		Type:          typ,
		Name:          name,
		Index:         normaliseIndex(index),
	}
	if cr, ok := b.configs[r.ConfigAddress]; ok {
		r.Provider, r.Region = b.providers.resolve(cr.path, cr.res.ProviderConfigKey)
	} else {
		r.Provider, r.Region = b.providers.resolve(mi.Module(), providerLocalName(typ))
	}
	return r
}

// moduleInstance reads a module instance address once; an address that is
// not one is an input error.
func (b *builder) moduleInstance(s string) addrs.ModuleInstance {
	if mi, ok := b.moduleInstances[s]; ok {
		return mi
	}
	mi, err := addrs.ParseModuleInstance(s)
	if err != nil && b.err == nil {
		b.err = &model.InputError{File: b.name, Msg: "not a Terraform plan: " + err.Error()}
	}
	b.moduleInstances[s] = mi
	return mi
}

// setRegion gives a resource the region its own region argument sets (AWS
// provider v6), "" while that is known only after apply, instead of its
// provider's. The provider plans the argument for every resource, with its
// configuration's region where it is null, so it is the resource's own only
// where the configuration writes a value: a constant or a variable the plan
// records (as for a provider's region), or else one known only after apply
// or naming another region. A reference the plan cannot follow that names
// the provider's own region reads as the provider's; a plan without
// configuration shows an own region only where it differs.
func (b *builder) setRegion(r *model.Resource) {
	reg, _ := r.Values["region"].(string)
	if reg == model.Redacted {
		reg = ""
	}
	other := reg != "" && reg != r.Region
	cr, ok := b.configs[r.ConfigAddress]
	switch {
	case !ok:
		r.RegionWritten = other
	case cr.res.Expressions["region"] == nil:
	case b.providers.stringValue(cr.res.Expressions["region"], cr.path, 0) != "":
		r.RegionWritten = true
	default:
		e := cr.res.Expressions["region"]
		r.RegionWritten = other || (e.ExpressionData != nil && len(e.References) > 0 && r.Unknown["region"] == true)
	}
	if r.RegionWritten {
		r.Region = reg
	}
}

// providerLocalName guesses a resource's provider from its type prefix, as
// Terraform does when no provider argument is given.
func providerLocalName(typ string) string {
	if i := strings.IndexByte(typ, '_'); i > 0 {
		return typ[:i]
	}
	return typ
}

func normaliseIndex(index any) any {
	if n, ok := index.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return i
		}
		return n.String()
	}
	return index
}
