package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/evidence"
)

//go:embed report.html.tmpl
var htmlTemplate string

// colors are the badge and chart colour of every item status and outcome.
var colors = []struct{ key, color string }{
	{string(evidence.NonConformant), "#c62828"},
	{string(evidence.Pending), "#e65100"},
	{string(evidence.Exception), "#6a1b9a"},
	{string(evidence.Conformant), "#2e7d32"},
	{string(evidence.NotApplicable), "#607d8b"},
	{string(evidence.Provider), "#1565c0"},
	{string(evidence.NotDecidable), "#8d8d8d"},
	{evidence.OutcomeFail, "#c62828"},
	{evidence.OutcomeInconclusive, "#e65100"},
	{evidence.OutcomeWaived, "#6a1b9a"},
	{evidence.OutcomePass, "#2e7d32"},
}

func colorOf(key string) string {
	for _, c := range colors {
		if c.key == key {
			return c.color
		}
	}
	return "#8d8d8d"
}

type htmlData struct {
	Lang, Version, Targets string
	StatusCSS              template.CSS
	Meta                   []labeled
	Warnings               []string
	TargetNames            []string
	Summary                []htmlSummaryRow
	Chart                  chart
	Categories             []category
	Traces                 []htmlTrace
	Footer                 string
}

type htmlSummaryRow struct {
	summaryRow
	PerTarget []int
}

type htmlTrace struct {
	Name  string
	Rows  []labeled
	Notes []string
}

// chart is a horizontal bar chart of items by status, drawn as inline SVG.
type chart struct {
	Width, Height, LabelWidth, BarHeight int
	Bars                                 []bar
}

type bar struct {
	Label                      string
	Count, Y, W, TextY, CountX int
	Color                      string
}

const (
	chartWidth      = 720
	chartLabelWidth = 200
	chartBar        = 22
	chartGap        = 10
)

func newChart(rows []summaryRow) chart {
	c := chart{Width: chartWidth, LabelWidth: chartLabelWidth, BarHeight: chartBar}
	max := 1
	for _, r := range rows {
		if r.Items > max {
			max = r.Items
		}
	}
	span := chartWidth - chartLabelWidth - 60
	for i, r := range rows {
		y := chartGap + i*(chartBar+chartGap)
		w := r.Items * span / max
		if r.Items > 0 && w < 2 {
			w = 2
		}
		c.Bars = append(c.Bars, bar{Label: r.Label, Count: r.Items, Y: y, W: w, TextY: y + chartBar*3/4, CountX: chartLabelWidth + w, Color: colorOf(string(r.Status))})
	}
	c.Height = chartGap + len(rows)*(chartBar+chartGap)
	return c
}

// writeHTML writes a self-contained page: no scripts, no external assets
// (a Content-Security-Policy forbids loading any), one printed page break
// per category.
func writeHTML(w io.Writer, v *view) error {
	tmpl, err := template.New("report").Funcs(template.FuncMap{"word": v.word}).Parse(htmlTemplate)
	if err != nil {
		return err
	}
	var css strings.Builder
	for _, c := range colors {
		fmt.Fprintf(&css, ".s-%s { background: %s; }\n", c.key, c.color)
	}
	d := htmlData{
		Lang:      string(v.lang),
		Version:   v.r.Tool.Version,
		Targets:   v.targetNames(),
		StatusCSS: template.CSS(css.String()),
		Meta: []labeled{
			{v.word("targets"), v.targetNames()},
			{v.word("profile"), v.profiles()},
			{v.word("edition"), v.editionLabel(v.r.Edition)},
			{v.word("generatedAt"), v.r.GeneratedAt},
		},
		Warnings:   v.warnings(),
		Categories: v.categories(),
		Footer:     v.wordf("footer", v.r.Tool.Version),
	}
	rows := v.summary(v.r.Summary)
	for i, row := range rows {
		hr := htmlSummaryRow{summaryRow: row}
		if len(v.r.Targets) > 1 {
			for _, t := range v.r.Targets {
				hr.PerTarget = append(hr.PerTarget, t.Summary[i].Items)
			}
		}
		d.Summary = append(d.Summary, hr)
	}
	d.Chart = newChart(rows)
	if len(v.r.Targets) > 1 {
		for _, t := range v.r.Targets {
			d.TargetNames = append(d.TargetNames, t.Name)
		}
	}
	for i := range v.r.Targets {
		t := &v.r.Targets[i]
		d.Traces = append(d.Traces, htmlTrace{Name: t.Name, Rows: v.traceRows(t), Notes: v.texts(t.Notes)})
	}
	return tmpl.Execute(w, d)
}
