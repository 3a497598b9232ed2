package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/fiscguard/fiscguard/engine/evidence"
)

// writeMarkdown writes the report for a pull request or wiki: the summary,
// the items that need attention with their resources, every item as one
// table row per category, and the traceability of each target.
func writeMarkdown(w io.Writer, v *view) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", v.word("reportTitle"))
	fmt.Fprintf(&b, "- **%s**: %s\n", v.word("targets"), mdInline(v.targetNames()))
	fmt.Fprintf(&b, "- **%s**: %s\n", v.word("profile"), v.profiles())
	fmt.Fprintf(&b, "- **%s**: %s\n", v.word("edition"), v.editionLabel(v.r.Edition))
	fmt.Fprintf(&b, "- **%s**: %s\n\n", v.word("generatedAt"), v.r.GeneratedAt)
	for _, w := range v.warnings() {
		fmt.Fprintf(&b, "> ⚠️ **%s**: %s\n\n", v.word("warnings"), mdInline(w))
	}

	fmt.Fprintf(&b, "## %s\n\n", v.word("summary"))
	header := []string{v.word("status"), v.word("items")}
	if len(v.r.Targets) > 1 {
		for _, t := range v.r.Targets {
			header = append(header, t.Name)
		}
	}
	mdRow(&b, header...)
	mdRule(&b, len(header))
	for i, row := range v.summary(v.r.Summary) {
		cells := []string{row.Label, fmt.Sprint(row.Items)}
		if len(v.r.Targets) > 1 {
			for _, t := range v.r.Targets {
				cells = append(cells, fmt.Sprint(t.Summary[i].Items))
			}
		}
		mdRow(&b, cells...)
	}
	b.WriteString("\n")

	cats := v.categories()
	fmt.Fprintf(&b, "## %s\n\n", v.word("attention"))
	listed := false
	for _, c := range cats {
		for _, it := range c.Items {
			if needsAttention(it.Status) {
				listed = true
				mdItem(&b, v, &it)
			}
		}
	}
	if !listed {
		fmt.Fprintf(&b, "%s\n\n", v.word("noAttention"))
	}

	fmt.Fprintf(&b, "## %s\n\n", v.word("allItems"))
	for _, c := range cats {
		fmt.Fprintf(&b, "### %s\n\n", c.Name)
		header := []string{v.word("item"), v.word("title"), v.word("resp"), v.word("status")}
		if len(v.r.Targets) > 1 {
			for _, t := range v.r.Targets {
				header = append(header, t.Name)
			}
		}
		header = append(header, v.word("rules"))
		mdRow(&b, header...)
		mdRule(&b, len(header))
		for _, it := range c.Items {
			cells := []string{it.ID, it.Title, it.Responsibility, it.StatusLabel}
			if len(v.r.Targets) > 1 {
				for _, t := range it.Targets {
					cells = append(cells, t.StatusLabel)
				}
			}
			var rules []string
			for _, id := range v.itemRules(it.ID) {
				rules = append(rules, "`"+id+"`")
			}
			cells = append(cells, strings.Join(rules, " "))
			mdRow(&b, cells...)
		}
		b.WriteString("\n")
	}

	fmt.Fprintf(&b, "## %s\n\n", v.word("trace"))
	for i := range v.r.Targets {
		t := &v.r.Targets[i]
		fmt.Fprintf(&b, "### %s\n\n", mdInline(t.Name))
		mdRow(&b, v.word("key"), v.word("value"))
		mdRule(&b, 2)
		for _, row := range v.traceRows(t) {
			mdRow(&b, row.Label, row.Text)
		}
		b.WriteString("\n")
		if len(t.Notes) > 0 {
			fmt.Fprintf(&b, "%s:\n\n", v.word("notes"))
			for _, n := range v.texts(t.Notes) {
				fmt.Fprintf(&b, "- %s\n", mdInline(n))
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "_%s_\n", v.wordf("footer", v.r.Tool.Version))
	_, err := io.WriteString(w, b.String())
	return err
}

// needsAttention is true for the statuses someone must act on or sign off.
func needsAttention(s evidence.Status) bool {
	return s == evidence.NonConformant || s == evidence.Pending || s == evidence.Exception
}

// itemRules lists the library rules citing an item.
func (v *view) itemRules(id string) []string {
	for i := range v.r.Items {
		if v.r.Items[i].ID == id {
			return v.r.Items[i].Rules
		}
	}
	return nil
}

func mdItem(b *strings.Builder, v *view, it *itemView) {
	fmt.Fprintf(b, "### %s %s — %s\n\n", it.ID, mdInline(it.Title), it.StatusLabel)
	fmt.Fprintf(b, "- **%s**: %s\n", v.word("resp"), it.Responsibility)
	for _, e := range it.Expectations {
		fmt.Fprintf(b, "- **%s**: %s\n", e.Label, mdInline(e.Text))
	}
	for _, t := range it.Targets {
		indent := ""
		if len(it.Targets) > 1 {
			fmt.Fprintf(b, "- **%s**: %s\n", mdInline(t.Name), t.StatusLabel)
			indent = "  "
		}
		for _, r := range t.Rules {
			fmt.Fprintf(b, "%s- `%s` %s (%s %s): %s\n", indent, r.ID, mdInline(r.Title), v.word("severity"), r.Severity, r.Counts)
		}
		if len(t.Open) > 0 {
			fmt.Fprintf(b, "%s- %s:\n", indent, v.word("open"))
		}
		for _, o := range t.Open {
			fmt.Fprintf(b, "%s  - %s `%s` `%s` `%s` — %s", indent, o.OutcomeLabel, o.Rule, o.Address, mdInline(o.Location), mdInline(o.Message))
			if o.Waiver != "" {
				fmt.Fprintf(b, " (%s: %s)", v.word("waiver"), mdInline(o.Waiver))
			}
			b.WriteString("\n")
		}
		if t.More != "" {
			fmt.Fprintf(b, "%s  - %s\n", indent, t.More)
		}
		if t.Reason != "" {
			fmt.Fprintf(b, "%s- %s\n", indent, mdInline(t.Reason))
		}
	}
	if len(it.Provider) > 0 {
		fmt.Fprintf(b, "- **%s**: %s\n", v.word("provider"), mdInline(v.join(it.Provider)))
	}
	if it.Process != "" {
		fmt.Fprintf(b, "- **%s**: %s\n", v.word("process"), mdInline(it.Process))
	}
	b.WriteString("\n")
}

func mdRow(b *strings.Builder, cells ...string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + mdCell(c) + " |")
	}
	b.WriteString("\n")
}

func mdRule(b *strings.Builder, n int) {
	b.WriteString("|" + strings.Repeat(" --- |", n) + "\n")
}

// mdCell keeps a value on one table cell: pipes escaped, lines joined.
func mdCell(s string) string {
	return strings.ReplaceAll(mdInline(s), "|", `\|`)
}

// mdInline keeps a value on one line and stops it from starting HTML.
func mdInline(s string) string {
	return strings.NewReplacer("\n", " ", "<", "&lt;", ">", "&gt;").Replace(oneLine(s))
}
