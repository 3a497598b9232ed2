package catalog

import (
	"sort"
	"strings"
	"testing"
)

func TestParseRejectsBadItems(t *testing.T) {
	tests := []struct{ src, err string }{
		{"items:\n  - {id: 実3, edition: 7th, title: {en: a, ja: b}, responsibility: user, iac: full}\n", `edition "7th"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a}, responsibility: user, iac: full}\n", "title needs en and ja"},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: bank, iac: full}\n", `responsibility "bank"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: maybe}\n", `iac "maybe"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full}\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full}\n", "listed twice"},
		{"items:\n  - {id: 実3, colour: red}\n", "colour"},
		{"items:\n  - {id: 実51, edition: current, title: {en: a, ja: b}, responsibility: provider, iac: none}\n", "provider_evidence must name"},
		{"items:\n  - {id: 実51, edition: current, title: {en: a, ja: b}, responsibility: provider, iac: none, provider_evidence: [soc9]}\n", `document "soc9"`},
		{"documents:\n  - {id: soc2, title: {en: SOC 2}, source: {en: a, ja: b}}\nitems: []\n", "document soc2: title and source need en and ja"},
		{"documents:\n  - {id: soc2, title: {en: a, ja: b}, source: {en: a, ja: b}}\n  - {id: soc2, title: {en: a, ja: b}, source: {en: a, ja: b}}\nitems: []\n", "document soc2 is listed twice"},
	}
	for _, tt := range tests {
		if _, err := Parse("c.yaml", []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "c.yaml") {
			t.Errorf("error %v, want it to name c.yaml and contain %q", err, tt.err)
		}
	}
}

func TestLessID(t *testing.T) {
	ids := []string{"実100", "運108", "実14-1", "実3", "実14", "統20", "実14-2"}
	sort.Slice(ids, func(i, j int) bool { return LessID(ids[i], ids[j]) })
	want := "実3 実14 実14-1 実14-2 実100 統20 運108"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestProviderEvidence(t *testing.T) {
	src := "documents:\n  - {id: soc2, title: {en: SOC 2 report, ja: SOC 2 報告書}, source: {en: AWS Artifact, ja: AWS Artifact}}\n" +
		"items:\n  - {id: 実51, edition: current, title: {en: a, ja: b}, responsibility: provider, iac: none, provider_evidence: [soc2]}\n"
	c, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	it, _ := c.Lookup("実51")
	d, ok := c.Document(it.ProviderEvidence[0])
	if !ok || d.Title.Ja != "SOC 2 報告書" {
		t.Errorf("document %+v %v", d, ok)
	}
	if _, ok := c.Document("soc1"); ok {
		t.Error("soc1 is not in the catalog")
	}
}
