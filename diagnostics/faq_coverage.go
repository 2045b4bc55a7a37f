package diagnostics

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "faq-coverage",
		Severity: Information,
		Summary:  "An FAQ group says nothing on a topic its readers always ask about: market size, economics, competition, risks, pricing, data privacy…",
		Why: "Stakeholders decide whether to fund the product from the internal FAQ, and customers decide whether to " +
			"try it from the external one; some questions always come up. An FAQ group that is silent on one of them " +
			"has not faced it yet. The internal FAQ is checked for market-size, economics, competition, feasibility " +
			"(and dependencies), risks, legal, marketing, partnerships and success-metrics; the external FAQ for " +
			"pricing and data-privacy. More topics can be asked for: why-now, reversibility (a one-way or a two-way " +
			"door), out-of-scope and support. A topic counts as covered when any question or answer of the group " +
			"touches it, with generous synonyms in English, German, French, Spanish, Portuguese, Russian, Japanese, " +
			"Chinese and Korean (\"cost\", \"$\", \"Preis\", \"価格\" all cover economics). There is one finding per " +
			"missing topic, on the group's heading, with the topic's id in `data.topic` and the group in " +
			"`data.group`: a draft that adds one topic then fixes one finding and leaves the others as they were. When " +
			"the FAQ is not split into external and internal parts, the whole FAQ is checked for both lists (pricing " +
			"then counts as part of economics). A required group that is missing is reported by missing-section, and its " +
			"topics once it is there; with missing-section turned off, they are reported here, each fix adding the " +
			"group with its question. Choose the topics per group in `.prfaq.yaml` or the editor settings: " +
			"`rules: {faq-coverage: {internal: [default, why-now, reversibility], external: [pricing, support]}}`; " +
			"`default` stands for the built-in list, an empty list checks nothing, and an unknown topic is a " +
			"configuration error that names the known ones.",
		Bad:  "## Internal FAQ\n\n### Who is on the team?\n\nFour engineers.\n",
		Good: "## Internal FAQ\n\n### How many shops need this?\n\n40,000 in our market.\n\n### What does it cost to run?\n\n$0.40 per customer a month.\n\n### What do customers use today?\n\nSpreadsheets and Acme Books.\n\n### What must exist first?\n\nThe billing API (ready in May).\n\n### What is the biggest risk?\n\nBanks may rate-limit us; we cache.\n\n### Is there a legal question?\n\nNo: we store no card data, so PCI rules do not apply (counsel agreed).\n\n### How will shops hear of it?\n\nThrough our accountants' newsletter and in-app marketing.\n\n### Which partners do we need?\n\nTwo banks, both signed.\n\n### How will we measure success?\n\n5,000 paying shops by December.\n",
		FixDoc: "Adds a question on the missing topic, with a bracketed answer to fill in, at the end of the group " +
			"(after its last question, in the same heading level or bold form). When the group is missing, the fix " +
			"adds it, with the question, where missing-section would put it.",
		Options: map[string]string{
			"internal": "the internal FAQ's topics, replacing the default list; `default` stands for the default list " +
				"(`[default, why-now]`). Topics: " + strings.Join(faqTopicIDs(), ", "),
			"external": "the external FAQ's topics, the same way (default: " + strings.Join(defaultExternalTopics, ", ") + ")",
		},
		validateOption: validateCoverageOption,
		check:          checkFAQCoverage,
	})
}

func faqTopicIDs() []string {
	ids := make([]string, len(faqTopics))
	for i, t := range faqTopics {
		ids[i] = t.ID
	}
	return ids
}

func topicIndex(id string) int {
	for i, t := range faqTopics {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// validateCoverageOption checks a configured topic list: every entry a known
// topic id or "default".
func validateCoverageOption(name string, value any) error {
	list, ok := stringList(value)
	if !ok {
		return fmt.Errorf("%s: want a list of topics (%s, or default)", name, strings.Join(faqTopicIDs(), ", "))
	}
	for _, id := range list {
		if id != "default" && topicIndex(id) < 0 {
			return fmt.Errorf("%s: unknown topic %q (want default or one of %s)", name, id, strings.Join(faqTopicIDs(), ", "))
		}
	}
	return nil
}

// coverageTopics returns the configured topics of one group ("internal" or
// "external") as indices into faqTopics.
func (c *Context) coverageTopics(option string, def []string) []int {
	ids := def
	if v, ok := c.Config.Rules[c.rule.ID].Options[normKey(option)]; ok {
		ids, _ = stringList(v)
	}
	var out []int
	add := func(id string) {
		if i := topicIndex(id); i >= 0 && !containsInt(out, i) {
			out = append(out, i)
		}
	}
	for _, id := range ids {
		if id == "default" {
			for _, d := range def {
				add(d)
			}
			continue
		}
		add(id)
	}
	return out
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// topicMatcher finds every topic's words in one pass: the whole-word ones
// through a phrase list, the CJK ones as substrings.
type topicMatcher struct {
	words *phrases
	cjk   [][]string // per topic
}

// coverageMatcher is built on first use, not at start-up.
var coverageMatcher = sync.OnceValue(func() *topicMatcher {
	m := &topicMatcher{cjk: make([][]string, len(faqTopics))}
	lists := make([][]string, len(faqTopics))
	for i, t := range faqTopics {
		for _, words := range t.Words {
			for _, w := range words {
				if document.Spaceless(w) {
					m.cjk[i] = append(m.cjk[i], w)
				} else {
					lists[i] = append(lists[i], w)
				}
			}
		}
	}
	m.words = phraseLists(lists...)
	return m
})

// covered reports, per topic, whether the prose run touches it, in found
// (one false per topic).
func (m *topicMatcher) covered(found []bool, p *document.Prose) []bool {
	found = m.words.tagsIn(found, p)
	if document.Spaceless(p.Text) {
		for i, words := range m.cjk {
			for _, w := range words {
				if !found[i] && strings.Contains(p.Text, w) {
					found[i] = true
				}
			}
		}
	}
	return found
}

// coveredTopics is the indices of the topics p covers.
func coveredTopics(p *document.Prose) []int {
	var topics []int
	for i, yes := range coverageMatcher().covered(make([]bool, len(faqTopics)), p) {
		if yes {
			topics = append(topics, i)
		}
	}
	return topics
}

// coverageKey keeps with each prose run the topics it covers, as their
// indices: most cover none, and the rule reads every run of the FAQ on
// every keystroke.
var coverageKey = document.NewMemoKey()

// coverageGroup is one FAQ group to check and its topics.
type coverageGroup struct {
	kind   document.PartKind
	part   *document.Part // nil: the group is missing
	topics []int
}

func checkFAQCoverage(c *Context) {
	doc := c.Doc
	if len(doc.Questions) == 0 {
		return
	}
	internal := c.coverageTopics("internal", defaultInternalTopics)
	external := c.coverageTopics("external", defaultExternalTopics)
	var groups []coverageGroup
	if doc.FAQDivided() {
		groups = []coverageGroup{
			{document.ExternalFAQ, doc.Parts[document.ExternalFAQ], external},
			{document.InternalFAQ, doc.Parts[document.InternalFAQ], internal},
		}
	} else {
		faq := doc.Parts[document.FAQ]
		if faq == nil {
			return
		}
		both := append([]int(nil), internal...)
		for _, i := range external {
			if w := topicIndex(faqTopics[i].Within); (w < 0 || !containsInt(both, w)) && !containsInt(both, i) {
				both = append(both, i)
			}
		}
		groups = []coverageGroup{{document.FAQ, faq, both}}
	}
	for _, g := range groups {
		if len(g.topics) == 0 {
			continue
		}
		if g.part == nil {
			// The group is missing. A group that is not required is not
			// wanted, and an FAQ with no place for it is left alone. While
			// missing-section reports the group (its fix adds it), its topics
			// wait for it: one warning instead of one more per topic.
			if !c.Config.Requires(g.kind) || doc.Parts[document.FAQ] == nil || c.Config.severity(Lookup("missing-section")) != Off {
				continue
			}
			reportMissingGroupTopics(c, g)
			continue
		}
		found := make([]bool, len(faqTopics))
		scratch := make([]bool, len(faqTopics))
		for _, p := range doc.ProseIn(g.part.Span) {
			if p.Memoized() {
				topics, ok := p.Kept(coverageKey).([]int)
				if !ok {
					topics = p.Memo(coverageKey, func() any { return coveredTopics(p) }).([]int)
				}
				for _, i := range topics {
					found[i] = true
				}
				continue
			}
			// nothing is kept: no list of topics a prose (35 MB of
			// garbage on 400,000 questions)
			clear(scratch)
			for i, t := range coverageMatcher().covered(scratch, p) {
				found[i] = found[i] || t
			}
		}
		anchor := lineSpan(doc, g.part.Span.Start)
		at, entry := questionAt(doc, g)
		for _, i := range g.topics {
			if found[i] {
				continue
			}
			t := faqTopics[i]
			c.Report(Finding{
				Message: "The " + g.kind.Title() + " never mentions " + t.About + ".",
				Span:    anchor,
				Data:    map[string]any{"topic": t.ID, "group": string(g.kind)},
				Fixes: []Fix{{
					Title: "Add a question on " + t.Name + " to the " + g.kind.Title(),
					Edits: []Edit{{Span: spanAt(at), NewText: entry(t)}},
				}},
			})
		}
	}
}

// reportMissingGroupTopics reports the topics of a group the divided FAQ
// lacks, each fix adding the group (its heading) with the topic's question
// where missing-section would insert the group.
func reportMissingGroupTopics(c *Context, g coverageGroup) {
	doc := c.Doc
	point := insertionPoint(doc, g.kind)
	at := contentEnd(doc, 0, point) // right after the text before it, as questionAt
	level := 3
	if f := doc.Parts[document.FAQ]; f.Heading != nil {
		level = min(f.Heading.Level+1, 6)
	}
	heading := strings.Repeat("#", level) + " " + g.kind.Title()
	nl := lineBreak(doc)
	anchor := anchorSpan(doc, point) // missing-section's place
	for _, i := range g.topics {
		t := faqTopics[i]
		body := nl + nl + heading + nl + nl + questionEntry(t, min(level+1, 6), nl)
		c.Report(Finding{
			Message: "There is no " + g.kind.Title() + " to cover " + t.About + ".",
			Span:    anchor,
			Data:    map[string]any{"topic": t.ID, "group": string(g.kind)},
			Fixes: []Fix{{
				Title: "Add " + article(g.kind.Title()) + " " + g.kind.Title() + " with a question on " + t.Name,
				Edits: []Edit{{Span: spanAt(at), NewText: body}},
			}},
		})
	}
}

// questionAt is where a group's new question goes, the end of its last
// entry, and the text that adds one there: a heading of its questions'
// level, or a bold line when they are written in bold.
func questionAt(doc *document.Document, g coverageGroup) (int, func(faqTopic) string) {
	var last *document.Question
	for _, q := range doc.Questions {
		if g.part.Span.Covers(q.Span) {
			last = q
		}
	}
	end := g.part.Span.End
	level := 0 // bold
	if last != nil {
		end = max(last.Entry.End, last.Span.End)
		if last.Form == "heading" {
			level = headingLevelAt(doc, last.Span.Start)
		}
	} else if g.part.Heading != nil {
		level = min(g.part.Heading.Level+1, 6)
	}
	at := contentEnd(doc, g.part.Span.Start, end)
	nl := lineBreak(doc)
	return at, func(t faqTopic) string { return nl + nl + questionEntry(t, level, nl) }
}

// questionEntry is a topic's question and answer skeleton; level 0 writes
// the question in bold.
func questionEntry(t faqTopic, level int, nl string) string {
	q := "**" + t.Question + "**"
	if level > 0 {
		q = strings.Repeat("#", level) + " " + t.Question
	}
	return q + nl + nl + t.Answer
}

// headingLevelAt counts the "#" that open the line holding offset (0 when
// the line is not an ATX heading).
func headingLevelAt(doc *document.Document, offset int) int {
	start := doc.Mapper.LineStart(doc.Mapper.Line(offset))
	line := strings.TrimLeft(string(doc.Source[start:offset]), " ")
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0
	}
	return n
}

// contentEnd moves end back over trailing blank space, not before start:
// new text goes right after the last character of the content.
func contentEnd(doc *document.Document, start, end int) int {
	end = min(end, len(doc.Source))
	for end > start {
		switch doc.Source[end-1] {
		case ' ', '\t', '\n', '\r':
			end--
			continue
		}
		break
	}
	return end
}

// lineBreak is the document's line break: "\r\n" when it uses them.
func lineBreak(doc *document.Document) string {
	if i := bytes.IndexByte(doc.Source, '\n'); i > 0 && doc.Source[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
