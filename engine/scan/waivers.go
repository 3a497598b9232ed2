package scan

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/waiver"
)

// broadWaiver names a waiver that covers every rule, in every output.
var broadWaiver = i18n.Text{En: "%s:%d: a waiver covers every rule (%s) on %s: %s", Ja: "%s:%d: 例外（適用除外）が %[4]s のすべてのルール（%[3]s）を除外している: %[5]s"}

// applyWaivers applies inline waivers found in the configuration files the
// resources are written in, and the waiver file's entries. A waiver whose
// rule pattern is broad (matches every rule) must say so with scope: all,
// and is named in a note, so every output shows it.
func applyWaivers(fs []finding.Finding, doc *model.Document, root string, file []finding.Waiver, requireExpiry bool, today string, broad func(pattern string) bool) ([]finding.Waiver, []i18n.Text, error) {
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
		data, err := inputfile.Read(filepath.Join(root, filepath.FromSlash(name)), hclconf.MaxFileSize)
		if err != nil {
			continue
		}
		in, err := waiver.ScanInline(name, strings.Split(string(data), "\n"), requireExpiry)
		if err != nil {
			return nil, nil, err
		}
		inline = append(inline, in...)
	}
	all := append([]finding.Waiver(nil), file...)
	for _, in := range inline {
		all = append(all, in.Waiver)
	}
	var notes []i18n.Text
	for i := range all {
		w := &all[i]
		b := broad(w.Rule)
		if err := waiver.CheckScope(w, b); err != nil {
			return nil, nil, err
		}
		if b {
			on := i18n.Text{En: "every resource", Ja: "すべてのリソース"}
			if w.Resource != "" && w.Resource != "*" {
				on = i18n.Text{En: w.Resource, Ja: w.Resource}
			}
			notes = append(notes, i18n.Sprintf(broadWaiver, w.Source.File, w.Source.Line, w.Rule, on, strings.Join(strings.Fields(w.Reason), " ")))
		}
	}
	notes = append(notes, waiver.Apply(fs, inline, file, func(a string) *model.Location { return blocks[a] }, today)...)
	return all, notes, nil
}
