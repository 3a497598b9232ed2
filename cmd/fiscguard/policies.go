package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/policy"
	"github.com/fiscguard/fiscguard/engine/scan"
)

func newPoliciesCmd() *cobra.Command {
	var format, lang, profile, fisc string
	cmd := &cobra.Command{
		Use:   "policies",
		Short: "List the built-in policies with their FISC items, severity and profile",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, err := i18n.ParseLang(lang)
			if err != nil {
				return fmt.Errorf("--lang: %w", err)
			}
			lib, err := scan.LoadLibrary()
			if err != nil {
				return err
			}
			var rules []*policy.Rule
			for _, r := range lib.Policies.Rules() {
				if profile != "" {
					p, err := policy.ParseProfile(profile)
					if err != nil {
						return fmt.Errorf("--profile: %w", err)
					}
					if !p.Includes(r.Profile) {
						continue
					}
				}
				if fisc != "" && !contains(r.FISC, fisc) && !contains(r.FISC8th, fisc) {
					continue
				}
				rules = append(rules, r)
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(map[string]any{"policies": rules})
			case "text":
				tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSEVERITY\tPROFILE\tFISC\tFISC (8th)\tTITLE")
				for _, r := range rules {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Profile,
						dash(strings.Join(r.FISC, ",")), dash(strings.Join(r.FISC8th, ",")), r.Title.In(l))
				}
				return tw.Flush()
			}
			return fmt.Errorf("--format: unknown format %q (want text or json)", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	cmd.Flags().StringVar(&lang, "lang", "en", "language of titles: en or ja")
	cmd.Flags().StringVar(&profile, "profile", "", "only rules that run under this profile: simple or strict")
	cmd.Flags().StringVar(&fisc, "fisc", "", "only rules that evidence this FISC item (e.g. 実3 or 運110)")
	return cmd
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
