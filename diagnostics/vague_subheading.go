package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "vague-subheading",
		Severity: Information,
		Summary:  "The subheading is too long or short, repeats the headline or shouts.",
		Why: "The subheading is the second thing read: one sentence on who the product is for and what they get, " +
			"adding to the headline rather than repeating it. Chinese and Japanese count two Han characters or three kana a word.",
		Bad:  "# Ledger lets small shops send invoices in one click\n\n*Ledger lets small shops send invoices in one click*\n",
		Good: "# Ledger lets small shops send invoices in one click\n\n*Shops that bill by hand get paid nine days sooner, from their phone.*\n",
		Options: map[string]string{
			"max-words": "longest acceptable subheading in words (default 40)",
			"min-words": "shortest acceptable subheading in words (default 5)",
		},
		check: func(c *Context) {
			doc := c.Doc
			s := doc.Parts[document.Subheading]
			if s == nil || strings.TrimSpace(s.Text) == "" {
				return
			}
			text := strings.TrimSpace(s.Text)
			var reasons []string
			n := document.CountWords(text) // CJK: two Han or three kana a word
			if max := c.Int("max-words", 40); n > max {
				reasons = append(reasons, fmt.Sprintf("%d words (keep it to one sentence of %d or fewer)", n, max))
			}
			if min := c.Int("min-words", 5); n < min {
				reasons = append(reasons, "only "+plural(n, "word"))
			}
			if allCaps(text) {
				reasons = append(reasons, "ALL CAPS")
			}
			if h := doc.Parts[document.Headline]; h != nil && jaccard(questionWords(h.Text), questionWords(text)) >= 0.7 {
				reasons = append(reasons, "it repeats the headline")
			}
			if len(reasons) == 0 {
				return
			}
			c.Report(Finding{
				Message: "Vague subheading: " + strings.Join(reasons, "; ") + ".",
				Span:    firstLine(doc, s.Body),
				Data:    map[string]any{"reasons": reasons},
			})
		},
	})
}
