// Package document reads a PR/FAQ Markdown document into a model of its
// parts: the press release (headline, subheading, summary, problem, solution,
// quotes, call to action) and the FAQ with its questions and answers. Every
// part knows its exact byte span in the source; Mapper turns spans into LSP
// positions. The package knows nothing of rules or of the protocol.
package document

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Span is a half-open byte range [Start, End) in Document.Source.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func (s Span) shift(by int) Span { return Span{s.Start + by, s.End + by} }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether offset lies inside the span.
func (s Span) Contains(offset int) bool { return offset >= s.Start && offset < s.End }

// Covers reports whether other lies wholly inside s.
func (s Span) Covers(other Span) bool { return other.Start >= s.Start && other.End <= s.End }

// PartKind names a part of a PR/FAQ. The values are the stable names used in
// configuration and in diagnostic data.
type PartKind string

const (
	Headline      PartKind = "headline"
	Subheading    PartKind = "subheading"
	Summary       PartKind = "summary"
	Problem       PartKind = "problem"
	Solution      PartKind = "solution"
	LeaderQuote   PartKind = "leader-quote"
	CustomerQuote PartKind = "customer-quote"
	CallToAction  PartKind = "call-to-action"
	FAQ           PartKind = "faq"
	ExternalFAQ   PartKind = "external-faq"
	InternalFAQ   PartKind = "internal-faq"
)

// PressReleaseParts lists the parts of the press release in their expected order.
var PressReleaseParts = []PartKind{Headline, Subheading, Summary, Problem, Solution, LeaderQuote, CustomerQuote, CallToAction}

// AllParts lists every part in document order.
var AllParts = []PartKind{Headline, Subheading, Summary, Problem, Solution, LeaderQuote, CustomerQuote, CallToAction, FAQ, ExternalFAQ, InternalFAQ}

// Title is the human name of a part, as used in messages and outlines.
func (k PartKind) Title() string {
	switch k {
	case FAQ:
		return "FAQ"
	case ExternalFAQ:
		return "External FAQ"
	case InternalFAQ:
		return "Internal FAQ"
	case CallToAction:
		return "Call to action"
	}
	s := strings.ReplaceAll(string(k), "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Part is one recognised part of the document.
type Part struct {
	Kind PartKind
	// Span covers the whole part: its heading (if any) and its body.
	Span Span
	// Heading is the heading that named the part, or nil when the part was
	// recognised by its position or content.
	Heading *Block
	// Body is the content of the part, without its heading or label.
	Body Span
	// Label is a template label such as "Subtitle:" left before the text, or empty.
	Label Span
	// Dateline is the "CITY — Date —" opening of the summary, or the
	// dateline on a line of its own right above it ("LISBON — April 2,
	// 2026"), if any.
	Dateline Span
	// Text is the plain text of the body (code spans included, markup
	// removed); empty for the FAQ parts, whose content is their Questions.
	Text string
	// How says what showed the part (HowHeading, HowLabel, HowQuote, HowCue,
	// HowPosition, HowQuestions); Why says it in words, for the outline and hovers.
	How How
	Why string
}

// How is the kind of evidence a part was read from.
type How string

const (
	HowHeading   How = "heading"   // a heading names it ("## The Problem")
	HowLabel     How = "label"     // a lead-in label names it ("**Quote:**", "Subtitle:")
	HowQuote     How = "quote"     // a quotation and its attribution
	HowCue       How = "cue"       // its words or shape (a dateline, a bold first line, "sign up")
	HowPosition  How = "position"  // where it stands in the canonical order
	HowQuestions How = "questions" // an FAQ group told by what its questions ask
)

// BlockKind classifies a Markdown block.
type BlockKind uint8

const (
	Paragraph BlockKind = iota
	Heading
	List
	BlockQuote
	Code
	HTML
	Table
	Break
	Other
)

// Block is a Markdown block with its source span (whole lines).
type Block struct {
	Kind BlockKind
	// Emphasized reports a paragraph that is wholly bold or italic.
	Emphasized bool
	index      int32 // in its section's blocks; beside Kind, a Block is 128 bytes, not 144
	Span       Span
	Level      int // heading level, 1–6
	// Text is the block's plain text: inline markup removed, code span
	// contents kept, soft line breaks as spaces.
	Text string
	// Content is the span of a heading's or paragraph's inline text.
	Content Span
	// Lead is a bold or italic run that opens a paragraph ("**The problem.**"),
	// or the empty span.
	Lead Span
	// LeadText is the text of Lead.
	LeadText string
	// Items are the list items of a list block.
	Items []*Item
	// Prose is the prose of a heading or paragraph block (nil for others).
	Prose *Prose
}

// Item is one list item: its first paragraph and what is nested under it.
type Item struct {
	Span  Span
	First *Block // first paragraph, may be nil
	Rest  Span   // everything after the first paragraph, may be empty
}

// Question is one FAQ entry.
type Question struct {
	// Text is the question as written, without "Q:", numbering or markup.
	Text string
	// Span is the question's text in the source.
	Span Span
	// Answer is the span of the answer, empty when there is none.
	Answer Span
	// AnswerText is the plain text of the answer.
	AnswerText string
	// Entry spans the question and its answer.
	Entry Span
	// Group is ExternalFAQ, InternalFAQ or FAQ (an undivided FAQ).
	Group PartKind
	// Form tells how the question was written: heading, bold, q-line, list.
	Form string
}

// Document is a parsed PR/FAQ.
type Document struct {
	Path   string
	Source []byte
	Mapper *Mapper
	// FrontMatter is the YAML block at the top, or nil.
	FrontMatter *FrontMatter
	// Blocks are the top-level blocks in order (front matter excluded).
	Blocks []*Block
	// Headings are all headings in order, nested ones included.
	Headings []*Block
	// Prose holds every run of prose (paragraphs, headings, table cells) in
	// order; code, HTML, front matter and link destinations are not in it.
	Prose []*Prose
	// Comments are HTML comments outside code, for inline suppression.
	Comments []Comment
	needles  *needleIndex // a Parser's document: SourceContains from the last version

	// Parts maps each recognised part to its place; absent parts are missing.
	Parts map[PartKind]*Part
	// PressRelease spans the press release, empty when none was found.
	PressRelease Span
	// FAQSpan spans the whole FAQ, empty when there is none.
	FAQSpan Span
	// Questions are the FAQ entries in order.
	Questions []*Question
	// Quotes are the quoted paragraphs of the press release with their attribution.
	Quotes []*Quote
	// Title is a document title heading that is not the headline ("# Foo PRFAQ"), or nil.
	Title *Block

	productOnce sync.Once
	product     []string
}

// Product is the product's name as the summary gives it ("Acme today
// announced Ledger": Ledger), in words, sorted; empty when the summary does
// not say. It is read when first asked for: most checks never need it.
func (d *Document) Product() []string {
	d.productOnce.Do(func() {
		for w := range productWordsOf(d, findDateline) {
			d.product = append(d.product, w)
		}
		slices.Sort(d.product)
	})
	return d.product
}

// Comment is an HTML comment.
type Comment struct {
	Span Span
	Text string // between <!-- and -->
}

// Quote is a quotation in the press release.
type Quote struct {
	Block *Block
	// Attribution is the "said Jane Doe, CEO" or "— Jane Doe" part, empty when
	// the quote names nobody.
	Attribution Span
	// Speaker is the attribution's text.
	Speaker string
	// Kind is LeaderQuote or CustomerQuote (or "" when unattributed).
	Kind PartKind
}

// Part returns the part of kind k, or nil when it is missing.
func (d *Document) Part(k PartKind) *Part { return d.Parts[k] }

// Text returns the source text of a span.
func (d *Document) Text(s Span) string {
	s = d.clip(s)
	return string(d.Source[s.Start:s.End])
}

func (d *Document) clip(s Span) Span {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(d.Source) {
		s.End = len(d.Source)
	}
	if s.End < s.Start {
		s.End = s.Start
	}
	return s
}

// ProseIn returns the prose runs that start inside span. Prose is in
// document order, so this is a binary search.
func (d *Document) ProseIn(s Span) []*Prose {
	i := firstProseFrom(d.Prose, s.Start)
	j := i + firstProseFrom(d.Prose[i:], s.End)
	if j < i {
		j = i
	}
	return d.Prose[i:j:j] // clipped: a caller's append must not write into d.Prose
}

// firstProseFrom is the index of the first prose that starts at or after
// offset (len(prose) if none): sort.Search, without its call a step, as the
// reading and the rules look up every answer's prose on every keystroke.
func firstProseFrom(prose []*Prose, offset int) int {
	lo, hi := 0, len(prose)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if prose[mid].Span.Start < offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// ProseOverlapping returns the prose runs that overlap span, including one
// that starts before it (a bold question and its answer in one paragraph).
func (d *Document) ProseOverlapping(s Span) []*Prose {
	i := sort.Search(len(d.Prose), func(i int) bool { return d.Prose[i].Span.Start >= s.Start })
	if i > 0 && d.Prose[i-1].Span.End > s.Start {
		i--
	}
	j := sort.Search(len(d.Prose), func(j int) bool { return d.Prose[j].Span.Start >= s.End })
	if j < i {
		j = i
	}
	return d.Prose[i:j:j] // clipped: a caller's append must not write into d.Prose
}

// PlainText is the prose inside span joined by newlines.
func (d *Document) PlainText(s Span) string {
	ps := d.ProseIn(s)
	if len(ps) == 1 {
		return ps[0].Text // most answers are one paragraph: no copy
	}
	var b strings.Builder
	for _, p := range ps {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// InFAQ reports whether offset lies in the FAQ.
func (d *Document) InFAQ(offset int) bool { return d.FAQSpan.Contains(offset) }

// InPressRelease reports whether offset lies in the press release.
func (d *Document) InPressRelease(offset int) bool { return d.PressRelease.Contains(offset) }

// GroupAt returns which FAQ group holds offset: InternalFAQ, ExternalFAQ, FAQ
// (the FAQ outside any group) or "" outside the FAQ.
func (d *Document) GroupAt(offset int) PartKind {
	for _, k := range []PartKind{InternalFAQ, ExternalFAQ} {
		if p := d.Parts[k]; p != nil && p.Span.Contains(offset) {
			return k
		}
	}
	if d.InFAQ(offset) {
		return FAQ
	}
	return ""
}
