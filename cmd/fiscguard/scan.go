package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/baseline"
	"github.com/fiscguard/fiscguard/engine/config"
	"github.com/fiscguard/fiscguard/engine/hclconf"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/scan"
	"github.com/fiscguard/fiscguard/engine/waiver"
)

type scanFlags struct {
	format, output, profile, failOn, lang, edition string
	sourceDir, repoRoot, config                    string
	waivers, baseline, diffBase                    string
	vars, varFiles, policyDirs                     []string
	includeSuppressed, changedOnly                 bool
	// recording is true for fiscguard baseline, which records every finding.
	recording bool
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
  fiscguard scan ./infra --var-file prod.tfvars --var env=prod
  fiscguard scan ./infra --baseline .fiscguard-baseline.json --diff-base origin/main`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runScan(cmd, args[0], f) },
	}
	addScanFlags(cmd, &f)
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the output to this file instead of standard output")
	fl.BoolVar(&f.includeSuppressed, "include-suppressed", false, "include waived findings in SARIF, marked as suppressed")
	return cmd
}

// addScanFlags declares the flags that decide what a scan finds, shared by
// scan and baseline.
func addScanFlags(cmd *cobra.Command, f *scanFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "configuration file (default: .fiscguard.yaml found in the scanned path's directory or above)")
	fl.StringVar(&f.profile, "profile", "simple", "FISC management level: simple (簡易な管理) or strict (厳格な管理)")
	fl.StringVar(&f.failOn, "fail-on", "low", "exit 1 when a failed finding has this severity or higher: critical, high, medium or low")
	fl.StringVar(&f.lang, "lang", "en", "language of titles, messages and remediation: en or ja")
	fl.StringVar(&f.edition, "edition", string(rule.EditionCurrent), "FISC numbering shown: current (実/統, 9th edition onward) or 8th (運/技/設, 8th edition revised)")
	fl.StringArrayVar(&f.policyDirs, "policy-dir", nil, "also load the Rego policies in this directory (repeatable; same metadata contract)")
	fl.StringVar(&f.waivers, "waivers", "", "waiver file (YAML)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings that are not in this baseline file (see fiscguard baseline)")
	fl.BoolVar(&f.changedOnly, "changed-only", false, "for plans: check only resources being created, updated or replaced")
	fl.StringVar(&f.diffBase, "diff-base", "", "keep only findings on resources whose blocks changed since this git ref")
	fl.StringVar(&f.sourceDir, "source-dir", "", "the Terraform configuration a plan was made from, to locate plan findings in .tf files (default: the plan file's directory when it holds .tf files)")
	fl.StringVar(&f.repoRoot, "repo-root", "", "the repository root that output paths and SARIF URIs are relative to (default: the git top level)")
	fl.StringArrayVar(&f.vars, "var", nil, "set a root module variable when scanning a directory: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "read root module variables from a .tfvars or .tfvars.json file when scanning a directory (repeatable; applied before --var)")
}

func runScan(cmd *cobra.Command, target string, f scanFlags) error {
	if !knownFormat(f.format) {
		return fmt.Errorf("--format: unknown format %q (want %s)", f.format, strings.Join(report.Formats, ", "))
	}
	rep, opts, err := scanWith(cmd, target, f)
	if err != nil {
		return err
	}
	// In GitHub Actions, Markdown links locations to the scanned commit.
	if repo, ok := report.GitHubRepository(os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA")); ok {
		rep.Repository = repo
	}
	var buf bytes.Buffer
	color := f.format == "text" && f.output == "" && isTerminal(cmd.OutOrStdout())
	if err := report.Write(&buf, f.format, rep, report.Options{Color: color, IncludeSuppressed: f.includeSuppressed}); err != nil {
		return err
	}
	if err := writeOutput(cmd, f.output, buf.Bytes()); err != nil {
		return err
	}
	for _, fd := range rep.Findings {
		if fd.FailsAt(opts.FailOn) {
			return &exitCodeError{code: exitFindings}
		}
	}
	return nil
}

func writeOutput(cmd *cobra.Command, path string, data []byte) error {
	if path == "" {
		_, err := cmd.OutOrStdout().Write(data)
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// scanWith runs a scan with the configuration file's settings, overridden
// by the flags given on the command line.
func scanWith(cmd *cobra.Command, target string, f scanFlags) (*report.Report, scan.Options, error) {
	cfg, err := loadConfig(target, f.config)
	if err != nil {
		return nil, scan.Options{}, err
	}
	set := func(name string, flag *string, fromFile string) {
		if !cmd.Flags().Changed(name) && fromFile != "" {
			*flag = fromFile
		}
	}
	set("profile", &f.profile, cfg.Profile)
	set("fail-on", &f.failOn, cfg.FailOn)
	set("lang", &f.lang, cfg.Lang)
	set("edition", &f.edition, cfg.Edition)
	set("waivers", &f.waivers, cfg.Waivers)
	set("baseline", &f.baseline, cfg.Baseline)
	opts, err := f.options()
	if err != nil {
		return nil, opts, err
	}
	lib, err := scan.LoadLibrary(append(append([]string(nil), cfg.PolicyDir...), f.policyDirs...)...)
	if err != nil {
		return nil, opts, err
	}
	if err := applyConfig(cfg, lib, &opts); err != nil {
		return nil, opts, err
	}
	if f.waivers != "" {
		if opts.Waivers, err = waiver.LoadFile(f.waivers, opts.Profile == rule.Strict); err != nil {
			return nil, opts, err
		}
	}
	if f.baseline != "" && !f.recording {
		if opts.Baseline, err = baseline.Load(f.baseline); err != nil {
			return nil, opts, err
		}
	}
	rep, err := lib.Run(cmd.Context(), scan.Target{Path: target, Stdin: cmd.InOrStdin()}, opts)
	return rep, opts, err
}

// loadConfig reads the configuration file given, or the one found from the
// scanned path upward; a missing one is an empty configuration.
func loadConfig(target, path string) (*config.Config, error) {
	if path == "" {
		start := target
		if target == "-" {
			start = "."
		}
		found, err := config.Find(start)
		if err != nil || found == "" {
			return &config.Config{}, nil
		}
		path = found
	}
	return config.Load(path)
}

// applyConfig checks the file's parameters and rule lists against the
// library, reporting unknown names at their lines.
func applyConfig(cfg *config.Config, lib *scan.Library, opts *scan.Options) error {
	for _, name := range slices.Sorted(maps.Keys(cfg.Params)) {
		if _, ok := lib.Params[name]; !ok {
			return cfg.ParamError(name, fmt.Errorf("unknown parameter (known: %s)", strings.Join(lib.Params.Names(), ", ")))
		}
	}
	for list, ids := range map[string][]string{"enable": cfg.Rules.Enable, "disable": cfg.Rules.Disable} {
		for i, id := range ids {
			if _, ok := lib.Policies.Rule(id); !ok {
				return cfg.RuleError(list, i, id)
			}
		}
	}
	opts.Params, opts.Enable, opts.Disable = cfg.Params, cfg.Rules.Enable, cfg.Rules.Disable
	return nil
}

func (f scanFlags) options() (scan.Options, error) {
	var o scan.Options
	var err error
	if o.Profile, err = rule.ParseProfile(f.profile); err != nil {
		return o, fmt.Errorf("--profile: %w", err)
	}
	if o.FailOn, err = rule.ParseSeverity(f.failOn); err != nil {
		return o, fmt.Errorf("--fail-on: %w", err)
	}
	if o.Lang, err = i18n.ParseLang(f.lang); err != nil {
		return o, fmt.Errorf("--lang: %w", err)
	}
	o.HCL = hclconf.Options{Vars: f.vars, VarFiles: f.varFiles, Env: os.Environ(), Root: f.repoRoot}
	o.SourceDir, o.ChangedOnly, o.DiffBase = f.sourceDir, f.changedOnly, f.diffBase
	o.Today = time.Now().UTC().Format(waiver.DateLayout)
	if o.Edition, err = rule.ParseEdition(f.edition); err != nil {
		return o, fmt.Errorf("--edition: %w", err)
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
