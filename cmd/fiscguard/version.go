package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/version"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print fiscguard's version, commit and build date",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "fiscguard %s\n", version.Get())
			return err
		},
	}
}
