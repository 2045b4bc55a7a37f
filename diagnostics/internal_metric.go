package diagnostics

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "internal-metric",
		Severity: Warning,
		Summary:  "An internal business metric (TAM, margin, OKR, headcount, run rate…) in the press release.",
		Why: "The press release is written for customers, and customers do not care about our market size, margins, " +
			"OKRs or headcount. Such figures belong in the internal FAQ, where stakeholders judge whether the " +
			"business makes sense. Only the press release is checked; the FAQ may use them freely.",
		Bad:   "# Acme Ledger opens a $4B TAM\n\nLedger will reach a $10M run rate at a 60% gross margin.\n",
		Good:  "# Acme Ledger lets small shops send invoices in one click\n\n...\n\n### Internal FAQ\n\n#### What is the business case?\n\nA $4B TAM; we expect a $10M run rate in year two at a 60% gross margin.\n",
		check: checkInternalMetrics,
	})
}

var (
	// internalMetrics are the metric phrases, in any case.
	internalMetrics = phraseList(
		"gross margin", "gross margins", "operating margin", "operating margins", "profit margin", "profit margins",
		"net margin", "net margins", "contribution margin", "contribution margins", "our margin", "our margins",
		"margin expansion", "margin improvement", "headcount", "head count", "run rate", "run-rate",
		"burn rate", "cash burn", "P&L", "EBITDA", "opex", "capex", "cost of goods sold", "COGS",
		"customer acquisition cost", "customer acquisition costs", "customer lifetime value", "market share",
		"total addressable market", "serviceable addressable market", "serviceable available market",
		"ROI target", "ROI targets", "revenue target", "revenue targets", "sales target", "sales targets",
		"sales quota", "quarterly target", "quarterly targets", "unit economics", "annual recurring revenue",
		"monthly recurring revenue", "OKR", "OKRs", "KPI", "KPIs", "FTE", "FTEs",
	)
	// internalAcronyms count only in capitals: "Sam" is a name, "TAM" a
	// market size.
	internalAcronyms = setOf("TAM", "SAM", "SOM", "CAC", "LTV", "CLV", "ARR", "MRR", "NPV", "IRR")
	tamRe            = regexp.MustCompile(`\bTAM\b|(?i:addressable market)`)
)

func checkInternalMetrics(c *Context) {
	keep := inPressRelease(c.Doc)
	report := func(m match) {
		if c.Allowed(m.text) || inHyphenated(m.prose.Text, m.start, m.end) || quotedMention(m) {
			return
		}
		c.Report(Finding{
			Message: fmt.Sprintf("%q is an internal metric: customers don't care; move it to the internal FAQ.", m.text),
			Span:    m.span(),
			Data:    map[string]any{"metric": m.text},
		})
	}
	for _, m := range matches(c.Doc, internalMetrics, keep) {
		report(m)
	}
	tam := -1 // unknown yet
	for _, m := range internalAcronymMatches(c.Doc, keep) {
		switch m.text {
		case "SAM", "SOM":
			// "AWS SAM" is a product; SAM and SOM are market sizes only
			// when the press release speaks of a TAM too.
			if tam < 0 {
				tam = 0
				if len(matches(c.Doc, tamRe, keep)) > 0 {
					tam = 1
				}
			}
			if tam == 0 {
				continue
			}
		}
		report(m)
	}
}

// internalAcronymMatches finds the metric acronyms (and plurals) in capitals.
func internalAcronymMatches(doc *document.Document, keep func(p *document.Prose) bool) []match {
	var out []match
	for _, p := range doc.Prose {
		if !keep(p) {
			continue
		}
		for _, run := range capsRunsOf(p) {
			i, j := run[0], run[1]
			w := strings.TrimSuffix(p.Text[i:j], "s")
			if internalAcronyms[w] && !p.InCode(i, j) {
				out = append(out, match{prose: p, start: i, end: j, text: p.Text[i:j]})
			}
		}
	}
	return out
}
