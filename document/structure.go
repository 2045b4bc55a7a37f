package document

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// recognise finds the press release, its parts, the quotes and the FAQ.
func recognise(d *Document) {
	dropAsides(d)
	s := &scan{d: d, class: map[*Block]nameClass{}}
	for _, h := range d.Headings {
		s.class[h] = headingClass(h)
	}
	for _, h := range d.Headings {
		if s.class[h] == nameTitle {
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
			if s.class[h] == nameTitle && (d.Parts[Headline] == nil || d.Parts[Headline].Span.Start != h.Span.Start) {
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
	if !bytes.Contains(d.Source, []byte("<reasoning>")) && !bytes.Contains(d.Source, []byte("<think")) {
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
	d        *Document
	class    map[*Block]nameClass
	faqHead  *Block
	prHead   *Block
	prBlocks []*Block // top-level blocks of the press release body
	used     map[*Block]bool
	quotes   map[*Block]bool // paragraphs that are quotations
	product  map[string]bool // the product's name words (productWords)
	// exampleQuotes are quoted lines that are examples, not quotations
	exampleQuotes map[*Block]bool
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

func (s *scan) findFAQ() {
	d := s.d
	for _, h := range d.Headings {
		if isFAQClass(s.class[h]) {
			s.faqHead = h
			break
		}
	}
	start := -1
	if s.faqHead != nil {
		start = s.faqHead.Span.Start
	} else {
		// No FAQ heading: an FAQ may still start with a bold "**FAQs:**"
		// line or with "**Q: …?**" lines.
		for _, b := range d.Blocks {
			if isPseudoHeading(b) && isFAQClass(pseudoClass(b)) {
				start = b.Span.Start
				break
			}
		}
		for _, b := range d.Blocks {
			if start < 0 && b.Kind == Paragraph && strongQuestion(b) {
				start = b.Span.Start
				break
			}
		}
	}
	if start < 0 {
		return
	}
	end := len(d.Source)
	if s.faqHead != nil {
		for _, h := range d.Headings {
			if h.Span.Start > start && h.Level <= s.faqHead.Level && !isFAQClass(s.class[h]) && !strings.HasSuffix(h.Text, "?") && hasLetters(h.Text) {
				end = h.Span.Start
				break
			}
		}
	}
	d.FAQSpan = Span{start, trimEnd(d.Source, start, end)}
	d.Parts[FAQ] = &Part{Kind: FAQ, Span: d.FAQSpan, Heading: s.faqHead, Body: d.FAQSpan, How: HowCue, Why: "the first question-and-answer entries"}
	if s.faqHead != nil {
		d.Parts[FAQ].How, d.Parts[FAQ].Why = HowHeading, fmt.Sprintf("named by the heading %q", clipText(s.faqHead.Text, 40))
	}
	// external and internal groups
	var groups []*Block
	for _, h := range d.Headings {
		if d.FAQSpan.Contains(h.Span.Start) && (s.class[h] == nameClass(ExternalFAQ) || s.class[h] == nameClass(InternalFAQ)) {
			groups = append(groups, h)
		}
	}
	for i, g := range groups {
		gend := d.FAQSpan.End
		if i+1 < len(groups) {
			gend = groups[i+1].Span.Start
		}
		for _, h := range d.Headings {
			if h.Span.Start > g.Span.Start && h.Span.Start < gend && h.Level < g.Level && !isFAQClass(s.class[h]) {
				gend = h.Span.Start
				break
			}
		}
		k := PartKind(s.class[g])
		if d.Parts[k] != nil {
			continue // a second group of the same kind joins the first
		}
		p := s.headedPart(k, g, gend)
		p.How, p.Why = HowHeading, fmt.Sprintf("named by the heading %q", clipText(g.Text, 40))
		d.Parts[k] = p
	}
	if s.faqHead != nil {
		p := d.Parts[FAQ]
		p.Body = Span{lineAfter(d, s.faqHead), p.Span.End}
		if p.Body.End < p.Body.Start { // "# FAQ " at the very end: trimmed span, empty body
			p.Body.End = p.Body.Start
		}
	}
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

func (s *scan) findPressRelease() {
	d := s.d
	limit := len(d.Source)
	if !d.FAQSpan.Empty() {
		limit = d.FAQSpan.Start
	}
	for _, h := range d.Headings {
		if h.Span.Start >= limit {
			break
		}
		if s.class[h] == namePressRelease {
			s.prHead = h
			break
		}
	}
	start := 0
	if d.FrontMatter != nil {
		start = d.FrontMatter.Span.End
	}
	end := limit
	if s.prHead != nil {
		start = s.prHead.Span.Start
		for _, h := range d.Headings {
			if h.Span.Start > start && h.Span.Start < end && h.Level <= s.prHead.Level && s.class[h] == nameNone && !s.looksLikeHeadline(h) && !isReleaseMarker(h.Text) {
				end = h.Span.Start
				break
			}
		}
	}
	if s.prHead != nil {
		start = s.headAbove(start)
	}
	d.PressRelease = Span{start, trimEnd(d.Source, start, end)}
	for _, b := range d.Blocks {
		if d.PressRelease.Contains(b.Span.Start) && b != s.prHead {
			s.prBlocks = append(s.prBlocks, b)
		}
	}
}

// headAbove: a headline and subheading placed above the "## Press Release"
// heading (at most two headings or bold or italic lines, after a title)
// belong to the press release.
func (s *scan) headAbove(prStart int) int {
	d := s.d
	var above []*Block
	for _, b := range d.Blocks {
		if b.Span.Start >= prStart {
			break
		}
		if d.FrontMatter != nil && b.Span.Start < d.FrontMatter.Span.End {
			continue
		}
		if b.Kind == Heading && s.class[b] == nameTitle || b.Kind == HTML || b.Kind == Break {
			continue
		}
		above = append(above, b)
	}
	if len(above) == 0 || len(above) > 2 {
		return prStart
	}
	for _, b := range above {
		headlike := b.Kind == Heading && s.class[b] == nameNone && !structural(b.Text) ||
			b.Kind == Paragraph && b.Emphasized && blockWords(b) <= 40 && !blockMarker(b)
		if !headlike {
			return prStart
		}
	}
	return above[0].Span.Start
}

// looksLikeHeadline: a heading right after the press-release heading at the
// same level is its headline, not the end of the press release.
func (s *scan) looksLikeHeadline(h *Block) bool {
	for _, b := range s.d.Blocks {
		if b.Span.Start > s.prHead.Span.Start {
			return b == h
		}
	}
	return false
}

var (
	datelineRe = regexp.MustCompile(`^\s*(?:` + placeRe + `\s*[—–-]{1,2}\s*` + dateRe + `|` + placeRe + `,\s*(?:le\s+|am\s+|el\s+|em\s+)?` + dateRe + `)[*_]*\s*[—–-]{1,2}|^\s*(?:\p{Han}{2,8}\s*[、，,]?\s*)?\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[—–-]{1,2}`)
	// datelineOnly is a dateline on a line of its own ("LISBON — April 2, 2026"):
	// it dates the release and is no part of it.
	datelineOnly = regexp.MustCompile(`^\s*[*_]*` + placeRe + `[*_]*\s*(?:[—–-]{1,2}|,)\s*[*_]*` + dateRe + `[*_]*\s*[—–-]*\s*$`)
)

func hasLetters(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '\u00a0' {
			return true
		}
	}
	return false
}

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
		if loc := labelRe.FindStringSubmatchIndex(text); loc != nil {
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

func (s *scan) setPart(k PartKind, b *Block, label Span) {
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

// partsByHeading: "## The Problem" names its section.
func (s *scan) partsByHeading() {
	d := s.d
	for _, h := range d.Headings {
		c := s.class[h]
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
			c = s.quoteClassIn(Span{h.Span.End, s.sectionEnd(h, limit)})
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
		p.How, p.Why = HowHeading, fmt.Sprintf("named by the heading %q", clipText(h.Text, 40))
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
				Why: fmt.Sprintf("named by the label %q", clipText(strings.TrimSpace(d.Text(h.label)), 40))}
			if h.plain {
				if formLabel(k, d.Text(h.label)) {
					p.Label = h.label // "Subtitle: …", left from the template
				}
			} else {
				// a bold lead-in opens a section that runs to the next lead-in or heading
				p.Span.End = s.leadSectionEnd(b)
				p.Body.End = p.Span.End
			}
			p.Text = strings.TrimSpace(d.Text(p.Body))
			if !h.plain {
				p.Text = strings.TrimSpace(strings.TrimPrefix(d.PlainText(p.Span), b.LeadText))
			}
			d.Parts[k] = p
		}
		if len(hits) > 0 {
			s.used[b] = true
		}
	}
}

// firstParagraphOnly: under "## Summary" the summary is the first
// paragraph; the paragraphs after it are the problem and the solution, read
// by the alignment.
func (s *scan) firstParagraphOnly(p *Part) {
	d := s.d
	first := true
	for _, b := range s.prBlocks {
		if b.Span.Start < p.Body.Start || b.Span.Start >= p.Span.End || b.Kind != Paragraph || !hasLetters(b.Text) {
			continue
		}
		if first {
			first = false
			continue
		}
		end := trimEnd(d.Source, p.Span.Start, b.Span.Start)
		p.Span.End, p.Body.End = end, end
		p.Text = d.PlainText(p.Body)
		return
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

func clipText(t string, n int) string {
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return t
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

func (s *scan) findHeadline() {
	d := s.d
	if d.Parts[Headline] != nil {
		return
	}
	paragraphs := 0
	var emphasized *Block
	for _, b := range s.prBlocks {
		if s.used[b] || blockMarker(b) {
			continue
		}
		switch b.Kind {
		case Heading:
			c := s.class[b]
			if c == namePressRelease || c == nameTitle {
				// "# Press Release: Acme sends invoices in one click" is a
				// container label and a headline in one
				if n := containerPrefix(b.Text); n > 0 && paragraphs <= 1 {
					s.setHeadline(b, n, "the heading after its %q label")
					return
				}
			}
			if c == nameTitle {
				if d.Title == nil {
					d.Title = b
				}
				continue
			}
			if c != nameNone || paragraphs > 1 || structural(b.Text) || !hasLetters(b.Text) {
				continue
			}
			s.setHeadline(b, 0, "the first heading of the press release")
			return
		case Paragraph:
			if !hasLetters(b.Text) {
				continue
			}
			if paragraphs == 0 && !b.Lead.Empty() && blockWords(b) <= 60 && !isQuoteText(b.Text) {
				if n := containerPrefix(b.Text); n > 0 && (b.Emphasized || strings.HasPrefix(b.Text, b.LeadText)) {
					s.setHeadline(b, n, "the bold line after its %q label")
					return
				}
				if b.Emphasized && blockWords(b) <= 40 {
					emphasized = b
				} else if line, sub := s.twoLineHead(b); line > 0 {
					// "**Headline**" and "*subheading*" on consecutive lines: one
					// paragraph, two parts
					p := &Part{Kind: Headline, Span: Span{b.Span.Start, line}, Body: b.Lead, Text: b.LeadText, How: HowCue,
						Why: "the bold first line of the press release"}
					d.Parts[Headline] = p
					if d.Parts[Subheading] == nil {
						d.Parts[Subheading] = &Part{Kind: Subheading, Span: Span{sub.Start, b.Span.End}, Body: sub,
							Text: strings.Trim(strings.TrimSpace(d.Text(sub)), "*_"), How: HowCue, Why: "the italic line under the headline"}
					}
					s.used[b] = true
					return
				}
			}
			paragraphs++
		}
	}
	if emphasized != nil {
		s.setHeadline(emphasized, 0, "the bold first line of the press release")
		return
	}
	// a title heading with real words besides "PRFAQ" is the headline when
	// no other heading is.
	if t := d.Title; t != nil {
		rest := strings.Fields(titleWords.ReplaceAllString(t.Text, " "))
		if len(rest) >= 3 {
			s.setHeadline(t, 0, "the title, which is the only headline")
			d.Title = nil
		}
	}
}

var titleWords = regexp.MustCompile(`(?i)pr\s*/?\s*[-_]?\s*faqs?|press release|[:—–-]|&|\band\b|\bfaqs?\b`)

// containerPrefix is the length of a "Press Release:" label that opens a
// headline ("Press Release: Acme sends invoices in one click"), or 0.
func containerPrefix(text string) int {
	m := containerRe.FindStringIndex(text)
	if m == nil || FieldCount(text[m[1]:]) < 3 {
		return 0
	}
	return m[1]
}

var containerRe = regexp.MustCompile(`(?i)^\W*(?:press release|pr/?faq|pressemitteilung|communiqué de presse|comunicado de prensa|comunicado de imprensa|пресс-релиз|プレスリリース|新闻稿|보도자료)\W*?\s*[:：—–-]\s*`)

// twoLineHead splits a paragraph whose first line is wholly bold and whose
// second is wholly italic: it returns where the first line ends and the
// italic line's span, or 0.
func (s *scan) twoLineHead(b *Block) (int, Span) {
	d := s.d
	m := d.Mapper
	first := m.Line(b.Content.Start)
	if m.Line(b.Lead.End) != first || m.Line(b.Content.End) != first+1 {
		return 0, Span{}
	}
	rest := strings.TrimSpace(d.Text(Span{m.LineStart(first + 1), b.Content.End}))
	if len(rest) < 3 || !(rest[0] == '*' || rest[0] == '_') || !(rest[len(rest)-1] == '*' || rest[len(rest)-1] == '_') {
		return 0, Span{}
	}
	start := m.LineStart(first + 1)
	for start < b.Content.End && isSpace(d.Source[start]) {
		start++
	}
	return trimEnd(d.Source, b.Span.Start, m.LineEnd(first)), Span{start, b.Content.End}
}

func (s *scan) setHeadline(b *Block, prefix int, why string) {
	p := &Part{Kind: Headline, Span: b.Span, Body: b.Content, Text: b.Text, How: HowCue, Why: why}
	container := prefix > 0 // "Press Release: …" names the document, not a template slot
	if prefix == 0 {
		if m := titlePrefix.FindStringIndex(b.Text); m != nil {
			prefix = m[1]
		}
	}
	if prefix > 0 {
		label := b.Prose.SourceSpan(0, prefix)
		if b.Lead.Start == b.Content.Start && !b.Lead.Empty() {
			label.Start = b.Content.Start
		}
		if !container {
			p.Label = label
		}
		p.Body.Start = label.End
		p.Text = strings.TrimSpace(b.Text[prefix:])
		if strings.Contains(why, "%q") {
			p.Why = fmt.Sprintf(why, strings.TrimSpace(b.Text[:prefix]))
		}
	}
	p.Why = strings.ReplaceAll(p.Why, " %q", "")
	s.d.Parts[Headline] = p
	s.used[b] = true
}

func (s *scan) findSubheading() {
	d := s.d
	h := d.Parts[Headline]
	if d.Parts[Subheading] != nil || h == nil {
		return
	}
	seen := 0
	for _, b := range s.prBlocks {
		if b.Span.Start < h.Span.End || s.used[b] {
			continue
		}
		if !hasLetters(b.Text) && b.Kind == Paragraph {
			continue
		}
		if blockMarker(b) {
			continue
		}
		if seen >= 2 {
			return
		}
		seen++
		why := "the line under the headline"
		switch {
		case b.Kind == Paragraph && b.Emphasized && !isQuoteText(b.Text) && !datelineRe.MatchString(b.Text):
			s.setSubheading(b, b.Content, b.Text, why)
			return
		case b.Kind == Heading && s.class[b] == nameNone && blockWords(b) <= 40 && !structural(b.Text):
			s.setSubheading(b, b.Content, b.Text, "the heading under the headline")
			return
		case b.Kind == BlockQuote && strings.HasPrefix(strings.TrimSpace(d.PlainText(b.Span)), "[!"):
			seen-- // a GitHub alert ("> [!IMPORTANT]") is an aside
			continue
		case b.Kind == BlockQuote:
			// "> For small landlords who …": a subheading in a blockquote, but
			// not a "> **Note:**" aside or a quotation
			ps := d.ProseIn(b.Span)
			if len(ps) != 1 {
				return
			}
			t := strings.TrimSpace(ps[0].Text)
			if isQuoteText(t) || labelRe.MatchString(t) || strings.HasPrefix(t, "[!") || FieldCount(t) > 40 || FieldCount(t) < 3 || datelineRe.MatchString(t) {
				return
			}
			s.setSubheading(b, ps[0].Span, t, "the blockquote under the headline")
			return
		case b.Kind == Paragraph && s.plainSubheading(b):
			s.setSubheading(b, b.Content, b.Text, why)
			return
		default:
			return
		}
	}
}

func (s *scan) setSubheading(b *Block, body Span, text, why string) {
	s.d.Parts[Subheading] = &Part{Kind: Subheading, Span: b.Span, Body: body, Text: text, How: HowCue, Why: why}
	s.used[b] = true
}

// isReleaseMarker: "FOR IMMEDIATE RELEASE", "Media contact: …" open a press
// release without being any part of it.
func isReleaseMarker(text string) bool {
	if len(text) > 200 {
		return false // a marker is a line, not a paragraph
	}
	if datelineOnly.MatchString(text) {
		return true
	}
	if m := labelRe.FindStringSubmatch(text); m != nil && m[1] != text && isReleaseMarker(m[1]) {
		return true // "Reference: https://…"
	}
	n := normalizeName(text)
	if n == "" {
		return false
	}
	w := strings.Fields(n)
	for _, m := range releaseMarkers {
		exact, isExact := strings.CutPrefix(m, "=")
		m = norm(exact)
		if n == m || !isExact && strings.HasPrefix(n+" ", m+" ") && len(w) <= 8 {
			return true
		}
	}
	return false
}

const (
	placeRe = `(?:\p{Lu}[\p{L}.' ]{1,40}(?:,\s*[\p{L}.' ]{2,30})?|\[[^\]]{1,40}\])`
	monthRe = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|Januar|Februar|März|Juni|Juli|Oktober|Dezember)\p{L}*\.?`
	dateRe  = `(?i:` + monthRe + `(?:\s+\d{1,2},?)?(?:\s+\d{4})?|\d{1,2}\.?\s+(?:de\s+)?` + monthRe + `\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\[[^\]]{1,40}\]|today|TBD|Q[1-4]\s+\d{4})`
)

// datedStatement: a dateline that opens a statement of some words (a
// dateline before a bare link is no summary).
func datedStatement(t string) bool {
	m := datelineRe.FindStringIndex(t)
	return m != nil && FieldCount(t[m[1]:]) >= 4
}

// announces: a sentence that announces a launch is the summary, however short.
var announces = regexp.MustCompile(`(?i)\b(today|announc\w*|launch(es|ed|ing)?|introduc(es|ed|ing))\b`)

// plainSubheading: a short one-line paragraph right after the headline,
// with no dateline, followed by more of the press release.
func (s *scan) plainSubheading(b *Block) bool {
	n := blockWords(b)
	if n < 3 || n > 25 || datelineRe.MatchString(b.Text) || isQuoteText(b.Text) || strings.ContainsAny(b.Text, "\n") || announces.MatchString(b.Text) || isQuestionText(b.Text) {
		return false
	}
	if s.d.Mapper.Line(b.Content.Start) != s.d.Mapper.Line(b.Content.End) || len(b.Prose.Sentences()) != 1 {
		return false
	}
	for _, o := range s.prBlocks {
		if o.Span.Start > b.Span.End && o.Kind == Paragraph && hasLetters(o.Text) {
			return FieldCount(o.Text) > n || datelineRe.MatchString(o.Text)
		}
	}
	return false
}

// plainParagraphs are the press release's unclaimed paragraphs in order.
func (s *scan) plainParagraphs() []*Block {
	var out []*Block
	for _, b := range s.prBlocks {
		if b.Kind == Paragraph && !s.used[b] && !s.quotes[b] && hasLetters(b.Text) && !blockMarker(b) {
			out = append(out, b)
		}
	}
	return out
}

func (s *scan) findSummary() {
	d := s.d
	if p := d.Parts[Summary]; p != nil {
		s.dateline(p)
		return
	}
	for _, b := range s.prBlocks {
		// "> AUCKLAND — 3 March 2026 — …": a dated summary in a blockquote
		if b.Kind == BlockQuote && !s.used[b] && datedStatement(strings.TrimSpace(d.PlainText(b.Span))) {
			if h := d.Parts[Headline]; h == nil || b.Span.Start > h.Span.Start {
				d.Parts[Summary] = &Part{Kind: Summary, Span: b.Span, Body: b.Span, Text: strings.TrimSpace(d.PlainText(b.Span)),
					How: HowCue, Why: "the blockquote that opens with the dateline"}
				s.used[b] = true
				s.dateline(d.Parts[Summary])
				return
			}
		}
		if b.Kind == Paragraph {
			break
		}
	}
	for _, b := range s.plainParagraphs() {
		if b.Emphasized || (blockWords(b) < 12 && !datedStatement(b.Text)) || (d.Parts[Headline] != nil && b.Span.Start < d.Parts[Headline].Span.Start) {
			continue
		}
		s.setPart(Summary, b, Span{})
		d.Parts[Summary].How, d.Parts[Summary].Why = HowCue, "the first paragraph that says what launches"
		if datelineRe.MatchString(b.Text) {
			d.Parts[Summary].Why = "the paragraph that opens with the dateline"
		}
		s.dateline(d.Parts[Summary])
		return
	}
}

func (s *scan) dateline(p *Part) {
	for _, pr := range s.d.ProseIn(p.Body) {
		if m := datelineRe.FindStringIndex(pr.Text); m != nil {
			p.Dateline = pr.SourceSpan(m[0], m[1])
		}
		return
	}
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

// The names of a block's text and lead, and whether it is a release
// marker, follow from its text alone: they are kept with its prose so the
// vocabulary is not searched again on every keystroke.
type (
	markerKey struct{}
	pseudoKey struct{}
	leadKey   struct{}
)

func blockMarker(b *Block) bool {
	if b.Prose == nil {
		return isReleaseMarker(b.Text)
	}
	return b.Prose.Memo(markerKey{}, func() any { return isReleaseMarker(b.Text) }).(bool)
}

func pseudoClass(b *Block) nameClass {
	read := func() any { return classifyName(strings.TrimRight(b.Text, ".:：— -")) }
	if b.Prose == nil {
		return read().(nameClass)
	}
	return b.Prose.Memo(pseudoKey{}, read).(nameClass)
}

func leadClass(b *Block) nameClass {
	read := func() any { return classifyName(strings.TrimRight(b.LeadText, ".:：— -")) }
	if b.Prose == nil {
		return read().(nameClass)
	}
	return b.Prose.Memo(leadKey{}, read).(nameClass)
}
