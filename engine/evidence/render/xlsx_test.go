package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// xlsxCells returns every non-empty cell of every sheet.
func xlsxCells(t *testing.T, data []byte) []string {
	t.Helper()
	f := openXLSX(t, data)
	var out []string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, c := range row {
				if c != "" {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestXLSXItems(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", load(t, "sample.json"), i18n.Ja))
	if got := strings.Join(f.GetSheetList(), ","); got != "項目,リソース判定,トレーサビリティ" {
		t.Fatalf("sheets %s", got)
	}
	// The seed's columns: item, category, responsibility, status, evidence, expectation.
	for ref, want := range map[string]string{"A1": "項番", "B1": "分類", "C1": "表題", "D1": "対応の主体", "E1": "状態", "F1": "証跡", "G1": "求められる対応",
		"A2": "実2", "E2": "IaCでは判定不可", "A3": "実3", "B3": "実務基準", "C3": "蓄積データの漏えい防止", "D3": "共同（事業者と利用者）", "E3": "不適合",
		"G3": "簡易な管理で求められる対応: 保存データを暗号化する。", "A10": "実51", "E10": "クラウド事業者の責任", "A12": "運110", "B12": "運用基準（クラウドサービスの利用）"} {
		if got := cell(t, f, "項目", ref); got != want {
			t.Errorf("項目!%s = %q, want %q", ref, got, want)
		}
	}
	evidence := cell(t, f, "項目", "F3")
	for _, want := range []string{
		"FG-S3-001 S3バケットのパブリックアクセスをブロックする (重大度 高): 対象 2 件（合格 1、違反 1）",
		"違反 FG-S3-001 aws_s3_bucket.b infra/main.tf:10 — バケット aws_s3_bucket.b にパブリックアクセスブロックがない。",
		"クラウド事業者から入手する資料: SOC 2 Type 2 報告書 — AWS Artifact",
		"構成の外で収集する証跡: 鍵の保管は判断できない。",
	} {
		if !strings.Contains(evidence, want) {
			t.Errorf("evidence of 実3 lacks %q:\n%s", want, evidence)
		}
	}
	if got := cell(t, f, "項目", "F10"); !strings.Contains(got, "SOC 2 Type 2 報告書 — AWS Artifact、ISO/IEC 27001 認証書 — AWS Artifact") {
		t.Errorf("the provider's item names what to obtain: %q", got)
	}
	if got := cell(t, f, "項目", "F7"); !strings.Contains(got, "この項目を判定するが今回は適用していないルール: FG-KMS-001 (厳格な管理)") {
		t.Errorf("実13 names the strict rule not in force: %q", got)
	}
	checkSheetLayout(t, f, "項目", "A1:G12")
}

func TestXLSXResults(t *testing.T) {
	r := load(t, "sample.json")
	f := openXLSX(t, render(t, "xlsx", r, i18n.En))
	rows, err := f.GetRows("Resource results")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Targets[0].Results)+1 {
		t.Fatalf("%d rows for %d results", len(rows), len(r.Targets[0].Results))
	}
	if got := strings.Join(rows[0], "|"); got != "Rule|Severity|FISC items|Resource|Type|Outcome|Location|Message|Exception" {
		t.Errorf("header %s", got)
	}
	found := false
	for _, row := range rows[1:] {
		if row[0] == "FG-CLOUDTRAIL-001" {
			found = true
			want := []string{"FG-CLOUDTRAIL-001", "medium", "実10", "aws_cloudtrail.main", "aws_cloudtrail", "accepted exception", "infra/main.tf:22",
				"The trail records one region.", "Reason: regional trail by design, Owner: platform-team, Ticket: SEC-12, Expires: 2027-03-31"}
			if strings.Join(row, "|") != strings.Join(want, "|") {
				t.Errorf("waived row\n got %q\nwant %q", row, want)
			}
		}
	}
	if !found {
		t.Error("no row for the waived result")
	}
	checkSheetLayout(t, f, "Resource results", "A1:I11")
	if got := cell(t, f, "Traceability", "B2"); got != "Input" {
		t.Errorf("traceability B2 %q", got)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2026-01-01T00:00:00Z" || props.Modified != props.Created || props.Creator != "fiscguard 0.3.1" {
		t.Errorf("doc props %+v %v: the report's time, not the clock", props, err)
	}
}

// checkSheetLayout: a frozen header row and filters over the table.
func checkSheetLayout(t *testing.T, f *excelize.File, sheet, ref string) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("%s panes %+v %v: want the header row frozen", sheet, panes, err)
	}
	names := f.GetDefinedName()
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" && n.Scope == sheet {
			if want := "'" + sheet + "'!" + absolute(ref); n.RefersTo != want {
				t.Errorf("%s filter %s, want %s", sheet, n.RefersTo, want)
			}
			return
		}
	}
	t.Errorf("%s has no filter (defined names %+v)", sheet, names)
}

func TestXLSXMerged(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", load(t, "merged.json"), i18n.En))
	// One status column per repository after the overall status.
	for ref, want := range map[string]string{"E1": "Status", "F1": "bank/core", "G1": "bank/web", "H1": "Evidence", "A1": "Item"} {
		if got := cell(t, f, "Items", ref); got != want {
			t.Errorf("Items!%s = %q, want %q", ref, got, want)
		}
	}
	if got := cell(t, f, "Resource results", "A1"); got != "Target" {
		t.Errorf("results of many targets name the target first: %q", got)
	}
}

// absolute turns A1:G12 into $A$1:$G$12.
func absolute(ref string) string {
	return regexp.MustCompile(`([A-Z]+)(\d+)`).ReplaceAllString(ref, "$$$1$$$2")
}
