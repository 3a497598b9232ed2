package main

import (
	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/baseline"
)

func newBaselineCmd() *cobra.Command {
	var f scanFlags
	var output string
	cmd := &cobra.Command{
		Use:   "baseline PLAN.json|DIR|-",
		Short: "Record the current findings' fingerprints, so that scan --baseline reports only new ones",
		Example: `  fiscguard baseline ./infra --output .fiscguard-baseline.json
  fiscguard scan ./infra --baseline .fiscguard-baseline.json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f.recording = true
			rep, _, err := scanWith(cmd, args[0], &f)
			if err != nil {
				return err
			}
			return writeOutput(cmd, output, baseline.FromFindings(rep.Findings).Marshal())
		},
	}
	addScanFlags(cmd, &f)
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the baseline to this file instead of standard output")
	return cmd
}
