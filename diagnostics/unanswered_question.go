package diagnostics

import "strings"

func init() {
	register(&Rule{
		ID:       "unanswered-question",
		Severity: Warning,
		Staged:   "unanswered question",
		Summary:  "An FAQ question has no answer.",
		Why: "A question with no answer tells the reader the team has not thought about it. Answer it, or say " +
			"honestly who will answer it and by when.",
		Bad:    "## FAQ\n\n### How will we support customers at night?\n\n### What does it cost?\n\n$5 a month.\n",
		Good:   "## FAQ\n\n### How will we support customers at night?\n\nThe on-call rota covers 24 hours; see the support plan.\n",
		FixDoc: "Inserts an owned follow-up (\"Unknown today; OWNER will answer by DATE.\") under the question.",
		check: func(c *Context) {
			doc := c.Doc
			for _, q := range doc.Questions {
				if strings.TrimSpace(q.AnswerText) != "" {
					continue
				}
				// after the question's own line, before the blank line that
				// follows it: the next heading keeps its line
				at := doc.Mapper.LineEnd(doc.Mapper.Line(q.Span.End))
				nl := "\n"
				if at > 0 && doc.Source[at-1] == '\r' {
					nl = "\r\n"
				}
				fixes := []Fix{{Title: "Add an owned follow-up answer", Edits: []Edit{{Span: spanAt(at), NewText: nl + nl + followUpText}}}}
				line := doc.Text(spanOf(doc.Mapper.LineStart(doc.Mapper.Line(q.Span.End)), at))
				if q.Form == "table" || q.Form == "details" && strings.Contains(line, "</details>") {
					// a paragraph under a table's row would end the table,
					// one after "</details>" would stand outside the entry
					fixes = nil
				}
				c.Report(Finding{
					Message: "Unanswered question: \"" + q.Text + "\".",
					Span:    q.Span,
					Data:    map[string]any{"question": q.Text},
					Fixes:   fixes,
				})
			}
		},
	})
}
