package scan

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/waiver"
)

// applyWaivers applies inline waivers found in the configuration files the
// resources are written in, and the waiver file's entries.
func applyWaivers(fs []finding.Finding, doc *model.Document, root string, file []finding.Waiver, requireExpiry bool, today string) ([]finding.Waiver, []i18n.Text, error) {
	files := map[string]bool{}
	blocks := map[string]*model.Location{}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		if r.Source == nil {
			continue
		}
		blocks[r.Address] = r.Source
		if strings.HasSuffix(r.Source.File, ".tf") {
			files[r.Source.File] = true
		}
	}
	for _, p := range doc.Providers {
		if p.Source != nil {
			blocks[p.Address] = p.Source
			if strings.HasSuffix(p.Source.File, ".tf") {
				files[p.Source.File] = true
			}
		}
	}
	var inline []waiver.Inline
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			continue
		}
		in, err := waiver.ScanInline(name, strings.Split(string(data), "\n"), requireExpiry)
		if err != nil {
			return nil, nil, err
		}
		inline = append(inline, in...)
	}
	notes := waiver.Apply(fs, inline, file, func(a string) *model.Location { return blocks[a] }, today)
	all := append([]finding.Waiver(nil), file...)
	for _, in := range inline {
		all = append(all, in.Waiver)
	}
	return all, notes, nil
}
