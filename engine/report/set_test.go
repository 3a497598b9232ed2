package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/golden"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// sampleSet is a run over two root modules of a monorepo that declare the
// same address: prod fails, dev has only an inconclusive finding.
func sampleSet(t *testing.T, lang i18n.Lang) *Set {
	prod := sampleReport(t, lang)
	prod.Target = Target{Path: "infra/prod", RepoPath: "infra/prod", Kind: model.KindHCL, Complete: true}
	prod.Notes = []i18n.Text{{En: "module not evaluated: terraform-aws-modules/vpc/aws", Ja: "モジュールを評価していない: terraform-aws-modules/vpc/aws"}}
	dev := sampleReport(t, lang)
	dev.Target = Target{Path: "infra/dev", RepoPath: "infra/dev", Kind: model.KindHCL, Complete: true}
	dev.Findings = []finding.Finding{dev.Findings[1]}
	dev.Notes = nil
	dev.Rules = dev.Rules[1:] // a rule that judges only one target's kind of input
	for _, r := range []*Report{prod, dev} {
		for i := range r.Findings {
			f := &r.Findings[i]
			f.Target = r.Target.Path
			f.Fingerprint = finding.Fingerprint(f.Rule.ID, finding.Qualified(r.Target.Path, f.Address), f.Attribute)
			if f.Location != nil {
				loc := *f.Location
				loc.File = r.Target.Path + "/" + strings.TrimPrefix(loc.File, "./")
				f.Location = &loc
			}
		}
	}
	return &Set{Reports: []*Report{dev, prod}, Scanned: "infra"}
}

func renderSet(t *testing.T, format string, s *Set, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, s.Merged(), opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestSetGolden(t *testing.T) {
	tests := []struct {
		golden string
		format string
		lang   i18n.Lang
	}{
		{"set_text_en.golden", "text", i18n.En},
		{"set_text_ja.golden", "text", i18n.Ja},
		{"set_json_en.golden", "json", i18n.En},
		{"set_sarif_en.golden", "sarif", i18n.En},
		{"set_markdown_en.golden", "markdown", i18n.En},
		{"set_junit_en.golden", "junit", i18n.En},
		{"set_github_en.golden", "github", i18n.En},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden.Check(t, tt.golden, renderSet(t, tt.format, sampleSet(t, tt.lang), Options{}))
		})
	}
}

// TestSetOfOneIsTheReport: a run of one target writes exactly what its
// report writes.
func TestSetOfOneIsTheReport(t *testing.T) {
	for _, format := range Formats {
		one := &Set{Reports: []*Report{sampleReport(t, i18n.En)}, Scanned: "somewhere/else"}
		if got, want := renderSet(t, format, one, Options{}), render(t, format, sampleReport(t, i18n.En), Options{}); !bytes.Equal(got, want) {
			t.Errorf("%s: a set of one differs from its report", format)
		}
	}
}

// TestSetRules: a run of several lists every rule any target evaluated.
func TestSetRules(t *testing.T) {
	m := sampleSet(t, i18n.En).Merged()
	if len(m.Rules) != 3 || m.Rules[0].ID != "FG-CT-001" {
		t.Errorf("rules %v", m.Rules)
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		name   string
		failOn rule.Severity
		edit   func(r *Report)
		want   int
	}{
		{"a failure at the threshold", rule.Critical, nil, ExitFindings},
		{"failures below it", rule.None, nil, ExitClean},
		{"only inconclusive", rule.Low, func(r *Report) {
			kept := r.Findings[:0]
			for _, f := range r.Findings {
				if f.Status == rule.StatusInconclusive {
					kept = append(kept, f)
				}
			}
			r.Findings = kept
		}, ExitClean},
		{"waived", rule.Low, func(r *Report) {
			for i := range r.Findings {
				r.Findings[i].Waiver = &finding.Waiver{Reason: "accepted"}
			}
		}, ExitClean},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sampleSet(t, i18n.En)
			for _, r := range s.Reports {
				r.FailOn = tt.failOn
				if tt.edit != nil {
					tt.edit(r)
				}
			}
			if got := s.ExitCode(); got != tt.want {
				t.Errorf("exit %d, want %d", got, tt.want)
			}
		})
	}
}

// TestQuietAndUngated: --quiet shows failures only, nothing when there are
// none; --fail-on none says the build is not gated.
func TestQuietAndUngated(t *testing.T) {
	r := sampleReport(t, i18n.En)
	golden.Check(t, "text_quiet_en.golden", render(t, "text", r, Options{Quiet: true}))
	clean := sampleReport(t, i18n.En)
	clean.Findings = clean.Findings[1:2]
	for _, format := range []string{"text", "github"} {
		if out := render(t, format, clean, Options{Quiet: true}); len(out) != 0 {
			t.Errorf("%s: quiet with no failure wrote %q", format, out)
		}
	}
	r.FailOn = rule.None
	for format, want := range map[string]string{
		"text":     "Result: not gated (--fail-on none): 2 failures reported",
		"markdown": "## ℹ️ fiscguard: 2 failures reported, not gated (--fail-on none)",
	} {
		if out := render(t, format, r, Options{}); !bytes.Contains(out, []byte(want)) {
			t.Errorf("%s lacks %q:\n%s", format, want, out)
		}
	}
	r.Severity, r.Below = rule.High, 4
	for format, want := range map[string]string{
		"text":     "Filter: --severity high left out 4 findings below high",
		"markdown": "- **Filter**: `--severity high` left out 4 findings below high",
		"json":     `"findings_below_severity": 4`,
	} {
		if out := render(t, format, r, Options{}); !bytes.Contains(out, []byte(want)) {
			t.Errorf("%s lacks %q", format, want)
		}
	}
}

// TestGitHubCommandsCannotBeInjected: whatever a message, title, path or
// address holds, each annotation stays one line that starts with its own
// command, and the runner decodes the text back.
func TestGitHubCommandsCannotBeInjected(t *testing.T) {
	r := sampleReport(t, i18n.En)
	evil := "x\n::set-env name=A::1\r\n::add-mask::%0A\x1b[31m"
	f := &r.Findings[0]
	f.Message = i18n.Text{En: evil}
	f.Address = "aws_s3_bucket.b[\"" + evil + "\"]"
	f.Location = &model.Location{File: "a,b:c\n::error::x.tf", Line: 3}
	rl := *f.Rule
	rl.Title = i18n.Text{En: evil}
	f.Rule = &rl
	out := string(render(t, "github", r, Options{}))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for _, l := range lines[:3] {
		if !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::notice ") {
			t.Errorf("line is not one annotation: %q", l)
		}
		if strings.ContainsAny(l, "\r\x1b") {
			t.Errorf("raw control character in %q", l)
		}
	}
	want := "::error file=a%2Cb%3Ac\\x0a%3A%3Aerror%3A%3Ax.tf,line=3,title=FG-S3-001 x\\x0a%3A%3Aset-env name=A%3A%3A1\\x0d\\x0a%3A%3Aadd-mask%3A%3A%250A\\x1b[31m::x\\x0a::set-env name=A::1\\x0d\\x0a::add-mask::%250A\\x1b[31m ("
	if !strings.HasPrefix(lines[1], want) && !strings.HasPrefix(lines[0], want) {
		t.Errorf("escaping:\n%s\nwant a line starting\n%s", out, want)
	}
}
