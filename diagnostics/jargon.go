package diagnostics

import (
	"fmt"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "jargon",
		Severity: Warning,
		Summary:  "A corporate buzzword where a plain word would do.",
		Why: "A PR/FAQ is written for customers first: if a customer would not say it, the press release should " +
			"not either. Buzzwords such as \"leverage\", \"synergy\" or \"best-in-class\" sound like they say something " +
			"and say nothing; they hide whether the team knows what the product does for whom. Each buzzword has a " +
			"plain alternative; better still, replace it with what actually happens and a number. Add your own " +
			"buzzwords under `jargon:` in .prfaq.yaml (`buzzword: alternative`) and allow words under `allow:`.",
		NotFlagged: "The FAQ: only the press release (with its headline, subheading and quotes) is read, as it is what " +
			"customers see, and an FAQ answer may name a term to explain it. \"Utilization\", which names a metric " +
			"(CPU utilization) where \"use\" would not do. A paragraph in another language: the list is English " +
			"(each paragraph is judged on its own, so the English half of a bilingual file is read). \"At the end of the day\" " +
			"and \"going forward\" inside a clause, where they mean what they say (\"a photo at the end of the day\").",
		Bad:    "Acme Ledger leverages best-in-class AI to seamlessly empower small shops.\n",
		Good:   "Acme Ledger fills in the invoice from the order, so a small shop bills in one click instead of twenty minutes.\n",
		FixDoc: "Replaces the buzzword with its plain alternative, keeping the capital of the first letter.",
		check:  checkJargon,
	})
}

// jargonAlternatives maps each buzzword (normalised: lower case, straight
// apostrophes) to a plain alternative that fits in its place.
var jargonAlternatives = map[string]string{
	"leverage":               "use",
	"leverages":              "uses",
	"leveraged":              "used",
	"leveraging":             "using",
	"utilize":                "use",
	"utilizes":               "uses",
	"utilized":               "used",
	"utilizing":              "using",
	"utilise":                "use",
	"utilises":               "uses",
	"utilised":               "used",
	"utilising":              "using",
	"synergy":                "combined benefit",
	"synergies":              "combined benefits",
	"synergistic":            "combined",
	"synergize":              "work together",
	"best-in-class":          "better than the alternatives",
	"best of breed":          "better than the alternatives",
	"best-of-breed":          "better than the alternatives",
	"world-class":            "high-quality",
	"world class":            "high-quality",
	"cutting-edge":           "new",
	"cutting edge":           "new",
	"bleeding-edge":          "newest",
	"bleeding edge":          "newest",
	"state-of-the-art":       "modern",
	"next-generation":        "new",
	"next-gen":               "new",
	"paradigm shift":         "big change",
	"move the needle":        "make a difference",
	"moves the needle":       "makes a difference",
	"moving the needle":      "making a difference",
	"low-hanging fruit":      "easy wins",
	"low hanging fruit":      "easy wins",
	"seamless":               "smooth",
	"seamlessly":             "smoothly",
	"robust":                 "reliable",
	"holistic":               "complete",
	"holistically":           "as a whole",
	"empower":                "help",
	"empowers":               "helps",
	"empowering":             "helping",
	"circle back":            "follow up",
	"circling back":          "following up",
	"touch base":             "talk",
	"actionable insights":    "findings you can act on",
	"value-add":              "benefit",
	"value add":              "benefit",
	"value-added":            "extra",
	"value proposition":      "benefit",
	"game-changer":           "big improvement",
	"game changer":           "big improvement",
	"game-changing":          "major",
	"end-to-end solution":    "complete product",
	"turnkey solution":       "ready-to-use product",
	"mission-critical":       "essential",
	"deep dive":              "close look",
	"deep-dive":              "close look",
	"going forward":          "from now on",
	"at the end of the day":  "in the end",
	"ideate":                 "brainstorm",
	"ideation":               "brainstorming",
	"operationalize":         "put into practice",
	"incentivize":            "encourage",
	"learnings":              "lessons",
	"thought leadership":     "expertise",
	"thought leader":         "expert",
	"frictionless":           "easy",
	"core competency":        "strength",
	"core competencies":      "strengths",
	"win-win":                "good for both sides",
	"one-stop shop":          "single place",
	"one-stop-shop":          "single place",
	"boil the ocean":         "do everything at once",
	"north star":             "main goal",
	"mindshare":              "attention",
	"hit the ground running": "start quickly",
	"democratize":            "open up",
	"democratizes":           "opens up",
	"future-proof":           "lasting",
	"360-degree view":        "full view",
	"double down on":         "invest more in",
}

func jargonPhrases(extra map[string]string) []string {
	out := make([]string, 0, len(jargonAlternatives)+len(extra))
	for k := range jargonAlternatives {
		out = append(out, k)
	}
	for k := range extra {
		if _, dup := jargonAlternatives[normPhrase(k)]; !dup {
			out = append(out, k)
		}
	}
	return out
}

func checkJargon(c *Context) {
	hitsIn, alts := func(p *document.Prose) []match { return styleHitsIn(p, kindJargon) }, jargonAlternatives
	if len(c.Config.Jargon) > 0 {
		list := cachedPhraseList(jargonPhrases(c.Config.Jargon))
		hitsIn = func(p *document.Prose) []match { return matchProse([]*document.Prose{p}, list, nil) }
		alts = make(map[string]string, len(jargonAlternatives)+len(c.Config.Jargon))
		for k, v := range jargonAlternatives {
			alts[k] = v
		}
		for k, v := range c.Config.Jargon {
			alts[normPhrase(k)] = v
		}
	}
	c.eachProse(outsideFAQ(c.Doc), func(p *document.Prose) {
		for _, m := range hitsIn(p) {
			if c.Allowed(m.text) || inHyphenated(m.prose.Text, m.start, m.end) || quotedMention(m) || literalUse(m) {
				continue
			}
			alt, ok := alts[normPhrase(m.text)]
			if !ok {
				continue
			}
			msg := fmt.Sprintf("%q is jargon: say %q, or better, say what it does with a number.", m.text, alt)
			if alt == "" {
				msg = fmt.Sprintf("%q is jargon: say what it does, with a number.", m.text)
			}
			f := Finding{
				Message: msg,
				Span:    m.span(),
				Data:    map[string]any{"word": m.text, "alternative": alt},
			}
			if span, ok := spanOfProse(m.prose, m.start, m.end); ok && alt != "" {
				f.Fixes = []Fix{replaceFix(fmt.Sprintf("Replace with %q", alt), span, matchCase(m.text, alt))}
			}
			c.Report(f)
		}
	})
}

// outsideFAQ is the document's prose without the FAQ's.
func outsideFAQ(doc *document.Document) []*document.Prose {
	faq := doc.FAQSpan
	if faq.Empty() {
		return doc.Prose
	}
	before := doc.ProseIn(document.Span{Start: 0, End: faq.Start})
	after := doc.ProseIn(document.Span{Start: faq.End, End: len(doc.Source)})
	if len(after) == 0 {
		return before
	}
	return append(append(make([]*document.Prose, 0, len(before)+len(after)), before...), after...)
}
