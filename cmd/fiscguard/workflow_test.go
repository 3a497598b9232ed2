package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles creates files under a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const volumes = `provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false # fiscguard:ignore FG-EBS-001 reason="scratch space, no customer data" expires=2099-12-31
}
`

// summaryOf runs a JSON scan and returns its summary and exit code.
func summaryOf(t *testing.T, args ...string) (int, map[string]any, string) {
	t.Helper()
	code, out, stderr := cli(t, "", append([]string{"scan", "--format", "json"}, args...)...)
	var rep map[string]any
	if code == 2 {
		return code, nil, stderr
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return code, rep, stderr
}

func TestWaivers(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"main.tf": volumes,
		"waivers.yaml": `waivers:
  - rule: 実3
    resource: aws_ebs_volume.data
    reason: "encrypted by the storage array below"
    owner: platform-team
    ticket: SEC-1234
    expires: 2099-03-31
  - rule: FG-RDS-*
    reason: "no databases yet"
    expires: 2099-03-31
`,
		"expired.yaml":  "waivers:\n  - rule: FG-EBS-001\n    resource: aws_ebs_volume.data\n    reason: old\n    expires: 2020-01-01\n",
		"noexpiry.yaml": "waivers:\n  - rule: FG-EBS-001\n    reason: forever\n",
	})
	code, rep, _ := summaryOf(t, dir, "--waivers", filepath.Join(dir, "waivers.yaml"))
	notes := strings.Join(toStrings(rep["notes"]), "\n")
	if code != 0 || !strings.Contains(notes, "waivers.yaml:8: the waiver for FG-RDS-* matches no finding (stale)") {
		t.Errorf("every finding waived: exit %d, notes %q", code, notes)
	}
	code, rep, _ = summaryOf(t, dir, "--waivers", filepath.Join(dir, "expired.yaml"))
	notes = strings.Join(toStrings(rep["notes"]), "\n")
	if code != 1 || !strings.Contains(notes, "expired on 2020-01-01 and no longer applies") {
		t.Errorf("expired waiver: exit %d, notes %q", code, notes)
	}
	code, _, stderr := summaryOf(t, dir, "--waivers", filepath.Join(dir, "noexpiry.yaml"), "--profile", "strict")
	if code != 2 || !strings.Contains(stderr, "noexpiry.yaml:2:") || !strings.Contains(stderr, "no expiry date, which the strict profile requires") {
		t.Errorf("strict without expiry: exit %d, %q", code, stderr)
	}
	// The inline waiver has an expiry, so strict accepts it; the data volume still fails.
	code, _, _ = summaryOf(t, dir, "--profile", "strict")
	if code != 1 {
		t.Errorf("strict: exit %d", code)
	}
	bad := writeFiles(t, map[string]string{"main.tf": strings.Replace(volumes, `reason="scratch space, no customer data" `, "", 1)})
	code, _, stderr = summaryOf(t, bad)
	if code != 2 || !strings.Contains(stderr, "main.tf:14: fiscguard:ignore for FG-EBS-001 has no reason") {
		t.Errorf("malformed inline waiver: exit %d, %q", code, stderr)
	}
}

func toStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// TestBaselineSurvivesEdits: a baseline keeps matching after lines move
// and resources are reordered, and only a new finding is reported.
func TestBaselineSurvivesEdits(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	base := filepath.Join(dir, "baseline.json")
	if code, _, stderr := cli(t, "", "baseline", dir, "--output", base); code != 0 {
		t.Fatalf("baseline: exit %d %s", code, stderr)
	}
	data, _ := os.ReadFile(base)
	if !strings.Contains(string(data), `"rule": "FG-EBS-001"`) || strings.Contains(string(data), "scratch") {
		t.Errorf("baseline holds the open finding only:\n%s", data)
	}
	if code, _, _ := summaryOf(t, dir, "--baseline", base); code != 0 {
		t.Errorf("unchanged: exit %d", code)
	}
	// Move every line down and put the resources in the other order.
	parts := strings.SplitN(volumes, "resource \"aws_ebs_volume\" \"data\"", 2)
	data2 := strings.SplitN(parts[1], "resource \"aws_ebs_volume\" \"scratch\"", 2)
	moved := "\n\n\n" + parts[0] + "resource \"aws_ebs_volume\" \"scratch\"" + data2[1] + "\nresource \"aws_ebs_volume\" \"data\"" + data2[0]
	os.WriteFile(filepath.Join(dir, "main.tf"), []byte(moved), 0o644)
	if code, rep, _ := summaryOf(t, dir, "--baseline", base); code != 0 || len(open(rep)) != 0 {
		t.Errorf("moved and reordered: exit %d, findings %v", code, open(rep))
	}
	os.WriteFile(filepath.Join(dir, "new.tf"), []byte("resource \"aws_ebs_volume\" \"new\" {\n  availability_zone = \"ap-northeast-1a\"\n  size = 1\n}\n"), 0o644)
	code, rep, _ := summaryOf(t, dir, "--baseline", base)
	if fs := open(rep); code != 1 || len(fs) != 1 || fs[0] != "aws_ebs_volume.new" {
		t.Errorf("new finding: exit %d, findings %v", code, fs)
	}
}

// open lists the addresses of a JSON report's findings that are not waived.
func open(rep map[string]any) []string {
	var out []string
	for _, f := range rep["findings"].([]any) {
		m := f.(map[string]any)
		if m["waiver"] == nil {
			out = append(out, m["address"].(string))
		}
	}
	return out
}

func TestConfigFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".git/HEAD":       "ref: refs/heads/main\n", // the repository root, where the search for .fiscguard.yaml stops
		"infra/main.tf":   volumes,
		".fiscguard.yaml": "profile: strict\nfail_on: critical\nlang: ja\nparams:\n  allowed_regions: [ap-northeast-1]\nskip_check: [FG-REGION-001]\n",
	})
	code, rep, _ := summaryOf(t, filepath.Join(dir, "infra"))
	if code != 0 || rep["profile"] != "strict" || rep["lang"] != "ja" || rep["fail_on"] != "critical" {
		t.Errorf("config applied: exit %d profile %v lang %v fail_on %v", code, rep["profile"], rep["lang"], rep["fail_on"])
	}
	for _, r := range rep["rules"].([]any) {
		if r.(map[string]any)["id"] == "FG-REGION-001" {
			t.Error("a disabled rule ran")
		}
	}
	// Flags override the file.
	if code, rep, _ := summaryOf(t, filepath.Join(dir, "infra"), "--fail-on", "low", "--lang", "en"); code != 1 || rep["lang"] != "en" {
		t.Errorf("flags override: exit %d", code)
	}
	tests := []struct{ config, want string }{
		{"profile: strict\nfailon: high\n", ".fiscguard.yaml:2:1: unknown key \"failon\" (did you mean \"fail_on\"?)"},
		{"fail-on: high\n", ".fiscguard.yaml:1:1: unknown key \"fail-on\" (did you mean \"fail_on\"?)"},
		{"skip_check: [FG-EC2-002, FG-NOPE-*]\n", ".fiscguard.yaml:1:26: skip_check: \"FG-NOPE-*\" names no rule"},
		{"fail_on: urgent\n", ".fiscguard.yaml:1:10: fail_on: unknown severity"},
		{"params:\n  allowed_region: [x]\n", ".fiscguard.yaml:2:19: params.allowed_region: unknown parameter"},
		{"check: [FG-NOPE-001]\n", ".fiscguard.yaml:1:9: check: \"FG-NOPE-001\" names no rule"},
		{"profile: 3\n", ".fiscguard.yaml:1:10: profile: unknown profile"},
		{"params:\n  allowed_regions: 5\n", ".fiscguard.yaml:2:20: params.allowed_regions: 5 is not a list (want list(string))"},
		{"params:\n  min_log_retention_days: -5\n", ".fiscguard.yaml:2:27: params.min_log_retention_days: -5 is less than 0"},
		{"params:\n  min_log_retention_days: four hundred\n", `.fiscguard.yaml:2:27: params.min_log_retention_days: "four hundred" is not a whole number`},
		{"check: [FG-S3-001]\nskip_check: [FG-S3-001]\n", `.fiscguard.yaml:2:14: skip_check: "FG-S3-001" is also checked (check); a rule cannot be both checked and skipped`},
	}
	for _, tt := range tests {
		os.WriteFile(filepath.Join(dir, ".fiscguard.yaml"), []byte(tt.config), 0o644)
		code, _, stderr := summaryOf(t, filepath.Join(dir, "infra"))
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, %q; want %q", tt.config, code, stderr, tt.want)
		}
	}
	if code, _, stderr := summaryOf(t, filepath.Join(dir, "infra"), "--config", filepath.Join(dir, "none.yaml")); code != 2 || !strings.Contains(stderr, "none.yaml: no such file") {
		t.Errorf("missing --config: exit %d %q", code, stderr)
	}
}

const userPolicy = `# METADATA
# title: Volumes are tagged with an owner
# custom:
#   id: BANK-TAG-001
#   severity: low
#   fisc: ["実3"]
#   fisc_basis: {"実3": "derived:owner tags identify who answers for stored data"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_ebs_volume]
package bank.tags

import data.fiscguard.lib

deny contains fiscguard.fail(v, "tags", "no owner tag", "所有者タグがない") if {
	some v in lib.resources("aws_ebs_volume")
	not v.values.tags.owner
}
`

func TestPolicyDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.tf": volumes, "policies/tags.rego": userPolicy})
	code, rep, stderr := summaryOf(t, dir, "--policy-dir", filepath.Join(dir, "policies"))
	if code != 1 || !strings.Contains(mustJSON(rep["findings"]), "BANK-TAG-001") {
		t.Errorf("user policy: exit %d %s", code, stderr)
	}
	for _, tt := range []struct{ src, want string }{
		{strings.Replace(userPolicy, `["実3"]`, `["実999"]`, 1), "tags.rego:1: rule BANK-TAG-001 cites FISC item 実999, which is not in the catalog"},
		{strings.Replace(userPolicy, "BANK-TAG-001", "FG-EBS-001", 1), "rule ID FG-EBS-001 is already used"},
		{strings.Replace(userPolicy, "not v.values.tags.owner", `http.send({"method": "get", "url": "http://127.0.0.1"})`, 1), "tags.rego:17:"},
		{strings.Replace(userPolicy, "some v in", "some v inn", 1), "tags.rego:16:"},
		// Written against the Rego helper the built-in replaced.
		{strings.Replace(userPolicy, "fiscguard.fail(", "lib.fail(", 1), "tags.rego:15:15: undefined function data.fiscguard.lib.fail (it is the built-in function fiscguard.fail)"},
	} {
		os.WriteFile(filepath.Join(dir, "policies/tags.rego"), []byte(tt.src), 0o644)
		code, _, stderr := summaryOf(t, dir, "--policy-dir", filepath.Join(dir, "policies"))
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("exit %d, %q; want %q", code, stderr, tt.want)
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestChangedOnly(t *testing.T) {
	data, err := os.ReadFile(refsPlan)
	if err != nil {
		t.Fatal(err)
	}
	// aws_s3_bucket.east stays as it is: its findings are not about this change.
	plan := strings.Replace(string(data), `"address": "aws_s3_bucket.east", "mode": "managed", "type": "aws_s3_bucket", "name": "east",
      "provider_name": "registry.terraform.io/hashicorp/aws",
      "change": {"actions": ["create"]`, `"address": "aws_s3_bucket.east", "mode": "managed", "type": "aws_s3_bucket", "name": "east",
      "provider_name": "registry.terraform.io/hashicorp/aws",
      "change": {"actions": ["no-op"]`, 1)
	if plan == string(data) {
		t.Fatal("fixture edit did not apply")
	}
	count := func(args ...string) (all, east int) {
		_, out, _ := cli(t, plan, append([]string{"scan", "-", "--format", "json"}, args...)...)
		var rep struct {
			Findings []struct {
				Address   string
				Resources []string
			} `json:"findings"`
		}
		json.Unmarshal([]byte(out), &rep)
		for _, f := range rep.Findings {
			// east's own findings, and the region finding of the provider configuration that places only east
			if f.Address == "aws_s3_bucket.east" || strings.Join(f.Resources, " ") == "aws_s3_bucket.east" {
				east++
			}
		}
		return len(rep.Findings), east
	}
	all, east := count()
	changedAll, changedEast := count("--changed-only")
	if east == 0 || changedEast != 0 || changedAll != all-east {
		t.Errorf("all %d (east %d), changed-only %d (east %d)", all, east, changedAll, changedEast)
	}
}

func TestDiffBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "base")
	changed := strings.Replace(volumes, "size              = 10\n  encrypted         = false\n}", "size              = 20\n  encrypted         = false\n}", 1)
	os.WriteFile(filepath.Join(dir, "main.tf"), []byte(changed), 0o644)
	os.WriteFile(filepath.Join(dir, "new.tf"), []byte("resource \"aws_ebs_volume\" \"new\" {\n  availability_zone = \"ap-northeast-1a\"\n  size = 1\n}\n"), 0o644)
	code, rep, stderr := summaryOf(t, dir, "--diff-base", "HEAD")
	var got []string
	for _, f := range rep["findings"].([]any) {
		if f := f.(map[string]any); f["rule_id"] == "FG-EBS-001" {
			got = append(got, f["address"].(string))
		}
	}
	if code != 1 || strings.Join(got, ",") != "aws_ebs_volume.data,aws_ebs_volume.new" {
		t.Errorf("exit %d, findings %v %s", code, got, stderr)
	}
	if code, _, stderr := summaryOf(t, dir, "--diff-base", "no-such-ref"); code != 2 || !strings.Contains(stderr, "--diff-base: git diff no-such-ref") {
		t.Errorf("bad ref: exit %d %q", code, stderr)
	}
}

// TestReadmeConfigExample: the complete configuration the README shows is
// accepted as it is.
func TestReadmeConfigExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```yaml\n# .fiscguard.yaml")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("the README has no .fiscguard.yaml example")
	}
	dir := writeFiles(t, map[string]string{
		".git/HEAD":              "ref: refs/heads/main\n",
		".fiscguard.yaml":        "# .fiscguard.yaml" + example,
		"infra/main.tf":          volumes,
		"policies/bank/x.rego":   userPolicy,
		"fiscguard-waivers.yaml": "waivers: []\n",
	})
	base := filepath.Join(dir, ".fiscguard-baseline.json")
	os.WriteFile(base, []byte(`{"version": 1, "findings": []}`), 0o644)
	code, rep, stderr := summaryOf(t, filepath.Join(dir, "infra"))
	if code == 2 || rep["profile"] != "strict" || rep["lang"] != "ja" {
		t.Errorf("exit %d %s", code, stderr)
	}
}

// TestMarkdownLinksInActions: in GitHub Actions the Markdown summary links
// each location to its line at the scanned commit; elsewhere it does not.
func TestMarkdownLinksInActions(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.tf": volumes})
	const sha = "4f2c9a1e0b7d3c5a6e8f9012a3b4c5d6e7f80912"
	t.Setenv("GITHUB_SERVER_URL", "https://github.com")
	t.Setenv("GITHUB_REPOSITORY", "bank/infra")
	t.Setenv("GITHUB_SHA", sha)
	_, out, _ := cli(t, "", "scan", dir, "--format", "markdown")
	if !strings.Contains(out, "](https://github.com/bank/infra/blob/"+sha+"/main.tf#L") {
		t.Errorf("no location link:\n%s", out)
	}
	t.Setenv("GITHUB_SHA", "")
	if _, out, _ = cli(t, "", "scan", dir, "--format", "markdown"); strings.Contains(out, "/bank/infra/blob/") {
		t.Errorf("links without a commit:\n%s", out)
	}
}
