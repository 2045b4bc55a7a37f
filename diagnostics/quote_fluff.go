package diagnostics

import (
	"fmt"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "quote-fluff",
		Severity: Information,
		Summary:  "A quotation that tells feelings, not a benefit: \"excited\", \"thrilled\", \"delighted\", \"proud\", \"pleased to announce\", \"next step in our journey\".",
		Why: "A quote earns its place when a person says what changes and why it matters: the leader why the team " +
			"built it, the customer what it did for them. \"We are thrilled to announce\" and \"the next step in our " +
			"journey\" are what every press release quote says; the reader skips them and the quote says nothing.",
		NotFlagged: "A feeling in a sentence that also gives a figure (\"I was thrilled to be paid in 12 days instead of " +
			"21\"): the benefit is there. Text outside the quotations. The list is English: a quotation in another " +
			"language is not read.",
		Bad:   "“We are thrilled to announce Ledger, the next step in our journey,” said Ana Ruiz, CEO of Acme.\n",
		Good:  "“We built Ledger because our own shop lost a weekend a month to invoices,” said Ana Ruiz, CEO of Acme.\n",
		check: checkQuoteFluff,
	})
}

// quoteFluffPhrases are the feelings and milestones quotations are made of.
var quoteFluffPhrases = phraseList(
	"excited", "exciting", "excitement", "thrilled", "delighted", "proud", "pleased to announce", "pleased to share",
	"pleased to introduce", "pleased to launch", "happy to announce", "happy to share", "happy to introduce",
	"honored", "honoured", "humbled", "ecstatic", "overjoyed", "can't wait", "cannot wait", "couldn't be happier",
	"next step in our journey", "next chapter in our journey", "next chapter", "our journey", "an important milestone",
	"a major milestone", "a significant milestone", "a milestone for", "passionate about",
)

func checkQuoteFluff(c *Context) {
	c.eachProse(quoteProse(c.Doc), func(p *document.Prose) {
		var si sentenceIndex
		for _, m := range matchProse([]*document.Prose{p}, quoteFluffPhrases, nil) {
			if c.Allowed(m.text) || inHyphenated(m.prose.Text, m.start, m.end) {
				continue
			}
			ss, se := si.at(m.prose, m.start)
			if hasData(m.prose.Text[ss:se]) {
				continue
			}
			c.Report(Finding{
				Message: fmt.Sprintf("%q is a feeling, not a benefit: let the quote say what changes for customers and why.", m.text),
				Span:    m.span(),
				Data:    map[string]any{"phrase": m.text},
			})
		}
	})
}

// quoteProse is the prose of the press release's quotations.
func quoteProse(doc *document.Document) []*document.Prose {
	var out []*document.Prose
	for _, q := range doc.Quotes {
		if q.Block.Prose != nil {
			out = append(out, q.Block.Prose)
			continue
		}
		out = append(out, doc.ProseIn(q.Block.Content)...)
	}
	return out
}
