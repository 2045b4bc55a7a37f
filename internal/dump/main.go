package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func main() {
	for _, f := range os.Args[1:] {
		src, _ := os.ReadFile(f)
		d := document.Parse(f, src)
		fmt.Printf("=== %s looks=%v PR=%d-%d FAQ=%d-%d\n", f, d.LooksLikePRFAQ(), d.Mapper.Line(d.PressRelease.Start)+1, d.Mapper.Line(d.PressRelease.End)+1, d.Mapper.Line(d.FAQSpan.Start)+1, d.Mapper.Line(d.FAQSpan.End)+1)
		for _, k := range document.AllParts {
			p := d.Parts[k]
			if p == nil {
				fmt.Printf("  %-15s MISSING\n", k)
				continue
			}
			t := strings.ReplaceAll(p.Text, "\n", " ")
			if len(t) > 70 {
				t = t[:70]
			}
			fmt.Printf("  %-15s L%d-%d head=%v %q\n", k, d.Mapper.Line(p.Span.Start)+1, d.Mapper.Line(p.Span.End)+1, p.Heading != nil, t)
		}
		for _, q := range d.Questions {
			t := q.Text
			if len(t) > 60 {
				t = t[:60]
			}
			a := q.AnswerText
			if len(a) > 30 {
				a = a[:30]
			}
			fmt.Printf("    Q L%d %s [%s] %q -> %q\n", d.Mapper.Line(q.Span.Start)+1, q.Form, q.Group, t, a)
		}
	}
}
