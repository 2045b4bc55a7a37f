package diagnostics

import (
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "section-order",
		Severity: Information,
		Summary:  "Parts of the PR/FAQ are out of the usual order.",
		Why: "Readers expect the press release first (headline, summary, problem, solution, quotes, how to get " +
			"started), then the customer FAQ, then the internal FAQ. The order tells the story from the customer's " +
			"side: a solution before its problem, or the internal FAQ first, makes the reader work harder.",
		Bad:   "## The solution\n\n...\n\n## The problem\n\n...\n",
		Good:  "## The problem\n\n...\n\n## The solution\n\n...\n",
		check: checkSectionOrder,
	})
}

// orderedPairs are the orderings worth a finding: each pair is (earlier, later).
var orderedPairs = [][2]document.PartKind{
	{document.Headline, document.Summary},
	{document.Summary, document.Problem},
	{document.Problem, document.Solution},
	{document.Solution, document.CallToAction},
	{document.ExternalFAQ, document.InternalFAQ},
}

func checkSectionOrder(c *Context) {
	doc := c.Doc
	for _, pair := range orderedPairs {
		a, b := doc.Parts[pair[0]], doc.Parts[pair[1]]
		if a == nil || b == nil || b.Span.Start >= a.Span.Start {
			continue
		}
		// parts recognised by content may share a paragraph; only named parts
		// (headings, labels) have an order the author chose
		if !named(a) || !named(b) {
			continue
		}
		c.Report(Finding{
			Message: pair[1].Title() + " comes before " + pair[0].Title() + ": move it after.",
			Span:    lineSpan(doc, b.Span.Start),
			Data:    map[string]any{"section": string(pair[1]), "before": string(pair[0])},
		})
	}
	if pr, faq := doc.PressRelease, doc.Parts[document.FAQ]; faq != nil && !pr.Empty() && faq.Span.Start < pr.Start {
		c.Report(Finding{
			Message: "The FAQ comes before the press release: the press release goes first.",
			Span:    lineSpan(doc, faq.Span.Start),
			Data:    map[string]any{"section": string(document.FAQ)},
		})
	}
}

func named(p *document.Part) bool {
	return p.Heading != nil || !p.Label.Empty() || p.Kind == document.Headline
}
