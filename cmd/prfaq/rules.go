package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("rules", flag.ContinueOnError)
	fl.SetOutput(stderr)
	markdown := fl.Bool("markdown", false, "print every rule's documentation as Markdown (docs/rules.md)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *markdown {
		fmt.Fprint(stdout, diagnostics.RulesMarkdown())
		return 0
	}
	if fl.NArg() > 0 {
		code := 0
		for _, id := range fl.Args() {
			r := diagnostics.Lookup(id)
			if r == nil {
				fmt.Fprintf(stderr, "prfaq rules: no rule %q (run `prfaq rules` for the list)\n", id)
				code = 2
				continue
			}
			fmt.Fprint(stdout, r.Doc())
		}
		return code
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tWHAT IT FLAGS")
	for _, r := range diagnostics.Rules() {
		fix := ""
		if r.FixDoc != "" {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, r.Summary)
	}
	tw.Flush()
	return 0
}
