package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/fiscguard/fiscguard/engine/evidence"
)

// writeXLSX writes the workpaper: a sheet of items with the seed's columns
// (item, category, responsibility, status, evidence, expectation), a sheet
// of every resource result, and the traceability, each with a frozen
// header row and filters; first, when something limits the whole report
// (a plan Terraform could not finish), a sheet of warnings. Document properties carry the report's time, and
// the archive has no timestamps, so the same report gives the same bytes.
func writeXLSX(w io.Writer, v *view) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, v: v}
	x.styles()
	type sheet struct {
		name  string
		write func(string)
	}
	var sheets []sheet
	if len(v.r.Warnings) > 0 {
		sheets = append(sheets, sheet{v.word("sheetWarn"), x.warnings})
	}
	sheets = append(sheets, []sheet{
		{v.word("sheetItems"), x.items},
		{v.word("sheetResults"), x.results},
		{v.word("sheetTrace"), x.trace},
	}...)
	for i, s := range sheets {
		if i == 0 {
			x.check(f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			x.check(err)
		}
		s.write(s.name)
	}
	x.check(f.SetDocProps(&excelize.DocProperties{
		Title:          v.word("reportTitle"),
		Subject:        v.targetNames(),
		Creator:        "fiscguard " + v.r.Tool.Version,
		LastModifiedBy: "fiscguard " + v.r.Tool.Version,
		Created:        v.r.GeneratedAt,
		Modified:       v.r.GeneratedAt,
		Language:       string(v.lang),
	}))
	if x.err != nil {
		return x.err
	}
	return f.Write(w)
}

type xlsxWriter struct {
	f *excelize.File
	v *view
	// header and wrap are the styles of header and body cells.
	header, wrap int
	// err is the first error; later calls are skipped by check's callers' results.
	err error
}

func (x *xlsxWriter) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *xlsxWriter) styles() {
	var err error
	border := []excelize.Border{{Type: "left", Color: "C9CED6", Style: 1}, {Type: "right", Color: "C9CED6", Style: 1},
		{Type: "top", Color: "C9CED6", Style: 1}, {Type: "bottom", Color: "C9CED6", Style: 1}}
	x.header, err = x.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEF1F5"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    border,
	})
	x.check(err)
	x.wrap, err = x.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border})
	x.check(err)
}

// table writes a header and rows, styles them, sets column widths, freezes
// the header row and puts filters on it.
func (x *xlsxWriter) table(sheet string, widths []float64, header []string, rows [][]any) {
	f := x.f
	x.check(f.SetSheetRow(sheet, "A1", &header))
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		x.check(err)
		x.check(f.SetSheetRow(sheet, cell, &row))
	}
	last, err := excelize.CoordinatesToCellName(len(header), len(rows)+1)
	x.check(err)
	lastHeader, err := excelize.CoordinatesToCellName(len(header), 1)
	x.check(err)
	x.check(f.SetCellStyle(sheet, "A1", lastHeader, x.header))
	if len(rows) > 0 {
		x.check(f.SetCellStyle(sheet, "A2", last, x.wrap))
	}
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		x.check(err)
		x.check(f.SetColWidth(sheet, col, col, w))
	}
	x.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}))
	x.check(f.AutoFilter(sheet, "A1:"+last, nil))
}

func (x *xlsxWriter) warnings(sheet string) {
	var rows [][]any
	for _, w := range x.v.warnings() {
		rows = append(rows, []any{w})
	}
	x.table(sheet, []float64{140}, []string{x.v.word("warnings")}, rows)
}

func (x *xlsxWriter) items(sheet string) {
	v := x.v
	multi := len(v.r.Targets) > 1
	header := []string{v.word("item"), v.word("category"), v.word("title"), v.word("resp"), v.word("status")}
	widths := []float64{9, 18, 30, 16, 14}
	if multi {
		for _, t := range v.r.Targets {
			header = append(header, t.Name)
			widths = append(widths, 14)
		}
	}
	header = append(header, v.word("evidence"), v.word("expectation"))
	widths = append(widths, 80, 50)
	var rows [][]any
	for _, c := range v.categories() {
		for _, it := range c.Items {
			row := []any{it.ID, it.Category, it.Title, it.Responsibility, it.StatusLabel}
			if multi {
				for _, t := range it.Targets {
					row = append(row, t.StatusLabel)
				}
			}
			var exp []string
			for _, e := range it.Expectations {
				exp = append(exp, e.Label+": "+e.Text)
			}
			row = append(row, x.evidenceText(&it, multi), strings.Join(exp, "\n"))
			rows = append(rows, row)
		}
	}
	x.table(sheet, widths, header, rows)
}

// evidenceText is an item's evidence cell: rules with their counts, the
// resources to act on, the provider's documents and what to collect.
func (x *xlsxWriter) evidenceText(it *itemView, multi bool) string {
	v := x.v
	var lines []string
	for _, t := range it.Targets {
		prefix := ""
		if multi {
			prefix = "[" + t.Name + "] "
		}
		for _, r := range t.Rules {
			lines = append(lines, fmt.Sprintf("%s%s %s (%s %s): %s", prefix, r.ID, r.Title, v.word("severity"), r.Severity, r.Counts))
		}
		for _, o := range t.Open {
			line := fmt.Sprintf("%s  %s %s %s %s — %s", prefix, o.OutcomeLabel, o.Rule, o.Address, o.Location, o.Message)
			if o.Waiver != "" {
				line += " (" + v.word("waiver") + ": " + o.Waiver + ")"
			}
			lines = append(lines, line)
		}
		if t.More != "" {
			lines = append(lines, prefix+"  "+t.More)
		}
		for _, s := range []string{t.NotInForce, t.Reason} {
			if s != "" {
				lines = append(lines, prefix+s)
			}
		}
	}
	if len(it.Provider) > 0 {
		lines = append(lines, v.word("provider")+": "+v.join(it.Provider))
	}
	if it.Process != "" {
		lines = append(lines, v.word("process")+": "+it.Process)
	}
	return strings.Join(lines, "\n")
}

func (x *xlsxWriter) results(sheet string) {
	v := x.v
	multi := len(v.r.Targets) > 1
	var header []string
	var widths []float64
	if multi {
		header, widths = append(header, v.word("target")), append(widths, 20)
	}
	header = append(header, v.word("rule"), v.word("severity"), v.word("fiscItems"), v.word("resource"), v.word("type"),
		v.word("outcome"), v.word("location"), v.word("message"), v.word("waiver"))
	widths = append(widths, 18, 8, 16, 45, 28, 12, 30, 60, 40)
	var rows [][]any
	for _, t := range v.r.Targets {
		for i := range t.Results {
			res := v.result(&t.Results[i])
			var row []any
			if multi {
				row = append(row, t.Name)
			}
			severity, fisc := "", ""
			if r, ok := v.r.Rule(res.Rule); ok {
				severity, fisc = v.severityLabel(r.Severity), fiscIDs(r)
			}
			location := res.Location
			if t.Results[i].Location == nil {
				location = ""
			}
			row = append(row, res.Rule, severity, fisc, res.Address, res.Type, res.OutcomeLabel, location, res.Message, res.Waiver)
			rows = append(rows, row)
		}
	}
	x.table(sheet, widths, header, rows)
}

// fiscIDs lists a rule's items in both numbering schemes.
func fiscIDs(r *evidence.Rule) string {
	ids := strings.Join(r.FISC, ", ")
	if len(r.FISC8th) > 0 {
		if ids != "" {
			ids += " / "
		}
		ids += strings.Join(r.FISC8th, ", ")
	}
	return ids
}

func (x *xlsxWriter) trace(sheet string) {
	v := x.v
	var rows [][]any
	for i := range v.r.Targets {
		t := &v.r.Targets[i]
		for _, row := range v.traceRows(t) {
			rows = append(rows, []any{t.Name, row.Label, row.Text})
		}
		for _, n := range v.texts(t.Notes) {
			rows = append(rows, []any{t.Name, v.word("notes"), n})
		}
	}
	rows = append(rows, []any{"", v.word("generatedAt"), v.r.GeneratedAt})
	x.table(sheet, []float64{24, 30, 100}, []string{v.word("target"), v.word("key"), v.word("value")}, rows)
}
