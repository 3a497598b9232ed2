package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// bombs are inputs built to exhaust memory, stack or time. Each must end
// as an input error (exit 2) naming the cause, within a time and a peak
// resident memory far below what the input asks for.
var bombs = []struct {
	name  string
	files map[string]string // the scanned directory; a target "plan.json" is scanned as a plan
	args  []string
	want  string
	maxMB int
}{
	{"a 10 GB join", map[string]string{"main.tf": `locals {
  kb  = join("", [for i in range(1000) : "x"])
  mb  = join("", [for i in range(1000) : local.kb])
  big = join("", [for i in range(1000) : [for j in range(10) : local.mb]]...)
}
`}, nil, "the result of join would be larger than 64 MiB", 300},
	{"39 doublings", map[string]string{"main.tf": doublings(39)}, nil, "this string would be larger than 64 MiB", 600},
	{"a YAML alias bomb", map[string]string{"main.tf": "locals {\n  x = yamldecode(file(\"bomb.yaml\"))\n}\n", "bomb.yaml": yamlBomb(9)}, nil, "the result of yamldecode would be larger than 64 MiB", 300},
	{"module fan-out to a million", fanOut(3, 100), nil, "more than 20000 module instances", 300},
	{"a nested for, growing to a billion", map[string]string{"main.tf": `locals {
  x = [for i in range(1024) : [for j in range(1024) : [for k in range(1024) : "xxxxxxxxxxxxxxxx"]]]
}
`}, []string{"--memory-limit", "512"}, "the scan needed more than 512 MiB of memory and was stopped", 900},
	{"500,000 unary minus", map[string]string{"main.tf": "locals {\n  a = " + strings.Repeat("- ", 500000) + "1\n}\n"}, nil, "brackets or operators are nested more than 1000 deep", 300},
	{"templatestring calling itself", map[string]string{"main.tf": "locals {\n  t = \"$${templatestring(t, {t = t})}\"\n  x = templatestring(local.t, {t = local.t})\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.x\n}\n"}, nil, "", 300},
	{"a user policy's numbers.range(1, 1e9)", map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n", "policies/big.rego": bigRangePolicy}, []string{"--policy-dir", "POLICIES"}, "numbers.range: the result would be larger than 64 MiB", 300},
	{"a waiver file of aliases", map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n", "waivers.yaml": yamlBomb(9) + "waivers: []\n"}, []string{"--waivers", "WAIVERS"}, "its aliases expand to more than 1000000 values", 300},
	{"a sparse 3 GB plan", nil, []string{"SPARSE"}, "file is larger than 256 MiB", 100},
	{"/dev/zero as a plan", nil, []string{"/dev/zero"}, "not a regular file", 100},
}

const bigRangePolicy = `# METADATA
# title: Counts to a billion
# custom:
#   id: BANK-BIG-001
#   severity: low
#   fisc: ["実3"]
#   fisc_basis: {"実3": "derived:a test of the value budget"}
#   profile: simple
#   responsibility: user
#   resource_types: [aws_s3_bucket]
package bank.big

deny contains {"resource": r.address, "message": "big"} if {
	some r in input.resources
	count(numbers.range(1, 1e9)) > 0
}
`

// doublings is a configuration whose locals double a string n times.
func doublings(n int) string {
	var b strings.Builder
	b.WriteString("locals {\n  a0 = \"x\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  a%d = \"${local.a%d}${local.a%d}\"\n", i, i-1, i-1)
	}
	b.WriteString("}\n")
	return b.String()
}

// yamlBomb is levels anchors of nine aliases each: 9^levels strings.
func yamlBomb(levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 9), ", "))
	}
	return b.String()
}

// fanOut is depth nested module calls of width instances each.
func fanOut(depth, width int) map[string]string {
	files := map[string]string{"main.tf": fmt.Sprintf("module \"m\" {\n  source = \"./m1\"\n  count  = %d\n}\n", width)}
	for d := 1; d <= depth; d++ {
		src := "variable \"i\" {\n  default = 0\n}\n"
		if d < depth {
			src += fmt.Sprintf("module \"m\" {\n  source = \"../m%d\"\n  count  = %d\n}\n", d+1, width)
		}
		files[fmt.Sprintf("m%d/main.tf", d)] = src
	}
	return files
}

// TestBombs runs the built binary on each bomb and reports its exit code,
// time and peak resident memory.
func TestBombs(t *testing.T) {
	endToEnd(t)
	if _, err := os.Stat(gnuTime); err != nil {
		t.Skipf("%s (Debian's time package, which .ci/run installs) measures the peak: %v", gnuTime, err)
	}
	bin := fiscguardBinary(t)
	for _, b := range bombs {
		t.Run(b.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, b.files)
			args := []string{"scan"}
			target := dir
			for _, a := range b.args {
				switch a {
				case "POLICIES":
					a = filepath.Join(dir, "policies")
				case "WAIVERS":
					a = filepath.Join(dir, "waivers.yaml")
				case "SPARSE":
					a = filepath.Join(dir, "plan.json")
					f, err := os.Create(a)
					if err != nil {
						t.Fatal(err)
					}
					if err := f.Truncate(3 << 30); err != nil {
						t.Fatal(err)
					}
					f.Close()
					target = ""
				case "/dev/zero":
					target = ""
				}
				args = append(args, a)
			}
			if target != "" {
				args = append(args, target)
			}
			// The peak comes from GNU time, which forks the scan from a small
			// process: a child forked from this test process would report
			// the test's own resident size as its peak, since Linux carries
			// the high-water mark across fork and exec.
			peakFile := filepath.Join(t.TempDir(), "peak")
			cmd := exec.Command(gnuTime, append([]string{"-o", peakFile, "-f", "%M", bin}, args...)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			code := runExit(t, cmd)
			elapsed := time.Since(start)
			peakMB := 0
			if data, err := os.ReadFile(peakFile); err == nil {
				// The last line: time first says when the command failed.
				lines := strings.Split(strings.TrimSpace(string(data)), "\n")
				kb, _ := strconv.Atoi(lines[len(lines)-1])
				peakMB = kb / 1024
			}
			t.Logf("exit %d in %s, peak %d MB: %s", code, elapsed.Round(10*time.Millisecond), peakMB, strings.TrimSpace(stderr.String()))
			wantCode := 2
			if b.want == "" {
				wantCode = 1 // evaluated, with a note: a finding remains
			}
			if code != wantCode || !strings.Contains(stderr.String(), b.want) || strings.Count(stderr.String(), "\n") > 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and %q on one line", code, stderr.String(), wantCode, b.want)
			}
			if peakMB > b.maxMB {
				t.Errorf("peak resident memory %d MB, above %s MB", peakMB, strconv.Itoa(b.maxMB))
			}
			if elapsed > 90*time.Second {
				t.Errorf("took %s", elapsed)
			}
		})
	}
}

// gnuTime is GNU time, which reports a command's peak resident memory.
const gnuTime = "/usr/bin/time"
