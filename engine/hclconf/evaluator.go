package hclconf

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/jsonerr"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/tffunc"
)

// Options are the inputs Terraform would take from its command line and
// environment.
type Options struct {
	// Vars are -var NAME=VALUE assignments and VarFiles -var-file paths; both
	// apply in the order given, after the directory's tfvars files.
	Vars     []string
	VarFiles []string
	// Env is the environment, read for TF_VAR_NAME values.
	Env []string
	// Workspace is terraform.workspace ("default" when empty).
	Workspace string
	// Values are variable values given as JSON-like Go values (a plan's
	// variables), applied after every other source.
	Values map[string]any
	// Root is the repository root locations are relative to; by default the
	// nearest directory holding .git, or the scanned directory.
	Root string
}

// maxNotes bounds how many evaluation notes one scan reports.
const maxNotes = 100

// evaluator holds what one directory's evaluation shares across modules.
type evaluator struct {
	ps        *parser
	opts      Options
	scanDir   string // absolute
	root      string // the repository root (or scanDir outside git), absolute
	confine   inputfile.Root
	modules   map[string]*module
	funcs     map[string]map[string]function.Function
	installed map[string]string // .terraform/modules/modules.json: key → directory
	resources int
	// module instances so far (maxModuleInstances), and the first value
	// past the budget (see overBudget)
	moduleInstances int
	err             error
	out             []*model.Resource
	providers       []model.Provider
	calls           []model.ModuleCall
	// the nodes being evaluated, for naming a dependency cycle
	stack      []string
	stackRange []hcl.Range
	notes      []i18n.Text
	noted      map[string]bool
	// secrets are where sensitive values are written (see markSensitive).
	secrets []hcl.Range
}

// Load evaluates the Terraform configuration in dir into a model document,
// and returns notes, in both languages, about what could not be evaluated.
// Source locations are relative to the repository root holding dir (or to
// dir outside git).
func Load(dir string, opts Options) (*model.Document, []i18n.Text, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, &model.InputError{File: dir, Msg: err.Error()}
	}
	if opts.Workspace == "" {
		opts.Workspace = "default"
	}
	ev := &evaluator{
		opts:    opts,
		scanDir: abs,
		root:    inputfile.RepoRoot(abs),
		modules: map[string]*module{},
		funcs:   map[string]map[string]function.Function{},
		noted:   map[string]bool{},
	}
	if opts.Root != "" {
		if ev.root, err = filepath.Abs(opts.Root); err != nil {
			return nil, nil, &model.InputError{File: opts.Root, Msg: err.Error()}
		}
	}
	ev.confine = inputfile.NewRoot(ev.root)
	ev.ps = &parser{p: hclparse.NewParser(), root: ev.root, rel: ev.rel, note: ev.note, confine: ev.confine, given: map[string]bool{}}
	for _, f := range opts.VarFiles {
		if a, err := filepath.Abs(f); err == nil {
			ev.ps.given[a] = true
		}
	}
	if err := ev.readInstalledModules(); err != nil {
		return nil, nil, err
	}
	mod, err := ev.module(abs)
	if err != nil {
		return nil, nil, err
	}
	root := ev.newInstance(mod, "", nil)
	root.stack = []string{abs}
	if err := ev.rootVariables(root); err != nil {
		return nil, nil, err
	}
	if err := root.evaluateAll(); err != nil {
		return nil, nil, err
	}
	if ev.err != nil {
		return nil, nil, ev.err
	}
	ev.collectProviders(root)
	outputs, err := root.outputRefs()
	if err != nil {
		return nil, nil, err
	}
	doc := &model.Document{Kind: model.KindHCL, Complete: true, Providers: ev.providers, Outputs: outputs, Modules: ev.calls, Sources: ev.sources()}
	sort.Slice(doc.Modules, func(i, j int) bool { return doc.Modules[i].Address < doc.Modules[j].Address })
	doc.Resources = make([]model.Resource, len(ev.out))
	for i, r := range ev.out {
		doc.Resources[i] = *r
	}
	sort.SliceStable(doc.Resources, func(i, j int) bool { return doc.Resources[i].Address < doc.Resources[j].Address })
	doc.LinkProviders()
	return doc, ev.notes, nil
}

// rel renders an absolute path relative to the root, with forward slashes.
func (ev *evaluator) rel(path string) string {
	r, err := filepath.Rel(ev.root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(r)
}

func (ev *evaluator) where(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d", ev.rel(rng.Filename), rng.Start.Line)
}

func (ev *evaluator) location(rng hcl.Range) *model.Location {
	return &model.Location{File: ev.rel(rng.Filename), Line: rng.Start.Line, Column: rng.Start.Column, EndLine: rng.End.Line, EndColumn: rng.End.Column}
}

// note records a message once; past maxNotes the rest are left out, and
// one last note says so.
func (ev *evaluator) note(msg i18n.Text) {
	if ev.noted[msg.En] {
		return
	}
	ev.noted[msg.En] = true
	switch {
	case len(ev.notes) < maxNotes:
		ev.notes = append(ev.notes, msg)
	case len(ev.notes) == maxNotes:
		ev.notes = append(ev.notes, i18n.Text{En: "further evaluation notes were left out", Ja: "これ以降の評価に関する注意は省略した"})
	}
}

// notef notes a message formatted in each language from the same arguments.
func (ev *evaluator) notef(en, ja string, args ...any) {
	ev.note(i18n.Sprintf(i18n.Text{En: en, Ja: ja}, args...))
}

// module parses a directory once.
func (ev *evaluator) module(dir string) (*module, error) {
	if m, ok := ev.modules[dir]; ok {
		return m, nil
	}
	m, err := ev.ps.loadModule(dir)
	if err != nil {
		return nil, err
	}
	ev.modules[dir] = m
	return m, nil
}

func (ev *evaluator) newInstance(mod *module, addr string, path []string) *moduleInstance {
	return &moduleInstance{
		ev:         ev,
		mod:        mod,
		addr:       addr,
		path:       path,
		vars:       map[string]cty.Value{},
		varOrigins: map[string]*model.Location{},
		values:     map[string]cty.Value{},
		visiting:   map[string]bool{},
		calls:      map[string]*callExpansion{},
		providers:  map[string]providerRef{},
		expansions: map[string]*addrs.Expansion[*model.Resource]{},
		callInsts:  map[string]*addrs.Expansion[*moduleInstance]{},
		valueRefs:  map[string]*addrs.Targets{},
		funcs:      ev.functions(mod),
	}
}

// paths is path.* for a module. As in Terraform, relative paths are
// relative to the working directory, the scanned root module's directory:
// path.root is ".", path.module the module's directory from there.
func (ev *evaluator) paths(mod *module) cty.Value {
	module, err := filepath.Rel(ev.scanDir, mod.dir)
	if err != nil {
		module = mod.dir
	}
	return cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(filepath.ToSlash(module)),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal("."),
	})
}

// functions is Terraform's function table for a module, built once per
// module. File functions resolve paths against the scanned directory, as
// Terraform does against its working directory, and read only inside the
// repository root. A call of any function fiscguard does not know (a newer
// built-in, a provider-defined function) yields an unknown value with a
// note instead of failing the evaluation.
func (ev *evaluator) functions(mod *module) map[string]function.Function {
	if f, ok := ev.funcs[mod.dir]; ok {
		return f
	}
	table := tffunc.Table(ev.root, ev.scanDir)
	table["replace"] = replacingInDocuments(table["replace"])
	table["jsonencode"] = encodingDocuments(table["jsonencode"])
	for _, name := range functionNames(mod) {
		if _, ok := table[name]; !ok {
			ev.notef("%s: function %s is not supported; values that use it are treated as known only after apply",
				"%s: 関数 `%s` には対応していない。これを使う値は適用後まで確定しない値として扱う", ev.rel(mod.dir), name)
			table[name] = unknownFunction
		}
	}
	ev.funcs[mod.dir] = table
	return table
}

// unknownFunction accepts anything and returns an unknown value.
var unknownFunction = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

// maxManifestSize bounds .terraform/modules/modules.json.
const maxManifestSize = 16 << 20

// readInstalledModules reads .terraform/modules/modules.json, written by
// terraform init, so downloaded modules are evaluated offline.
func (ev *evaluator) readInstalledModules() error {
	path := filepath.Join(ev.scanDir, ".terraform", "modules", "modules.json")
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	data, err := ev.ps.read(path, maxManifestSize)
	if err != nil {
		return err
	}
	var manifest struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		e := jsonerr.Describe(data, err)
		return &model.InputError{File: ev.rel(path), Line: e.Line, Column: e.Column, Msg: "not a Terraform module manifest: " + e.Msg}
	}
	ev.installed = map[string]string{}
	for _, m := range manifest.Modules {
		if m.Key != "" {
			ev.installed[m.Key] = filepath.Join(ev.scanDir, filepath.FromSlash(m.Dir))
		}
	}
	return nil
}

// moduleDir finds a module call's directory: a local path, or one that
// terraform init installed. When the module is not available, why says
// what to note instead: its source, and whether it lies outside the
// repository root, where nothing is read.
func (ev *evaluator) moduleDir(in *moduleInstance, c *moduleCall) (dir string, why i18n.Text, err error) {
	if isLocalSource(c.source) {
		dir = filepath.Join(in.mod.dir, filepath.FromSlash(c.source))
		if ev.confine.Check(dir) != nil {
			return "", i18n.Sprintf(outsideRoot, c.source), nil
		}
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			return "", why, in.errAt(c.rng, "module %q: source %s is not a directory", c.name, c.source)
		}
		return dir, why, nil
	}
	key := strings.TrimPrefix(in.keyDir+"."+c.name, ".")
	if dir, ok := ev.installed[key]; ok {
		if ev.confine.Check(dir) != nil {
			return "", i18n.Sprintf(outsideRoot, c.source), nil
		}
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir, why, nil
		}
	}
	return "", i18n.Text{En: c.source, Ja: c.source}, nil
}

// outsideRoot says why a module is not evaluated: nothing outside the
// repository root is read.
var outsideRoot = i18n.Text{En: "outside the repository root: %s", Ja: "リポジトリのルートの外: %s"}

// isLocalSource reports whether a module source is a path in the same repository.
func isLocalSource(source string) bool {
	return strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../")
}

// collectProviders lists every provider configuration in force, sorted by key.
func (ev *evaluator) collectProviders(root *moduleInstance) {
	seen := map[string]bool{}
	var walk func(in *moduleInstance)
	walk = func(in *moduleInstance) {
		for _, key := range slices.Sorted(maps.Keys(in.providers)) {
			p := in.providers[key]
			if seen[p.key] {
				continue
			}
			seen[p.key] = true
			mp := model.ProviderForKey(p.key)
			if p.sourceAddr != "" {
				mp.Address = model.ProviderAddress(mp.Module, p.sourceAddr, mp.Alias)
			}
			mp.Region, mp.Source, mp.RegionSource, mp.RegionWritten = p.region, p.source, p.regionSource, p.regionSource != nil
			ev.providers = append(ev.providers, mp)
		}
		for _, name := range slices.Sorted(maps.Keys(in.calls)) {
			for _, c := range in.calls[name].children {
				walk(c)
			}
		}
	}
	walk(root)
	sort.Slice(ev.providers, func(i, j int) bool { return ev.providers[i].Key < ev.providers[j].Key })
}

// newResource records one evaluated resource instance.
func (ev *evaluator) newResource(in *moduleInstance, r *resource, k instanceKey, prov providerRef, attrs map[string]cty.Value, locs map[string]*model.Location) *model.Resource {
	res := &model.Resource{
		Address:       addrs.Join(in.addr, r.local()+addrs.KeyString(k.addr())),
		ConfigAddress: addrs.Join(addrs.Module(in.path).String(), r.local()),
		Module:        in.addr,
		Mode:          r.mode,
		Type:          r.typ,
		Name:          r.name,
		Index:         k.index,
		Provider:      prov.key,
		Region:        prov.region,
		Actions:       []string{},
		Source:        ev.location(r.rng),
		Extent:        ev.location(r.extent),
		Uncertain:     in.uncertain || k.unknown,
		Locations:     locs,
	}
	if r.mode == "data" {
		res.Actions = []string{"read"}
	}
	if in.remoteCall != nil {
		// The module's files are not in the repository: point at the call.
		res.Related, res.Source, res.Locations, res.Extent = res.Source, in.remoteCall, nil, in.remoteCall
	}
	res.Values, res.Unknown = toModel(attrs)
	res.Documents = policyDocuments(attrs)
	// A region argument of the resource's own (AWS provider v6) places it,
	// not its provider configuration; "" while it is known only after apply.
	// Null leaves the provider's (modules pass region = var.region, null
	// by default).
	if _, ok := r.body.attrs["region"]; ok && (res.Values["region"] != nil || res.Unknown["region"] == true) {
		res.RegionWritten = true
		res.Region, _ = res.Values["region"].(string)
		if res.Region == model.Redacted {
			res.Region = ""
		}
	}
	ev.out = append(ev.out, res)
	return res
}
