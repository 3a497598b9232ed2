package main

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/digest"
	"github.com/fiscguard/fiscguard/engine/evidence"
	"github.com/fiscguard/fiscguard/engine/evidence/render"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/runner"
	"github.com/fiscguard/fiscguard/engine/version"
	"github.com/fiscguard/fiscguard/engine/waiver"
)

type evidenceFlags struct {
	format, output, name, lang string
}

func newEvidenceCmd() *cobra.Command {
	var e evidenceFlags
	cmd := &cobra.Command{
		Use:   "evidence PLAN.json|DIR|-",
		Short: "Write the FISC evidence report: every item of the edition with its responsibility, expectation, rules, pass records and status",
		Example: `  fiscguard evidence ./infra --profile strict --lang ja --format html -o evidence.html
  fiscguard evidence plan.json --format xlsx -o evidence.xlsx
  fiscguard evidence plan.json --format json -o evidence.json
  fiscguard evidence merge repo-a.json repo-b.json --format html -o org.html`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runEvidence(cmd, args[0], e) },
	}
	addSettings(cmd, runner.Evidence)
	addEvidenceOutputFlags(cmd, &e)
	cmd.Flags().StringVar(&e.name, "name", "", "label of the scanned target in the report, e.g. the repository's name (default: the path scanned)")
	cmd.AddCommand(newEvidenceMergeCmd())
	return cmd
}

func newEvidenceMergeCmd() *cobra.Command {
	var e evidenceFlags
	cmd := &cobra.Command{
		Use:   "merge REPORT.json...",
		Short: "Combine evidence reports (fiscguard evidence --format json) of many repositories into one view, per item and per repository",
		Args:  cobra.MinimumNArgs(1),
		RunE:  func(cmd *cobra.Command, args []string) error { return runEvidenceMerge(cmd, args, e) },
	}
	addEvidenceOutputFlags(cmd, &e)
	cmd.Flags().StringVar(&e.lang, "lang", "en", "language of the report: en or ja")
	return cmd
}

func addEvidenceOutputFlags(cmd *cobra.Command, e *evidenceFlags) {
	cmd.Flags().StringVarP(&e.format, "format", "f", "html", "output format: "+strings.Join(render.Formats, ", "))
	cmd.Flags().StringVarP(&e.output, "output", "o", "", "write the report to this file instead of standard output")
}

func runEvidence(cmd *cobra.Command, target string, e evidenceFlags) error {
	if err := checkEvidenceFormat(e.format); err != nil {
		return err
	}
	at, err := evidence.ScanTime(os.Getenv)
	if err != nil {
		return err
	}
	stdin := digest.NewReader(cmd.InOrStdin())
	// Waivers are judged on the day the report records.
	run, err := runner.New(runner.Input{Command: runner.Evidence, Paths: []string{target}, Flags: given(cmd, runner.Evidence),
		Env: os.Environ(), Stdin: stdin, Today: at.Format(waiver.DateLayout)})
	if err != nil {
		return err
	}
	set, err := run.Scan(cmd.Context())
	if err != nil {
		return err
	}
	if len(set.Reports) != 1 {
		return fmt.Errorf("%s: holds %d root modules; an evidence report is of one (give its directory)", target, len(set.Reports))
	}
	rep := set.Reports[0]
	in := run.Settings
	trace, err := evidence.NewTrace(rep, evidence.Inputs{Target: target, StdinDigest: stdin.Sum(), Waivers: in.String("waivers"),
		VarFiles: in.List("var-file"), Vars: in.List("var"), Time: at})
	if err != nil {
		return err
	}
	return writeEvidence(cmd, e, evidence.Build(rep, trace, e.name), rep.Lang)
}

func runEvidenceMerge(cmd *cobra.Command, files []string, e evidenceFlags) error {
	if err := checkEvidenceFormat(e.format); err != nil {
		return err
	}
	lang, err := i18n.ParseLang(e.lang)
	if err != nil {
		return fmt.Errorf("--lang: %w", err)
	}
	at, err := evidence.ScanTime(os.Getenv)
	if err != nil {
		return err
	}
	var sources []evidence.Source
	for _, file := range files {
		r, err := evidence.ReadFile(file)
		if err != nil {
			return err
		}
		sources = append(sources, evidence.Source{File: file, Report: r})
	}
	merged, err := evidence.Merge(sources, evidence.Tool{Name: "fiscguard", Version: version.Get().Version}, at)
	if err != nil {
		return err
	}
	return writeEvidence(cmd, e, merged, lang)
}

func checkEvidenceFormat(format string) error {
	if !slices.Contains(render.Formats, format) {
		return fmt.Errorf("--format: unknown format %q (want %s)", format, strings.Join(render.Formats, ", "))
	}
	return nil
}

func writeEvidence(cmd *cobra.Command, e evidenceFlags, r *evidence.Report, lang i18n.Lang) error {
	var buf bytes.Buffer
	if err := render.Write(&buf, e.format, r, lang); err != nil {
		return err
	}
	return runner.WriteOutput(cmd.OutOrStdout(), e.output, buf.Bytes())
}
