package diagnostics

import (
	"strings"
)

func init() {
	register(&Rule{
		ID:       "question-format",
		Severity: Information,
		Summary:  "An FAQ entry is not phrased as a question.",
		Why: "FAQ entries are the questions readers really ask, in their words. A heading such as \"Pricing\" hides " +
			"the question (\"How much does it cost for a team of ten?\") and lets the answer dodge it.",
		Bad:    "## FAQ\n\n### Pricing\n\nIt is affordable.\n",
		Good:   "## FAQ\n\n### How much does it cost for a team of ten?\n\n$50 a month.\n",
		FixDoc: "Adds the missing question mark.",
		check: func(c *Context) {
			doc := c.Doc
			for _, q := range doc.Questions {
				text := strings.TrimSpace(q.Text)
				if text == "" || strings.HasSuffix(text, "?") || strings.Contains(text, "?") {
					continue
				}
				end := q.Span.End
				for end > q.Span.Start && strings.ContainsRune(" \t.:", rune(doc.Source[end-1])) {
					end--
				}
				fix := replaceFix("Add \"?\"", spanOf(end, q.Span.End), "?")
				c.Report(Finding{
					Message: "Not phrased as a question: \"" + text + "\". Write the question a reader would ask.",
					Span:    q.Span,
					Data:    map[string]any{"question": text},
					Fixes:   []Fix{fix},
				})
			}
		},
	})
}
