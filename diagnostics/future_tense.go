package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "future-tense",
		Severity: Information,
		Summary:  "The press release announces in the future (\"will launch\", \"will be available\", \"is going to\", \"plans to\") instead of as if launched.",
		Why: "A Working Backwards press release is written on launch day: the product exists, customers can use it, " +
			"and the text says so in the present (\"Ledger is available today\", \"Ledger lets shops…\"). Writing it " +
			"as a plan (\"Ledger will let shops…\", \"Acme plans to launch…\") keeps the team from imagining the finished " +
			"product, which is the point of the exercise.",
		NotFlagged: "The FAQ and the quotations (a speaker may talk about what comes next); a sentence with a condition " +
			"(\"if\", \"when\", \"once\", \"unless\": \"when the money arrives, Ledger will mark the invoice paid\") or " +
			"one about what comes after the launch (\"later this year\", \"next\", \"roadmap\", \"in the future\"); " +
			"\"will\" with other verbs. The list is English: a paragraph in another language is not read.",
		Bad:   "# Acme will launch Ledger for small shops\n\nSEATTLE — June 2, 2027 — Acme plans to launch Ledger, which will let small shops send an invoice in one click. Ledger will be available in the App Store.\n",
		Good:  "# Acme Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Acme today launched Ledger, which lets small shops send an invoice in one click. Ledger is available in the App Store; support for Clover will follow later this year.\n",
		check: checkFutureTense,
	})
}

// futurePhrases announce a launch, or what the product does, as a plan;
// each maps to how the launch-day text says it ("" when it depends on the
// sentence).
var futurePhrases = map[string]string{
	"will launch": "launches", "will be launched": "launches", "will be available": "is available",
	"will become available": "is available", "will be generally available": "is generally available",
	"will be released": "is released", "will release": "releases", "will ship": "ships", "will be shipped": "ships",
	"will go live": "is live", "will debut": "debuts", "will roll out": "rolls out", "will be rolled out": "rolls out",
	"will introduce": "introduces", "will be introduced": "is introduced", "will offer": "offers",
	"will be offered": "is offered", "will let": "lets", "will allow": "allows", "will enable": "enables",
	"will help": "helps", "will provide": "provides", "will give": "gives", "will make it": "makes it",
	"will be able to": "can", "is going to": "", "are going to": "", "we're going to": "", "plans to": "",
	"plan to": "", "planning to": "", "intends to": "", "intend to": "",
	"will soon": "",
}

// futureCondition make a sentence's future a real one: a condition, or a
// clause that reports ("explain how our projects will help").
var futureCondition = phraseList("if", "when", "whenever", "once", "unless", "until", "as soon as", "how", "whether")

// futureLater say that what the sentence (or the one after it) tells comes
// after the launch.
var futureLater = phraseList("later", "next", "future", "roadmap", "upcoming", "coming months", "coming weeks",
	"coming year", "eventually", "over time", "phase two", "phase 2", "v2", "version 2", "version 2.0", "planned")

// futurePlans are the phrases of intent ("plans to", "is going to"): an
// intent is a launch told as a plan only when a launch verb follows ("plans
// to launch"); "plans to maintain the project" is a commitment after it.
var futurePlans = setOf("is going to", "are going to", "we're going to", "plans to", "plan to", "planning to", "intends to", "intend to")

var launchVerbs = setOf("launch", "release", "ship", "introduce", "offer", "roll", "debut", "open", "unveil", "announce",
	"deliver", "provide", "let", "allow", "enable", "help", "make", "give", "start", "begin", "bring", "be", "go", "become")

func keysOf(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func checkFutureTense(c *Context) {
	doc := c.Doc
	c.eachStyleProse(kindFuture, func(p *document.Prose) bool { return inAnnouncement(doc, p) }, func(p *document.Prose) {
		var si sentenceIndex
		for _, m := range styleHitsIn(p, kindFuture) {
			t := m.prose.Text
			if quotedMention(m) || c.Allowed(m.text) {
				continue
			}
			ss, se := si.at(m.prose, m.start)
			sentence := t[ss:se]
			if futureCondition.MatchString(t[ss:m.start]) || futureCondition.MatchString(sentence) && !futurePlans[normPhrase(m.text)] ||
				futureLater.MatchString(sentence) || strings.HasSuffix(strings.TrimRight(sentence, `"')”’*_ `), "?") {
				continue
			}
			next := se
			for next < len(t) && (t[next] == ' ' || t[next] == '\n') {
				next++
			}
			if ns, ne := si.at(m.prose, next); ns >= se && futureLater.MatchString(t[ns:ne]) {
				continue // "… will be able to … These features are planned for version 2.0."
			}
			if futurePlans[normPhrase(m.text)] && !launchVerbs[nextWord(t, m.end)] {
				continue
			}
			msg := fmt.Sprintf("%q announces in the future: write the press release as on launch day, as if the product were out.", m.text)
			if now := futurePhrases[normPhrase(m.text)]; now != "" {
				msg = fmt.Sprintf("%q announces in the future: write it as on launch day (%q).", m.text, now)
			}
			c.Report(Finding{Message: msg, Span: m.span(), Data: map[string]any{"phrase": m.text}})
		}
	})
}

// inAnnouncement: prose of the press release that is not a quotation, the
// text the team writes as the announcement.
func inAnnouncement(doc *document.Document, p *document.Prose) bool {
	return doc.InPressRelease(p.Span.Start) && !inQuote(doc, p)
}

// inQuote reports prose that is a quotation of the press release, or its
// attribution.
func inQuote(doc *document.Document, p *document.Prose) bool {
	for _, q := range doc.Quotes {
		if q.Block.Content.Covers(p.Span) || q.Block.Prose == p || !q.Attribution.Empty() && p.Span.Covers(q.Attribution) && !q.Block.Content.Covers(q.Attribution) {
			return true
		}
	}
	return false
}
