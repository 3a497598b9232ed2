package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/i18n"
)

func newExplainCmd() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "explain ID",
		Short: "Explain a rule (FG-S3-001) or a FISC item (実3, 運110): what is checked, why, how to fix",
		Long: `Explain a rule or a FISC item in --lang (en or ja).

For a rule ID: what it checks and why, how to fix a finding, the FISC items it
evidences (with their titles, responsibility, what simple and strict
management expect, and the basis of each mapping) and the parameters it reads.
For a FISC item ID: the item, and the rules that evidence it or why none can.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := i18n.ParseLang(lang)
			if err != nil {
				return fmt.Errorf("--lang: %w", err)
			}
			lib, err := builtinDocs()
			if err != nil {
				return err
			}
			return lib.Explain(cmd.OutOrStdout(), args[0], l)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "en", "language: en or ja")
	return cmd
}
