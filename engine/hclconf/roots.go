package hclconf

import (
	"path/filepath"
	"slices"

	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
)

// HasConfiguration reports whether dir holds Terraform configuration files
// (*.tf, *.tf.json), as Terraform reads a module's directory.
func HasConfiguration(dir string) bool {
	primary, override, err := configFiles(dir)
	return err == nil && len(primary)+len(override) > 0
}

// LocalModuleDirs returns the directories of the local modules (a source
// starting ./ or ../) the configuration in dir calls, sorted; nil when it
// cannot be parsed, since its evaluation reports why.
func LocalModuleDirs(dir string) []string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	ps := &parser{p: hclparse.NewParser(), root: abs, rel: filepath.ToSlash, note: func(i18n.Text) {}, confine: inputfile.NewRoot(inputfile.RepoRoot(abs))}
	m, err := ps.loadModule(abs)
	if err != nil {
		return nil
	}
	var out []string
	for _, c := range m.calls {
		if isLocalSource(c.source) {
			out = append(out, filepath.Join(abs, filepath.FromSlash(c.source)))
		}
	}
	slices.Sort(out)
	return out
}
