package document

import (
	"regexp"
	"slices"
	"strings"
)

// The reading of a PR/FAQ is two steps a reader can follow: evidence, then
// one decision. Where each step lives:
//
//   - vocabulary.go: what parts, groups, labels and speakers are called, in
//     every language the reading knows (data; names.go compares names);
//   - evidence.go: headings, labels and bold lines that name a part
//     (decisive);
//   - press_release.go: where the press release is, its headline,
//     subheading and dated summary;
//   - quotes.go: quotations, their speakers, a leader's or a customer's;
//   - align.go: the decision for the paragraphs nothing named, by their
//     words and their place in the canonical order;
//   - faq.go: the FAQ, its groups and its questions with their answers.
//
// Every part records how it was read (Part.How, Part.Why).

// recognise finds the press release, its parts, the quotes and the FAQ.
func recognise(d *Document) {
	dropAsides(d)
	s := &scan{d: d}
	for _, h := range d.Headings {
		if s.classOf(h) == nameTitle {
			d.Title = h // the alignment reads the product's name in it
			break
		}
	}
	s.findFAQ()
	s.findPressRelease()
	s.findParts()
	s.findQuestions()
	if d.Title == nil {
		for _, h := range d.Headings {
			if s.classOf(h) == nameTitle && (d.Parts[Headline] == nil || d.Parts[Headline].Span.Start != h.Span.Start) {
				d.Title = h
				break
			}
		}
	}
}

// asideRe finds a model's "reasoning" saved with a document: it is not
// the document, so it is neither read nor checked.
var asideRe = regexp.MustCompile(`(?ms)^<(reasoning|thinking|think)>[ \t]*\r?\n.*?^</(?:reasoning|thinking|think)>[ \t]*$`)

func dropAsides(d *Document) {
	if !d.SourceContains("<reasoning>") && !d.SourceContains("<think") {
		return
	}
	var asides []Span
	for _, m := range asideRe.FindAllIndex(d.Source, -1) {
		asides = append(asides, Span{m[0], m[1]})
	}
	if len(asides) == 0 {
		return
	}
	inside := func(off int) bool {
		for _, a := range asides {
			if a.Contains(off) {
				return true
			}
		}
		return false
	}
	d.Blocks = slices.DeleteFunc(slices.Clone(d.Blocks), func(b *Block) bool { return inside(b.Span.Start) })
	d.Headings = slices.DeleteFunc(slices.Clone(d.Headings), func(b *Block) bool { return inside(b.Span.Start) })
	d.Prose = slices.DeleteFunc(slices.Clone(d.Prose), func(p *Prose) bool { return inside(p.Span.Start) })
}

type scan struct {
	d         *Document
	reclassed map[*Block]nameClass // setClass's
	faqHead   *Block
	prHead    *Block
	prBlocks  []*Block // top-level blocks of the press release body
	used      map[*Block]bool
	quotes    map[*Block]bool // paragraphs that are quotations
	product   map[string]bool // the product's name words (productWords)
	own       map[string]bool // the release's own names (ownNames)
	launch    *launchText     // the headline and summary text (launchText)
	// exampleQuotes are quoted lines that are examples, not quotations
	exampleQuotes map[*Block]bool
	datelines     map[string][]int // findDateline's answers (scan.findDateline)
}

// classOf is what a heading names (headingClass, kept with its prose) or
// what the reading found it to be (setClass), and nameNone for any other
// block. (A map of every heading's class, built on every reading, cost
// more than asking.)
func (s *scan) classOf(b *Block) nameClass {
	if c, ok := s.reclassed[b]; ok {
		return c
	}
	if b.Kind != Heading {
		return nameNone
	}
	return headingClass(b)
}

// setClass records what the reading found a heading to be beyond what it
// names: the FAQ told by its questions, a group told by its audience.
func (s *scan) setClass(h *Block, c nameClass) {
	if s.reclassed == nil {
		s.reclassed = map[*Block]nameClass{}
	}
	s.reclassed[h] = c
}

// sectionEnd is where the section opened by heading h ends: at the next
// heading of the same or a higher level, or at limit.
func (s *scan) sectionEnd(h *Block, limit int) int {
	for _, o := range s.d.Headings {
		if o.Span.Start > h.Span.Start && o.Level <= h.Level && o.Span.Start < limit {
			return o.Span.Start
		}
	}
	return limit
}

// headedPart builds a part that a heading names; it ends at end.
func (s *scan) headedPart(k PartKind, h *Block, end int) *Part {
	d := s.d
	end = trimEnd(d.Source, h.Span.Start, end)
	body := Span{lineAfter(d, h), end}
	if body.End < body.Start {
		body.End = body.Start
	}
	p := &Part{Kind: k, Span: Span{h.Span.Start, end}, Heading: h, Body: body}
	if k != FAQ && k != ExternalFAQ && k != InternalFAQ {
		p.Text = d.PlainText(body) // the FAQ's content is its questions
	}
	return p
}

func lineAfter(d *Document, b *Block) int {
	l := d.Mapper.Line(b.Span.End)
	if b.Kind == Heading && b.Level <= 2 && isSetext(d, b) {
		l++ // the underline
	}
	return d.Mapper.LineStart(l + 1)
}

func isSetext(d *Document, b *Block) bool {
	l := d.Mapper.Line(b.Span.End) + 1
	line := strings.TrimSpace(string(d.Source[d.Mapper.LineStart(l):d.Mapper.LineEnd(l)]))
	return line != "" && strings.Trim(line, "=-") == "" && !strings.HasPrefix(strings.TrimSpace(d.Text(b.Span)), "#")
}

// trimEnd moves end back over trailing whitespace, but not before start.
func trimEnd(src []byte, start, end int) int {
	if end > len(src) {
		end = len(src)
	}
	for end > start && (src[end-1] == ' ' || src[end-1] == '\n' || src[end-1] == '\r' || src[end-1] == '\t') {
		end--
	}
	return end
}

func hasLetters(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '\u00a0' {
			return true
		}
	}
	return false
}

func (s *scan) setPart(k PartKind, b *Block) {
	if s.d.Parts[k] != nil {
		return
	}
	s.d.Parts[k] = &Part{Kind: k, Span: b.Span, Body: b.Span, Text: b.Text}
	s.used[b] = true
}

// partFinders read the press release in this order. Each claims what its
// evidence shows; the alignment then places the paragraphs nothing claimed
// by where they stand (as goldmark lists its block parsers, the order is
// the one table here).
var partFinders = []struct {
	name string
	find func(*scan)
}{
	{"headings that name a part", (*scan).partsByHeading},
	{"labels that name a part", (*scan).partsByLabel},
	{"the headline", (*scan).findHeadline},
	{"the subheading", (*scan).findSubheading},
	{"quotations", (*scan).findQuotes},
	{"parts that run over the quotations", (*scan).endAtQuotations},
	{"the summary", (*scan).findSummary},
	{"alignment of the rest", (*scan).align},
}

func (s *scan) findParts() {
	s.used = map[*Block]bool{}
	s.quotes = map[*Block]bool{}
	s.exampleQuotes = map[*Block]bool{}
	for _, f := range partFinders {
		f.find(s)
	}
}

// Clip is t on one line, cut to n characters with an ellipsis: how the
// reading, the outline and its tests quote a text.
func Clip(t string, n int) string {
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return t
}

// LooksLikePRFAQ reports a document with both press-release parts and an FAQ.
func (d *Document) LooksLikePRFAQ() bool {
	if d.FAQSpan.Empty() || d.Parts[FAQ] == nil {
		return false
	}
	hasPR := false
	for _, h := range d.Headings {
		if headingClass(h) == namePressRelease {
			hasPR = true
		}
	}
	return hasPR || (d.Parts[Headline] != nil && d.Parts[Summary] != nil)
}

// blockWords counts a block's words the way the length rules do (CJK by
// characters), so a Japanese summary is not "three words".
func blockWords(b *Block) int {
	if b.Prose != nil {
		return b.Prose.WordCount()
	}
	return FieldCount(b.Text)
}
