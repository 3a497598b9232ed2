package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/version"
)

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "fiscguard",
		Short: "Check Terraform plans against the FISC security standards (金融機関等コンピュータシステムの安全対策基準)",
		Long: `fiscguard checks Terraform plans against the FISC security standards with
embedded Rego policies, each tagged with the FISC items it evidences.

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it,
2 usage or input error, 3 internal error (a defect in fiscguard).`,
		Version:       version.Get().Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w (see %s --help)", err, c.CommandPath())
	})
	root.AddCommand(newScanCmd(), newBaselineCmd(), newEvidenceCmd(), newPoliciesCmd(), newExplainCmd(), newTestCmd(), newVersionCmd())
	return root
}
