package diagnostics

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "missing-section",
		Severity: Warning,
		Summary:  "A part of the PR/FAQ is absent.",
		Why: "Each part of a PR/FAQ answers a question a reader will ask: what is it (headline), who is it for " +
			"and why (problem), how does it help (solution), who says so (quotes), how do I get it (call to action), " +
			"and what about the hard questions (FAQ). A missing part is usually a question the team has not answered yet. " +
			"A missing headline or FAQ is an error; other parts are warnings. `data.section` names the part.",
		Bad: "# Acme launches Widget\n\nWidget is great.\n",
		Good: "# Acme Ledger lets small shops send an invoice in one click\n\n*Shops that bill by hand get paid nine days sooner.*\n\n" +
			"SEATTLE — March 3, 2027 — Acme today announced Ledger, a phone app that turns an order into an invoice.\n\n" +
			"## The problem\n\nSmall shops spend four hours a week writing invoices by hand.\n\n" +
			"## The solution\n\nLedger fills in the invoice from the order; the owner checks it and taps send.\n\n" +
			"“We built Ledger because our own shop lost a weekend a month to paperwork,” said Ana Ruiz, CEO of Acme.\n\n" +
			"“We now bill the same day,” said Tom Lee, a customer who owns a bakery.\n\n" +
			"## How to get started\n\nDownload Ledger from the App Store.\n\n" +
			"## FAQ\n\n### External FAQ\n\n#### How much does it cost?\n\n$5 a month.\n\n" +
			"### Internal FAQ\n\n#### When do we break even?\n\nAt 4,000 paying shops, in month 14.\n",
		SeverityNote: "**error** for the headline and the FAQ",
		FixDoc: "Inserts the section's skeleton where it belongs: after the last part that comes before it " +
			"(or before the first that comes after it; the FAQ at the end). The finding sits on that line, the " +
			"last line of the part the skeleton follows or the first of the part it precedes, so the warning and " +
			"the fix agree.",
		check: checkMissingSections,
	})
}

// MissingParts lists the required parts absent from doc, in document order:
// what missing-section reports and the review's readiness line shows.
func MissingParts(doc *document.Document, cfg *Config) []document.PartKind {
	var missing []document.PartKind
	undivided := doc.Parts[document.FAQ] != nil && !doc.FAQDivided()
	for _, k := range document.AllParts {
		if doc.Parts[k] != nil || !cfg.Requires(k) {
			continue
		}
		if k == document.FAQ && len(doc.Questions) > 0 {
			continue
		}
		if undivided && (k == document.ExternalFAQ || k == document.InternalFAQ) {
			// An FAQ that is not split into customer and stakeholder groups is
			// judged as a whole (faq-coverage), not reported twice here.
			continue
		}
		if doc.Parts[document.FAQ] == nil && (k == document.ExternalFAQ || k == document.InternalFAQ) {
			continue // the missing FAQ is reported once
		}
		missing = append(missing, k)
	}
	return missing
}

func checkMissingSections(c *Context) {
	doc := c.Doc
	for _, k := range MissingParts(doc, c.Config) {
		sev := Off
		if k == document.Headline || k == document.FAQ {
			sev = Error
		}
		at := insertionPoint(doc, k)
		span := anchorSpan(doc, at)
		c.Report(Finding{
			Severity: sev,
			Message:  fmt.Sprintf("Missing %s: %s", k.Title(), sectionAdvice[k]),
			Span:     span,
			Data:     map[string]any{"section": string(k)},
			Fixes:    []Fix{{Title: "Insert " + article(k.Title()) + " " + k.Title() + " section", Edits: []Edit{{Span: document.Span{Start: at, End: at}, NewText: skeletonAt(doc, k, at)}}}},
		})
	}
}

var sectionAdvice = map[document.PartKind]string{
	document.Headline:      "start with one line that names the customer and the benefit.",
	document.Subheading:    "add one sentence under the headline on who it is for and what they get.",
	document.Summary:       "open with a dated paragraph (CITY — Date —) that says what launches and for whom.",
	document.Problem:       "describe the customer's problem before the solution.",
	document.Solution:      "say how the product solves the problem, in the customer's words.",
	document.LeaderQuote:   "add a quote from a leader on why the team built this.",
	document.CustomerQuote: "add a quote from a (hypothetical) customer on the difference it makes.",
	document.CallToAction:  "tell the reader how to get started and where.",
	document.FAQ:           "add frequently asked questions with honest answers.",
	document.ExternalFAQ:   "add questions customers will ask (price, availability, how it works).",
	document.InternalFAQ:   "add questions stakeholders will ask (cost, risks, dependencies, competition).",
}

// anchorSpan is where a missing-section finding is shown: the line where its
// fix inserts the skeleton, so the warning, the squiggle and the fix agree.
// That is the line holding at: the last line of the part the skeleton follows,
// or the first line of the part it precedes. When that line is blank or in
// the front matter (at the end of the file, after the front matter), it is
// the next non-blank line after the front matter, else the last one before
// at; only a document with no text outside its front matter gets an empty span.
func anchorSpan(doc *document.Document, at int) document.Span {
	m := doc.Mapper
	first := 0 // the first line after the front matter
	if fm := doc.FrontMatter; fm != nil {
		first = m.Line(fm.Span.End)
		if fm.Span.End > 0 && doc.Source[fm.Span.End-1] != '\n' {
			first++
		}
	}
	blank := func(line int) bool {
		return len(bytes.TrimSpace(doc.Source[m.LineStart(line):m.LineEnd(line)])) == 0
	}
	span := func(line int) document.Span { return document.Span{Start: m.LineStart(line), End: m.LineEnd(line)} }
	line := m.Line(at)
	if line >= first && !blank(line) {
		return span(line)
	}
	for l := max(line, first); l < m.LineCount(); l++ {
		if !blank(l) {
			return span(l)
		}
	}
	for l := line; l >= first; l-- {
		if !blank(l) {
			return span(l)
		}
	}
	return span(max(line, first))
}

// insertionPoint is the byte offset where part k belongs: after the last
// present part that comes before it, or before the first that comes after it.
func insertionPoint(doc *document.Document, k document.PartKind) int {
	order := document.AllParts
	idx := 0
	for i, o := range order {
		if o == k {
			idx = i
		}
	}
	switch k {
	case document.ExternalFAQ, document.InternalFAQ:
		if f := doc.Parts[document.FAQ]; f != nil {
			if k == document.ExternalFAQ {
				if in := doc.Parts[document.InternalFAQ]; in != nil {
					return doc.Mapper.LineStart(doc.Mapper.Line(in.Span.Start))
				}
			}
			return f.Span.End
		}
	case document.FAQ:
		return len(doc.Source)
	}
	for i := idx - 1; i >= 0; i-- {
		if p := doc.Parts[order[i]]; p != nil && order[i] != document.FAQ {
			return p.Span.End
		}
	}
	for i := idx + 1; i < len(order); i++ {
		if p := doc.Parts[order[i]]; p != nil {
			return doc.Mapper.LineStart(doc.Mapper.Line(p.Span.Start))
		}
	}
	if doc.FrontMatter != nil {
		return doc.FrontMatter.Span.End
	}
	return 0
}

// skeletonAt returns the section skeleton with the blank lines it needs at at.
func skeletonAt(doc *document.Document, k document.PartKind, at int) string {
	body := Skeleton(k)
	if f := doc.Parts[document.FAQ]; f != nil && f.Heading != nil && (k == document.ExternalFAQ || k == document.InternalFAQ) {
		body = releveledSkeleton(k, f.Heading.Level+1)
	}
	return paddedAt(doc, at, body, "\n")
}

// releveledSkeletons keeps relevel's answers for the skeletons: an FAQ
// without one of its groups gets the fix on every check.
var releveledSkeletons sync.Map // {kind, level} → string

func releveledSkeleton(k document.PartKind, level int) string {
	key := struct {
		k     document.PartKind
		level int
	}{k, level}
	if s, ok := releveledSkeletons.Load(key); ok {
		return s.(string)
	}
	s := relevel(Skeleton(k), level)
	releveledSkeletons.Store(key, s)
	return s
}

// paddedAt returns body with the line breaks (nl) it needs to stand as a
// block of its own when inserted at at: a blank line before it, a line
// break after it unless at is the end of the file.
func paddedAt(doc *document.Document, at int, body, nl string) string {
	before := ""
	if at > 0 {
		if doc.Source[at-1] != '\n' {
			before = nl + nl
		} else if at < 2 || doc.Source[at-2] != '\n' && !(doc.Source[at-2] == '\r' && at >= 3 && doc.Source[at-3] == '\n') {
			before = nl
		}
	}
	after := nl
	if at >= len(doc.Source) {
		after = ""
	}
	return before + body + after
}

var headingPrefix = regexp.MustCompile(`(?m)^(#+) `)

// relevel shifts a skeleton's headings so its first heading has level.
func relevel(s string, level int) string {
	first := headingPrefix.FindStringSubmatch(s)
	if first == nil {
		return s
	}
	shift := level - len(first[1])
	return headingPrefix.ReplaceAllStringFunc(s, func(m string) string {
		n := len(m) - 1 + shift
		if n < 1 {
			n = 1
		}
		if n > 6 {
			n = 6
		}
		return strings.Repeat("#", n) + " "
	})
}

// article is "an" before a vowel sound ("an FAQ", "an External FAQ").
func article(word string) string {
	if word != "" && strings.ContainsRune("AEFIOaeio", rune(word[0])) {
		return "an"
	}
	return "a"
}
