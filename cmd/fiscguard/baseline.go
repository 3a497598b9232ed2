package main

import (
	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/baseline"
	"github.com/fiscguard/fiscguard/engine/runner"
)

func newBaselineCmd() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "baseline PATH...",
		Short: "Record the current findings' fingerprints, so that scan --baseline reports only new ones",
		Example: `  fiscguard baseline ./infra --output .fiscguard-baseline.json
  fiscguard scan ./infra --baseline .fiscguard-baseline.json`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			run, err := newRun(cmd, runner.Baseline, args)
			if err != nil {
				return err
			}
			set, err := run.Scan(cmd.Context())
			if err != nil {
				return err
			}
			return runner.WriteOutput(cmd.OutOrStdout(), output, baseline.FromFindings(set.Findings()).Marshal())
		},
	}
	addSettings(cmd, runner.Baseline)
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the baseline to this file instead of standard output")
	return cmd
}
