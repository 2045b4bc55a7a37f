package diagnostics

import (
	"fmt"
)

func init() {
	register(&Rule{
		ID:       "press-release-length",
		Severity: Warning,
		Summary:  "The press release is longer than about a page and a half.",
		Why: "A press release that does not fit on one page has not found its story yet. Cut to what a customer " +
			"needs to decide; move detail to the FAQ. Pages are counted at words-per-page words (default 500); " +
			"Chinese and Japanese, written without spaces, count two Han characters or three kana a word.",
		// at the defaults the Bad example would be a page and a half long
		ExampleConfig: "rules:\n  press-release-length: {max-pages-tenths: 1}\n",
		Bad: "# Acme Ledger lets small shops send an invoice in one click\n\n" +
			"SEATTLE — March 3, 2027 — Acme today announced Ledger, a phone app that turns a finished order into an invoice " +
			"the shop owner checks and sends with one tap. Ledger is for shops with fewer than ten people. Small shops spend " +
			"four hours a week writing invoices by hand, according to our survey of 312 shop owners in Washington. One " +
			"invoice in five has a mistake, and the average invoice is paid 21 days after the work is done. Ledger reads " +
			"the order the shop already keeps and fills in the invoice: customer, items, tax and due date.\n",
		Good: "# Acme Ledger lets small shops send an invoice in one click\n\n" +
			"SEATTLE — March 3, 2027 — Acme today announced Ledger, a phone app that turns a finished order into an invoice " +
			"the shop owner checks and sends with one tap.\n",
		Options: map[string]string{
			"max-pages-tenths": "longest acceptable press release in tenths of a page (default 15, i.e. 1.5 pages)",
		},
		check: func(c *Context) {
			doc := c.Doc
			if doc.PressRelease.Empty() {
				return
			}
			words := WordCount(doc, doc.PressRelease)
			limit := c.Config.WordsPerPage * c.Int("max-pages-tenths", 15) / 10
			if words <= limit {
				return
			}
			c.Report(Finding{
				Message: fmt.Sprintf("Press release is %d words (≈%.1f pages); keep it under %d words (≈%.1f pages).",
					words, float64(words)/float64(c.Config.WordsPerPage), limit+1, float64(limit)/float64(c.Config.WordsPerPage)),
				Span: headlineOrTop(doc),
				Data: map[string]any{"words": words, "limit": limit},
			})
		},
	})
}
