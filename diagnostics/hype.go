package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "hype",
		Severity: Information,
		Summary:  "A superlative or hype word (best, fastest, revolutionary, world's first, faster than ever…) with no figure to back it.",
		Why: "Readers of a PR/FAQ discount hype on sight: \"revolutionary\" and \"the fastest\" are what every press " +
			"release says. A claim persuades when it carries its evidence: faster than what, by how much, measured " +
			"how.",
		NotFlagged: "A hype word in a sentence that also gives a figure, or in a question; fixed phrases such as " +
			"\"best practice\" and \"at best\"; an award's criterion (\"a prize for the best app\"); a hype word in Title " +
			"Case inside a sentence, taken for a name (\"shops at Best Buy\"), except in the headline, wherever it stands " +
			"(a heading, or the paragraph under a \"Headline\" label). Buzzwords such as \"best-in-class\" and " +
			"\"game-changing\" are jargon's. The list is English: a paragraph in another language is not read.",
		Bad:   "Ledger is the fastest, most revolutionary invoicing app ever built.\n",
		Good:  "Ledger sends an invoice in 4 seconds; the shops in our pilot took 20 minutes by hand.\n",
		check: checkHype,
	})
}

var (
	hypeWords = []string{
		"best", "fastest", "easiest", "simplest", "cheapest", "smartest", "greatest", "finest",
		"most powerful", "most advanced", "most comprehensive", "most innovative", "most intuitive",
		"most secure", "most reliable", "most efficient",
		"first-ever", "first ever", "world's first", "industry's first", "first of its kind", "first-of-its-kind",
		"revolutionary", "revolutionize", "revolutionizes", "revolutionise", "revolutionises",
		"groundbreaking", "ground-breaking", "unprecedented", "amazing", "amazingly", "incredible", "awesome",
		"magical", "industry-leading", "industry leading", "market-leading", "world-leading", "unparalleled",
		"unmatched", "unrivaled", "unrivalled", "unbeatable", "stunning", "breathtaking", "mind-blowing",
		"innovative", "perfect", "perfectly", "flawless", "flawlessly", "effortless", "effortlessly",
		"lightning-fast", "lightning fast", "blazing-fast", "blazing fast", "blazingly fast", "ultimate",
		"one-of-a-kind", "one of a kind", "second to none", "like never before", "transformative",
		"faster than ever", "easier than ever", "simpler than ever", "better than ever", "cheaper than ever",
		"unlike anything", "unlike any other", "never-before-seen", "never before seen",
		// "best-in-class", "world-class" and "game-changing" are jargon's
	}
	// hypeExempt are phrases in which a listed word is not a claim.
	hypeExempt = phraseList(
		"best practice", "best practices", "best-practice", "best effort", "best-effort", "at best",
		"best way", "best ways", "best fit", "best case", "best-case", "our best", "their best", "your best",
		"best to", "best suited", "best known", "best-known", "best for", "best of all", "as best",
		"best part", "perfect storm", "perfectly fine", "perfectly good",
	)
)

func checkHype(c *Context) {
	// The headline may be a paragraph under a "### Headline" heading, in
	// Title Case: there a capitalised hype word is a claim, not a name. Its
	// findings depend on where the headline is, so it is checked afresh;
	// the other prose keeps its findings with the paragraph.
	rest, head := c.Doc.Prose, []*document.Prose(nil)
	if h := c.Doc.Parts[document.Headline]; h != nil && !h.Body.Empty() {
		head = c.Doc.ProseOverlapping(h.Body)
		if len(head) > 0 {
			rest = make([]*document.Prose, 0, len(c.Doc.Prose))
			for _, p := range c.Doc.Prose {
				if !containsProse(head, p) {
					rest = append(rest, p)
				}
			}
		}
	}
	c.eachProse(rest, func(p *document.Prose) { hypeIn(c, p, false) })
	for _, p := range head {
		hypeIn(c, p, true)
	}
}

func containsProse(list []*document.Prose, p *document.Prose) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

// hypeIn reports the hype of one prose run; headline is true for the
// headline's text, read as a heading is.
func hypeIn(c *Context, p *document.Prose, headline bool) {
	{
		var si sentenceIndex
		for _, m := range styleHitsIn(p, kindHype) {
			t := m.prose.Text
			if c.Allowed(m.text) || inHyphenated(t, m.start, m.end) || exemptAround(t, m.start, m.end) || quotedMention(m) {
				continue
			}
			ss, se := si.at(m.prose, m.start)
			sentence := t[ss:se]
			if strings.HasSuffix(strings.TrimRight(sentence, `"')”’*_`), "?") || hasData(sentence) {
				continue
			}
			if titleCase(m.text) && !sentenceStart(t, m.start) && !m.prose.Heading && !headline {
				continue // a name: "the Most Innovative prize", "Best Buy"
			}
			if awardRe.MatchString(sentence) {
				continue // an award's criterion, not a claim: "a prize for the best app"
			}
			c.Report(Finding{
				Message: fmt.Sprintf("%q is hype: back the claim with data (compared with what, by how much) or cut it.", m.text),
				Span:    m.span(),
				Data:    map[string]any{"word": m.text},
			})
		}
	}
}

var awardRe = phraseList("prize", "prizes", "award", "awards", "judges", "judged", "solution track")

// titleCase reports whether every word of s starts with a capital.
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return s != ""
}

// exemptAround reports whether Text[i:j] lies inside an exempt phrase
// ("best practice"): it looks at a short window around the match.
func exemptAround(t string, i, j int) bool {
	from, to := i-12, j+24
	if from < 0 {
		from = 0
	}
	if to > len(t) {
		to = len(t)
	}
	for _, loc := range hypeExempt.FindAllStringIndex(t[from:to], -1) {
		if from+loc[0] <= i && from+loc[1] >= j {
			return true
		}
	}
	return false
}
