package evidence

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// withName is a copy of a one-target report with another target name.
func withName(r *Report, name string) *Report {
	c := *r
	c.Targets = append([]Target(nil), r.Targets...)
	c.Targets[0].Name = name
	return &c
}

// roundTrip writes a report as JSON and reads it back as merge does.
func roundTrip(t *testing.T, r *Report) *Report {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.json")
	if err := os.WriteFile(path, encode(t, r), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func TestMerge(t *testing.T) {
	core := Build(sampleReport(t), sampleTrace(), "bank/core")
	// The web repository fixes the bucket: 実3 and 運110 conform there.
	webRep := sampleReport(t)
	webRep.Findings = webRep.Findings[1:]
	for i := range webRep.Coverage {
		for j := range webRep.Coverage[i].Resources {
			if res := &webRep.Coverage[i].Resources[j]; webRep.Coverage[i].Rule.ID == "FG-S3-001" {
				res.Outcome, res.Findings = "pass", nil
			}
		}
	}
	web := Build(webRep, sampleTrace(), "bank/web")
	m, err := Merge([]Source{{"core.json", roundTrip(t, core)}, {"web.json", roundTrip(t, web)}}, Tool{Name: "fiscguard", Version: "1.0.0"}, mustTime(t, "2026-02-01T09:00:00+09:00"))
	if err != nil {
		t.Fatal(err)
	}
	if m.GeneratedAt != "2026-02-01T00:00:00Z" || m.Tool.Version != "1.0.0" || len(m.Targets) != 2 || m.Targets[1].Name != "bank/web" {
		t.Fatalf("merged header %s %+v, %d targets", m.GeneratedAt, m.Tool, len(m.Targets))
	}
	byID := map[string]Item{}
	for _, it := range m.Items {
		byID[it.ID] = it
	}
	for _, tt := range []struct {
		id            string
		overall, c, w Status
	}{
		{"実3", NonConformant, NonConformant, Conformant},
		{"運110", NonConformant, NonConformant, Conformant},
		{"実4", Pending, Pending, Pending},
		{"実51", Provider, Provider, Provider},
	} {
		it := byID[tt.id]
		if it.Status != tt.overall || it.Targets[0].Status != tt.c || it.Targets[1].Status != tt.w {
			t.Errorf("%s: %s (%s, %s), want %s (%s, %s)", tt.id, it.Status, it.Targets[0].Status, it.Targets[1].Status, tt.overall, tt.c, tt.w)
		}
	}
	if m.Targets[1].Summary[0] != (Count{NonConformant, 0}) || m.Summary[0] != (Count{NonConformant, 2}) {
		t.Errorf("summaries %+v / %+v", m.Targets[1].Summary, m.Summary)
	}
}

func TestMergeNames(t *testing.T) {
	r := Build(sampleReport(t), sampleTrace(), "")
	m, err := Merge([]Source{{"a.json", r}, {"b.json", r}}, Tool{}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if m.Targets[0].Name != "infra/plan.json (a.json)" || m.Targets[1].Name != "infra/plan.json (b.json)" {
		t.Errorf("repeated names are not qualified: %q %q", m.Targets[0].Name, m.Targets[1].Name)
	}
}

// TestMergeItemNotListed: a report from another library may lack an item;
// the item is not decidable there, not dropped.
func TestMergeItemNotListed(t *testing.T) {
	a := Build(sampleReport(t), sampleTrace(), "a")
	b := withName(a, "b")
	b.Items = append([]Item(nil), a.Items[1:]...)
	m, err := Merge([]Source{{"b.json", b}, {"a.json", a}}, Tool{}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var it *Item
	for i := range m.Items {
		if m.Items[i].ID == a.Items[0].ID {
			it = &m.Items[i]
		}
	}
	if it == nil || len(it.Targets) != 2 || it.Targets[0].Reason != ReasonNotListed || it.Targets[1].Status != a.Items[0].Status {
		t.Fatalf("item %s missing from the first report: %+v", a.Items[0].ID, it)
	}
}

func TestMergeRejects(t *testing.T) {
	r := Build(sampleReport(t), sampleTrace(), "a")
	other := withName(r, "b")
	other.Edition = "8th"
	if _, err := Merge([]Source{{"a.json", r}, {"b.json", other}}, Tool{}, time.Unix(0, 0)); err == nil || !strings.Contains(err.Error(), "b.json: edition 8th") {
		t.Errorf("editions differ: %v", err)
	}
	if _, err := Merge(nil, Tool{}, time.Unix(0, 0)); err == nil {
		t.Error("merging nothing is an error")
	}
}

func TestReadFileRejects(t *testing.T) {
	good := encode(t, Build(sampleReport(t), sampleTrace(), "a"))
	var doc map[string]any
	if err := json.Unmarshal(good, &doc); err != nil {
		t.Fatal(err)
	}
	edit := func(f func(map[string]any)) string {
		var d map[string]any
		json.Unmarshal(good, &d)
		f(d)
		b, _ := json.Marshal(d)
		return string(b)
	}
	tests := []struct{ name, src, want string }{
		{"not JSON", "{", "not an evidence report"},
		{"a scan report", `{"schema_version": 1, "findings": []}`, "not an evidence report"},
		{"newer schema", edit(func(d map[string]any) { d["schema_version"] = 2 }), "schema_version 2 is not 1"},
		{"targets missing", edit(func(d map[string]any) { d["targets"] = []any{} }), "target statuses for 0 targets"},
		{"unknown status", lastReplaced(string(good), `"status": "provider"`, `"status": "ok"`), `unknown status "ok"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.json")
			os.WriteFile(path, []byte(tt.src), 0o644)
			_, err := ReadFile(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), path) {
				t.Errorf("error %v, want it to name the file and say %q", err, tt.want)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	// What is read back is what was written.
	back := roundTrip(t, Build(sampleReport(t), sampleTrace(), "a"))
	if again := encode(t, back); !bytes.Equal(again, good) {
		t.Errorf("a report read back encodes differently:\n%s", again)
	}
}

// lastReplaced replaces the last occurrence of old (an item's, after the summary's).
func lastReplaced(s, old, new string) string {
	i := strings.LastIndex(s, old)
	return s[:i] + new + s[i+len(old):]
}
