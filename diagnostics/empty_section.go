package diagnostics

import (
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "empty-section",
		Severity: Warning,
		Summary:  "A section has a heading (or label) but no content.",
		Why: "An empty section is a part the team has not written yet. It is easy to miss in a long document and " +
			"tells reviewers the thinking stopped there.",
		Bad:   "## The problem\n\n## The solution\n\nLedger fills in the invoice for you.\n",
		Good:  "## The problem\n\nShops spend four hours a week on invoices.\n",
		check: checkEmptySections,
	})
}

func checkEmptySections(c *Context) {
	doc := c.Doc
	for _, k := range document.AllParts {
		p := doc.Parts[k]
		if p == nil || (p.Heading == nil && p.Label.Empty()) {
			continue
		}
		if k == document.FAQ || k == document.ExternalFAQ || k == document.InternalFAQ {
			if hasQuestions(doc, p.Span) || hasContent(doc, p.Body) {
				continue
			}
		} else if hasContent(doc, p.Body) {
			continue
		}
		anchor := p.Label
		if p.Heading != nil {
			anchor = p.Heading.Content
			if anchor.Empty() {
				anchor = p.Heading.Span
			}
		}
		c.Report(Finding{
			Message: "Empty section: " + k.Title() + " has a heading but nothing under it.",
			Span:    anchor,
			Data:    map[string]any{"section": string(k)},
		})
	}
}

func hasQuestions(doc *document.Document, s document.Span) bool {
	for _, q := range doc.Questions {
		if s.Contains(q.Span.Start) {
			return true
		}
	}
	return false
}

// hasContent: anything but blanks and HTML comments counts (code too).
func hasContent(doc *document.Document, s document.Span) bool {
	text := doc.Text(s)
	for _, cm := range doc.Comments {
		if s.Covers(cm.Span) {
			text = strings.Replace(text, doc.Text(cm.Span), "", 1)
		}
	}
	return strings.Trim(text, " \t\r\n*_-") != ""
}
