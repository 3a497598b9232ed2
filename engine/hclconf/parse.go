package hclconf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/textpos"
)

// module is one configuration directory, parsed and merged with its
// override files.
type module struct {
	dir       string
	variables map[string]*variable
	locals    map[string]*attribute
	resources map[string]*resource // by local address: aws_x.y or data.aws_x.y
	calls     map[string]*moduleCall
	outputs   map[string]*output
	providers map[string]*providerConfig // by key: aws or aws.alias
	// providerSources maps a provider's local name to the source address
	// required_providers gives it (registry.terraform.io/hashicorp/aws).
	providerSources map[string]string
	// attrNames is every attribute name the module's expressions read.
	attrNames map[string]bool
}

type variable struct {
	name      string
	typ       cty.Type
	defaults  *typeexpr.Defaults
	def       *cty.Value
	defRng    hcl.Range // where the default is written
	sensitive bool
	// nullable false makes a null from the caller mean "use the default".
	nullable bool
	rng      hcl.Range
	// defRange is where the default is written (zero without one).
	defRange hcl.Range
}

// attribute is a name = expression pair.
type attribute struct {
	name string
	expr hcl.Expression
	rng  hcl.Range
}

// body is a block body as fiscguard evaluates it: attributes and nested
// blocks in source order, merged across override files.
type body struct {
	attrs  map[string]*attribute
	blocks []*block
}

// block is a nested block, or a dynamic block that expands into several.
type block struct {
	typ    string
	labels []string
	body   *body
	rng    hcl.Range
	// dynamic blocks: for_each, the iterator name and the content body
	dynamic  bool
	forEach  hcl.Expression
	iterator string
}

type resource struct {
	mode, typ, name string
	count, forEach  hcl.Expression
	provider        string // provider reference, e.g. aws.virginia; "" for the default
	body            *body
	rng             hcl.Range // the block's header
	extent          hcl.Range // the whole block
}

func (r *resource) local() string {
	if r.mode == "data" {
		return "data." + r.typ + "." + r.name
	}
	return r.typ + "." + r.name
}

type moduleCall struct {
	name, source, version string
	count, forEach        hcl.Expression
	providers             map[string]string // child key → parent key
	args                  map[string]*attribute
	rng                   hcl.Range
}

type output struct {
	name      string
	expr      hcl.Expression
	sensitive bool
	rng       hcl.Range
}

type providerConfig struct {
	name, alias string
	body        *body
	rng         hcl.Range
}

func (p *providerConfig) key() string {
	if p.alias != "" {
		return p.name + "." + p.alias
	}
	return p.name
}

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "moved"}, {Type: "import"}, {Type: "removed"}, {Type: "check", LabelNames: []string{"name"}},
}}

// configFiles lists a directory's configuration files, primary files first,
// then override files, each group in lexical order as Terraform reads them.
func configFiles(dir string) (primary, override []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") {
			continue
		}
		base, ok := strings.CutSuffix(name, ".tf")
		if !ok {
			base, ok = strings.CutSuffix(name, ".tf.json")
		}
		if !ok {
			continue
		}
		if base == "override" || strings.HasSuffix(base, "_override") {
			override = append(override, filepath.Join(dir, name))
		} else {
			primary = append(primary, filepath.Join(dir, name))
		}
	}
	sort.Strings(primary)
	sort.Strings(override)
	return primary, override, nil
}

// parser parses files once and reports diagnostics as input errors with
// paths relative to the scan's root.
type parser struct {
	p    *hclparse.Parser
	root string
	// confine keeps reads inside the repository root; given holds the
	// paths named on the command line (--var-file), which may be elsewhere.
	confine inputfile.Root
	given   map[string]bool
	// rel renders an absolute path for messages and locations.
	rel func(string) string
	// note records what was read leniently (see evaluator.note).
	note func(i18n.Text)
	// above matches the root and the directories above it (see oneLine).
	above *regexp.Regexp
}

// Limits on one configuration file, so a pathological file is an error
// rather than exhausted memory or stack.
const (
	MaxFileSize = 64 << 20
	maxNesting  = 1000
)

func (ps *parser) parseFile(path string) (*hcl.File, error) {
	src, err := ps.read(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		if err := ps.tooDeep(path, src, textpos.TooDeep, textpos.JSONTemplatesTooDeep); err != nil {
			return nil, err
		}
		f, diags = ps.p.ParseJSON(src, path)
	} else {
		if err := ps.tooDeep(path, src, func(src []byte, limit int) (int, int, bool) { return textpos.HCLTooDeep(src, false, limit) }); err != nil {
			return nil, err
		}
		f, diags = ps.p.ParseHCL(src, path)
	}
	if diags.HasErrors() {
		return nil, ps.diagError(diags)
	}
	return f, nil
}

// tooDeep refuses a file that nests brackets, templates or operators past
// maxNesting: HCL's parser and evaluator recurse once per level, and Go
// cannot recover from the stack overflow that follows.
func (ps *parser) tooDeep(path string, src []byte, checks ...func([]byte, int) (int, int, bool)) error {
	for _, check := range checks {
		if line, col, deep := check(src, maxNesting); deep {
			return &model.InputError{File: ps.rel(path), Line: line, Column: col, Msg: fmt.Sprintf("brackets or operators are nested more than %d deep", maxNesting)}
		}
	}
	return nil
}

// read reads a file of the configuration within the root and the size
// limit, as UTF-8.
func (ps *parser) read(path string, limit int64) ([]byte, error) {
	check := ps.confine.Check
	if ps.given[path] {
		check = ps.confine.CheckGiven
	}
	src, err := []byte(nil), check(path)
	if err == nil {
		src, err = inputfile.Read(path, limit)
	}
	if err == nil {
		src, err = inputfile.UTF8(src)
	}
	if err != nil {
		return nil, &model.InputError{File: ps.rel(path), Msg: inputfile.Describe(err)}
	}
	return src, nil
}

// oneLine folds a diagnostic's text onto one line, with paths relative to
// the repository root (HCL names files by the absolute paths it was given,
// and a value such as abspath(".") may be quoted): the root is ".", a
// directory above it "..", so no message shows where the machine keeps
// the repository.
func (ps *parser) oneLine(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	if ps.above == nil {
		var dirs []string // longest first, so the nearest directory is matched
		for d := filepath.Clean(ps.root); filepath.Dir(d) != d; d = filepath.Dir(d) {
			dirs = append(dirs, regexp.QuoteMeta(d))
		}
		if len(dirs) == 0 {
			return msg
		}
		ps.above = regexp.MustCompile(`(` + strings.Join(dirs, "|") + `)(` + regexp.QuoteMeta(string(filepath.Separator)) + `|\b|$)`)
	}
	return ps.above.ReplaceAllStringFunc(msg, func(m string) string {
		sub := ps.above.FindStringSubmatch(m)
		rel, err := filepath.Rel(ps.root, sub[1])
		if err != nil {
			return m
		}
		switch {
		case sub[2] != "" && rel == ".":
			return "" // a file of the repository, by its relative path
		case sub[2] != "":
			return filepath.ToSlash(rel) + "/"
		}
		return filepath.ToSlash(rel)
	})
}

// diagError turns the first error diagnostic into a one-line input error.
func (ps *parser) diagError(diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		msg = ps.oneLine(msg)
		if d.Subject != nil {
			return &model.InputError{File: ps.rel(d.Subject.Filename), Line: d.Subject.Start.Line, Column: d.Subject.Start.Column, Msg: msg}
		}
		return &model.InputError{File: ps.rel(ps.root), Msg: msg}
	}
	return nil
}

// loadModule parses and merges one directory.
func (ps *parser) loadModule(dir string) (*module, error) {
	primary, override, err := configFiles(dir)
	if err != nil {
		return nil, &model.InputError{File: ps.rel(dir), Msg: inputfile.Describe(err)}
	}
	if len(primary) == 0 && len(override) == 0 {
		return nil, &model.InputError{File: ps.rel(dir), Msg: "no Terraform configuration files (*.tf, *.tf.json) in this directory"}
	}
	m := &module{
		dir:       dir,
		variables: map[string]*variable{},
		locals:    map[string]*attribute{},
		resources: map[string]*resource{},
		calls:     map[string]*moduleCall{},
		outputs:   map[string]*output{},
		providers: map[string]*providerConfig{},

		providerSources: map[string]string{},
	}
	for _, path := range primary {
		if err := ps.addFile(m, path, false); err != nil {
			return nil, err
		}
	}
	for _, path := range override {
		if err := ps.addFile(m, path, true); err != nil {
			return nil, err
		}
	}
	m.attrNames = collectAttrNames(m)
	return m, nil
}

func (ps *parser) addFile(m *module, path string, isOverride bool) error {
	f, err := ps.parseFile(path)
	if err != nil {
		return err
	}
	content, _, diags := f.Body.PartialContent(fileSchema)
	if diags.HasErrors() {
		return ps.diagError(diags)
	}
	for _, blk := range content.Blocks {
		var err error
		switch blk.Type {
		case "variable":
			err = ps.addVariable(m, blk, isOverride)
		case "locals":
			err = ps.addLocals(m, blk, isOverride)
		case "resource", "data":
			err = ps.addResource(m, blk, isOverride)
		case "module":
			err = ps.addModuleCall(m, blk, isOverride)
		case "output":
			err = ps.addOutput(m, blk, isOverride)
		case "provider":
			err = ps.addProvider(m, blk, isOverride)
		case "terraform":
			err = ps.addRequiredProviders(m, blk)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (ps *parser) errAt(rng hcl.Range, format string, args ...any) error {
	return &model.InputError{File: ps.rel(rng.Filename), Line: rng.Start.Line, Column: rng.Start.Column, Msg: fmt.Sprintf(format, args...)}
}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "default"}, {Name: "type"}, {Name: "sensitive"}, {Name: "description"}, {Name: "nullable"}, {Name: "ephemeral"},
}, Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}}}

func (ps *parser) addVariable(m *module, blk *hcl.Block, isOverride bool) error {
	name := blk.Labels[0]
	v, exists := m.variables[name]
	if exists && !isOverride {
		return ps.errAt(blk.DefRange, "duplicate variable %q", name)
	}
	if !exists {
		v = &variable{name: name, typ: cty.DynamicPseudoType, nullable: true, rng: blk.DefRange}
	}
	content, _, diags := blk.Body.PartialContent(variableSchema)
	if diags.HasErrors() {
		return ps.diagError(diags)
	}
	if a, ok := content.Attributes["type"]; ok {
		v.typ, v.defaults = typeConstraint(a.Expr)
	}
	if a, ok := content.Attributes["default"]; ok {
		v.defRange = a.Range
		// Terraform requires a constant default; one that refers to other
		// values is read as no default, with a note, so the scan goes on.
		if val, diags := a.Expr.Value(nil); diags.HasErrors() {
			ps.note(i18n.Sprintf(i18n.Text{En: "%s:%d: the default of variable %q is not a constant; ignored", Ja: "%s:%d: 変数 %q の既定値が定数ではないため無視した"},
				ps.rel(a.Range.Filename), a.Range.Start.Line, name))
		} else {
			v.def = &val
			v.defRng = a.Range
		}
	}
	if a, ok := content.Attributes["sensitive"]; ok {
		val, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return ps.diagError(diags)
		}
		v.sensitive = val.Type() == cty.Bool && val.IsKnown() && !val.IsNull() && val.True()
	}
	if a, ok := content.Attributes["nullable"]; ok {
		val, diags := a.Expr.Value(nil)
		if diags.HasErrors() {
			return ps.diagError(diags)
		}
		v.nullable = !(val.Type() == cty.Bool && val.IsKnown() && !val.IsNull() && val.False())
	}
	m.variables[name] = v
	return nil
}

// typeConstraint reads a variable's type. Terraform 0.11's forms (a bare
// map or list, or a quoted "string") still appear in real modules; they and
// anything else unreadable constrain nothing, since checking types is
// Terraform's job, not a scanner's.
func typeConstraint(expr hcl.Expression) (cty.Type, *typeexpr.Defaults) {
	typ, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
	if !diags.HasErrors() {
		return typ, defaults
	}
	keyword := hcl.ExprAsKeyword(expr)
	if keyword == "" {
		if v, diags := expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			keyword = v.AsString()
		}
	}
	switch keyword {
	case "string":
		return cty.String, nil
	case "list":
		return cty.List(cty.DynamicPseudoType), nil
	case "map":
		return cty.Map(cty.DynamicPseudoType), nil
	}
	return cty.DynamicPseudoType, nil
}

func (ps *parser) addLocals(m *module, blk *hcl.Block, isOverride bool) error {
	attrs, diags := blk.Body.JustAttributes()
	if diags.HasErrors() {
		return ps.diagError(diags)
	}
	for name, a := range attrs {
		if _, dup := m.locals[name]; dup && !isOverride {
			return ps.errAt(a.NameRange, "duplicate local value %q", name)
		}
		m.locals[name] = &attribute{name: name, expr: a.Expr, rng: a.Range}
	}
	return nil
}

// Meta-arguments and blocks that configure Terraform rather than the resource.
var (
	resourceMeta      = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true}
	resourceMetaBlock = map[string]bool{"lifecycle": true, "provisioner": true, "connection": true}
)

func (ps *parser) addResource(m *module, blk *hcl.Block, isOverride bool) error {
	r := &resource{mode: "managed", typ: blk.Labels[0], name: blk.Labels[1], rng: blk.DefRange, extent: blk.DefRange}
	if sb, ok := blk.Body.(*hclsyntax.Body); ok {
		r.extent = hcl.RangeBetween(blk.DefRange, sb.SrcRange)
	}
	if !hclsyntax.ValidIdentifier(r.typ) || !hclsyntax.ValidIdentifier(r.name) {
		return ps.errAt(blk.DefRange, "%s %q %q: the type and name must be valid identifiers", blk.Type, r.typ, r.name)
	}
	if blk.Type == "data" {
		r.mode = "data"
	}
	b, meta, err := ps.readBody(blk.Body, resourceMeta, resourceMetaBlock)
	if err != nil {
		return err
	}
	r.body = b
	r.count, r.forEach = exprOf(meta["count"]), exprOf(meta["for_each"])
	if a, ok := meta["provider"]; ok {
		ref, err := ps.providerRef(a.expr)
		if err != nil {
			return err
		}
		r.provider = ref
	}
	prev, exists := m.resources[r.local()]
	switch {
	case exists && !isOverride:
		return ps.errAt(blk.DefRange, "duplicate %s %q configuration", blk.Type, r.local())
	case !exists && isOverride:
		return ps.errAt(blk.DefRange, "override for %s, which has no original declaration", r.local())
	case exists:
		prev.body = mergeBody(prev.body, r.body)
		if meta["count"] != nil {
			prev.count = r.count
		}
		if meta["for_each"] != nil {
			prev.forEach = r.forEach
		}
		if r.provider != "" {
			prev.provider = r.provider
		}
		return nil
	}
	m.resources[r.local()] = r
	return nil
}

func exprOf(a *attribute) hcl.Expression {
	if a == nil {
		return nil
	}
	return a.expr
}

// providerRef reads a provider meta-argument (aws or aws.alias) without
// evaluating it.
func (ps *parser) providerRef(expr hcl.Expression) (string, error) {
	// Terraform 0.11 quoted the reference: provider = "aws.alias".
	if v, diags := expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
		if s := v.AsString(); s != "" && !strings.ContainsAny(s, " \t") {
			return s, nil
		}
	}
	trav, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() || len(trav) == 0 || len(trav) > 2 {
		return "", ps.errAt(expr.Range(), "a provider reference must be NAME or NAME.ALIAS")
	}
	parts := []string{trav.RootName()}
	if len(trav) == 2 {
		a, ok := trav[1].(hcl.TraverseAttr)
		if !ok {
			return "", ps.errAt(expr.Range(), "a provider reference must be NAME or NAME.ALIAS")
		}
		parts = append(parts, a.Name)
	}
	return strings.Join(parts, "."), nil
}

var moduleMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func (ps *parser) addModuleCall(m *module, blk *hcl.Block, isOverride bool) error {
	name := blk.Labels[0]
	b, meta, err := ps.readBody(blk.Body, moduleMeta, nil)
	if err != nil {
		return err
	}
	c := &moduleCall{name: name, args: b.attrs, rng: blk.DefRange, providers: map[string]string{}}
	c.count, c.forEach = exprOf(meta["count"]), exprOf(meta["for_each"])
	for _, k := range []string{"source", "version"} {
		a, ok := meta[k]
		if !ok {
			continue
		}
		v, diags := a.expr.Value(nil)
		if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
			return ps.errAt(a.rng, "module %q: %s must be a literal string", name, k)
		}
		if k == "source" {
			c.source = v.AsString()
		} else {
			c.version = v.AsString()
		}
	}
	if a, ok := meta["providers"]; ok {
		pairs, diags := hcl.ExprMap(a.expr)
		if diags.HasErrors() {
			return ps.diagError(diags)
		}
		for _, kv := range pairs {
			child, err := ps.providerRef(kv.Key)
			if err != nil {
				return err
			}
			parent, err := ps.providerRef(kv.Value)
			if err != nil {
				return err
			}
			c.providers[child] = parent
		}
	}
	prev, exists := m.calls[name]
	switch {
	case exists && !isOverride:
		return ps.errAt(blk.DefRange, "duplicate module call %q", name)
	case exists:
		for k, a := range c.args {
			prev.args[k] = a
		}
		if c.source != "" {
			prev.source = c.source
		}
		return nil
	}
	if c.source == "" {
		return ps.errAt(blk.DefRange, "module %q has no source", name)
	}
	m.calls[name] = c
	return nil
}

func (ps *parser) addOutput(m *module, blk *hcl.Block, isOverride bool) error {
	content, _, diags := blk.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}, {Name: "sensitive"}}})
	if diags.HasErrors() {
		return ps.diagError(diags)
	}
	o := &output{name: blk.Labels[0], rng: blk.DefRange}
	if prev, ok := m.outputs[o.name]; ok {
		if !isOverride {
			return ps.errAt(blk.DefRange, "duplicate output %q", o.name)
		}
		o = prev
	}
	if a, ok := content.Attributes["value"]; ok {
		o.expr = a.Expr
	}
	if a, ok := content.Attributes["sensitive"]; ok {
		v, _ := a.Expr.Value(nil)
		o.sensitive = v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() && v.True()
	}
	m.outputs[o.name] = o
	return nil
}

func (ps *parser) addProvider(m *module, blk *hcl.Block, isOverride bool) error {
	b, meta, err := ps.readBody(blk.Body, map[string]bool{"alias": true, "version": true}, nil)
	if err != nil {
		return err
	}
	p := &providerConfig{name: blk.Labels[0], body: b, rng: blk.DefRange}
	if a, ok := meta["alias"]; ok {
		v, diags := a.expr.Value(nil)
		if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
			return ps.errAt(a.rng, "provider alias must be a literal string")
		}
		p.alias = v.AsString()
	}
	if prev, ok := m.providers[p.key()]; ok {
		if !isOverride {
			return ps.errAt(blk.DefRange, "duplicate provider configuration %q", p.key())
		}
		prev.body = mergeBody(prev.body, p.body)
		return nil
	}
	m.providers[p.key()] = p
	return nil
}

// readBody reads a block body into attributes and nested blocks, setting
// aside the named meta-arguments and meta-blocks.
func (ps *parser) readBody(hb hcl.Body, meta, metaBlocks map[string]bool) (*body, map[string]*attribute, error) {
	b := &body{attrs: map[string]*attribute{}}
	metas := map[string]*attribute{}
	sb, ok := hb.(*hclsyntax.Body)
	if !ok {
		// JSON syntax cannot tell nested blocks from object attributes without
		// the provider's schema; every property is read as an attribute.
		attrs, diags := hb.JustAttributes()
		if diags.HasErrors() {
			return nil, nil, ps.diagError(diags)
		}
		for name, a := range attrs {
			at := &attribute{name: name, expr: a.Expr, rng: a.Range}
			switch {
			case meta[name]:
				metas[name] = at
			case !metaBlocks[name]:
				b.attrs[name] = at
			}
		}
		return b, metas, nil
	}
	for name, a := range sb.Attributes {
		at := &attribute{name: name, expr: a.Expr, rng: a.Range()}
		if meta[name] {
			metas[name] = at
		} else {
			b.attrs[name] = at
		}
	}
	for _, blk := range sb.Blocks {
		if metaBlocks[blk.Type] {
			continue
		}
		nb, err := ps.readBlock(blk)
		if err != nil {
			return nil, nil, err
		}
		b.blocks = append(b.blocks, nb)
	}
	return b, metas, nil
}

func (ps *parser) readBlock(blk *hclsyntax.Block) (*block, error) {
	if blk.Type != "dynamic" {
		nb, _, err := ps.readBody(blk.Body, nil, nil)
		if err != nil {
			return nil, err
		}
		return &block{typ: blk.Type, labels: blk.Labels, body: nb, rng: blk.Range()}, nil
	}
	if len(blk.Labels) != 1 {
		return nil, ps.errAt(blk.TypeRange, "a dynamic block needs one label: the type of block it generates")
	}
	d := &block{typ: blk.Labels[0], dynamic: true, iterator: blk.Labels[0], rng: blk.Range()}
	for name, a := range blk.Body.Attributes {
		switch name {
		case "for_each":
			d.forEach = a.Expr
		case "iterator":
			trav, diags := hcl.AbsTraversalForExpr(a.Expr)
			if diags.HasErrors() || len(trav) != 1 {
				return nil, ps.errAt(a.Range(), "dynamic block iterator must be a single name")
			}
			d.iterator = trav.RootName()
		case "labels":
		default:
			return nil, ps.errAt(a.Range(), "unexpected argument %q in a dynamic block", name)
		}
	}
	if d.forEach == nil {
		return nil, ps.errAt(blk.TypeRange, "dynamic %q block has no for_each", d.typ)
	}
	for _, inner := range blk.Body.Blocks {
		if inner.Type == "content" {
			nb, _, err := ps.readBody(inner.Body, nil, nil)
			if err != nil {
				return nil, err
			}
			d.body = nb
		}
	}
	if d.body == nil {
		return nil, ps.errAt(blk.TypeRange, "dynamic %q block has no content block", d.typ)
	}
	return d, nil
}

// mergeBody applies an override body: its attributes replace the
// original's, and its nested blocks replace all original blocks of the same
// type, as Terraform merges override files.
func mergeBody(orig, over *body) *body {
	out := &body{attrs: map[string]*attribute{}}
	for k, a := range orig.attrs {
		out.attrs[k] = a
	}
	for k, a := range over.attrs {
		out.attrs[k] = a
	}
	replaced := map[string]bool{}
	for _, b := range over.blocks {
		replaced[b.typ] = true
	}
	for _, b := range orig.blocks {
		if !replaced[b.typ] {
			out.blocks = append(out.blocks, b)
		}
	}
	out.blocks = append(out.blocks, over.blocks...)
	return out
}

var terraformSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}}}

// addRequiredProviders reads the source addresses a terraform block's
// required_providers gives to local provider names. An entry that is only a
// version constraint (Terraform 0.12's form) keeps the default source.
func (ps *parser) addRequiredProviders(m *module, blk *hcl.Block) error {
	content, _, diags := blk.Body.PartialContent(terraformSchema)
	if diags.HasErrors() {
		return ps.diagError(diags)
	}
	for _, rp := range content.Blocks {
		attrs, diags := rp.Body.JustAttributes()
		if diags.HasErrors() {
			return ps.diagError(diags)
		}
		for name, a := range attrs {
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !(v.Type().IsObjectType() && v.Type().HasAttribute("source")) {
				continue
			}
			src := v.GetAttr("source")
			if src.Type() != cty.String || src.IsNull() {
				continue
			}
			// Validating the address is Terraform's job; one it would
			// reject keeps the default.
			if full, ok := providerSource(src.AsString()); ok {
				m.providerSources[name] = full
			}
		}
	}
	return nil
}

// providerSource completes a provider source address as Terraform does:
// TYPE alone is in hashicorp's namespace, NAMESPACE/TYPE on the public
// registry; names are case-insensitive.
func providerSource(s string) (string, bool) {
	parts := strings.Split(strings.ToLower(s), "/")
	for _, p := range parts {
		if p == "" {
			return "", false
		}
	}
	switch len(parts) {
	case 1:
		return model.DefaultRegistry + parts[0], true
	case 2:
		return "registry.terraform.io/" + strings.Join(parts, "/"), true
	case 3:
		return strings.Join(parts, "/"), true
	}
	return "", false
}
