package diagnostics

import (
	"regexp"
	"sort"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "deferred-answer",
		Severity: Warning,
		Summary:  "An FAQ answer puts the question off: TBD, TODO, \"we'll figure it out later\".",
		Why: "The FAQ is where the team proves it has thought the hard questions through. An answer that defers " +
			"(TBD, TBC, TODO, \"to be determined\", \"not decided yet\", \"we'll figure that out later\") means the " +
			"question is open; an open question with no owner and no date stays open. An answer that names an owner " +
			"and a date for the follow-up is reported as information only. The bare word \"later\" is not a deferral.",
		Bad:    "### How much will it cost?\n\nTBD, we'll figure that out later.\n",
		Good:   "### How much will it cost?\n\nUnknown today; Priya (finance) will answer by March 14 after the pricing review.\n",
		FixDoc: "Replaces the deferring sentence with an owned follow-up: \"Unknown today; OWNER will answer by DATE.\"",
		check:  checkDeferredAnswers,
	})
}

// deferral lists the phrases that put an answer off. The bare word "later"
// is not one: "ships later this year" answers the question.
var deferral = phraseList(deferralPhrases()...)

func deferralPhrases() []string {
	list := []string{"TBD", "TBC", "TBA", "TODO", "FIXME", "undecided", "open question", "coming soon",
		"unknown at this time", "unknown at this point", "not decided", "not yet decided", "not decided yet",
		"not determined", "not yet determined", "not determined yet", "not defined yet", "not yet defined",
		"still being discussed", "still discussed", "still being debated", "still debated", "still undecided"}
	for _, w := range []string{"determined", "decided", "confirmed", "defined", "announced", "discussed"} {
		list = append(list, "to be "+w)
	}
	for _, verb := range []string{"figure", "work", "sort"} {
		for _, obj := range []string{"", "it ", "this ", "that ", "these ", "those ", "them "} {
			list = append(list, verb+" "+obj+"out later", "figure "+obj+"out")
		}
	}
	for _, verb := range []string{"decide", "answer", "address", "revisit", "discuss", "determine"} {
		for _, obj := range []string{"", "it ", "this ", "that "} {
			list = append(list, verb+" "+obj+"later")
		}
	}
	return list
}

// ownedFollowUp: the answer names who follows up ("Priya will answer",
// "owner: @sam", "OWNER will answer") and when ("by March 14", "by Q3").
var (
	followUpOwner = regexp.MustCompile(`(?i)(@[\w-]+|\bowner\s*:|\bowned by\b|\b[A-Z][a-z]+(?: \([^)]*\))? will (?:answer|decide|follow up|confirm|report)|\bOWNER\b)`)
	followUpDate  = regexp.MustCompile(`(?i)\bby (?:the )?(?:end of )?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d{0,2}|q[1-4]|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}|monday|tuesday|wednesday|thursday|friday|next (?:week|month|sprint|quarter)|(?:this|the) (?:week|month|sprint|quarter)|DATE)\b`)
)

// firstDeferrals finds each answer's first deferral in one pass over the
// FAQ's prose (findDeferral answers for one question at a time).
func firstDeferrals(doc *document.Document) map[*document.Question]match {
	out := map[*document.Question]match{}
	qs := doc.Questions
	if len(qs) == 0 {
		return out
	}
	for _, m := range matchProse(doc.ProseOverlapping(doc.FAQSpan), deferral, nil) {
		if quotedMention(m) {
			continue
		}
		s := m.span()
		// answers are disjoint and in order: the last one starting at or before the match
		k := sort.Search(len(qs), func(k int) bool { return qs[k].Answer.Start > s.Start }) - 1
		if k < 0 || !qs[k].Answer.Covers(s) {
			continue
		}
		if _, seen := out[qs[k]]; !seen {
			out[qs[k]] = m
		}
	}
	return out
}

// owned reports an answer that names who follows up and by when; cheap
// substring checks keep the regexps off most answers.
func owned(text string) bool {
	lower := strings.ToLower(text)
	if !strings.Contains(lower, "by ") || !(strings.Contains(text, "@") || strings.Contains(lower, "own") || strings.Contains(lower, " will ")) {
		return false
	}
	return followUpOwner.MatchString(text) && followUpDate.MatchString(text)
}

// followUpText is what the fix writes; its OWNER and DATE are for the author
// to fill in (the placeholder rule keeps reminding until they do).
const followUpText = "Unknown today; OWNER will answer by DATE."

// deferralHints are substrings every deferral phrase contains (lower case);
// an answer with none of them is skipped without matching.
var deferralHints = []string{"tb", "todo", "fixme", "undecided", "question", "soon", "unknown", "decided", "determined", "defined", "discuss", "debated", "to be", "out", "later"}

// findDeferral returns the first deferring phrase in the answer prose.
func findDeferral(doc *document.Document, q *document.Question) (match, bool) {
	lower := strings.ToLower(q.AnswerText)
	hinted := false
	for _, h := range deferralHints {
		if strings.Contains(lower, h) {
			hinted = true
			break
		}
	}
	if !hinted {
		return match{}, false
	}
	for _, m := range matchesIn(doc, deferral, q.Answer) {
		if !quotedMention(m) {
			return m, true
		}
	}
	return match{}, false
}

// QuestionStatus is "answered", "deferred" or "unanswered"; the server shows
// it in outlines, hovers and the code lens.
func QuestionStatus(doc *document.Document, q *document.Question) string {
	if strings.TrimSpace(q.AnswerText) == "" {
		return "unanswered"
	}
	if _, ok := findDeferral(doc, q); ok {
		return "deferred"
	}
	return "answered"
}

func checkDeferredAnswers(c *Context) {
	doc := c.Doc
	for q, m := range firstDeferrals(doc) {
		sentence := sentenceAround(m)
		if owned(m.prose.Text) {
			c.Report(Finding{
				Severity: Information,
				Message:  "Deferred answer with an owner and a date: make sure the follow-up happens.",
				Span:     m.span(),
				Data:     map[string]any{"question": q.Text, "phrase": m.text, "owned": true},
			})
			continue
		}
		c.Report(Finding{
			Message: "Deferred answer (\"" + m.text + "\"): answer it now, or name who will answer and by when.",
			Span:    m.span(),
			Data:    map[string]any{"question": q.Text, "phrase": m.text, "owned": false},
			Fixes:   []Fix{replaceFix("Turn into an owned follow-up", sentence, followUpText)},
		})
	}
}

// sentenceAround returns the source span of the sentence holding a match.
func sentenceAround(m match) document.Span {
	for _, s := range m.prose.Sentences() {
		if m.start >= s.Start && m.start < s.End {
			return m.prose.SourceSpan(s.Start, s.End)
		}
	}
	return m.span()
}
