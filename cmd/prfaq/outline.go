package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// runOutline shows what prfaq recognised in a document: useful when a
// missing-section finding surprises you.
func runOutline(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "prfaq outline: name one file")
		return 2
	}
	src, err := readText(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "prfaq outline: %s: %v\n", args[0], err)
		return 2
	}
	doc := document.Parse(args[0], src)
	line := func(off int) int { return doc.Mapper.Line(off) + 1 }
	fmt.Fprintf(stdout, "%s: PR/FAQ=%v, press release %d words\n", args[0], diagnostics.Default().IsPRFAQ(doc), diagnostics.WordCount(doc, doc.PressRelease))
	for _, k := range document.AllParts {
		p := doc.Parts[k]
		if p == nil {
			fmt.Fprintf(stdout, "  %-16s missing\n", k.Title())
			continue
		}
		how := "by content"
		if p.Heading != nil {
			how = "heading"
		} else if !p.Label.Empty() {
			how = "label"
		}
		fmt.Fprintf(stdout, "  %-16s lines %d-%d (%s) %s\n", k.Title(), line(p.Span.Start), line(p.Span.End), how, clip(p.Text, 60))
	}
	for _, q := range doc.Questions {
		fmt.Fprintf(stdout, "  Q %4d %-12s %-10s %s\n", line(q.Span.Start), q.Group, diagnostics.QuestionStatus(doc, q), clip(q.Text, 70))
	}
	return 0
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) > n {
		return string([]rune(s)[:n-1]) + "…"
	}
	return s
}
