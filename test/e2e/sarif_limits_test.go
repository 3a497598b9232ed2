package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/fiscguard/fiscguard/fixtures/synth"
)

// TestSARIFWithinGitHubLimits scans 50,000 resources, most of them
// misconfigured (some 70,000 findings under strict), to SARIF and JSON in
// one run: the SARIF run keeps the 25,000 most severe results, under 10 MB
// gzipped, and says how many it left out; the JSON has them all.
func TestSARIFWithinGitHubLimits(t *testing.T) {
	endToEnd(t)
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(plan, synth.ManyFindings(50_000), 0o644); err != nil {
		t.Fatal(err)
	}
	sarifFile, jsonFile := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.json")
	cmd := exec.Command(fiscguardBinary(t), "scan", plan, "--profile", "strict", "-o", "sarif="+sarifFile, "-o", "json="+jsonFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if code := runExit(t, cmd); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	raw, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Properties struct{ Severity string } `json:"properties"`
			} `json:"results"`
			Properties struct {
				ResultsLeftOut int `json:"results_left_out"`
			} `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct {
			Severity string `json:"severity"`
		} `json:"findings"`
	}
	data, err := os.ReadFile(jsonFile)
	if err != nil || json.Unmarshal(data, &doc) != nil {
		t.Fatalf("JSON output: %v", err)
	}
	run := log.Runs[0]
	kept, left := len(run.Results), run.Properties.ResultsLeftOut
	t.Logf("%d findings; SARIF keeps %d, leaves out %d, %d bytes (%d gzipped)", len(doc.Findings), kept, left, len(raw), gzipped(t, raw))
	if kept > 25_000 || kept+left != len(doc.Findings) || left == 0 {
		t.Errorf("SARIF keeps %d and leaves out %d of %d findings", kept, left, len(doc.Findings))
	}
	if n := gzipped(t, raw); n > 10_000_000 {
		t.Errorf("SARIF is %d bytes gzipped", n)
	}
	if note := fmt.Sprintf("%d of the %d results are left out", left, kept+left); !bytes.Contains(raw, []byte(note)) || !bytes.Contains(raw, []byte("--format json has them all")) {
		t.Errorf("no notification says %q and where they all are", note)
	}
	// The most severe are kept: every finding more severe than the least
	// severe result kept is in the SARIF.
	rank := map[string]int{"low": 1, "medium": 2, "high": 3, "critical": 4}
	least, shown, total := 5, map[string]int{}, map[string]int{}
	for _, r := range run.Results {
		least = min(least, rank[r.Properties.Severity])
		shown[r.Properties.Severity]++
	}
	for _, f := range doc.Findings {
		total[f.Severity]++
	}
	for sev, n := range total {
		if rank[sev] > least && shown[sev] != n {
			t.Errorf("%d of %d %s findings kept, though less severe ones are", shown[sev], n, sev)
		}
	}
}

func gzipped(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}
