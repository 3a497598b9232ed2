package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/fiscguard/fiscguard/engine/docs"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
	"github.com/fiscguard/fiscguard/engine/scan"
)

// policyEntry is one policy in `fiscguard policies --format json`.
type policyEntry struct {
	ID             string            `json:"id"`
	Title          i18n.Text         `json:"title"`
	Severity       rule.Severity     `json:"severity"`
	Profile        rule.Profile      `json:"profile"`
	Responsibility string            `json:"responsibility"`
	FISC           []string          `json:"fisc"`
	FISC8th        []string          `json:"fisc_8th"`
	FISCBasis      map[string]string `json:"fisc_basis"`
	ResourceTypes  []string          `json:"resource_types"`
	Params         []string          `json:"params"`
	Description    i18n.Text         `json:"description"`
	Remediation    i18n.Text         `json:"remediation"`
	HelpURI        string            `json:"help_uri"`
	File           string            `json:"file"`
}

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
			var prof rule.Profile
			if profile != "" {
				if prof, err = rule.ParseProfile(profile); err != nil {
					return fmt.Errorf("--profile: %w", err)
				}
			}
			var minSev rule.Severity
			if severity != "" {
				if minSev, err = rule.ParseSeverity(severity); err != nil {
					return fmt.Errorf("--severity: %w", err)
				}
			}
			if format != "text" && format != "json" && format != "markdown" {
				return fmt.Errorf("--format: unknown format %q (want text, json or markdown)", format)
			}
			lib, err := builtinDocs()
			if err != nil {
				return err
			}
			if fisc != "" {
				if _, ok := lib.Catalog.Lookup(fisc); !ok {
					return fmt.Errorf("--fisc: %s is not a FISC item in the catalog (see fiscguard explain)", fisc)
				}
			}
			var rules []*rule.Rule
			for _, r := range lib.Rules {
				if (prof != "" && !prof.Includes(r.Profile)) || r.Severity < minSev ||
					(fisc != "" && !contains(r.FISC, fisc) && !contains(r.FISC8th, fisc)) {
					continue
				}
				rules = append(rules, r)
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				return writePoliciesJSON(out, lib, rules)
			case "markdown":
				return writePoliciesMarkdown(out, rules, l)
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSEVERITY\tPROFILE\tFISC\tFISC (8th)\tTITLE")
			for _, r := range rules {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Profile,
					dash(strings.Join(r.FISC, ",")), dash(strings.Join(r.FISC8th, ",")), r.Title.In(l))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(out, "\n%d policies (fiscguard explain ID for details)\n", len(rules))
			return err
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json or markdown")
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

func writePoliciesJSON(out io.Writer, lib *docs.Library, rules []*rule.Rule) error {
	entries := make([]policyEntry, 0, len(rules))
	for _, r := range rules {
		entries = append(entries, policyEntry{
			ID: r.ID, Title: r.Title, Severity: r.Severity, Profile: r.Profile, Responsibility: r.Responsibility,
			FISC: nonNil(r.FISC), FISC8th: nonNil(r.FISC8th), FISCBasis: r.FISCBasis, ResourceTypes: r.ResourceTypes,
			Params: nonNil(lib.ParamsOf(r)), Description: r.Description, Remediation: r.Remediation,
			HelpURI: docs.HelpURI(r.ID), File: r.File,
		})
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"count": len(entries), "policies": entries})
}

func writePoliciesMarkdown(out io.Writer, rules []*rule.Rule, l i18n.Lang) error {
	head := "| ID | Severity | Profile | FISC | FISC (8th) | Title |\n|---|---|---|---|---|---|\n"
	if l == i18n.Ja {
		head = "| ID | 重要度 | プロファイル | FISC | FISC（第8版） | タイトル |\n|---|---|---|---|---|---|\n"
	}
	if _, err := io.WriteString(out, head); err != nil {
		return err
	}
	for _, r := range rules {
		if _, err := fmt.Fprintf(out, "| [%s](%s) | %s | %s | %s | %s | %s |\n", r.ID, docs.HelpURI(r.ID), r.Severity, r.Profile,
			dash(strings.Join(r.FISC, ", ")), dash(strings.Join(r.FISC8th, ", ")), strings.ReplaceAll(r.Title.In(l), "|", "\\|")); err != nil {
			return err
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
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
