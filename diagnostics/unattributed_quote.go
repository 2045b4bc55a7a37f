package diagnostics

func init() {
	register(&Rule{
		ID:       "unattributed-quote",
		Severity: Warning,
		Summary:  "A quotation in the press release does not say who said it.",
		Why: "A quote persuades because a named person stands behind it: a leader explaining why, or a customer " +
			"describing the difference. An anonymous quote reads as marketing copy.",
		Bad:  "\"This changes everything for small shops.\"\n",
		Good: "\"We now bill the same day,\" said Tom Lee, owner of Lee's Bakery.\n",
		check: func(c *Context) {
			for _, q := range c.Doc.Quotes {
				if q.Speaker != "" {
					continue
				}
				c.Report(Finding{
					Message: "Quote without attribution: add who said it (\"…,\" said Name, Title).",
					Span:    firstLine(c.Doc, q.Block.Content),
				})
			}
		},
	})
}
