package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The pull request's base: one volume already violates FG-EBS-001 (no
// encryption), on lines the change leaves alone.
const baseMainTF = `provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_ebs_volume" "old" {
  availability_zone = "ap-northeast-1a"
  size              = 10
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
}
`

// The pull request's head: the old volume gains a harmless tag line, the
// data volume's encryption is switched off, and a new volume is added with
// encryption off on a new line.
const headMainTF = `provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_ebs_volume" "old" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  tags              = { Name = "old" }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "ap-northeast-1a"
  size              = 5
  encrypted         = false
}
`

// annotation is where a SARIF result points.
type annotation struct {
	URI  string
	Line int
	Rule string
}

func (a annotation) String() string { return fmt.Sprintf("%s:%d %s", a.URI, a.Line, a.Rule) }

// resultAnnotation reads one SARIF result: from fiscguard's log, or from
// reviewdog's local reporter, which prints each result it keeps as one
// JSON line.
func resultAnnotation(t *testing.T, raw []byte) annotation {
	t.Helper()
	var res struct {
		RuleID    string `json:"ruleId"`
		Locations []struct {
			PhysicalLocation struct {
				ArtifactLocation struct {
					URI string `json:"uri"`
				} `json:"artifactLocation"`
				Region struct {
					StartLine int `json:"startLine"`
				} `json:"region"`
			} `json:"physicalLocation"`
		} `json:"locations"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("not a SARIF result: %v\n%s", err, raw)
	}
	if len(res.Locations) == 0 {
		t.Fatalf("result without a location: %s", raw)
	}
	pl := res.Locations[0].PhysicalLocation
	return annotation{URI: pl.ArtifactLocation.URI, Line: pl.Region.StartLine, Rule: res.RuleID}
}

func sortAnnotations(as []annotation) []annotation {
	sort.Slice(as, func(i, j int) bool { return as[i].String() < as[j].String() })
	return as
}

// reviewdogBinary builds the reviewdog pinned in tools/go.mod's tool
// directive (from the module cache) and returns its path. The tools module
// keeps reviewdog's dependencies out of fiscguard's own go.mod.
func reviewdogBinary(t *testing.T) string {
	t.Helper()
	start := time.Now()
	cmd := exec.Command("go", "tool", "-n", "reviewdog")
	cmd.Dir = filepath.Join(moduleRoot(t), "tools")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go tool -n reviewdog: %v\n%s", err, stderr.String())
	}
	t.Logf("reviewdog ready in %s", time.Since(start).Round(time.Millisecond))
	return strings.TrimSpace(string(out))
}

// TestReviewdogAnnotatesOnlyChangedLines scans a pull request's head with
// fiscguard, gives the SARIF to reviewdog filtered to the pull request's
// diff, and checks that annotations land exactly on the changed lines that
// carry violations: never on the old violation the change did not touch,
// nor on changed lines without one.
func TestReviewdogAnnotatesOnlyChangedLines(t *testing.T) {
	endToEnd(t)
	requireGit(t)
	fiscguard := fiscguardBinary(t)
	reviewdog := reviewdogBinary(t)

	repo := t.TempDir()
	git(t, repo, "init", "-q")
	writeFiles(t, repo, map[string]string{"infra/main.tf": baseMainTF, "README.md": "fixture\n"})
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "base")
	base := git(t, repo, "rev-parse", "HEAD")
	writeFiles(t, repo, map[string]string{"infra/main.tf": headMainTF})
	git(t, repo, "commit", "-q", "-am", "change")
	t.Logf("the pull request's diff:\n%s", git(t, repo, "diff", base, "HEAD"))

	// Scan from inside the scanned directory: URIs must still be relative
	// to the repository root, which is what reviewdog and GitHub resolve
	// them against.
	sarifPath := filepath.Join(t.TempDir(), "fiscguard.sarif")
	scan := exec.Command(fiscguard, "scan", ".", "--format", "sarif", "--output", sarifPath)
	scan.Dir = filepath.Join(repo, "infra")
	var scanErr bytes.Buffer
	scan.Stderr = &scanErr
	if code := runExit(t, scan); code != 1 {
		t.Fatalf("fiscguard exit %d, want 1 (findings)\n%s", code, scanErr.String())
	}
	sarif, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: %v (%d runs)", err, len(log.Runs))
	}
	var all []annotation
	for _, raw := range log.Runs[0].Results {
		a := resultAnnotation(t, raw)
		if _, err := os.Stat(filepath.Join(repo, filepath.FromSlash(a.URI))); err != nil {
			t.Errorf("SARIF URI %q is not a file relative to the repository root: %v", a.URI, err)
		}
		all = append(all, a)
	}
	// fiscguard reports every violation, the old one included (line 5, the
	// block that has no encrypted argument), and that no EBS encryption by
	// default is declared here (at the first volume, line 11); only the diff
	// filter drops those.
	wantAll := []annotation{
		{"infra/main.tf", 5, "FG-EBS-001"},
		{"infra/main.tf", 11, "FG-EBS-003"},
		{"infra/main.tf", 14, "FG-EBS-001"},
		{"infra/main.tf", 20, "FG-EBS-001"},
	}
	if fmt.Sprint(sortAnnotations(all)) != fmt.Sprint(sortAnnotations(wantAll)) {
		t.Fatalf("fiscguard results %v, want %v", all, wantAll)
	}

	// reviewdog in local reporter mode, keeping results on added or changed lines only.
	rd := exec.Command(reviewdog, "-f=sarif", "-name=fiscguard", "-reporter=local", "-filter-mode=added",
		"-fail-level=any", "-diff=git diff "+base+" HEAD")
	rd.Dir = repo
	rd.Env = gitEnv()
	rd.Stdin = bytes.NewReader(sarif)
	var stdout, stderr bytes.Buffer
	rd.Stdout, rd.Stderr = &stdout, &stderr
	code := runExit(t, rd)
	t.Logf("reviewdog -reporter=local -filter-mode=added output (exit %d):\n%s%s", code, stdout.String(), stderr.String())
	if code != 1 {
		t.Errorf("reviewdog exit %d, want 1 (-fail-level=any with annotations left)", code)
	}
	var got []annotation
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			got = append(got, resultAnnotation(t, line))
		}
	}
	want := []annotation{
		{"infra/main.tf", 14, "FG-EBS-001"}, // encrypted = false replaces true
		{"infra/main.tf", 20, "FG-EBS-001"}, // a new volume's encrypted = false
	}
	if fmt.Sprint(sortAnnotations(got)) != fmt.Sprint(sortAnnotations(want)) {
		t.Errorf("reviewdog annotated %v, want exactly %v", got, want)
	}
	headLines := strings.Split(headMainTF, "\n")
	for _, a := range got {
		t.Logf("annotation %s on: %s", a, strings.TrimSpace(headLines[a.Line-1]))
	}
}
