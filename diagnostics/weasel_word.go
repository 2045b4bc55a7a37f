package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "weasel-word",
		Severity: Information,
		Summary:  "A vague intensifier or quantity (very, significantly, many, several…) where a number belongs.",
		Why: "Amazon's writing rule for narratives and PR/FAQs is \"replace adjectives with data\". \"Significantly " +
			"faster\" and \"many customers\" ask the reader to trust the writer; \"40% faster\" and \"1,200 customers\" " +
			"let the reader judge. Intensifiers such as \"very\" and \"really\" add nothing and can simply go.",
		NotFlagged: "Quantity words in a sentence that already gives a figure; questions (\"How many shops…?\"); " +
			"\"the very first\", \"thank you very much\", \"the number of shops\" (a figure's name), \"treated fairly.\" " +
			"and an intensifier that is the whole answer (\"Absolutely!\"); hyphenated words and quoted mentions. The " +
			"list is English: a paragraph in another language is not read.",
		Bad:    "Ledger makes invoicing very easy and significantly faster for many shops.\n",
		Good:   "Ledger cuts the time to send an invoice from 20 minutes to 1 for the 1,200 shops in the pilot.\n",
		FixDoc: "Removes an intensifier (very, really, extremely, quite…) where the sentence reads the same without it; quantity words (many, several…) have no fix: they need a number.",
		check:  checkWeaselWords,
	})
}

// weaselRemovable are degree adverbs that can go without breaking the
// sentence; weaselVague need a figure in their place and have no fix.
var (
	weaselRemovable = []string{
		"very", "really", "extremely", "quite", "truly", "incredibly", "somewhat", "totally", "absolutely",
		"remarkably", "exceptionally", "greatly", "vastly", "dramatically", "significantly", "substantially",
		"considerably", "relatively", "fairly", "hugely", "immensely", "tremendously",
	}
	weaselVague = []string{
		// phrases that open with "a" are listed without it: "a" is the most
		// common word there is, and every look-up of it would cost
		"many", "various", "several", "numerous", "countless", "lot of", "lots of", "tons of", "number of",
		"variety of", "wide range of", "easily", "quickly", "huge", "massive", "enormous", "vast",
		"great deal", "handful of",
	}
	weaselCanRemove = map[string]bool{}
	weaselAfterA    = setOf("lot of", "number of", "variety of", "wide range of", "great deal", "handful of")
)

func init() {
	for _, w := range weaselRemovable {
		weaselCanRemove[w] = true
	}
}

func checkWeaselWords(c *Context) {
	c.eachProse(c.Doc.Prose, func(p *document.Prose) {
		var si sentenceIndex
		for _, m := range styleHitsIn(p, kindWeasel) {
			t := m.prose.Text
			word := normPhrase(m.text)
			if c.Allowed(m.text) || inHyphenated(t, m.start, m.end) || quotedMention(m) {
				continue
			}
			prev, next := prevWord(t, m.start), nextWord(t, m.end)
			if weaselAfterA[word] && prev == "a" && m.start >= 2 {
				// take the article in: "a lot of"
				m.start -= 2
				for m.start > 0 && t[m.start] != 'a' && t[m.start] != 'A' {
					m.start--
				}
				m.text = t[m.start:m.end]
				prev = prevWord(t, m.start)
			}
			if prev == "how" || prev == "so" && word == "many" {
				continue // "how many", "how quickly": a question, not a claim
			}
			switch word {
			case "number of":
				if !strings.EqualFold(m.text[:1], "a") {
					continue // "the number of shops" is a figure's name
				}
			case "very":
				if prev == "the" || prev == "this" || prev == "that" || next == "much" {
					continue // "the very first", "thank you very much"
				}
			case "fairly", "quite":
				if next == "" {
					continue // "treated fairly."
				}
			}
			ss, se := si.at(m.prose, m.start)
			sentence := t[ss:se]
			if strings.HasSuffix(strings.TrimRight(sentence, `"')”’*_`), "?") {
				continue
			}
			removable := weaselCanRemove[word]
			if removable && strings.TrimLeft(strings.TrimSpace(t[m.end:se]), `.!,"')”’*_`) == "" && strings.TrimSpace(t[ss:m.start]) == "" {
				continue // "Absolutely!" answers; it intensifies nothing
			}
			if !removable && hasData(sentence) {
				continue
			}
			f := Finding{
				Span: m.span(),
				Data: map[string]any{"word": m.text},
			}
			if removable {
				f.Message = fmt.Sprintf("%q is vague: replace adjectives with data, or drop it.", m.text)
				if e, ok := removeWordEdit(m.prose, m.start, m.end); ok {
					f.Fixes = []Fix{{Title: fmt.Sprintf("Remove %q", m.text), Edits: []Edit{e}}}
				}
			} else {
				f.Message = fmt.Sprintf("%q is vague: replace adjectives with data (how many, how much, how fast).", m.text)
			}
			c.Report(f)
		}
	})
}
