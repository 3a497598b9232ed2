package scan

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/addrs"
	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
)

// sourceDir is the configuration a plan was made from: the directory
// given, else the plan file's directory when it holds Terraform files.
func sourceDir(planPath, given string) string {
	if given != "" || planPath == "-" {
		return given
	}
	dir := filepath.Dir(planPath)
	for _, pattern := range []string{"*.tf", "*.tf.json"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pattern)); len(m) > 0 {
			return dir
		}
	}
	return ""
}

// mapSources locates a plan's resources in the configuration it was made
// from, evaluated with the plan's variables: each resource, argument and
// nested block at its .tf file and line. A resource of a remote module that
// is not installed points at the module call, with its line in the plan file
// as the related location. Resources the configuration does not produce
// keep their plan file location. It returns notes on what failed.
func mapSources(doc *model.Document, dir string, opts hclconf.Options) []i18n.Text {
	opts.Values = doc.Variables
	cfg, _, err := hclconf.Load(dir, opts)
	shown := repoRelative(dir, opts.Root)
	if err != nil {
		return []i18n.Text{i18n.Sprintf(i18n.Text{
			En: "findings are located in the plan file, not the source: the configuration in %s could not be evaluated (%s)",
			Ja: "指摘事項の場所はソースではなくプランファイルで示す: %s の構成を評価できなかった（%s）",
		}, shown, i18n.Quote(err.Error()))}
	}
	doc.Sources = cfg.Sources
	byAddr := make(map[string]*model.Resource, len(cfg.Resources))
	for i := range cfg.Resources {
		byAddr[cfg.Resources[i].Address] = &cfg.Resources[i]
	}
	unmapped := 0
	for i := range doc.Resources {
		r := &doc.Resources[i]
		if h, ok := byAddr[r.Address]; ok {
			r.Source, r.Locations, r.Related, r.Extent = h.Source, h.Locations, h.Related, h.Extent
			followLocals(r, h)
			followDocuments(r, h)
			continue
		}
		if call := enclosingRemoteCall(cfg.Modules, r.Module); call != nil {
			r.Source, r.Related, r.Extent = call.Location, r.Source, call.Location
			continue
		}
		if r.Checked() {
			unmapped++
		}
	}
	mapProviders(doc, cfg)
	for name, refs := range cfg.Outputs {
		if planRefs, ok := doc.Outputs[name]; ok {
			doc.Outputs[name] = union(planRefs, refs)
		}
	}
	if unmapped > 0 {
		return []i18n.Text{i18n.Sprintf(i18n.Text{
			En: "%d resources of the plan are not in the configuration in %s; their findings are located in the plan file",
			Ja: "プランのリソースのうち %d 件は %s の構成にないため、その指摘事項の場所はプランファイルで示す",
		}, unmapped, shown)}
	}
	return nil
}

// followLocals gives a plan resource's arguments what they refer to through
// local values, which a plan does not show, from the same resource of the
// configuration the plan was made from. The plan's own references stay:
// it shows modules the configuration may not have installed.
func followLocals(r, h *model.Resource) {
	for attr, unresolved := range r.Unresolved {
		if !slices.ContainsFunc(unresolved, addrs.NamesLocalValue) {
			continue
		}
		left := slices.DeleteFunc(slices.Clone(unresolved), addrs.NamesLocalValue)
		setRefs(&r.Unresolved, attr, union(left, h.Unresolved[attr]))
		setRefs(&r.Refs, attr, union(r.Refs[attr], h.Refs[attr]))
	}
}

// followDocuments gives a plan resource's arguments that the plan shows
// known only after apply as a whole the policy documents the configuration
// knows them to be in part (jsonencode of an object with an ARN known only
// after apply, an aws_iam_policy_document's json).
func followDocuments(r, h *model.Resource) {
	for attr, d := range h.Documents {
		if _, ok := r.Documents[attr]; ok || r.Unknown[attr] != true {
			continue
		}
		if r.Documents == nil {
			r.Documents = map[string]model.PolicyDocument{}
		}
		r.Documents[attr] = d
	}
}

// setRefs sets m[attr], leaving no empty entry.
func setRefs(m *map[string][]string, attr string, list []string) {
	if len(list) == 0 {
		delete(*m, attr)
		return
	}
	if *m == nil {
		*m = map[string][]string{}
	}
	(*m)[attr] = list
}

// union is the sorted set of the elements of a and b.
func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// mapProviders gives a plan's provider configurations the source locations
// of the same configurations (by address) in the evaluated configuration.
func mapProviders(doc, cfg *model.Document) {
	byAddr := make(map[string]*model.Provider, len(cfg.Providers))
	for i := range cfg.Providers {
		byAddr[cfg.Providers[i].Address] = &cfg.Providers[i]
	}
	for i := range doc.Providers {
		if h, ok := byAddr[doc.Providers[i].Address]; ok {
			doc.Providers[i].Source, doc.Providers[i].RegionSource = h.Source, h.RegionSource
		}
	}
}

// enclosingRemoteCall finds the outermost remote module call whose
// instance contains module (a module instance address).
func enclosingRemoteCall(calls []model.ModuleCall, module string) *model.ModuleCall {
	var best *model.ModuleCall
	for i := range calls {
		c := &calls[i]
		if !c.Remote || (module != c.Address && !strings.HasPrefix(module, c.Address+".")) {
			continue
		}
		if best == nil || len(c.Address) < len(best.Address) {
			best = c
		}
	}
	return best
}

// repoRelative renders a path relative to the repository root holding it,
// so SARIF URIs resolve against the repository; other paths stay as given.
func repoRelative(path, root string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if root == "" {
		root = inputfile.RepoRoot(filepath.Dir(abs))
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.ToSlash(rel)
}

// A snippet shows a finding's location, at most snippetMarked lines of it
// (a long nested block is cut), with snippetContext lines either side that
// stay inside the resource's block. A finding on the block as a whole (an
// argument it lacks) shows the block's first line alone.
const (
	snippetContext = 2
	snippetMarked  = 4
)

// quoteSources gives each finding the lines its location points at, from
// the configuration files the loader read. A plan file is not quoted: it is
// not what a reviewer edits.
func quoteSources(fs []finding.Finding, doc *model.Document) {
	if len(doc.Sources) == 0 {
		return
	}
	blocks := make(map[string]*model.Location, len(doc.Resources))
	for i := range doc.Resources {
		blocks[doc.Resources[i].Address] = doc.Resources[i].Extent
	}
	for i := range fs {
		fs[i].Snippet = snippet(doc.Sources, fs[i].Location, blocks[fs[i].Address])
	}
}

func snippet(sources map[string]*model.Source, loc, block *model.Location) []finding.SourceLine {
	if loc == nil || loc.Line < 1 {
		return nil
	}
	src := sources[loc.File]
	if src == nil || loc.Line > src.Lines() {
		return nil
	}
	first, last := loc.Line, min(max(loc.EndLine, loc.Line), loc.Line+snippetMarked-1)
	from, to := max(first-snippetContext, 1), min(last+snippetContext, src.Lines())
	if block != nil && block.File == loc.File && block.Line <= first && last <= max(block.EndLine, block.Line) {
		from, to = max(from, block.Line), min(to, max(block.EndLine, block.Line))
		if first == block.Line {
			to = last
		}
	}
	out := make([]finding.SourceLine, 0, to-from+1)
	for n := from; n <= to; n++ {
		text, _ := src.Line(n)
		out = append(out, finding.SourceLine{Number: n, Text: text, Marked: n >= first && n <= last})
	}
	return out
}

// markRedacted marks, in the sources, where each value the loader
// redacted is written (a plan redacts by the provider's schema, which names
// alone do not tell), so no quote shows what the model hides.
func markRedacted(doc *model.Document) {
	if len(doc.Sources) == 0 {
		return
	}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		for _, path := range redactedPaths("", r.Values, nil) {
			loc := r.Locate(path)
			if loc == nil || loc == r.Source {
				continue // not written where the resource's arguments are
			}
			if src := doc.Sources[loc.File]; src != nil {
				src.MarkSensitive(*loc)
			}
		}
	}
}

// redactedPaths appends the paths of v (as Locations name them:
// "a.b[0].c") whose values are redacted.
func redactedPaths(prefix string, v any, out []string) []string {
	switch x := v.(type) {
	case string:
		if x == model.Redacted {
			out = append(out, prefix)
		}
	case map[string]any:
		for k, e := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out = redactedPaths(p, e, out)
		}
	case []any:
		for i, e := range x {
			out = redactedPaths(fmt.Sprintf("%s[%d]", prefix, i), e, out)
		}
	}
	return out
}
