package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/config"
	"github.com/fiscguard/fiscguard/engine/runner"
)

func newScanCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scan PATH...",
		Short: "Scan Terraform plans (terraform show -json, or a saved plan file), directories of Terraform files and their root modules, or - for a plan on standard input",
		Long: `Scan each path: a plan (JSON from terraform show -json, or a saved plan file,
which terraform show -json reads when terraform is on PATH), a directory
(every root module below it: a directory of .tf files that no module found
there calls as a local module; .terraform, hidden directories and --skip-path
are not looked in), a .tf or .tfvars file (the root modules holding it, as
pre-commit passes changed files), or - for a plan on standard input. Root
modules are scanned concurrently into one report, per root module.

Every flag can also be set as FISCGUARD_<FLAG> (FISCGUARD_FAIL_ON=high; lists
comma-separated) and most in .fiscguard.yaml (fail_on: high); a flag given
overrides the environment, which overrides the file.`,
		Example: `  fiscguard scan plan.json
  fiscguard scan plan.out                        # a saved plan: runs terraform show -json
  fiscguard scan . --skip-path '**/examples'     # every root module of a monorepo
  fiscguard scan infra -o sarif=fiscguard.sarif -o markdown=summary.md -o text
  fiscguard scan - --format json < plan.json
  fiscguard scan ./infra --var-file prod.tfvars --var env=prod
  fiscguard scan ./infra --check 'FG-S3-*' --skip-check FG-S3-004 --severity high --fail-on critical
  fiscguard scan ./infra --baseline .fiscguard-baseline.json --diff-base origin/main`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			run, err := newRun(cmd, runner.Scan, args)
			if err != nil {
				return err
			}
			set, err := run.Scan(cmd.Context())
			if err != nil {
				return err
			}
			if err := run.Write(set, cmd.OutOrStdout()); err != nil {
				return err
			}
			if code := set.ExitCode(); code != exitClean {
				return &exitCodeError{code: code}
			}
			return nil
		},
	}
	addSettings(cmd, runner.Scan)
	return cmd
}

// addSettings declares a command's settings as flags, each saying where
// else it can be set.
func addSettings(cmd *cobra.Command, c runner.Command) {
	fl := cmd.Flags()
	for _, s := range c.Settings() {
		usage := s.Usage
		switch {
		case s.Env() != "" && s.Key != "":
			usage += " [" + s.Env() + ", " + s.Key + ":]"
		case s.Env() != "":
			usage += " [" + s.Env() + "]"
		}
		switch s.Kind {
		case config.Bool:
			fl.BoolP(s.Name, s.Short, false, usage)
		case config.List:
			fl.StringArrayP(s.Name, s.Short, nil, usage)
		default:
			fl.StringP(s.Name, s.Short, s.Default, usage)
		}
	}
}

// newRun hands the runner what the command line gave.
func newRun(cmd *cobra.Command, c runner.Command, paths []string) (*runner.Run, error) {
	in := runner.Input{Command: c, Paths: paths, Flags: given(cmd, c), Env: os.Environ(),
		Stdin: cmd.InOrStdin(), Terminal: isTerminal(cmd.OutOrStdout())}
	if isTerminal(cmd.ErrOrStderr()) {
		in.Progress = cmd.ErrOrStderr()
	}
	return runner.New(in)
}

// given are the command's settings given on its command line.
func given(cmd *cobra.Command, c runner.Command) config.Given {
	out := config.Given{}
	fl := cmd.Flags()
	for _, s := range c.Settings() {
		if !fl.Changed(s.Name) {
			continue
		}
		switch s.Kind {
		case config.Bool:
			b, _ := fl.GetBool(s.Name)
			out[s.Name] = []string{strconv.FormatBool(b)}
		case config.List:
			out[s.Name], _ = fl.GetStringArray(s.Name)
		default:
			v, _ := fl.GetString(s.Name)
			out[s.Name] = []string{v}
		}
	}
	return out
}

// isTerminal reports whether w is a terminal.
func isTerminal(w any) bool {
	file, ok := w.(*os.File)
	return ok && isatty.IsTerminal(file.Fd())
}

// minArgs is cobra.MinimumNArgs with a message that points at --help.
func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return fmt.Errorf("%s takes at least %d argument(s), got %d (see %s --help)", cmd.Name(), n, len(args), cmd.CommandPath())
		}
		return nil
	}
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
