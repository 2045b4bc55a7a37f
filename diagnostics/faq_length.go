package diagnostics

import (
	"fmt"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "faq-length",
		Severity: Information,
		Summary:  "The FAQ is very long, or has too few questions to be useful.",
		Why: "An FAQ of more than about five pages is a design document in disguise; one with one or two " +
			"questions has not faced the hard ones yet. Pages are counted at words-per-page words (default 500); " +
			"Chinese and Japanese, written without spaces, count two Han characters or three kana a word.",
		Bad:  "## FAQ\n\n### Is it good?\n\nYes.\n",
		Good: "## FAQ\n\n### How much does it cost?\n\n$5 a month.\n\n### Does it work offline?\n\nYes; it sends when the phone is back online.\n\n### Who can see my invoices?\n\nOnly you and the customer you send them to.\n",
		Options: map[string]string{
			"max-pages":     "longest acceptable FAQ in pages (default 5)",
			"min-questions": "fewest acceptable questions (default 3)",
		},
		check: func(c *Context) {
			doc := c.Doc
			faq := doc.Parts[document.FAQ]
			if faq == nil {
				return
			}
			anchor := lineSpan(doc, faq.Span.Start)
			if min := c.Int("min-questions", 3); len(doc.Questions) < min {
				c.Report(Finding{
					Message: fmt.Sprintf("The FAQ has %s; ask at least %d, starting with the hard ones.", plural(len(doc.Questions), "question"), min),
					Span:    anchor,
					Data:    map[string]any{"questions": len(doc.Questions)},
				})
			}
			words := WordCount(doc, faq.Span)
			limit := c.Config.WordsPerPage * c.Int("max-pages", 5)
			if words > limit {
				c.Report(Finding{
					Message: fmt.Sprintf("The FAQ is %d words (≈%.1f pages); keep it under %d words: answer briefly, link to details.",
						words, float64(words)/float64(c.Config.WordsPerPage), limit+1),
					Span: anchor,
					Data: map[string]any{"words": words, "limit": limit},
				})
			}
		},
	})
}
