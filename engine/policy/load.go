// Package policy loads Rego policies, validates their metadata against the
// FISC catalog, compiles them once and evaluates them over a model.Document.
package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/jsonerr"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Source is a tree of .rego files: the built-in library or a --policy-dir.
type Source struct {
	FS fs.FS
	// Name prefixes file names in messages and outputs (e.g. "policies" or the directory given).
	Name    string
	Builtin bool
	// NoTests leaves the source's _test.rego files out of RunTests (the
	// built-in helpers under a user's tests).
	NoTests bool
}

// maxFileSize bounds one user policy file.
const maxFileSize = 16 << 20

// DirSource is a user's policy directory: its files are read within bounds
// (see inputfile.DirFS), and named by the directory as given.
func DirSource(dir string) Source {
	return Source{FS: inputfile.DirFS(dir, maxFileSize), Name: filepath.ToSlash(filepath.Clean(dir))}
}

// Set is a validated, compiled set of policies.
type Set struct {
	rules    []*rule.Rule
	compiler *ast.Compiler
}

// Rules returns the rules sorted by ID.
func (s *Set) Rules() []*rule.Rule { return s.rules }

// Rule returns the rule with the given ID.
func (s *Set) Rule(id string) (*rule.Rule, bool) {
	i := sort.Search(len(s.rules), func(i int) bool { return s.rules[i].ID >= id })
	if i < len(s.rules) && s.rules[i].ID == id {
		return s.rules[i], true
	}
	return nil, false
}

// parseOptions is how every fiscguard module is parsed: Rego v1 with METADATA.
var parseOptions = ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}

// Load parses every non-test .rego file of the sources, validates each
// policy's metadata (the FISC IDs must exist in cat) and compiles them once.
func Load(cat *catalog.Catalog, sources ...Source) (*Set, error) {
	enforceBudget()
	parsed, err := parse(sources, false)
	if err != nil {
		return nil, err
	}
	modules := map[string]*ast.Module{}
	var rules []*rule.Rule
	byID := map[string]*rule.Rule{}
	for _, p := range parsed {
		modules[p.name] = p.mod
		r, err := ruleOf(p.mod, p.name, cat)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue
		}
		r.Builtin = p.builtin
		if id := untranslated(r); r.Builtin && id != "" {
			return nil, fmt.Errorf("%s: rule %s: fisc_basis_ja has no Japanese detail for %s", p.name, r.ID, id)
		}
		if prev, dup := byID[r.ID]; dup {
			return nil, fmt.Errorf("%s: rule ID %s is already used by %s", p.name, r.ID, prev.File)
		}
		byID[r.ID] = r
		rules = append(rules, r)
	}
	compiler := ast.NewCompiler().WithUseTypeCheckAnnotations(true).WithCapabilities(capabilities())
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, firstError(compiler.Errors)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return &Set{rules: rules, compiler: compiler}, nil
}

// parsedModule is one parsed .rego file, named "<source name>/<path>".
type parsedModule struct {
	name    string
	builtin bool
	mod     *ast.Module
}

// parse reads the .rego files of the sources in order, each source's
// sorted; withTests adds their _test.rego files after the others.
func parse(sources []Source, withTests bool) ([]parsedModule, error) {
	var out []parsedModule
	for _, src := range sources {
		for _, tests := range []bool{false, true} {
			if tests && (!withTests || src.NoTests) {
				continue
			}
			files, err := regoFiles(src.FS, tests)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", src.Name, err)
			}
			for _, f := range files {
				name := path.Join(src.Name, f)
				data, err := fs.ReadFile(src.FS, f)
				if err != nil {
					return nil, &model.InputError{File: name, Msg: inputfile.Describe(err)}
				}
				mod, err := ast.ParseModuleWithOpts(name, string(data), parseOptions)
				if err != nil {
					return nil, firstError(err)
				}
				if !src.Builtin {
					if err := checkNamespace(name, mod); err != nil {
						return nil, err
					}
				}
				out = append(out, parsedModule{name: name, builtin: src.Builtin, mod: mod})
			}
		}
	}
	return out, nil
}

// reserved are fiscguard's own namespaces under data.fiscguard: its
// policies (aws), its helpers (lib) and the data it provides (params,
// profile). A user module in one could add to, or conflict with, what a
// built-in rule reads, and so change its verdict.
var reserved = map[string]bool{"aws": true, "lib": true, "params": true, "profile": true}

// checkNamespace refuses a user module in data.fiscguard itself or in one
// of its reserved namespaces.
func checkNamespace(file string, mod *ast.Module) error {
	p := mod.Package.Path
	if len(p) < 2 || p[1].Value.Compare(ast.String("fiscguard")) != 0 {
		return nil
	}
	if len(p) > 2 {
		if s, ok := p[2].Value.(ast.String); !ok || !reserved[string(s)] {
			return nil
		}
	}
	pkg := strings.TrimPrefix(p.String(), "data.")
	return fmt.Errorf("%s:%d: package %s belongs to fiscguard's built-in policies and data (fiscguard, fiscguard.aws, .lib, .params, .profile): a user policy must use a package of its own", file, mod.Package.Location.Row, pkg)
}

// regoFiles lists .rego files in sorted order; tests selects _test.rego files
// instead of the others.
func regoFiles(fsys fs.FS, tests bool) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return nil
		}
		if strings.HasSuffix(p, "_test.rego") == tests {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// firstError turns OPA's error lists into one line naming file:row:col.
func firstError(err error) error {
	if errs, ok := err.(ast.Errors); ok && len(errs) > 0 {
		e := errs[0]
		e.Message += builtinHint(e.Message)
		more := ""
		if len(errs) > 1 {
			more = fmt.Sprintf(" (and %d more errors)", len(errs)-1)
		}
		if e.Location != nil {
			return fmt.Errorf("%s:%d:%d: %s%s", e.Location.File, e.Location.Row, e.Location.Col, e.Message, more)
		}
		return fmt.Errorf("%s%s", e.Message, more)
	}
	return err
}

// metadata is the custom block of a policy's package METADATA.
type metadata struct {
	ID       string   `json:"id"`
	Severity string   `json:"severity"`
	FISC     []string `json:"fisc"`
	FISC8th  []string `json:"fisc_8th"`
	// FISCBasis says, per cited FISC ID, where the mapping comes from (see Basis kinds).
	FISCBasis      map[string]string `json:"fisc_basis"`
	FISCBasisJa    map[string]string `json:"fisc_basis_ja"`
	Profile        string            `json:"profile"`
	Responsibility string            `json:"responsibility"`
	ResourceTypes  []string          `json:"resource_types"`
	Inputs         []string          `json:"inputs"`
	TitleJa        string            `json:"title_ja"`
	DescriptionJa  string            `json:"description_ja"`
	Remediation    string            `json:"remediation"`
	RemediationJa  string            `json:"remediation_ja"`
	StrictReason   string            `json:"strict_reason"`
	StrictReasonJa string            `json:"strict_reason_ja"`
}

var ruleIDPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$`)

// ruleOf returns the module's rule, or nil for a helper module (one that
// defines no deny rule). A module with deny must carry valid METADATA.
func ruleOf(mod *ast.Module, file string, cat *catalog.Catalog) (*rule.Rule, error) {
	if !definesDeny(mod) {
		return nil, nil
	}
	var ann *ast.Annotations
	for _, a := range mod.Annotations {
		if a.Scope == "package" {
			ann = a
		}
	}
	pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
	if ann == nil || ann.Custom == nil {
		return nil, fmt.Errorf("%s:%d: package %s defines deny but has no package METADATA with a custom block", file, mod.Package.Location.Row, pkg)
	}
	loc := fmt.Sprintf("%s:%d", file, ann.Location.Row)
	raw, err := json.Marshal(ann.Custom)
	if err != nil {
		return nil, fmt.Errorf("%s: METADATA custom: %w", loc, err)
	}
	var md metadata
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&md); err != nil {
		// The custom block was converted to JSON: positions in it mean nothing.
		msg := strings.Replace(jsonerr.Describe(raw, err).Msg, "json: unknown field", "unknown key", 1)
		return nil, fmt.Errorf("%s: METADATA custom: %s", loc, msg)
	}
	if !ruleIDPattern.MatchString(md.ID) {
		return nil, fmt.Errorf("%s: METADATA custom.id %q is missing or not like FG-S3-001", loc, md.ID)
	}
	if ann.Title == "" {
		return nil, fmt.Errorf("%s: rule %s: METADATA title is missing", loc, md.ID)
	}
	sev, err := rule.ParseSeverity(md.Severity)
	if err != nil {
		return nil, fmt.Errorf("%s: rule %s: %w", loc, md.ID, err)
	}
	prof, err := rule.ParseProfile(md.Profile)
	if err != nil {
		return nil, fmt.Errorf("%s: rule %s: %w", loc, md.ID, err)
	}
	switch rule.Responsibility(md.Responsibility) {
	case rule.User, rule.Shared:
	default:
		return nil, fmt.Errorf("%s: rule %s: responsibility %q is not user or shared", loc, md.ID, md.Responsibility)
	}
	if len(md.FISC)+len(md.FISC8th) == 0 {
		return nil, fmt.Errorf("%s: rule %s cites no FISC item (custom.fisc or custom.fisc_8th)", loc, md.ID)
	}
	for _, ids := range []struct {
		edition rule.Edition
		ids     []string
	}{{rule.EditionCurrent, md.FISC}, {rule.Edition8th, md.FISC8th}} {
		for _, id := range ids.ids {
			it, ok := cat.Lookup(id)
			if !ok {
				return nil, fmt.Errorf("%s: rule %s cites FISC item %s, which is not in the catalog", loc, md.ID, id)
			}
			if it.Edition != ids.edition {
				return nil, fmt.Errorf("%s: rule %s lists %s (edition %s) among the %s-edition IDs", loc, md.ID, id, it.Edition, ids.edition)
			}
			if it.Retired {
				return nil, fmt.Errorf("%s: rule %s cites %s, a retired number (欠番)", loc, md.ID, id)
			}
		}
	}
	if err := checkBasis(md, cat); err != nil {
		return nil, fmt.Errorf("%s: rule %s: %w", loc, md.ID, err)
	}
	if len(md.ResourceTypes) == 0 {
		return nil, fmt.Errorf("%s: rule %s: METADATA custom.resource_types is empty", loc, md.ID)
	}
	if (prof == rule.Strict) != (md.StrictReason != "" || md.StrictReasonJa != "") || (md.StrictReason == "") != (md.StrictReasonJa == "") {
		return nil, fmt.Errorf("%s: rule %s: a strict-only rule, and only one, says why in strict_reason and strict_reason_ja", loc, md.ID)
	}
	for _, k := range md.Inputs {
		if k != model.KindPlan && k != model.KindHCL {
			return nil, fmt.Errorf("%s: rule %s: METADATA custom.inputs lists %q (want %s or %s)", loc, md.ID, k, model.KindPlan, model.KindHCL)
		}
	}
	return &rule.Rule{
		ID:             md.ID,
		Title:          i18n.Text{En: ann.Title, Ja: md.TitleJa},
		Description:    i18n.Text{En: ann.Description, Ja: md.DescriptionJa},
		Remediation:    i18n.Text{En: md.Remediation, Ja: md.RemediationJa},
		Severity:       sev,
		FISC:           md.FISC,
		FISC8th:        md.FISC8th,
		FISCBasis:      md.FISCBasis,
		FISCBasisJa:    md.FISCBasisJa,
		Profile:        prof,
		Responsibility: rule.Responsibility(md.Responsibility),
		ResourceTypes:  md.ResourceTypes,
		StrictReason:   i18n.Text{En: md.StrictReason, Ja: md.StrictReasonJa},
		Inputs:         md.Inputs,
		Package:        pkg,
		File:           file,
	}, nil
}

// checkBasis requires one basis per cited FISC ID and nothing else: AWS
// kinds only for current-edition IDs, the seed only for 8th-edition IDs, and
// a detail always. An AWS control basis must name controls of the catalog
// that AWS maps to the item, so a rule cannot claim a mapping AWS never made.
func checkBasis(md metadata, cat *catalog.Catalog) error {
	cited := map[string]rule.Edition{}
	for _, id := range md.FISC {
		cited[id] = rule.EditionCurrent
	}
	for _, id := range md.FISC8th {
		cited[id] = rule.Edition8th
	}
	for id := range md.FISCBasis {
		if _, ok := cited[id]; !ok {
			return fmt.Errorf("fisc_basis gives a basis for %s, which the rule does not cite", id)
		}
	}
	for id := range md.FISCBasisJa {
		if _, ok := md.FISCBasis[id]; !ok {
			return fmt.Errorf("fisc_basis_ja gives a detail for %s, which fisc_basis does not", id)
		}
	}
	for _, id := range append(append([]string{}, md.FISC...), md.FISC8th...) {
		b, ok := md.FISCBasis[id]
		if !ok {
			return fmt.Errorf("fisc_basis has no basis for %s", id)
		}
		kind, detail, _ := strings.Cut(b, ":")
		if strings.TrimSpace(detail) == "" {
			return fmt.Errorf("fisc_basis for %s is %q: want kind:detail (the control, measure or reason)", id, b)
		}
		switch {
		case kind == rule.BasisDerived:
		case (kind == rule.BasisAWSControl || kind == rule.BasisAWSWorkload) && cited[id] == rule.EditionCurrent:
		case kind == rule.BasisSeed && cited[id] == rule.Edition8th:
		default:
			return fmt.Errorf("fisc_basis kind %q does not fit %s (want %s or %s:… for current-edition IDs, %s or %s:… for 8th-edition IDs)",
				kind, id, rule.BasisAWSControl, rule.BasisAWSWorkload, rule.BasisSeed, rule.BasisDerived)
		}
		if kind == rule.BasisAWSControl {
			if err := checkControls(id, detail, cat); err != nil {
				return err
			}
		}
	}
	return nil
}

// untranslated returns a cited ID whose basis detail says more than control
// IDs but has no Japanese detail, or "" when every detail reads in both.
func untranslated(r *rule.Rule) string {
	for _, id := range append(append([]string{}, r.FISC...), r.FISC8th...) {
		_, detail, _ := strings.Cut(r.FISCBasis[id], ":")
		if r.FISCBasisJa[id] == "" && strings.IndexFunc(catalog.WithoutControlIDs(detail), unicode.IsLetter) >= 0 {
			return id
		}
	}
	return ""
}

// checkControls requires an aws-blea-ct basis for item id to name at least
// one AWS control, each in the catalog and mapped by AWS to id.
func checkControls(id, detail string, cat *catalog.Catalog) error {
	ids := catalog.ControlIDs(detail)
	if len(ids) == 0 {
		return fmt.Errorf("fisc_basis for %s names no AWS control (like SH.S3.8 or AWS-GR_RESTRICTED_SSH)", id)
	}
	for _, c := range ids {
		ctl, ok := cat.Control(c)
		if !ok {
			return fmt.Errorf("fisc_basis for %s names %s, which is not an AWS control of the catalog", id, c)
		}
		if !slices.Contains(ctl.FISC, id) {
			return fmt.Errorf("fisc_basis for %s names %s, which AWS maps to %s, not to %s", id, c, strings.Join(ctl.FISC, ", "), id)
		}
	}
	return nil
}

func definesDeny(mod *ast.Module) bool {
	for _, r := range mod.Rules {
		if r.Head.Name.Equal(ast.Var("deny")) || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
			return true
		}
	}
	return false
}
