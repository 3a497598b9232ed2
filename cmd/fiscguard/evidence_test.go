package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/evidence"
)

const (
	demoPlan   = "../../fixtures/plans/demo.json"
	demoHCL    = "../../fixtures/hcl/demo"
	corpusS3   = "../../../shared/corpus/hcl/terraform-aws-s3-bucket/examples/complete"
	epoch2026  = "1767225600" // 2026-01-01T00:00:00Z
	jaNonConf  = "不適合"
	enNonConf  = "Non-conformant"
	htmlPrefix = "<!DOCTYPE html>"
)

// evidenceOf runs fiscguard evidence --format json and decodes the report.
func evidenceOf(t *testing.T, args ...string) *evidence.Report {
	t.Helper()
	path := filepath.Join(t.TempDir(), "evidence.json")
	code, _, stderr := cli(t, "", append([]string{"evidence", "--format", "json", "-o", path}, args...)...)
	if code != 0 {
		t.Fatalf("evidence %v: exit %d %s", args, code, stderr)
	}
	r, err := evidence.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEvidenceEveryFormat: a plan, a configuration directory and a corpus
// project, in every format and both languages, rerun byte for byte.
func TestEvidenceEveryFormat(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch2026)
	inputs := []struct {
		name, path string
		args       []string
	}{
		{"plan", demoPlan, nil},
		{"hcl", demoHCL, []string{"--profile", "strict"}},
		{"corpus", corpusS3, []string{"--edition", "8th"}},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			if _, err := os.Stat(in.path); err != nil {
				t.Skipf("%s not available", in.path)
			}
			dir := t.TempDir()
			for _, format := range []string{"html", "xlsx", "json", "markdown"} {
				for _, lang := range []string{"en", "ja"} {
					out := filepath.Join(dir, format+"."+lang)
					args := append([]string{"evidence", in.path, "--format", format, "--lang", lang, "-o", out}, in.args...)
					if code, _, stderr := cli(t, "", args...); code != 0 {
						t.Fatalf("%v: exit %d %s", args, code, stderr)
					}
					first, _ := os.ReadFile(out)
					if len(first) < 1000 {
						t.Fatalf("%s/%s: %d bytes", format, lang, len(first))
					}
					if lang == "ja" {
						cli(t, "", args...)
						if again, _ := os.ReadFile(out); !bytes.Equal(first, again) {
							t.Errorf("%s/%s: a rerun with SOURCE_DATE_EPOCH differs", format, lang)
						}
					}
					switch {
					case format == "html" && !strings.HasPrefix(string(first), htmlPrefix),
						format == "xlsx" && !bytes.HasPrefix(first, []byte("PK")),
						format == "markdown" && lang == "ja" && !strings.Contains(string(first), "FISC安全対策基準 証跡レポート"):
						t.Errorf("%s/%s does not look right: %.80q", format, lang, first)
					}
				}
			}
		})
	}
}

func TestEvidenceReport(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch2026)
	r := evidenceOf(t, demoPlan, "--name", "bank/demo")
	tg := r.Targets[0]
	data, _ := os.ReadFile(demoPlan)
	sum := sha256.Sum256(data)
	if tg.Name != "bank/demo" || tg.Trace.Input.Digest != "sha256:"+hex.EncodeToString(sum[:]) || tg.Trace.ScannedAt != "2026-01-01T00:00:00Z" || r.GeneratedAt != tg.Trace.ScannedAt {
		t.Errorf("target %q, trace %+v", tg.Name, tg.Trace.Input)
	}
	if len(tg.Trace.Library) != 1 || !tg.Trace.Library[0].Builtin || tg.Trace.Profile != "simple" || tg.Trace.Params["allowed_regions"] == nil {
		t.Errorf("trace %+v", tg.Trace)
	}
	// Every current-edition item and the seed's 運108–運113.
	seen := map[string]evidence.Status{}
	for _, it := range r.Items {
		seen[it.ID] = it.Status
	}
	for _, id := range evidence.SeedItems {
		if _, ok := seen[id]; !ok {
			t.Errorf("seed item %s missing", id)
		}
	}
	if len(seen) != 157+6 || seen["実3"] != evidence.NonConformant || seen["実51"] != evidence.Provider || seen["実2"] != evidence.NotDecidable {
		t.Errorf("%d items; 実3 %s, 実51 %s, 実2 %s", len(seen), seen["実3"], seen["実51"], seen["実2"])
	}
	// The same plan from standard input has the same digest.
	code, out, stderr := cli(t, string(data), "evidence", "-", "--format", "json")
	if code != 0 || !strings.Contains(out, `"digest": "`+tg.Trace.Input.Digest+`"`) {
		t.Errorf("stdin: exit %d %s", code, stderr)
	}
}

// TestEvidenceWaivers: an accepted exception carries its waiver, the waiver
// file's digest is recorded, and waivers are judged on the report's date.
func TestEvidenceWaivers(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"main.tf": strings.Replace(volumes, " # fiscguard:ignore", " # ignored:", 1),
		"waivers.yaml": "waivers:\n  - rule: FG-EBS-001\n    reason: migrating to encrypted volumes\n    owner: storage-team\n    ticket: SEC-9\n    expires: 2026-06-30\n" +
			"  - rule: FG-EBS-003\n    reason: the account baseline is kept in the platform repository\n    owner: storage-team\n    ticket: SEC-9\n    expires: 2026-06-30\n",
	})
	waivers := filepath.Join(dir, "waivers.yaml")
	status := func(epoch string) (evidence.Status, *evidence.Report) {
		t.Setenv("SOURCE_DATE_EPOCH", epoch)
		r := evidenceOf(t, dir, "--waivers", waivers)
		for _, it := range r.Items {
			if it.ID == "実3" {
				return it.Status, r
			}
		}
		t.Fatal("no 実3")
		return "", nil
	}
	st, r := status(epoch2026)
	if st != evidence.Exception || r.Targets[0].Trace.Waivers == nil || !strings.HasPrefix(r.Targets[0].Trace.Waivers.Digest, "sha256:") {
		t.Errorf("before expiry: 実3 %s, waivers %+v", st, r.Targets[0].Trace.Waivers)
	}
	var w *evidence.Waiver
	for _, res := range r.Targets[0].Results {
		if res.Rule == "FG-EBS-001" && res.Outcome == evidence.OutcomeWaived {
			w = res.Findings[0].Waiver
		}
	}
	if w == nil || w.Owner != "storage-team" || w.Ticket != "SEC-9" || w.Expires != "2026-06-30" {
		t.Errorf("waiver %+v", w)
	}
	if st, _ := status("1798761600"); st != evidence.NonConformant { // 2027-01-01
		t.Errorf("after expiry: 実3 %s, want non-conformant", st)
	}
}

func TestEvidencePolicyDir(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch2026)
	dir := writeFiles(t, map[string]string{"main.tf": volumes, "policies/tags.rego": userPolicy})
	r := evidenceOf(t, dir, "--policy-dir", filepath.Join(dir, "policies"))
	lib := r.Targets[0].Trace.Library
	if len(lib) != 2 || lib[1].Builtin || lib[1].Files != 1 || !strings.HasPrefix(lib[1].Digest, "sha256:") {
		t.Errorf("library %+v: want the built-in library and the policy directory", lib)
	}
	if rr, ok := r.Targets[0].RuleResult("BANK-TAG-001"); !ok || rr.Applied != 2 || rr.Failed != 2 {
		t.Errorf("user rule %+v %v", rr, ok)
	}
}

func TestEvidenceMerge(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch2026)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, c := range [][]string{{demoPlan, "--name", "repo-a", "-o", a}, {demoHCL, "--name", "repo-b", "-o", b}} {
		if code, _, stderr := cli(t, "", append([]string{"evidence", "--format", "json"}, c...)...); code != 0 {
			t.Fatalf("exit %d %s", code, stderr)
		}
	}
	for _, format := range []string{"json", "html", "markdown", "xlsx"} {
		out := filepath.Join(dir, "org."+format)
		if code, _, stderr := cli(t, "", "evidence", "merge", a, b, "--format", format, "--lang", "ja", "-o", out); code != 0 {
			t.Fatalf("merge %s: exit %d %s", format, code, stderr)
		}
	}
	m, err := evidence.ReadFile(filepath.Join(dir, "org.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Targets) != 2 || m.Targets[0].Name != "repo-a" || m.Targets[1].Name != "repo-b" || len(m.Items[0].Targets) != 2 {
		t.Fatalf("merged %d targets", len(m.Targets))
	}
	md, _ := os.ReadFile(filepath.Join(dir, "org.markdown"))
	if !strings.Contains(string(md), "| 状態 | 項目数 | repo-a | repo-b |") {
		t.Errorf("merged markdown lacks the per-repository summary:\n%.600s", md)
	}
}

func TestEvidenceErrors(t *testing.T) {
	scanJSON := filepath.Join(t.TempDir(), "scan.json")
	_, out, _ := cli(t, "", "scan", demoPlan, "--format", "json")
	os.WriteFile(scanJSON, []byte(out), 0o644)
	tests := []struct {
		name  string
		epoch string
		args  []string
		err   string
	}{
		{"bad format", epoch2026, []string{"evidence", demoPlan, "--format", "pdf"}, `--format: unknown format "pdf"`},
		{"bad SOURCE_DATE_EPOCH", "tomorrow", []string{"evidence", demoPlan}, `SOURCE_DATE_EPOCH: "tomorrow" is not a number`},
		{"missing input", epoch2026, []string{"evidence", "no-such-plan.json"}, "no-such-plan.json: no such file or directory"},
		{"gating flags are not evidence flags", epoch2026, []string{"evidence", demoPlan, "--baseline", "b.json"}, "unknown flag: --baseline"},
		{"merge a scan report", epoch2026, []string{"evidence", "merge", scanJSON}, scanJSON + ": not an evidence report"},
		{"merge a missing file", epoch2026, []string{"evidence", "merge", "none.json"}, "none.json: no such file or directory"},
		{"merge nothing", epoch2026, []string{"evidence", "merge"}, "requires at least 1 arg"},
		{"merge bad lang", epoch2026, []string{"evidence", "merge", scanJSON, "--lang", "fr"}, `--lang: unknown language "fr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tt.epoch)
			code, _, stderr := cli(t, "", tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.err) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.err)
			}
		})
	}
}

// TestEvidenceExitCode: the report is the product, so findings do not fail it.
func TestEvidenceExitCode(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch2026)
	code, out, stderr := cli(t, "", "evidence", demoPlan, "--format", "markdown")
	if code != 0 || !strings.Contains(out, enNonConf) {
		t.Errorf("exit %d %s", code, stderr)
	}
	var v map[string]any
	if _, out, _ := cli(t, "", "evidence", demoPlan, "--format", "json", "--lang", "ja"); json.Unmarshal([]byte(out), &v) != nil || strings.Contains(out, jaNonConf) {
		t.Error("JSON carries both languages and status keys, not labels")
	}
}

// TestEvidenceUnplanned: on a plan Terraform could not finish, no item
// reads conformant or not applicable: each is pending, with the reason on
// the item, and every format says why before anything else.
func TestEvidenceUnplanned(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch2026)
	clean := map[string]evidence.Status{}
	for _, it := range evidenceOf(t, demoPlan).Items {
		clean[it.ID] = it.Status
	}
	incomplete := planWith(t, demoPlan, map[string]any{"complete": false})
	for _, tt := range []struct {
		name, plan, reason string
		warning, shown     map[string]string // by language: the report's warning, an item's reason
	}{
		{"errored", erroredPlan(t, demoPlan), evidence.ReasonPlanErrored,
			map[string]string{"en": "Terraform failed while planning (the plan is errored)", "ja": "Terraform が計画の途中で失敗した（エラーのあるプラン）ため、計画されなかった"},
			map[string]string{"en": "Pending because Terraform failed while planning", "ja": "Terraform が計画の途中で失敗した（エラーのあるプラン）ため判定保留です"}},
		{"incomplete", incomplete, evidence.ReasonPlanIncomplete,
			map[string]string{"en": "Terraform did not plan every change (the plan is incomplete", "ja": "Terraform がすべての変更を計画していない（不完全なプラン: "},
			map[string]string{"en": "Pending because Terraform did not plan every change", "ja": "Terraform がすべての変更を計画していない（不完全なプラン）ため判定保留です"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := evidenceOf(t, tt.plan)
			withheld := 0
			for _, it := range r.Items {
				st, was := it.Targets[0], clean[it.ID]
				switch {
				case was == evidence.Conformant || was == evidence.NotApplicable:
					withheld++
					if st.Status != evidence.Pending || st.Reason != tt.reason {
						t.Errorf("%s: %s (reason %q), want pending for %s; it is %s on the finished plan", it.ID, st.Status, st.Reason, tt.reason, was)
					}
				case st.Status != was:
					t.Errorf("%s: %s, want %s as on the finished plan", it.ID, st.Status, was)
				}
			}
			if withheld < 10 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].En, tt.warning["en"]) {
				t.Errorf("%d items withheld, warnings %+v", withheld, r.Warnings)
			}
			// What the warning must come before: the summary, or the
			// workbook's sheet of items.
			first := map[string]map[string]string{
				"markdown": {"en": "## Summary", "ja": "## サマリー"},
				"html":     {"en": "Summary", "ja": "サマリー"},
				"xlsx":     {"en": "Items\n", "ja": "項目\n"},
			}
			for _, lang := range []string{"en", "ja"} {
				for _, format := range []string{"markdown", "html", "xlsx"} {
					code, out, stderr := cli(t, "", "evidence", tt.plan, "--lang", lang, "-f", format)
					if code != 0 {
						t.Fatalf("%s %s: exit %d %s", format, lang, code, stderr)
					}
					var text string
					switch format {
					case "html":
						text = htmlText(t, format, out)
					case "xlsx":
						text = xlsxText(t, format, out)
					default:
						text = out
					}
					warning, rest := strings.Index(text, tt.warning[lang]), strings.Index(text, first[format][lang])
					if warning < 0 || rest < 0 || warning > rest {
						t.Errorf("%s %s: the warning is not at the top (at %d, %q at %d)", format, lang, warning, first[format][lang], rest)
					}
					// Markdown details the items that need attention; HTML
					// and XLSX every item.
					if n := strings.Count(text, tt.shown[lang]); n != withheld {
						t.Errorf("%s %s: %d items show the reason, want %d", format, lang, n, withheld)
					}
				}
			}
		})
	}
}
