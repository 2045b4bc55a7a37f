package diagnostics

import (
	"fmt"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "long-sentence",
		Severity: Information,
		Summary:  "A sentence longer than max-words words.",
		Why: "A PR/FAQ is read fast, often aloud in a meeting. Long sentences hide the point and make the reader " +
			"hold several ideas at once; Amazon's writing guidance is short sentences, one idea each. Chinese or " +
			"Japanese characters in an English sentence count two Han characters or three kana a word.",
		NotFlagged: "Headings, code and table layout, which are not counted. Prose in another language: sentences are " +
			"told apart the English way, so only English prose is checked (each paragraph on its own: an English " +
			"paragraph in a German file is).",
		Bad: "Ledger, which we built over the last year with a team of six engineers who had all worked in retail " +
			"before, reads the order from the shop's point-of-sale system and fills in the invoice, including tax, " +
			"discounts and the customer's address, so that the shop only has to check it and tap send.\n",
		Good: "Ledger reads the order from the shop's till and fills in the invoice: items, tax and address. " +
			"The shop checks it and taps send.\n",
		Options: map[string]string{"max-words": "the longest sentence allowed, in words (default 35)"},
		check:   checkLongSentences,
	})
}

func checkLongSentences(c *Context) {
	max := c.Int("max-words", 35)
	if max < 1 {
		max = 35
	}
	c.eachProse(c.Doc.Prose, func(p *document.Prose) {
		if p.Heading || len(p.Text) < max*2 {
			return // a run shorter than 2 bytes a word cannot hold max words
		}
		if p.WordCount() <= max {
			return
		}
		words := p.Words()
		w := 0
		for _, s := range p.Sentences() {
			for w < len(words) && int(words[w].Start) < s.Start {
				w++
			}
			var units float64
			for w < len(words) && int(words[w].Start) < s.End {
				units += document.WordUnits(words[w].Text)
				w++
			}
			n := document.RoundWords(units)
			if n <= max {
				continue
			}
			c.Report(Finding{
				Message: fmt.Sprintf("Sentence of %d words (more than %d): split it, one idea per sentence.", n, max),
				Span:    p.SourceSpan(s.Start, s.End),
				Data:    map[string]any{"words": n, "max": max},
			})
		}
	})
}
