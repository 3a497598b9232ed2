package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/fiscguard/fiscguard/policies"
)

// TestJapaneseAllTheWay runs every command that takes --lang ja, in every
// format people read, and fails on any Latin-script word that is not an
// ID, an attribute or resource name, code, or a product name: Japanese
// output must not fall back to English. Its inputs make every kind of note
// the loaders and the scan write: a configuration fiscguard cannot wholly
// evaluate (testdata/notes) with waivers that cover every rule, match
// nothing or have expired and a baseline, a plan Terraform could not finish.
func TestJapaneseAllTheWay(t *testing.T) {
	const (
		demo    = "../../fixtures/plans/demo.json"
		notes   = "testdata/notes"
		waivers = "testdata/notes/waivers.yaml"
	)
	unplanned := erroredPlan(t, demo)
	known := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := cli(t, "", "baseline", notes, "-o", known); code != 0 {
		t.Fatalf("baseline: exit %d %s", code, stderr)
	}
	type run struct {
		name string
		args []string
		// text is what people read of the output; the output itself when nil
		text func(t *testing.T, name, out string) string
	}
	var runs []run
	for _, prof := range []string{"simple", "strict"} {
		for _, f := range []string{"text", "markdown", "sarif", "json"} {
			runs = append(runs, run{"scan " + f + " " + prof, []string{"scan", demo, "--lang", "ja", "--profile", prof, "-f", f}, scanText[f]})
		}
	}
	for _, in := range []string{notes, unplanned} {
		for _, f := range []string{"text", "markdown", "sarif", "json", "junit", "github"} {
			runs = append(runs, run{"scan " + f + " " + in, []string{"scan", in, "--lang", "ja", "-f", f, "--waivers", waivers}, scanText[f]})
		}
		for _, f := range []string{"markdown", "html", "xlsx"} {
			runs = append(runs, run{"evidence " + f + " " + in, []string{"evidence", in, "--lang", "ja", "-f", f, "--waivers", waivers}, evidenceText[f]})
		}
	}
	for _, f := range []string{"text", "markdown", "sarif", "json"} {
		runs = append(runs, run{"scan " + f + " --baseline", []string{"scan", notes, "--lang", "ja", "-f", f, "--baseline", known}, scanText[f]})
	}
	runs = append(runs,
		run{"scan hcl", []string{"scan", "../../fixtures/hcl/account-baseline-open", "--lang", "ja", "--profile", "strict"}, nil},
		run{"scan 8th", []string{"scan", demo, "--lang", "ja", "--edition", "8th", "-f", "markdown"}, nil},
		run{"scan junit", []string{"scan", demo, "--lang", "ja", "-f", "junit"}, junitText},
		run{"scan markdown --severity --fail-on none", []string{"scan", demo, "--lang", "ja", "-f", "markdown", "--severity", "high", "--fail-on", "none"}, nil},
		run{"scan text --severity --fail-on none", []string{"scan", demo, "--lang", "ja", "--severity", "medium", "--fail-on", "none"}, nil},
		run{"policies text", []string{"policies", "--lang", "ja"}, nil},
		run{"policies markdown", []string{"policies", "--lang", "ja", "-f", "markdown"}, nil},
		run{"evidence markdown", []string{"evidence", demo, "--lang", "ja", "--profile", "strict", "-f", "markdown"}, nil},
		run{"evidence html", []string{"evidence", demo, "--lang", "ja", "--profile", "strict", "-f", "html"}, htmlText},
		run{"evidence xlsx", []string{"evidence", demo, "--lang", "ja", "--profile", "strict", "-f", "xlsx"}, xlsxText},
	)
	lib, err := builtinDocs()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lib.Rules {
		runs = append(runs, run{"explain " + r.ID, []string{"explain", r.ID, "--lang", "ja"}, nil})
	}
	for _, it := range append(lib.Catalog.Items(), lib.Catalog.Retired()...) {
		runs = append(runs, run{"explain " + it.ID, []string{"explain", it.ID, "--lang", "ja"}, nil})
	}
	found := map[string][]string{}
	for _, r := range runs {
		code, out, stderr := cli(t, "", r.args...)
		if code > 1 {
			t.Fatalf("%s: exit %d %s", r.name, code, stderr)
		}
		if r.text != nil {
			out = r.text(t, r.name, out)
		}
		for _, w := range englishWords(out) {
			found[w] = append(found[w], r.name)
		}
	}
	words := make([]string, 0, len(found))
	for w := range found {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		t.Errorf("--lang ja output has the English word %q (%s)", w, strings.Join(first(found[w], 3), "; "))
	}
}

// erroredPlan writes plan as Terraform writes a plan it could not finish:
// errored, and incomplete.
func erroredPlan(t *testing.T, plan string) string {
	return planWith(t, plan, map[string]any{"errored": true, "complete": false})
}

// planWith writes a copy of plan with the given top-level fields.
func planWith(t *testing.T, plan string, fields map[string]any) string {
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		doc[k] = v
	}
	if data, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// scanText and evidenceText say what people read of each format.
var (
	scanText     = map[string]func(*testing.T, string, string) string{"sarif": humanText, "json": humanText, "junit": junitText, "github": githubText}
	evidenceText = map[string]func(*testing.T, string, string) string{"html": htmlText, "xlsx": xlsxText}
)

// htmlText is the text of a page, without its style sheet, tags and
// attributes.
func htmlText(_ *testing.T, _, page string) string {
	return html.UnescapeString(regexp.MustCompile(`(?s)<style>.*</style>|<[^>]*>`).ReplaceAllString(page, "\n"))
}

// xlsxText is every sheet's name and every cell of a workbook.
func xlsxText(t *testing.T, name, data string) string {
	f, err := excelize.OpenReader(strings.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		b.WriteString(sheet + "\n")
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, row := range rows {
			b.WriteString(strings.Join(row, "\n") + "\n")
		}
	}
	return b.String()
}

// junitText is what a CI server shows of JUnit XML: test case names, the
// messages of failures and skips, and failure details; not element or
// property names.
func junitText(t *testing.T, name, doc string) string {
	dec := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			for _, a := range x.Attr {
				if a.Name.Local == "message" || (x.Name.Local == "testcase" && a.Name.Local == "name") {
					b.WriteString(a.Value + "\n")
				}
			}
		case xml.CharData:
			b.Write(x)
		}
	}
}

// githubText is the title and message of each workflow command, not the
// command and its parameters.
func githubText(_ *testing.T, _, out string) string {
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		if m := regexp.MustCompile(`^::\w+ [^:]*?title=(.*?)::(.*)$`).FindStringSubmatch(line); m != nil {
			b.WriteString(m[1] + "\n" + m[2] + "\n")
		} else if _, msg, ok := strings.Cut(strings.TrimPrefix(line, "::"), "::"); ok {
			b.WriteString(msg + "\n")
		}
	}
	return b.String()
}

// humanText collects the strings of a JSON or SARIF document that people
// read (messages, titles, descriptions, remediation, help), one per line.
func humanText(t *testing.T, name, doc string) string {
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b strings.Builder
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			switch key {
			case "message", "title", "remediation", "description", "text", "markdown", "notes":
				b.WriteString(x + "\n")
			}
		}
	}
	walk("", v)
	return b.String()
}

var (
	// code is what Japanese text quotes as written: spans in backticks or
	// quotes, URLs, command lines and options with their values, the source
	// lines a finding shows, and the product name of AWS's mapping.
	code = regexp.MustCompile("`[^`\n]*`|\"[^\"\n]*\"|https?://\\S+|fiscguard (explain|scan|policies|evidence)[^\n、。）]*|--[a-z-]+ [a-z0-9]+|(?m)^\\s*>?\\s*\\d+ │.*$|BLEA for FSI")
	// token is a run of characters that Latin-script words, IDs and code are made of.
	token = regexp.MustCompile(`[A-Za-z0-9_.:/@$#=+*\-\[\]<>{}~]+`)
	word  = regexp.MustCompile(`^[A-Za-z]+$`)
)

// englishWords returns the Latin-script words of Japanese text that are
// neither code nor IDs (which contain digits, dots, dashes or underscores)
// nor product and protocol names.
func englishWords(text string) []string {
	var out []string
	text = strings.ReplaceAll(text, `\`, "") // Markdown escapes: aws\_s3\_bucket
	for _, tok := range token.FindAllString(code.ReplaceAllString(text, " "), -1) {
		tok = strings.Trim(tok, ".:/")
		if word.MatchString(tok) && len(tok) > 1 && !properNouns[tok] && (!identifiers[tok] || labelled[strings.ToLower(tok)]) {
			out = append(out, tok)
		}
	}
	return out
}

func first(xs []string, n int) []string {
	if len(xs) > n {
		return append(xs[:n:n], fmt.Sprintf("and %d more", len(xs)-n))
	}
	return xs
}

// identifiers are the words the policy library uses as literals (attribute
// names such as enabled or ingress, IAM keywords such as Effect and Deny,
// enumerated values): in Japanese text they are code, written as is.
var identifiers = map[string]bool{}

func init() {
	literal := regexp.MustCompile(`"([A-Za-z][A-Za-z0-9_:.*-]*)"`)
	fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			for _, w := range strings.FieldsFunc(m[1], func(r rune) bool { return strings.ContainsRune(":.*-", r) }) {
				identifiers[w] = true // s3:PutBucketPolicy gives PutBucketPolicy; is_public stays whole
			}
		}
		return err
	})
	// Terraform's own keywords, and API names and values that remediation
	// texts quote (an SCP condition, a KMS action, a WAF scope).
	for _, w := range strings.Fields("resource module provider lifecycle count dynamic variable output data locals ArnNotLike ScheduleKeyDeletion REGIONAL scope") {
		identifiers[w] = true
	}
}

// labelled are the values fiscguard has Japanese labels for (severities,
// statuses, profiles, input kinds, editions): though the policy library
// uses them as literals, Japanese text shows their labels, never them.
var labelled = map[string]bool{}

func init() {
	for _, w := range strings.Fields("critical high medium low none fail inconclusive waived pass simple strict plan hcl current conformant pending") {
		labelled[w] = true
	}
}

// properNouns are the product, service and protocol names Japanese text
// writes in Latin letters, and Terraform's literal values.
var properNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		AWS Amazon S3 KMS EBS EC2 RDS IAM VPC ECR ECS SNS ALB WAF CloudTrail CloudWatch Logs GuardDuty Config
		Security Hub Lambda DynamoDB Aurora Backup Organizations Control Tower Identity Center Systems Manager Session
		Application Load Balancer Web Direct Connect Artifact Health Dashboard Service Customer Agreement Block Public Access
		Terraform HCL JSON SARIF Markdown TLS SSL HTTPS HTTP SSH RDP MFA IMDSv SCP ARN ID API URL IP DNS CIDR
		SOC ISO IEC PITR SSE DSSE CMK SLA SLO OS AI IaC FISC fiscguard Step Functions PostgreSQL MySQL Oracle
		AdministratorAccess Type true false ACL AMI AZ CloudFront Cookie DB ELB HMAC ICMP IaaS NAT Resolver Route SQL SSRF
		Auto Scaling Telnet UID VPN WinRM Git Services glob URI Foundational Best Practices
		Elasticsearch FTP IMAP Kibana RPC SMB SMTP POP Server`) {
		properNouns[w] = true
	}
}

// TestEnglishWords: the check finds English prose and leaves IDs,
// attributes, code and product names alone.
func TestEnglishWords(t *testing.T) {
	got := englishWords("FG-S3-001 aws_s3_bucket.logs の enabled = false は違反。`any code` \"quoted text\" AWS KMS 実3 SH.S3.8 but the bucket is public\n  > 12 │ some source line\n")
	if want := "but the is"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}
