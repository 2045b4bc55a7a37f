package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "wordy-phrase",
		Severity: Hint,
		Summary:  "A wordy phrase with a short equivalent: \"in order to\" → \"to\", \"due to the fact that\" → \"because\", \"at this point in time\" → \"now\"….",
		Why: "A PR/FAQ is read fast, and every word has to earn its place. Each of these phrases says what one or two " +
			"plain words say; the short form reads faster and sounds like a person, not a memo.",
		NotFlagged: "Phrases whose short form changes the meaning in some sentences (\"whether or not\", \"in addition " +
			"to\", \"the fact that\"); a phrase followed by \"of\" (\"at all times of the day\"); \"at the end of the day\" inside a clause, " +
			"where it means what it says (\"a photo at the end of the day\"); code and quoted mentions. The list is English: a paragraph in another language is " +
			"not read.",
		Bad:    "In order to get paid sooner, shops send invoices on a daily basis due to the fact that cash is tight.\n",
		Good:   "To get paid sooner, shops send invoices daily because cash is tight.\n",
		FixDoc: "Replaces the phrase with its short equivalent, keeping the capital of the first letter.",
		check:  checkWordyPhrases,
	})
}

// wordyPhrases map each wordy phrase to what says the same in fewer words.
var wordyPhrases = map[string]string{
	"in order to":                    "to",
	"in order for":                   "for",
	"due to the fact that":           "because",
	"owing to the fact that":         "because",
	"in view of the fact that":       "because",
	"in light of the fact that":      "because",
	"despite the fact that":          "although",
	"in spite of the fact that":      "although",
	"at this point in time":          "now",
	"at the present time":            "now",
	"at this moment in time":         "now",
	"in the event that":              "if",
	"for the purpose of":             "for",
	"in the near future":             "soon",
	"the majority of":                "most",
	"is able to":                     "can",
	"are able to":                    "can",
	"has the ability to":             "can",
	"have the ability to":            "can",
	"is in a position to":            "can",
	"in close proximity to":          "near",
	"with regard to":                 "about",
	"in regard to":                   "about",
	"on a daily basis":               "daily",
	"on a weekly basis":              "weekly",
	"on a monthly basis":             "monthly",
	"on a yearly basis":              "yearly",
	"on a regular basis":             "regularly",
	"prior to":                       "before",
	"subsequent to":                  "after",
	"each and every":                 "every",
	"first and foremost":             "first",
	"until such time as":             "until",
	"make a decision":                "decide",
	"make use of":                    "use",
	"take into consideration":        "consider",
	"give consideration to":          "consider",
	"in a timely manner":             "promptly",
	"at all times":                   "always",
	"during the course of":           "during",
	"in the absence of":              "without",
	"for the most part":              "mostly",
	"in the amount of":               "for",
	"a sufficient number of":         "enough",
	"at the end of the day":          "in the end",
	"it is important to note that":   "",
	"it should be noted that":        "",
	"it is worth noting that":        "",
	"needless to say":                "",
	"as a matter of fact":            "in fact",
	"in the process of":              "",
	"the question as to whether":     "whether",
	"on the grounds that":            "because",
	"for the reason that":            "because",
	"with the exception of":          "except",
	"in the vicinity of":             "near",
	"is indicative of":               "shows",
	"are indicative of":              "show",
	"in an effort to":                "to",
	"has the capability to":          "can",
	"have the capability to":         "can",
	"in excess of":                   "more than",
	"along the lines of":             "like",
	"come to the conclusion":         "conclude",
	"by means of":                    "by",
	"in the course of":               "during",
	"at such time as":                "when",
	"with the result that":           "so",
	"so as to":                       "to",
	"a total of":                     "",
	"provide assistance to":          "help",
	"is dependent on":                "depends on",
	"are dependent on":               "depend on",
	"is reliant on":                  "relies on",
	"make an improvement to":         "improve",
	"the fact of the matter is that": "",
}

func checkWordyPhrases(c *Context) {
	c.eachStyleProse(kindWordy, nil, func(p *document.Prose) {
		for _, m := range styleHitsIn(p, kindWordy) {
			if quotedMention(m) || c.Allowed(m.text) || inHyphenated(m.prose.Text, m.start, m.end) || literalUse(m) {
				continue
			}
			norm := normPhrase(m.text)
			short, ok := wordyPhrases[norm]
			if !ok {
				continue
			}
			if nextWord(m.prose.Text, m.end) == "of" && !strings.HasSuffix(norm, " of") {
				continue // "at all times of the day": the phrase is part of a longer one
			}
			f := Finding{Span: m.span(), Data: map[string]any{"phrase": m.text, "replacement": short}}
			if short == "" {
				f.Message = fmt.Sprintf("%q is wordy: cut it, the sentence says the same without it.", m.text)
				if e, ok := removeWordEdit(m.prose, m.start, m.end); ok {
					f.Fixes = []Fix{{Title: fmt.Sprintf("Remove %q", m.text), Edits: []Edit{e}}}
				}
			} else {
				f.Message = fmt.Sprintf("%q is wordy: say %q.", m.text, short)
				if span, ok := spanOfProse(m.prose, m.start, m.end); ok {
					f.Fixes = []Fix{replaceFix(fmt.Sprintf("Replace with %q", short), span, matchCase(m.text, short))}
				}
			}
			c.Report(f)
		}
	})
}
