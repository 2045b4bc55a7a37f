package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// runOutline shows what prfaq recognised in a document: useful when a
// missing-section finding surprises you.
//
//	prfaq outline [--format text|json] [--explain] FILE
//
// The text form has the stage ("stage: draft — to reach review: 2 deferred
// answers"), then one line per part, "  <Title>  lines A-B (how) text" or
// "  <Title>  missing" (tools parse it: keep the shape), then one line per
// question. --explain adds, under each part, how it was read. The JSON form
// is diagnostics.Outline, which always says how and, when known, why.
func runOutline(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("outline", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output format: text or json")
	explain := fl.Bool("explain", false, "say how each part was read")
	files, ok := parseInterspersed(fl, args)
	if !ok {
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "prfaq outline: unknown format %q (want text or json)\n", *format)
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "prfaq outline: name one file")
		return 2
	}
	path := files[0]
	src, err := readText(path)
	if err != nil {
		fmt.Fprintf(stderr, "prfaq outline: %s: %v\n", path, err)
		return 2
	}
	doc := document.Parse(path, src)
	cfg, _, _ := diagnostics.ForFile(diagnostics.Default(), path) // a bad config file is check's to report
	o := diagnostics.NewOutline(doc, cfg.IsPRFAQ(doc))
	if o.PRFAQ {
		st := diagnostics.NewStageStatus(doc, cfg, diagnostics.Lint(doc, cfg))
		o.Stage = &st
	}
	if *format == "json" {
		if err := writeOutlineJSON(stdout, o); err != nil {
			fmt.Fprintln(stderr, "prfaq outline:", err)
			return 2
		}
		return 0
	}
	writeOutlineText(stdout, doc, o, diagnostics.WordCount(doc, doc.PressRelease), *explain)
	return 0
}

// writeOutlineJSON prints o as JSON with one part or question a line.
func writeOutlineJSON(w io.Writer, o diagnostics.Outline) error {
	enc := func(v any) string {
		var b strings.Builder
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			panic(err) // plain strings, ints and bools always encode
		}
		return strings.TrimSuffix(b.String(), "\n")
	}
	list := func(items []string) string {
		if len(items) == 0 {
			return "[]"
		}
		return "[\n    " + strings.Join(items, ",\n    ") + "\n  ]"
	}
	var parts, questions []string
	for _, p := range o.Parts {
		parts = append(parts, enc(p))
	}
	for _, q := range o.Questions {
		questions = append(questions, enc(q))
	}
	stage := ""
	if o.Stage != nil {
		stage = ",\n  \"stage\": " + enc(o.Stage)
	}
	_, err := fmt.Fprintf(w, "{\n  \"path\": %s,\n  \"prfaq\": %v,\n  \"parts\": %s,\n  \"questions\": %s%s\n}\n",
		enc(o.Path), o.PRFAQ, list(parts), list(questions), stage)
	return err
}

func writeOutlineText(w io.Writer, doc *document.Document, o diagnostics.Outline, words int, explain bool) {
	fmt.Fprintf(w, "%s: PR/FAQ=%v, press release %d words\n", o.Path, o.PRFAQ, words)
	if o.Stage != nil {
		fmt.Fprintln(w, o.Stage) // not indented: tools that read the part lines skip it
	}
	parts := map[document.PartKind]diagnostics.OutlinePart{}
	for _, p := range o.Parts {
		parts[p.Part] = p
	}
	for _, k := range document.AllParts {
		p, ok := parts[k]
		if !ok {
			fmt.Fprintf(w, "  %-16s missing\n", k.Title())
			continue
		}
		fmt.Fprintf(w, "  %-16s lines %d-%d (%s) %s\n", k.Title(), p.Lines[0], p.Lines[1], p.How, document.Clip(p.Text, 60))
		if explain {
			// Indented deeper than a part line, so parsers of the part lines skip it.
			fmt.Fprintf(w, "      read as the %s: %s\n", k.Title(), diagnostics.PartReason(doc.Parts[k]))
		}
	}
	for _, q := range o.Questions {
		fmt.Fprintf(w, "  Q %4d %-12s %-10s %s\n", q.Line, q.Group, q.Status, document.Clip(q.Text, 70))
	}
}

// parseInterspersed parses fl's flags wherever they stand among the file
// arguments ("prfaq diff old.md new.md --format json"), and returns the
// files; false on a flag error, which fl has reported.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, bool) {
	var files []string
	for rest := args; ; {
		if err := fl.Parse(rest); err != nil {
			return nil, false
		}
		if fl.NArg() == 0 {
			return files, true
		}
		files = append(files, fl.Arg(0))
		rest = fl.Args()[1:]
	}
}
