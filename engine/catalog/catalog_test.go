package catalog

import (
	"sort"
	"strings"
	"testing"
)

// mgmt is a valid start of a catalog: the management levels and item 実3.
const mgmt = "management_levels: {placement: {en: a, ja: b}}\nitems:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full, title_source: secondary}\n"

func TestParseRejectsBadItems(t *testing.T) {
	tests := []struct{ src, err string }{
		{"items:\n  - {id: 実3, edition: 7th, title: {en: a, ja: b}, responsibility: user, iac: full, title_source: none}\n", `edition "7th"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a}, responsibility: user, iac: full, title_source: none}\n", "title needs en and ja"},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: bank, iac: full, title_source: none}\n", `responsibility "bank"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: maybe, title_source: none}\n", `iac "maybe"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full, title_source: none}\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full, title_source: none}\n", "listed twice"},
		{"items:\n  - {id: 実3, colour: red}\n", "colour"},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full, title_source: guess}\n", `title_source "guess"`},
		{"items:\n  - {id: 実3, edition: current, title: {en: a, ja: b}, responsibility: user, iac: full, title_source: none, ours: [title]}\n", `ours names "title"`},
		{"items:\n  - {id: 実127, edition: current, title: {en: a, ja: b}, responsibility: user, iac: partial, title_source: none, retired: true}\n", "retired number"},
		{"management_levels: {placement: {en: a}}\n", "management_levels.placement"},
		{mgmt + "controls:\n  - {id: SH.S3.8, fisc: [実9], title: {en: a, ja: b}}\n", "fisc lists 実9"},
		{mgmt + "controls:\n  - {id: S3.8, fisc: [実3], title: {en: a, ja: b}}\n", `id "S3.8"`},
		{mgmt + "controls:\n  - {id: SH.S3.8, fisc: [実3], title: {en: a, ja: b}, without_rule: {en: a}}\n", "without_rule needs en and ja"},
		{mgmt + "controls:\n  - {id: SH.S3.8, fisc: [実3], title: {en: a, ja: b}}\n  - {id: SH.S3.8, fisc: [実3], title: {en: a, ja: b}}\n", "control SH.S3.8 is listed twice"},
		{"items:\n  - {id: 実51, edition: current, title: {en: a, ja: b}, responsibility: provider, iac: none, title_source: secondary}\n", "provider_evidence must name"},
		{"items:\n  - {id: 実51, edition: current, title: {en: a, ja: b}, responsibility: provider, iac: none, title_source: secondary, provider_evidence: [soc9]}\n", `document "soc9"`},
		{"documents:\n  - {id: soc2, title: {en: SOC 2}, source: {en: a, ja: b}}\nitems: []\n", "document soc2: title and source need en and ja"},
		{"documents:\n  - {id: soc2, title: {en: a, ja: b}, source: {en: a, ja: b}}\n  - {id: soc2, title: {en: a, ja: b}, source: {en: a, ja: b}}\nitems: []\n", "document soc2 is listed twice"},
	}
	for _, tt := range tests {
		if _, err := Parse("c.yaml", []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "c.yaml") {
			t.Errorf("error %v, want it to name c.yaml and contain %q", err, tt.err)
		}
	}
}

// TestParse: a title is verified only by the seed; retired numbers are
// found but not listed among the items in force; controls are read.
func TestParse(t *testing.T) {
	src := mgmt + "  - {id: 運110, edition: 8th, title: {en: a, ja: b}, responsibility: shared, iac: partial, title_source: seed}\n" +
		"  - {id: 実127, edition: current, title: {en: a, ja: b}, responsibility: user, iac: none, title_source: none, retired: true}\n" +
		"controls:\n  - {id: SH.S3.8, fisc: [実3], title: {en: a, ja: b}, recommended: true}\n  - {id: AWS-GR_RESTRICTED_SSH, fisc: [実3], title: {en: a, ja: b}, without_rule: {en: c, ja: d}}\n"
	c, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := c.Lookup("運110"); !it.TitleVerified {
		t.Error("a title from the seed is verified")
	}
	if it, _ := c.Lookup("実3"); it.TitleVerified {
		t.Error("a title from a secondary source is not verified")
	}
	if it, ok := c.Lookup("実127"); !ok || !it.Retired {
		t.Error("a retired number is found")
	}
	var ids []string
	for _, it := range c.Items() {
		ids = append(ids, it.ID)
	}
	if got := strings.Join(ids, " "); got != "運110 実3" {
		t.Errorf("items in force: %s", got)
	}
	if r := c.Retired(); len(r) != 1 || r[0].ID != "実127" {
		t.Errorf("retired: %v", r)
	}
	if ctls := c.Controls(); len(ctls) != 2 || ctls[0].ID != "AWS-GR_RESTRICTED_SSH" || !ctls[1].Recommended {
		t.Errorf("controls: %+v", ctls)
	}
	if got := strings.Join(ControlIDs("aws-blea-ct:SH.EC2.15, SH.Autoscaling.5 and AWS-GR_RESTRICTED_SSH (ports)"), " "); got != "SH.EC2.15 SH.Autoscaling.5 AWS-GR_RESTRICTED_SSH" {
		t.Errorf("ControlIDs: %s", got)
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
		"items:\n  - {id: 実51, edition: current, title: {en: a, ja: b}, responsibility: provider, iac: none, title_source: secondary, provider_evidence: [soc2]}\n"
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
