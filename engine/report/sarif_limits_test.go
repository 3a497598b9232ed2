package report

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// withLimits lowers GitHub's limits for one test.
func withLimits(t *testing.T, results, gzipped int) {
	t.Helper()
	saved := sarifLimits
	sarifLimits.results, sarifLimits.gzipped = results, gzipped
	t.Cleanup(func() { sarifLimits = saved })
}

// capped is what a test reads of a capped SARIF log.
type capped struct {
	Runs []struct {
		Invocations []struct {
			ToolExecutionNotifications []struct {
				Message struct{ Text string } `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID     string `json:"ruleId"`
			Properties struct {
				Address string `json:"address"`
				Status  string `json:"status"`
			} `json:"properties"`
		} `json:"results"`
		Properties struct {
			ResultsLeftOut int `json:"results_left_out"`
		} `json:"properties"`
	} `json:"runs"`
}

func writeCapped(t *testing.T, r *Report) (capped, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", r, Options{}); err != nil {
		t.Fatal(err)
	}
	var log capped
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log, buf.Bytes()
}

func notifications(log capped) string {
	var out []string
	for _, n := range log.Runs[0].Invocations[0].ToolExecutionNotifications {
		out = append(out, n.Message.Text)
	}
	return strings.Join(out, "\n")
}

// TestSARIFResultLimit: past the results a run may hold, the most severe
// are kept (a failure before an inconclusive result of the same
// severity), in their order, and the run says how many are left out.
func TestSARIFResultLimit(t *testing.T) {
	withLimits(t, 3, 10_000_000)
	r := sampleReport(t, i18n.En) // critical fail, high fail, medium inconclusive
	r.Findings = append(r.Findings,
		newFinding(ruleS3Public, rule.StatusInconclusive, "aws_s3_bucket.b", "aws_s3_bucket", "", i18n.Text{En: "maybe"}, nil),
		newFinding(ruleS3CMK, rule.StatusFail, "aws_s3_bucket.c", "aws_s3_bucket", "", i18n.Text{En: "no key"}, nil))
	log, _ := writeCapped(t, r)
	var got []string
	for _, res := range log.Runs[0].Results {
		got = append(got, res.RuleID+" "+res.Properties.Address+" "+res.Properties.Status)
	}
	want := []string{"FG-CT-001 aws_cloudtrail.main fail", "FG-S3-001 aws_s3_bucket.b inconclusive", `FG-S3-001 module.logs.aws_s3_bucket.this["audit"] fail`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := log.Runs[0].Properties.ResultsLeftOut; n != 2 {
		t.Errorf("results_left_out %d, want 2", n)
	}
	if note := notifications(log); !strings.Contains(note, "2 of the 5 results are left out") || !strings.Contains(note, "--format json has them all") {
		t.Errorf("notifications:\n%s", note)
	}

	withLimits(t, 5, 10_000_000)
	if log, _ := writeCapped(t, r); len(log.Runs[0].Results) != 5 || log.Runs[0].Properties.ResultsLeftOut != 0 || strings.Contains(notifications(log), "left out") {
		t.Errorf("within the limit: %d results, %d left out, notifications %q", len(log.Runs[0].Results), log.Runs[0].Properties.ResultsLeftOut, notifications(log))
	}
}

// TestSARIFSizeLimit: a log that would be larger gzipped than GitHub takes
// keeps fewer results, until it is not.
func TestSARIFSizeLimit(t *testing.T) {
	r := sampleReport(t, i18n.Ja)
	for i := range 400 {
		// Messages that do not compress well, as distinct as real ones.
		msg := strings.Repeat(fmt.Sprintf("%x", uint64(i)*0x9e3779b97f4a7c15), 8)
		r.Findings = append(r.Findings, newFinding(ruleS3CMK, rule.StatusFail, fmt.Sprintf("aws_s3_bucket.b%d", i), "aws_s3_bucket", "",
			i18n.Text{En: msg, Ja: msg}, &model.Location{File: "main.tf", Line: i + 1}))
	}
	all, full := writeCapped(t, r)
	limit := gzipLen(gzip.DefaultCompression, full) / 2
	withLimits(t, 25_000, limit)
	log, data := writeCapped(t, r)
	kept, left := len(log.Runs[0].Results), log.Runs[0].Properties.ResultsLeftOut
	if n := gzipLen(gzip.DefaultCompression, data); n > limit {
		t.Errorf("%d bytes gzipped, over the limit of %d", n, limit)
	}
	if kept == 0 || left == 0 || kept+left != len(all.Runs[0].Results) {
		t.Errorf("%d results kept and %d left out of %d", kept, left, len(all.Runs[0].Results))
	}
	if note := notifications(log); !strings.Contains(note, fmt.Sprintf("%d件の結果のうち%d件を省いた", kept+left, left)) {
		t.Errorf("notifications:\n%s", note)
	}
	// The critical finding outranks the medium ones.
	if log.Runs[0].Results[0].RuleID != "FG-CT-001" {
		t.Errorf("first result %s", log.Runs[0].Results[0].RuleID)
	}
}

// TestSARIFInPieces: a log whose results fill many pieces is, byte for
// byte, the whole log indented at once, every result in its place.
func TestSARIFInPieces(t *testing.T) {
	r := sampleReport(t, i18n.En)
	const n = 6000 // more than a piece of results per core
	for i := range n {
		r.Findings = append(r.Findings, newFinding(ruleS3CMK, rule.StatusFail, fmt.Sprintf("aws_s3_bucket.b%d", i), "aws_s3_bucket", "",
			i18n.Text{En: strings.Repeat("no key ", 40)}, &model.Location{File: "main.tf", Line: i + 1}))
	}
	log, out := writeCapped(t, r)
	if got := len(log.Runs[0].Results); got != n+3 {
		t.Fatalf("%d results, want %d", got, n+3)
	}
	if len(out) < 4*sarifChunk {
		t.Fatalf("the log is %d bytes: too small to need pieces", len(out))
	}
	var compact, want bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if !bytes.Equal(out, want.Bytes()) {
		t.Error("the log in pieces is not the log indented at once")
	}
}

// TestGzipSpeedLen: the pieces gzipped on every core through writers
// reset for each piece measure what each piece gzipped on its own does.
func TestGzipSpeedLen(t *testing.T) {
	var pieces [][]byte
	want := 0
	for i := range 9 {
		p := []byte(strings.Repeat(fmt.Sprintf(`{"ruleId": "FG-%d", "n": %d},`, i, i*i), 1000*(i+1)))
		pieces = append(pieces, p)
		want += gzipLen(gzip.BestSpeed, p)
	}
	if got := gzipSpeedLen(pieces); got != want {
		t.Errorf("%d bytes, want %d", got, want)
	}
}
