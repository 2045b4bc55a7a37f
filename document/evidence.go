package document

import (
	"fmt"
	"strings"
)

// Evidence that names a part: a heading ("## The Problem"), a lead-in
// label ("**Quote:**", "Subtitle:") or a bold line standing where a heading
// would ("**How It Works**"). A name is decisive: the alignment never
// overrides it.

// labelHit is a lead-in label that names a part: "**The problem.**" at the
// start of a paragraph, or a plain "Subtitle:" at the start of any line.
type labelHit struct {
	class nameClass
	label Span // the label text
	span  Span // the label's line to the next label or the paragraph's end
	plain bool // a plain-text template label, not a bold lead-in
}

func (s *scan) labels(b *Block) []labelHit {
	if b.Kind != Paragraph {
		return nil
	}
	d := s.d
	if isPseudoHeading(b) {
		// "**How It Works**" on a line of its own heads what follows it
		if c := pseudoClass(b); isLabelClass(c) {
			return []labelHit{{class: c, label: b.Content, span: b.Span}}
		}
		return nil
	}
	if !b.Lead.Empty() && !b.Emphasized {
		if c := leadClass(b); isLabelClass(c) {
			return []labelHit{{class: c, label: b.Lead, span: b.Span}}
		}
	}
	var hits []labelHit
	m := d.Mapper
	for line := m.Line(b.Content.Start); line <= m.Line(b.Content.End); line++ {
		start := max(m.LineStart(line), b.Content.Start)
		text := strings.TrimLeft(string(d.Source[start:m.LineEnd(line)]), " \t")
		start = m.LineEnd(line) - len(text)
		if !labelColon(text) {
			continue
		}
		if loc := labelRe.KeptSubmatchIndex(text); loc != nil {
			if c := classifyName(text[loc[2]:loc[3]]); isLabelClass(c) {
				if n := len(hits); n > 0 {
					hits[n-1].span.End = trimEnd(d.Source, hits[n-1].span.Start, m.LineStart(line))
				}
				hits = append(hits, labelHit{class: c, label: Span{start, start + loc[1]}, span: Span{m.LineStart(line), b.Span.End}, plain: true})
			}
		}
	}
	return hits
}

func isLabelClass(c nameClass) bool { return isPartClass(c) || c == nameQuote }

// isPseudoHeading: a short paragraph that is wholly bold or italic and is
// not a sentence ("**How It Works**", "**Key Features:**") stands where a
// heading would.
func isPseudoHeading(b *Block) bool {
	if b.Kind != Paragraph || !b.Emphasized || isQuoteText(b.Text) {
		return false
	}
	t := strings.TrimSpace(b.Text)
	if t == "" || strings.ContainsRune(t, '\n') || FieldCount(t) > 8 {
		return false
	}
	return !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "。") && !strings.HasSuffix(t, "!")
}

// labelBlocks are the press release's paragraphs, with the first paragraph
// of each list item (a lazy continuation line can carry a label).
func (s *scan) labelBlocks() []*Block {
	var out []*Block
	for _, b := range s.prBlocks {
		out = append(out, b)
		for _, it := range b.Items {
			if it.First != nil {
				out = append(out, it.First)
			}
		}
	}
	return out
}

// partsByHeading: "## The Problem" names its section.
func (s *scan) partsByHeading() {
	d := s.d
	for _, h := range d.Headings {
		c := s.classOf(h)
		// quote sections are read after the FAQ too ("## Customer Quotes"
		// at the end of the file)
		outside := !d.PressRelease.Contains(h.Span.Start)
		if outside && (d.FAQSpan.Contains(h.Span.Start) || h.Span.Start < d.PressRelease.Start || !(c == nameQuote || c == nameClass(LeaderQuote) || c == nameClass(CustomerQuote))) || h == s.prHead {
			continue
		}
		limit := d.PressRelease.End
		if outside {
			limit = len(d.Source)
		}
		if c == nameQuote {
			sec := Span{h.Span.End, s.sectionEnd(h, limit)}
			if !outside && s.quotationsIn(sec) > 1 {
				// "## Quotes" over the leader's and a customer's: each
				// quotation's speaker tells its part (findQuotes)
				s.used[h] = true
				continue
			}
			c = s.quoteClassIn(sec)
		}
		if !isPartClass(c) {
			continue
		}
		k := PartKind(c)
		if d.Parts[k] != nil {
			continue
		}
		p := s.headedPart(k, h, s.sectionEnd(h, limit))
		if k == Summary {
			s.firstParagraphOnly(p)
		}
		p.How, p.Why = HowHeading, fmt.Sprintf("named by the heading %q", Clip(h.Text, 40))
		if k == Headline || k == Subheading {
			// "## Heading" names the part; its text is the first block of the body
			for _, b := range s.prBlocks {
				if b.Span.Start >= p.Body.Start && b.Span.Start < p.Body.End && hasLetters(b.Text) {
					p.Body, p.Text = b.Content, b.Text
					s.used[b] = true
					break
				}
			}
		}
		d.Parts[k] = p
		s.used[h] = true
	}
}

// partsByLabel: "**The problem.** …", "**How It Works**", "Subtitle: …".
func (s *scan) partsByLabel() {
	d := s.d
	for _, b := range s.labelBlocks() {
		hits := s.labels(b)
		for _, h := range hits {
			k := PartKind(h.class)
			if h.class == nameQuote {
				k = PartKind(s.quoteClassIn(Span{h.label.End, s.leadSectionEnd(b)}))
			}
			if d.Parts[k] != nil {
				continue
			}
			p := &Part{Kind: k, Span: h.span, Body: Span{h.label.End, h.span.End}, How: HowLabel,
				Why: fmt.Sprintf("named by the label %q", Clip(strings.TrimSpace(d.Text(h.label)), 40))}
			if h.plain {
				if formLabel(k, d.Text(h.label)) {
					p.Label = h.label // "Subtitle: …", left from the template
				}
			} else {
				// a bold lead-in opens a section that runs to the next lead-in or heading
				p.Span.End = s.leadSectionEnd(b)
				if k == LeaderQuote || k == CustomerQuote {
					// … but a quotation's ends with the quotation: what follows
					// it unlabelled is another part ("**Quote:** “…,” said
					// Hana Kobayashi." and then how to get started)
					p.Span.End = s.quotationEnd(b, p.Span.End)
				}
				p.Body.End = p.Span.End
			}
			p.Text = strings.TrimSpace(d.Text(p.Body))
			if !h.plain {
				p.Text = strings.TrimSpace(strings.TrimPrefix(d.PlainText(p.Span), b.LeadText))
			}
			d.Parts[k] = p
			if k == Summary {
				s.dateline(p) // "**Summary:** BERLIN — 9 September 2026 — …"
			}
		}
		if len(hits) > 0 {
			s.used[b] = true
		}
	}
}

// formLabel: a label that names the template's slot ("Subtitle:",
// "Problem:"), as opposed to a lead-in a writer uses on purpose ("Get
// started:", "Key features:", "Availability:").
func formLabel(k PartKind, label string) bool {
	if k == CallToAction {
		return false
	}
	n := normalizeName(label)
	return !hasWord(n, "features", "works", "benefits", "highlights")
}

// quotationsIn counts the paragraphs in sp that are quotations.
func (s *scan) quotationsIn(sp Span) int {
	n := 0
	for _, p := range s.d.ProseIn(sp) {
		if readQuote(&Block{Kind: Paragraph, Text: strings.TrimSpace(p.Text), Prose: p}).isQuote {
			n++
		}
	}
	return n
}

// quoteClassIn tells whose quotation a "Quote:" label or heading introduces:
// the speaker's words decide, then the order (the first is the leader's).
func (s *scan) quoteClassIn(sp Span) nameClass {
	for _, p := range s.d.ProseIn(sp) {
		r := readQuote(&Block{Kind: Paragraph, Text: strings.TrimSpace(p.Text), Prose: p})
		switch {
		case r.leader && !r.customer:
			return nameClass(LeaderQuote)
		case r.customer && !r.leader:
			return nameClass(CustomerQuote)
		}
	}
	if s.d.Parts[LeaderQuote] == nil {
		return nameClass(LeaderQuote)
	}
	return nameClass(CustomerQuote)
}

// quotationEnd is where the quotation a label block b opens ends, within
// limit: after b when b holds the quotation, else after the quotation
// that follows it; a quotation runs on over the paragraphs it leaves
// open, and its attribution line ("— Hana Kobayashi, creator") is its own.
func (s *scan) quotationEnd(b *Block, limit int) int {
	end := b.Span.End
	r := readQuote(b)
	open := !r.isQuote || r.open // a label of its own: the quotation follows
	for _, o := range s.prBlocks {
		if o.Span.Start <= b.Span.Start {
			continue
		}
		if o.Span.Start >= limit {
			break
		}
		t := strings.TrimSpace(o.Text)
		var q quoteReading
		if o.Kind == Paragraph {
			q = readQuote(o)
		}
		quote := o.Kind == BlockQuote || q.isQuote
		switch {
		case open && quote:
		case !open && !quote && o.Kind == Paragraph && FieldCount(t) <= 16 && attributionLine.MatchString(t):
		default:
			return trimEnd(s.d.Source, b.Span.Start, end)
		}
		end = o.Span.End
		open = q.open
	}
	return trimEnd(s.d.Source, b.Span.Start, min(end, limit))
}

func (s *scan) leadSectionEnd(b *Block) int {
	end := s.d.PressRelease.End
	for _, o := range s.prBlocks {
		if o.Span.Start <= b.Span.Start {
			continue
		}
		if o.Kind == Heading || isPseudoHeading(o) || (o.Kind == Paragraph && !o.Lead.Empty() && !o.Emphasized && (strings.HasSuffix(strings.TrimSpace(o.LeadText), ":") || isLabelClass(leadClass(o)))) {
			end = o.Span.Start
			break
		}
	}
	return trimEnd(s.d.Source, b.Span.Start, end)
}

// The names of a block's text and lead, and whether it is a release
// marker, follow from its text alone: they are kept with its prose so the
// vocabulary is not searched again on every keystroke.
var (
	markerKey = NewMemoKey()
	pseudoKey = NewMemoKey()
	leadKey   = NewMemoKey()
)

func blockMarker(b *Block) bool {
	if b.Prose == nil {
		return isReleaseMarker(b.Text)
	}
	return b.Prose.Memo(markerKey, func() any { return isReleaseMarker(b.Text) }).(bool)
}

func pseudoClass(b *Block) nameClass {
	read := func() any { return classifyName(strings.TrimRight(b.Text, ".:：— -")) }
	if b.Prose == nil {
		return read().(nameClass)
	}
	return b.Prose.Memo(pseudoKey, read).(nameClass)
}

func leadClass(b *Block) nameClass {
	read := func() any { return classifyName(strings.TrimRight(b.LeadText, ".:：— -")) }
	if b.Prose == nil {
		return read().(nameClass)
	}
	return b.Prose.Memo(leadKey, read).(nameClass)
}

// labelColon: a label's colon comes within its first words; a line without
// one holds no label (cheaper than the expression on every line).
func labelColon(line string) bool {
	head := line
	if len(head) > 130 {
		head = head[:130]
	}
	// not ContainsAny: with a wide character in its set it decodes every
	// character of head
	return strings.IndexByte(head, ':') >= 0 || strings.Contains(head, "：")
}

// endAtQuotations: a problem or solution section named by a heading runs
// to the next heading, but the quotations come after both
// parts, and what follows them in the section is how to get started and
// the call to action ("## How it works" over the solution, two quotations
// and "Marinas can sign up at …"). When paragraphs follow its quotations,
// the part ends before the first one and those paragraphs are read by the
// alignment.
func (s *scan) endAtQuotations() {
	d := s.d
	for _, k := range []PartKind{Problem, Solution} {
		p := d.Parts[k]
		if p == nil || p.How != HowHeading {
			continue
		}
		first, after := -1, false
		for _, b := range s.prBlocks {
			if b.Span.Start < p.Body.Start || b.Span.Start >= p.Span.End {
				continue
			}
			switch {
			case s.quotes[b]:
				if first < 0 {
					first = b.Span.Start
				}
			case first >= 0 && b.Kind == Paragraph && hasLetters(b.Text):
				after = true
			}
		}
		if first < 0 || !after || first <= p.Body.Start {
			continue
		}
		end := trimEnd(d.Source, p.Span.Start, first)
		p.Span.End, p.Body.End = end, end
		p.Text = d.PlainText(p.Body)
	}
}
