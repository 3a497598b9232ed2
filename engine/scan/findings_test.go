package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

const corpusHCL = "../../../shared/corpus/hcl"

// scanned is one scan of every fixture (plan and HCL) and every corpus
// configuration directory under the strict profile, shared by the tests
// that check properties of all findings.
var scanned struct {
	once    sync.Once
	reports map[string]*report.Report
	err     error
}

func everyScan(t *testing.T) map[string]*report.Report {
	t.Helper()
	scanned.once.Do(func() {
		lib, err := LoadLibrary()
		if err != nil {
			scanned.err = err
			return
		}
		var targets []string
		plans, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
		targets = append(targets, plans...)
		dirs, _ := filepath.Glob("../../fixtures/hcl/*")
		targets = append(targets, dirs...)
		targets = append(targets, corpusDirs()...)
		scanned.reports = map[string]*report.Report{}
		for _, target := range targets {
			opts := Options{Profile: rule.Strict, FailOn: rule.Low, Edition: rule.EditionCurrent, Lang: i18n.En}
			if strings.HasPrefix(target, corpusHCL) {
				opts.HCL.Root = corpusProject(target)
			}
			rep, err := lib.Run(context.Background(), Target{Path: target}, opts)
			if err != nil {
				continue // input errors are tested elsewhere; here only findings matter
			}
			scanned.reports[target] = rep
		}
	})
	if scanned.err != nil {
		t.Fatal(scanned.err)
	}
	return scanned.reports
}

// corpusDirs lists the corpus's configuration directories: none when the
// corpus is absent, or under -short (make test); make e2e scans them.
func corpusDirs() []string {
	if testing.Short() {
		return nil
	}
	if _, err := os.Stat(corpusHCL); err != nil {
		return nil
	}
	seen := map[string]bool{}
	var dirs []string
	_ = filepath.WalkDir(corpusHCL, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == ".terraform" || strings.HasPrefix(d.Name(), ".")) && p != corpusHCL {
			return filepath.SkipDir
		}
		if dir := filepath.Dir(p); !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) && !seen[dir] {
			seen[dir] = true
			dirs = append(dirs, dir)
		}
		return nil
	})
	sort.Strings(dirs)
	return dirs
}

// corpusProject is the corpus repository holding dir.
func corpusProject(dir string) string {
	rel, _ := filepath.Rel(corpusHCL, dir)
	return filepath.Join(corpusHCL, strings.Split(filepath.ToSlash(rel), "/")[0])
}

// TestOneFindingPerResourceAndCause: each (resource, cause) has one owner
// rule and one finding. Across every fixture and corpus directory, no rule
// reports one resource twice (several failing attributes of one cause are
// one finding listing them), and no two rules report the same attribute of
// one resource (one owns it), unless one of them leaves part of what that
// attribute opens to the other: FG-EC2-003 reports the ports of a range
// open to the internet that FG-EC2-001 does not own, and records the rest
// as FG-EC2-001's (a deferred finding on the same attribute).
func TestOneFindingPerResourceAndCause(t *testing.T) {
	for target, rep := range everyScan(t) {
		split := map[string]bool{}
		for _, cr := range rep.Coverage {
			for _, res := range cr.Resources {
				for _, f := range res.Findings {
					for _, a := range attributesOf(*f) {
						if f.Owner != "" {
							split[f.Rule.ID+" "+f.Owner+" "+f.Address+" "+a] = true
						}
					}
				}
			}
		}
		byRule := map[string]string{}
		byAttr := map[string]string{}
		for _, f := range rep.Findings {
			key := f.Rule.ID + " " + f.Address
			if prev, dup := byRule[key]; dup {
				t.Errorf("%s: %s reports %s twice: %q and %q", target, f.Rule.ID, f.Address, prev, f.Message.En)
			}
			byRule[key] = f.Message.En
			for _, a := range attributesOf(f) {
				k := f.Address + " " + a
				prev, dup := byAttr[k]
				if dup && prev != f.Rule.ID && !split[prev+" "+f.Rule.ID+" "+k] && !split[f.Rule.ID+" "+prev+" "+k] {
					t.Errorf("%s: %s and %s both report %s %s", target, prev, f.Rule.ID, f.Address, a)
				}
				byAttr[k] = f.Rule.ID
			}
		}
	}
}

// attributesOf lists the attributes a finding is about ("" is the resource
// as a whole, which several rules may judge for different causes).
func attributesOf(f finding.Finding) []string {
	if len(f.Attributes) > 0 {
		return f.Attributes
	}
	if f.Attribute == "" {
		return nil
	}
	return []string{f.Attribute}
}

// Message checks: a formatting error, a count whose noun does not agree with
// it, and the words an inconclusive message must use to say what is unknown.
var (
	printfError       = regexp.MustCompile(`%!`)
	pluralAfterOne    = regexp.MustCompile(`(?:^|[^0-9.,\-])1 (?:previous )?(days|resources|characters|passwords|ports|instances|rules|copies|replicas|keys|settings|containers)\b`)
	singularAfterMany = regexp.MustCompile(`(?:^|[^0-9.,\-])(?:0|[2-9]|[1-9][0-9]+) (?:previous )?(day|resource|character|password|port|instance|rule|copy|replica|key|setting|container)\b`)
	unknownWordsEn    = regexp.MustCompile(`known only after apply|not known`)
	unknownWordsJa    = regexp.MustCompile(`確定しない|分からない`)
)

// TestMessages formats every finding's message over every fixture and
// corpus directory, in English and Japanese: no printf error, counts agree
// with their nouns, and an inconclusive message says what is not known.
func TestMessages(t *testing.T) {
	for target, rep := range everyScan(t) {
		for _, f := range rep.Findings {
			for lang, msg := range map[string]string{"en": f.Message.En, "ja": f.Message.Ja} {
				where := fmt.Sprintf("%s: %s %s (%s, %s)", target, f.Rule.ID, f.Address, f.Status, lang)
				if msg == "" {
					t.Errorf("%s: no message", where)
				}
				if printfError.MatchString(msg) {
					t.Errorf("%s: formatting error in %q", where, msg)
				}
				if lang == "en" && (pluralAfterOne.MatchString(msg) || singularAfterMany.MatchString(msg)) {
					t.Errorf("%s: count and noun disagree in %q", where, msg)
				}
				words := unknownWordsEn
				if lang == "ja" {
					words = unknownWordsJa
				}
				if f.Status == rule.StatusInconclusive && !words.MatchString(msg) {
					t.Errorf("%s: inconclusive, but %q does not say what is not known", where, msg)
				}
			}
		}
	}
}
