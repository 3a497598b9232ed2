package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/catalog"
	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/scan"
)

type scanFlags struct {
	format, output, profile, failOn, lang, edition string
	sourceDir, repoRoot                            string
	vars, varFiles                                 []string
}

func newScanCmd() *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan PLAN.json|DIR|-",
		Short: "Scan a Terraform plan (terraform show -json PLANFILE), a directory of Terraform files, or - for a plan on standard input",
		Example: `  terraform show -json plan.out > plan.json
  fiscguard scan plan.json
  fiscguard scan plan.json --format sarif --output fiscguard.sarif
  fiscguard scan - --format json < plan.json
  fiscguard scan ./infra --var-file prod.tfvars --var env=prod`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runScan(cmd, args[0], f) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: text, json or sarif")
	fl.StringVarP(&f.output, "output", "o", "", "write the output to this file instead of standard output")
	fl.StringVar(&f.profile, "profile", "simple", "FISC management level: simple (簡易な管理) or strict (厳格な管理)")
	fl.StringVar(&f.failOn, "fail-on", "low", "exit 1 when a failed finding has this severity or higher: critical, high, medium or low")
	fl.StringVar(&f.lang, "lang", "en", "language of titles, messages and remediation: en or ja")
	fl.StringVar(&f.edition, "edition", catalog.EditionCurrent, "FISC numbering shown: current (実/統, 9th edition onward) or 8th (運/技/設, 8th edition revised)")
	fl.StringVar(&f.sourceDir, "source-dir", "", "the Terraform configuration a plan was made from, to locate plan findings in .tf files (default: the plan file's directory when it holds .tf files)")
	fl.StringVar(&f.repoRoot, "repo-root", "", "the repository root that output paths and SARIF URIs are relative to (default: the git top level)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a root module variable when scanning a directory: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "read root module variables from a .tfvars or .tfvars.json file when scanning a directory (repeatable; applied before --var)")
	return cmd
}

func runScan(cmd *cobra.Command, target string, f scanFlags) error {
	opts, err := f.options()
	if err != nil {
		return err
	}
	if !knownFormat(f.format) {
		return fmt.Errorf("unknown format %q (want text, json or sarif)", f.format)
	}
	lib, err := scan.LoadLibrary()
	if err != nil {
		return err
	}
	rep, err := lib.Run(cmd.Context(), scan.Target{Path: target, Stdin: cmd.InOrStdin()}, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	color := f.format == "text" && f.output == "" && isTerminal(cmd.OutOrStdout())
	if err := report.Write(&buf, f.format, rep, report.Options{Color: color}); err != nil {
		return err
	}
	if f.output != "" {
		if err := os.WriteFile(f.output, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("%s: %w", f.output, unwrapPath(err))
		}
	} else if _, err := cmd.OutOrStdout().Write(buf.Bytes()); err != nil {
		return err
	}
	for _, fd := range rep.Findings {
		if fd.AtOrAbove(opts.FailOn) {
			return &exitCodeError{code: exitFindings}
		}
	}
	return nil
}

func (f scanFlags) options() (scan.Options, error) {
	var o scan.Options
	var err error
	if o.Profile, err = policy.ParseProfile(f.profile); err != nil {
		return o, fmt.Errorf("--profile: %w", err)
	}
	if o.FailOn, err = policy.ParseSeverity(f.failOn); err != nil {
		return o, fmt.Errorf("--fail-on: %w", err)
	}
	if o.Lang, err = i18n.ParseLang(f.lang); err != nil {
		return o, fmt.Errorf("--lang: %w", err)
	}
	o.HCL = hclconf.Options{Vars: f.vars, VarFiles: f.varFiles, Env: os.Environ(), Root: f.repoRoot}
	o.SourceDir = f.sourceDir
	switch f.edition {
	case catalog.EditionCurrent, catalog.Edition8th:
		o.Edition = f.edition
	default:
		return o, fmt.Errorf("--edition: unknown edition %q (want current or 8th)", f.edition)
	}
	return o, nil
}

func knownFormat(name string) bool {
	for _, f := range report.Formats {
		if f == name {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a terminal that wants colour (NO_COLOR unset).
func isTerminal(w any) bool {
	file, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return false
	}
	return isatty.IsTerminal(file.Fd())
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// exactArgs is cobra.ExactArgs with a message that points at --help.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return fmt.Errorf("%s takes %d argument(s), got %d (see %s --help)", cmd.Name(), n, len(args), cmd.CommandPath())
		}
		return nil
	}
}
