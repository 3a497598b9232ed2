package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/docs"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/scan"
)

func newPoliciesCmd() *cobra.Command {
	var format, lang, profile, fisc, severity string
	cmd := &cobra.Command{
		Use:   "policies",
		Short: "List the built-in policies with their FISC items, severity and profile",
		Long: `List the built-in policies: ID, severity, profile, FISC items in both
numbering schemes (current 実/統 and 8th edition 運) and title.

  --fisc ID        only policies that evidence this FISC item (実3, 運110, ...)
  --profile P      only policies that run under simple or strict management
  --severity S     only policies of severity S or higher
  --format F       text (a table), json (every field, both languages) or markdown`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, err := i18n.ParseLang(lang)
			if err != nil {
				return fmt.Errorf("--lang: %w", err)
			}
			sel := docs.Selection{FISC: fisc}
			if profile != "" {
				if sel.Profile, err = rule.ParseProfile(profile); err != nil {
					return fmt.Errorf("--profile: %w", err)
				}
			}
			if severity != "" {
				if sel.Severity, err = rule.ParseSeverity(severity); err != nil {
					return fmt.Errorf("--severity: %w", err)
				}
			}
			lib, err := builtinDocs()
			if err != nil {
				return err
			}
			rules, err := lib.Select(sel)
			if err != nil {
				return err
			}
			return lib.WriteList(cmd.OutOrStdout(), format, rules, l)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(docs.ListFormats, ", "))
	cmd.Flags().StringVar(&lang, "lang", "en", "language of titles: en or ja")
	cmd.Flags().StringVar(&profile, "profile", "", "only rules that run under this profile: simple or strict")
	cmd.Flags().StringVar(&severity, "severity", "", "only rules of this severity or higher: critical, high, medium or low")
	cmd.Flags().StringVar(&fisc, "fisc", "", "only rules that evidence this FISC item (e.g. 実3 or 運110)")
	return cmd
}

// builtinDocs describes the built-in library for policies and explain.
func builtinDocs() (*docs.Library, error) {
	lib, err := scan.LoadLibrary()
	if err != nil {
		return nil, err
	}
	return docs.Builtin(lib.Catalog, lib.Params, lib.Policies.Rules()), nil
}
