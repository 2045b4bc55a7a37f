package diagnostics

import (
	"fmt"
	"sort"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "internal-metric",
		Severity: Warning,
		Summary:  "An internal business metric (market size, TAM, margin, OKR, headcount, run rate…) in the press release.",
		Why: "The press release is written for customers, and customers do not care about our market size, margins, " +
			"OKRs or headcount. Such figures belong in the internal FAQ, where stakeholders judge whether the " +
			"business makes sense. Flagged: the metric words (gross margin, run rate, TAM, CAC…) and market sizes, " +
			"a figure before or after \"market\" (\"a $2 billion market\", \"the 3.5 billion dollar market for …\", " +
			"\"a market worth €2bn\", \"TAM of $40B\").",
		NotFlagged: "Money that is not a market's size (\"$2 million in market research\", \"a $2B market cap\", \"the " +
			"$99 market price\"). Only the press release is checked; the FAQ may use the metrics freely.",
		Bad:   "# Acme Ledger opens a $4B TAM\n\nLedger enters a $2 billion market and will reach a $10M run rate at a 60% gross margin.\n",
		Good:  "# Acme Ledger lets small shops send invoices in one click\n\n...\n\n### Internal FAQ\n\n#### What is the business case?\n\nA $2 billion market and a $4B TAM; we expect a $10M run rate in year two at a 60% gross margin.\n",
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
	tamRe            = document.NewLazyRegexp(`\bTAM\b|(?i:addressable market)`)
)

func checkInternalMetrics(c *Context) {
	keep := inPressRelease(c.Doc)
	report := func(m match) {
		if c.Allowed(m.text) || inHyphenated(m.prose.Text, m.start, m.end) || quotedMention(m) || inQuotedQuestion(m) {
			return
		}
		c.Report(Finding{
			Message: fmt.Sprintf("%q is an internal metric: customers don't care; move it to the internal FAQ.", m.text),
			Span:    m.span(),
			Data:    map[string]any{"metric": m.text},
		})
	}
	sizes := marketSizes(c.Doc, keep)
	within := func(m match) bool { // inside a market size: "TAM of $40B"
		for _, s := range sizes {
			if s.prose == m.prose && s.start < m.end && m.start < s.end {
				return true
			}
		}
		return false
	}
	for _, m := range sizes {
		if c.Allowed(m.text) || quotedMention(m) {
			continue
		}
		c.Report(Finding{
			Message: fmt.Sprintf("%q is a market size, an internal metric: customers don't care; move it to the internal FAQ.", m.text),
			Span:    m.span(),
			Data:    map[string]any{"metric": m.text},
		})
	}
	for _, m := range matches(c.Doc, internalMetrics, keep) {
		if !within(m) {
			report(m)
		}
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
		if !within(m) {
			report(m)
		}
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

// marketFigure is an amount of money large enough to size a market:
// "$2 billion", "$40B", "€2bn", "3.5 billion dollar", "USD 5M".
const marketFigure = `(?:[$€£¥]\s?\d[\d,.]*\s?(?:trillion|billion|million|tn|bn|mn|[kmbt])\b|` +
	`(?:usd|eur|gbp|us\$)\s?\d[\d,.]*\s?(?:trillion|billion|million|tn|bn|mn|[kmbt])\b|` +
	`\d[\d,.]*\s?(?:trillion|billion|million|tn|bn|mn)[- ](?:dollars?|euros?|pounds?|usd|eur|gbp)\b|` +
	`\d[\d,.]*\s?(?:trillion|billion)\b)`

var (
	// figureMarketRe is a figure before "market", with up to three words
	// between ("a $2 billion cloud storage market"); marketSizes checks
	// the words between and after.
	figureMarketRe = document.NewLazyRegexp(`(?i)` + marketFigure + `((?:\s+[a-z][\w'’-]*){0,3}?)\s+(markets?)\b`)
	// marketFigureRe is "market" (or TAM) before its size: "a market worth
	// €2bn", "TAM of $40B", "a market expected to reach $10B".
	marketFigureRe = document.NewLazyRegexp(`(?i)\b(?:markets?|TAM|SAM|SOM)(?:\s+(?:size|opportunity))?\s+(?:(?:is|was|of about|now)\s+)?` +
		`(?:of|worth|valued at|estimated at|sized at|(?:(?:is\s+)?(?:expected|projected|set|forecast|poised)\s+to\s+)?(?:reach|hit|grow to|top|exceed)|(?:that\s+)?(?:reaches|hits|grows to|tops|exceeds))\s+` +
		`(?:(?:an estimated|about|around|nearly|almost|over|more than|roughly|approximately|some|up to)\s+)?` + marketFigure)
	// marketBetween are words that end the figure's reach: "$2 million in
	// market research", "$5M for market expansion".
	marketBetween = setOf("for", "in", "of", "on", "to", "by", "with", "and", "or", "than", "per", "a", "an", "the",
		"from", "at", "into", "each", "every", "this", "that", "their", "our", "your", "its", "is", "are", "was",
		"were", "be", "been", "will", "saved", "save", "saves", "raised", "raise", "invested", "spend", "spent",
		"cost", "costs", "funding", "round", "revenue", "sales", "budget")
	// marketAfter are words after "market" that make it something else
	// than a market's size: "a $2B market cap", "$10M market research".
	marketAfter = setOf("leader", "leaders", "leading", "price", "prices", "pricing", "rate", "rates", "value",
		"values", "cap", "capitalization", "capitalisation", "share", "maker", "makers", "making", "data",
		"research", "order", "orders", "conditions", "hours", "index", "fund", "funds", "development", "place",
		"valuation", "risk", "access", "cycle", "volatility")
)

// marketSizes finds market-size figures in the prose keep accepts.
func marketSizes(doc *document.Document, keep func(p *document.Prose) bool) []match {
	var out []match
	for _, m := range matches(doc, figureMarketFinder, keep) {
		sub := figureMarketRe.FindStringSubmatchIndex(m.text)
		if sub == nil {
			continue
		}
		ok := true
		for _, w := range strings.Fields(m.text[sub[2]:sub[3]]) {
			if marketBetween[strings.ToLower(w)] {
				ok = false
			}
		}
		if !ok || marketAfter[nextWord(m.prose.Text, m.end)] {
			continue
		}
		out = append(out, m)
	}
	out = append(out, matches(doc, marketFigureFinder, keep)...)
	if len(out) < 2 {
		return out
	}
	sort.Slice(out, func(i, j int) bool { return out[i].span().Start < out[j].span().Start })
	kept := out[:1]
	for _, m := range out[1:] {
		if last := kept[len(kept)-1]; last.prose == m.prose && m.start < last.end {
			continue // both forms at once: "a $2B market worth $2B"
		}
		kept = append(kept, m)
	}
	return kept
}

// needFinder runs a regexp only on text that holds one of its needles: the
// market-size regexps are slow, and most prose never says "market".
type needFinder struct {
	re      *document.LazyRegexp
	needles []string
}

func (f *needFinder) FindAllStringIndex(s string, n int) [][]int {
	for _, nd := range f.needles {
		if strings.Contains(s, nd) {
			return f.re.FindAllStringIndex(s, n)
		}
	}
	return nil
}

var (
	marketNeedles      = []string{"market", "Market", "MARKET"}
	figureMarketFinder = &needFinder{figureMarketRe, marketNeedles}
	marketFigureFinder = &needFinder{marketFigureRe, append(marketNeedles, "TAM", "SAM", "SOM")}
)

// inQuotedQuestion: the metric is inside a quoted question someone asks
// ("ask questions like “What's our monthly recurring revenue?”"): a
// customer asking about their own figures, not the team's.
func inQuotedQuestion(m match) bool {
	t := m.prose.Text
	open := strings.LastIndexAny(t[:m.start], "\"“")
	if open < 0 || m.start-open > 150 {
		return false
	}
	rest := t[m.end:]
	end := strings.IndexAny(rest, "\"”")
	if end < 0 || end > 150 {
		return false
	}
	q := strings.TrimSpace(rest[:end])
	return strings.HasSuffix(q, "?")
}
