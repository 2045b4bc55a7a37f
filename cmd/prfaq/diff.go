package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// runDiff compares two drafts of one PR/FAQ: what the new one fixed, what it
// introduced and what is left, findings matched by what they say, not by
// their line (diagnostics.DiffFindings).
//
//	prfaq diff [--format text|json|markdown] [--fail-on LEVEL] [--config FILE] OLD NEW
//
// Both drafts are checked with NEW's configuration (or --config), so the
// comparison is of the text. Exit status: 1 when a new finding reaches
// --fail-on (default warning), 2 on usage or I/O errors.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("diff", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output format: text, json or markdown")
	failOn := fl.String("fail-on", "warning", "lowest severity of a new finding that fails: error, warning, information, hint or never")
	configFile := fl.String("config", "", "configuration file (default: the .prfaq.yaml above NEW)")
	files, ok := parseInterspersed(fl, args)
	if !ok {
		return 2
	}
	threshold, err := parseFailOn(*failOn)
	if err != nil {
		fmt.Fprintln(stderr, "prfaq diff:", err)
		return 2
	}
	switch *format {
	case "text", "json", "markdown":
	default:
		fmt.Fprintf(stderr, "prfaq diff: unknown format %q (want text, json or markdown)\n", *format)
		return 2
	}
	if len(files) != 2 {
		fmt.Fprintln(stderr, "prfaq diff: name two files, the old draft and the new one")
		return 2
	}
	oldPath, newPath := files[0], files[1]
	cfg := diagnostics.Default()
	if *configFile != "" {
		if err := cfg.LoadFile(*configFile); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				fmt.Fprintln(stderr, "prfaq diff:", err)
				return 2
			}
			fmt.Fprintln(stderr, "prfaq diff: configuration:", err, "(defaults apply to those keys)")
		}
	} else {
		c, _, err := diagnostics.ForFile(cfg, newPath)
		if err != nil {
			fmt.Fprintln(stderr, "prfaq diff: configuration:", err, "(defaults apply to those keys)")
		}
		cfg = c
	}
	docs := make([]*document.Document, 2)
	for i, p := range files {
		src, err := readText(p)
		if err != nil {
			fmt.Fprintf(stderr, "prfaq diff: %s: %v\n", p, err)
			return 2
		}
		docs[i] = document.Parse(p, src)
	}
	oldFindings := diagnostics.Lint(docs[0], cfg)
	newResult := fileResult{Path: newPath, Doc: docs[1], Checked: true, Config: cfg, Findings: diagnostics.Lint(docs[1], cfg)}
	newResult.PRFAQ = cfg.IsPRFAQ(docs[1])
	newResult.Base = &baseComparison{Label: oldPath,
		Diff: diagnostics.DiffFindings(diagnostics.Locate(docs[0], oldFindings), diagnostics.Locate(docs[1], newResult.Findings))}
	d := newResult.Base.Diff
	switch *format {
	case "text":
		writeDiffText(stdout, newPath, newResult.Base)
		fmt.Fprintln(stderr, diffSummary([]fileResult{newResult}, oldPath))
	case "json":
		writeIndentedJSON(stdout, d)
	case "markdown":
		writeReviewMarkdown(stdout, []fileResult{newResult}, oldPath)
	}
	if threshold != diagnostics.Off {
		for _, f := range d.New {
			if f.Severity <= threshold {
				return 1
			}
		}
	}
	return 0
}
