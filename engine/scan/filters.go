package scan

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/report"
)

// changedOnly selects the resources a plan creates, updates or replaces.
func changedOnly(doc *model.Document) map[string]bool {
	changing := map[string]bool{}
	for _, r := range doc.Resources {
		for _, a := range r.Actions {
			if a == "create" || a == "update" {
				changing[r.Address] = true
			}
		}
	}
	return changing
}

// hunkHeader reads the new file's line range from a unified diff hunk.
var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// changedLines lists, per file relative to root, the lines that differ from
// ref: lines added or changed in tracked files, and every line of new files.
func changedLines(root, ref string) (map[string][][2]int, error) {
	// A ref that git would read as an option (--output=FILE writes a file)
	// is refused, and --end-of-options keeps git from trying.
	if strings.HasPrefix(ref, "-") {
		return nil, &model.InputError{File: "--diff-base", Msg: fmt.Sprintf("%q is not a git ref: a ref cannot start with '-'", ref)}
	}
	out := map[string][][2]int{}
	cmd := exec.Command("git", "-C", root, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", "--end-of-options", ref, "--")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	diff, err := cmd.Output()
	if err != nil {
		return nil, &model.InputError{File: "--diff-base", Msg: fmt.Sprintf("git diff %s: %s", ref, firstLine(stderr.String(), err))}
	}
	file := ""
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = strings.TrimPrefix(strings.TrimPrefix(line, "+++ "), "b/")
		case strings.HasPrefix(line, "@@"):
			m := hunkHeader.FindStringSubmatch(line)
			if m == nil || file == "" {
				continue
			}
			start, _ := strconv.Atoi(m[1])
			n := 1
			if m[2] != "" {
				n, _ = strconv.Atoi(m[2])
			}
			if n > 0 {
				out[file] = append(out[file], [2]int{start, start + n - 1})
			}
		}
	}
	untracked, err := exec.Command("git", "-C", root, "ls-files", "--others", "--exclude-standard").Output()
	if err != nil {
		return nil, &model.InputError{File: "--diff-base", Msg: "git ls-files: " + err.Error()}
	}
	for _, f := range strings.Split(strings.TrimSpace(string(untracked)), "\n") {
		if f != "" {
			out[f] = append(out[f], [2]int{1, 1 << 30})
		}
	}
	return out, nil
}

func firstLine(s string, err error) string {
	if s = strings.TrimSpace(s); s != "" {
		return strings.SplitN(s, "\n", 2)[0]
	}
	return err.Error()
}

// changedSince selects the resources whose blocks have lines that changed
// since ref.
func changedSince(doc *model.Document, root, ref string) (map[string]bool, error) {
	lines, err := changedLines(root, ref)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		e := r.Extent
		if e == nil {
			e = r.Source
		}
		if e == nil {
			continue
		}
		end := max(e.EndLine, e.Line)
		for _, rg := range lines[e.File] {
			if rg[0] <= end && rg[1] >= e.Line {
				out[r.Address] = true
				break
			}
		}
	}
	return out, nil
}

// keptBy is a filter in force and the resources it keeps.
type keptBy struct {
	name, ref string
	kept      map[string]bool
}

// applyFilters keeps the findings on resources every filter keeps, and
// returns for each filter how many judged resources it left out, with the
// filter that left out each resource (the first, in order).
func applyFilters(fs []finding.Finding, doc *model.Document, filters []keptBy) ([]finding.Finding, []report.Filter, map[string]string) {
	if len(filters) == 0 {
		return fs, nil, nil
	}
	leftOutBy := map[string]string{}
	out := make([]report.Filter, len(filters))
	for i, f := range filters {
		out[i] = report.Filter{Name: f.name, Ref: f.ref}
	}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		for j, f := range filters {
			if !f.kept[r.Address] {
				leftOutBy[r.Address] = f.name
				if r.Checked() {
					out[j].LeftOut++
				}
				break
			}
		}
	}
	kept := fs[:0:0]
	for _, f := range fs {
		if keeps(f, leftOutBy) {
			kept = append(kept, f)
		}
	}
	return kept, out, leftOutBy
}

// keeps reports whether the filters keep a finding: its resource stays, or,
// for a finding on a shared setting, one of the resources it stands for.
func keeps(f finding.Finding, leftOutBy map[string]string) bool {
	if len(f.Affected) == 0 {
		return leftOutBy[f.Address] == ""
	}
	for _, a := range f.Affected {
		if leftOutBy[a.Address] == "" {
			return true
		}
	}
	return false
}
