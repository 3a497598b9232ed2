package main

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/policies"
)

func newTestCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test [DIR]",
		Short: "Run Rego unit tests (_test.rego) of the built-in policies, or of the policies in DIR",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sources := []policy.Source{{FS: policies.FS, Name: "policies", Builtin: true}}
			if len(args) == 1 {
				if st, err := os.Stat(args[0]); err != nil || !st.IsDir() {
					return fmt.Errorf("%s: not a directory", args[0])
				}
				lib, err := fs.Sub(policies.FS, "lib")
				if err != nil {
					return err
				}
				sources = []policy.Source{{FS: lib, Name: "policies/lib", Builtin: true, NoTests: true}, policy.DirSource(args[0])}
			}
			results, err := policy.RunTests(cmd.Context(), sources...)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			failed := 0
			for _, r := range results {
				switch {
				case !r.Pass:
					failed++
					fmt.Fprintf(out, "FAIL %s: %s.%s %s\n", r.File, r.Package, r.Name, r.Error)
				case verbose:
					fmt.Fprintf(out, "PASS %s.%s\n", r.Package, r.Name)
				}
			}
			fmt.Fprintf(out, "%d passed, %d failed\n", len(results)-failed, failed)
			if len(results) == 0 {
				return fmt.Errorf("no Rego tests found")
			}
			if failed > 0 {
				return &exitCodeError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing tests too")
	return cmd
}
