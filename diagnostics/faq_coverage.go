package diagnostics

import (
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "faq-coverage",
		Severity: Information,
		Summary:  "The internal FAQ says nothing about price or economics, competition, feasibility or risks.",
		Why: "Stakeholders decide whether to fund the product from the internal FAQ. Four questions always come up: " +
			"what it costs and earns, what customers use instead, whether it can be built (and on what it depends), " +
			"and what could go wrong. An FAQ that is silent on one of them has not faced it yet. When the FAQ is not " +
			"split into external and internal parts, the whole FAQ is checked.",
		Bad:   "## Internal FAQ\n\n### Who is on the team?\n\nFour engineers.\n",
		Good:  "## Internal FAQ\n\n### What does it cost to run?\n\n$0.40 per customer a month.\n\n### What do customers use instead?\n\nSpreadsheets and Acme Books.\n\n### What does it depend on?\n\nThe billing API (ready in May).\n\n### What is the biggest risk?\n\nBanks may rate-limit us; we cache.\n",
		check: checkFAQCoverage,
	})
}

var coverageTopics = []struct {
	topic string
	cue   []string
	ask   string
}{
	{"economics", []string{"price", "prices", "pricing", "cost", "costs", "costing", "revenue", "revenues", "margin", "margins", "budget", "pay", "paid", "fee", "fees", "free", "economics", "business model", "profit", "profitable", "funding", "invest", "investment", "spend", "charge", "charged", "money", "subscription", "license fee", "dollars", "$"},
		"price or economics (what it costs, what it earns)"},
	{"competition", []string{"competitor", "competitors", "instead", "switch", "competition", "compete", "competing", "competitive", "alternative", "alternatives", "instead of", "versus", "vs", "compare", "compared", "comparison", "differ", "different from", "difference", "existing tools", "why not", "incumbent", "rather than", "unlike"},
		"competition or alternatives (what customers use instead)"},
	{"feasibility", []string{"feasible", "feasibility", "depend", "depends", "dependency", "dependencies", "dependent", "technical", "technically", "architecture", "integrate", "integration", "requires", "requirement", "requirements", "build", "built", "implement", "implementation", "team", "staffing", "headcount", "timeline", "schedule", "effort", "engineers", "prerequisite", "prerequisites", "infrastructure", "scalable", "scale"},
		"feasibility or dependencies (can it be built, on what does it depend)"},
	{"risks", []string{"risk", "risks", "risky", "challenge", "challenges", "concern", "concerns", "fail", "fails", "failure", "security", "secure", "privacy", "legal", "compliance", "regulatory", "go wrong", "downside", "downsides", "mitigate", "mitigation", "threat", "threats", "attack", "liability", "trade-off", "tradeoff", "limitation", "limitations"},
		"risks (what could go wrong and what you will do about it)"},
}

// coverageCues matches every topic's cue words in one pass.
var coverageCues = func() *phrases {
	var lists [][]string
	for _, t := range coverageTopics {
		lists = append(lists, t.cue)
	}
	return phraseLists(lists...)
}()

// coverageKey keeps with each prose run the topics it covers.
type coverageKey struct{}

func checkFAQCoverage(c *Context) {
	doc := c.Doc
	part := doc.Parts[document.InternalFAQ]
	if part == nil || !doc.FAQDivided() {
		if doc.FAQDivided() {
			return // missing-section reports the missing internal FAQ
		}
		part = doc.Parts[document.FAQ]
	}
	if part == nil || len(doc.Questions) == 0 {
		return
	}
	found := make([]bool, len(coverageTopics))
	for _, p := range doc.ProseIn(part.Span) {
		tags := p.Memo(coverageKey{}, func() any { return coverageCues.tagsIn(p, len(coverageTopics)) }).([]bool)
		for i, t := range tags {
			found[i] = found[i] || t
		}
	}
	anchor := lineSpan(doc, part.Span.Start)
	for i, t := range coverageTopics {
		if found[i] {
			continue
		}
		c.Report(Finding{
			Message: "The " + part.Kind.Title() + " never mentions " + t.ask + ".",
			Span:    anchor,
			Data:    map[string]any{"topic": t.topic},
		})
	}
}
