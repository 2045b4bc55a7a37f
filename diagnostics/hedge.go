package diagnostics

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "hedge",
		Severity: Information,
		Summary:  "A hedge (we believe, we think, we hope, hopefully, might help, should help, could potentially) in the press release or an FAQ answer.",
		Why: "Amazon's writing habit is no hedging: a claim is stated, with its evidence, or it is left out. \"We " +
			"believe Ledger saves shops time\" asks the reader to trust a feeling; \"Ledger saved the pilot shops four " +
			"hours a week\" lets them judge. In the FAQ a hedge dodges the question: say what you know, and what " +
			"you do not know and how you will find out.",
		NotFlagged: "The quotations (a speaker speaks in their own voice) and the FAQ's questions; \"might\" of a risk " +
			"(\"vendors might change their formats\"): only \"might\" of a benefit or of our own plans (\"might help\", " +
			"\"we might\") is a hedge; \"perhaps\" and \"arguably\" inside a sentence (\"anyone can reuse it, perhaps even sell it\"); \"should\" of an instruction (\"you should back up first\"). The list is " +
			"English: a paragraph in another language is not read.",
		Bad:    "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — We believe Ledger should help small shops get paid sooner. Hopefully, owners will bill the same day.\n",
		Good:   "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Ledger got the pilot shops paid nine days sooner. Owners billed the same day.\n",
		FixDoc: "Removes a hedge that opens a sentence with \"that\" or a comma after it (\"We believe that\", \"Hopefully,\") and capitalises the word after it.",
		check:  checkHedge,
	})
}

// hedgePhrases are the hedges; hedgeLeads are those that open a sentence
// and can go, the sentence reading as a claim without them.
var (
	hedgeWords = []string{
		"we believe", "we think", "we hope", "we feel", "we guess", "we suspect", "we'd like to think",
		"hopefully", "perhaps", "arguably", "it is possible that", "it's possible that",
		"should help", "should allow", "should make", "should let", "should enable", "should improve", "should reduce",
		"could potentially", "could possibly", "might potentially", "may potentially", "could help", "may help",
		"might help", "might improve", "might save", "might reduce", "might make", "might let", "might allow",
		"might enable", "might increase", "might work", "might be able to", "we might",
	}
	hedgeLeads = setOf("we believe", "we think", "we hope", "we feel", "hopefully", "perhaps", "arguably")
	// hedgeOnlyFirst hedge when they open a sentence; inside one they
	// tell a possibility ("perhaps even").
	hedgeOnlyFirst = setOf("perhaps", "arguably")
)

func checkHedge(c *Context) {
	doc := c.Doc
	c.eachStyleProse(kindHedge, func(p *document.Prose) bool { return inHedgeScope(doc, p) }, func(p *document.Prose) {
		var si sentenceIndex
		for _, m := range styleHitsIn(p, kindHedge) {
			if quotedMention(m) || c.Allowed(m.text) || inHyphenated(m.prose.Text, m.start, m.end) {
				continue
			}
			ss, se := si.at(m.prose, m.start)
			if strings.HasSuffix(strings.TrimRight(m.prose.Text[ss:se], `"')”’*_ `), "?") {
				continue
			}
			opens := strings.TrimSpace(m.prose.Text[ss:m.start]) == ""
			if hedgeOnlyFirst[normPhrase(m.text)] && !opens {
				continue // "anyone can reuse it, perhaps even sell it": a possibility, not a hedged claim
			}
			f := Finding{
				Message: fmt.Sprintf("%q hedges: state the claim with its evidence, or say what you do not know.", m.text),
				Span:    m.span(),
				Data:    map[string]any{"phrase": m.text},
			}
			if hedgeLeads[normPhrase(m.text)] && opens {
				if e, ok := removeLeadEdit(m.prose, m.start, m.end); ok {
					f.Fixes = []Fix{{Title: fmt.Sprintf("Remove %q", m.text), Edits: []Edit{e}}}
				}
			}
			c.Report(f)
		}
	})
}

// inHedgeScope: the press release without its quotations, and the FAQ
// but its headings (a question is a heading, or a sentence that ends in
// "?", which checkHedge passes over).
func inHedgeScope(doc *document.Document, p *document.Prose) bool {
	return inAnnouncement(doc, p) || doc.InFAQ(p.Span.Start) && !p.Heading
}

// removeLeadEdit deletes Text[i:j], a phrase that opens a sentence, with
// the comma or the "that" after it, and capitalises the next word: "We
// believe that shops…" becomes "Shops…", "Hopefully, owners…" "Owners…".
// Without the comma or "that" the sentence may need the words, and there is
// no edit.
func removeLeadEdit(p *document.Prose, i, j int) (Edit, bool) {
	t := p.Text
	k := j
	switch {
	case strings.HasPrefix(t[j:], ", "):
		k += len(", ") // "Hopefully, owners…"
	case strings.HasPrefix(t[j:], " that "):
		k += len(" that ") // "We believe that shops…"
	default:
		return Edit{}, false // "We think so.", "We hope to…": the sentence needs the words
	}
	r, size := utf8.DecodeRuneInString(t[k:])
	if k >= len(t) || !unicode.IsLetter(r) {
		return Edit{}, false
	}
	span, ok := spanOfProse(p, i, k+size)
	next := string(r)
	if t[i] >= 'A' && t[i] <= 'Z' {
		next = string(unicode.ToUpper(r))
	}
	return Edit{Span: span, NewText: next}, ok
}
