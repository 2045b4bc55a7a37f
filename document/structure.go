package document

import (
	"regexp"
	"strings"
)

// recognise finds the press release, its parts, the quotes and the FAQ.
func recognise(d *Document) {
	s := &scan{d: d, class: map[*Block]nameClass{}}
	for _, h := range d.Headings {
		s.class[h] = headingClass(h)
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

type scan struct {
	d        *Document
	class    map[*Block]nameClass
	faqHead  *Block
	prHead   *Block
	prBlocks []*Block // top-level blocks of the press release body
	used     map[*Block]bool
	quotes   map[*Block]bool // paragraphs that are quotations
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
		// No FAQ heading: an FAQ may still start with "**Q: …?**" lines.
		for _, b := range d.Blocks {
			if b.Kind == Paragraph && strongQuestion(b) {
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
			if h.Span.Start > start && h.Level <= s.faqHead.Level && !isFAQClass(s.class[h]) && !strings.HasSuffix(h.Text, "?") {
				end = h.Span.Start
				break
			}
		}
	}
	d.FAQSpan = Span{start, trimEnd(d.Source, start, end)}
	d.Parts[FAQ] = &Part{Kind: FAQ, Span: d.FAQSpan, Heading: s.faqHead, Body: d.FAQSpan}
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
			if h.Span.Start > start && h.Span.Start < end && h.Level <= s.prHead.Level && s.class[h] == nameNone && !s.looksLikeHeadline(h) {
				end = h.Span.Start
				break
			}
		}
	}
	d.PressRelease = Span{start, trimEnd(d.Source, start, end)}
	for _, b := range d.Blocks {
		if d.PressRelease.Contains(b.Span.Start) && b != s.prHead {
			s.prBlocks = append(s.prBlocks, b)
		}
	}
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
	datelineRe  = regexp.MustCompile(`^\s*([A-Z][\p{L}.' ]{1,40}(?:,\s*[\p{L}.' ]{2,30})?|\[[^\]]{1,40}\])\s*[—–-]{1,2}\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2},?)?(?:\s+\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}|\d{4}-\d{2}-\d{2}|\[[^\]]{1,40}\]|today|TBD|Q[1-4]\s+\d{4})\s*[—–-]{1,2}`)
	problemCue  = regexp.MustCompile(`(?i)\b(problems?|struggl\w*|pain(ful)?|frustrat\w*|difficult\w*|hard (to|for)|challeng\w*|tedious|cumbersome|error-prone|can't|cannot|unable|lack(s|ing)?|no (easy |simple |good |standard )?way|there (is|are) no|spend\w* (hours|days|weeks)|too (much|many|long|hard|slow)|bottleneck\w*|complicat\w*|not taught|gap|harder|limited|today's|rely on|vulnerab\w*|fail\w*|breach\w*|exposed|wast\w*)\b`)
	solutionCue = regexp.MustCompile(`(?i)\b(that's why|that is why|introduc\w*|solves?|solution|lets|enables?|makes it (easy|easier|simple|possible)|launch\w*|announc\w*|helps?|allows?|provides?|automatically|in (minutes|seconds)|with \p{Lu}[\w-]*,|now (you|customers|developers|teams|users|it|they)|is the evolution|empowers?|can now|anyone can|can)\b`)
	ctaCue      = regexp.MustCompile(`(?i)\b(get started|getting started|to start|available (today|now|in|at|from|on|for|through|via|as)|is available|are available|visit|sign up|signup|learn more|go to|download|install|try (it|\w+ (today|now|free))|register|join|contact us|request access|preview|read the)\b`)
	reference   = regexp.MustCompile(`(?i)^(reference|for immediate release|source)\b`)
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
	if !b.Lead.Empty() && !b.Emphasized {
		lt := strings.TrimRight(b.LeadText, ".:— -")
		if c := classifyName(lt); isPartClass(c) {
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
			if c := classifyName(text[loc[2]:loc[3]]); isPartClass(c) {
				if n := len(hits); n > 0 {
					hits[n-1].span.End = trimEnd(d.Source, hits[n-1].span.Start, m.LineStart(line))
				}
				hits = append(hits, labelHit{class: c, label: Span{start, start + loc[1]}, span: Span{m.LineStart(line), b.Span.End}, plain: true})
			}
		}
	}
	return hits
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

func (s *scan) findParts() {
	d := s.d
	s.used = map[*Block]bool{}
	s.quotes = map[*Block]bool{}
	// 1. parts named by headings
	for _, h := range d.Headings {
		if !d.PressRelease.Contains(h.Span.Start) || h == s.prHead {
			continue
		}
		c := s.class[h]
		if !isPartClass(c) {
			continue
		}
		k := PartKind(c)
		if d.Parts[k] != nil {
			continue
		}
		p := s.headedPart(k, h, s.sectionEnd(h, d.PressRelease.End))
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
	// 2. parts named by lead-in labels
	for _, b := range s.labelBlocks() {
		hits := s.labels(b)
		for _, h := range hits {
			k := PartKind(h.class)
			if d.Parts[k] != nil {
				continue
			}
			p := &Part{Kind: k, Span: h.span, Body: Span{h.label.End, h.span.End}}
			if h.plain {
				p.Label = h.label
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
	s.findHeadline()
	s.findSubheading()
	s.findQuotes()
	s.findSummary()
	s.findByContent()
}

func (s *scan) leadSectionEnd(b *Block) int {
	end := s.d.PressRelease.End
	for _, o := range s.prBlocks {
		if o.Span.Start <= b.Span.Start {
			continue
		}
		if o.Kind == Heading || (o.Kind == Paragraph && !o.Lead.Empty() && !o.Emphasized) {
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
		if s.used[b] {
			continue
		}
		switch b.Kind {
		case Heading:
			c := s.class[b]
			if c == nameTitle {
				if d.Title == nil {
					d.Title = b
				}
				continue
			}
			if c != nameNone || paragraphs > 1 || structural(b.Text) || !hasLetters(b.Text) {
				continue
			}
			s.setHeadline(b)
			return
		case Paragraph:
			if !hasLetters(b.Text) {
				continue
			}
			if paragraphs == 0 && b.Emphasized && FieldCount(b.Text) <= 40 && !reference.MatchString(b.Text) {
				emphasized = b
			}
			paragraphs++
		}
	}
	if emphasized != nil {
		s.setHeadline(emphasized)
		return
	}
	// a title heading with real words besides "PRFAQ" is the headline when
	// no other heading is.
	if t := d.Title; t != nil {
		rest := strings.Fields(regexp.MustCompile(`(?i)pr\s*/?\s*[-_]?\s*faqs?|[:—–-]`).ReplaceAllString(t.Text, " "))
		if len(rest) >= 3 {
			s.setHeadline(t)
			d.Title = nil
		}
	}
}

func (s *scan) setHeadline(b *Block) {
	p := &Part{Kind: Headline, Span: b.Span, Body: b.Content, Text: b.Text}
	if m := titlePrefix.FindStringIndex(b.Text); m != nil {
		p.Label = b.Prose.SourceSpan(m[0], m[1])
		p.Body.Start = p.Label.End
		p.Text = b.Text[m[1]:]
	}
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
		if seen >= 2 {
			return
		}
		seen++
		switch {
		case b.Kind == Paragraph && b.Emphasized && !reference.MatchString(b.Text) && !isQuoteText(b.Text):
			s.setPart(Subheading, b, Span{})
			return
		case b.Kind == Heading && s.class[b] == nameNone && FieldCount(b.Text) <= 40:
			s.setPart(Subheading, b, Span{})
			return
		case b.Kind == Paragraph && reference.MatchString(b.Text):
			continue
		case b.Kind == Paragraph && s.plainSubheading(b):
			s.setPart(Subheading, b, Span{})
			return
		default:
			return
		}
	}
}

// plainSubheading: a short one-line paragraph right after the headline,
// with no dateline, followed by more of the press release.
func (s *scan) plainSubheading(b *Block) bool {
	n := FieldCount(b.Text)
	if n < 3 || n > 25 || datelineRe.MatchString(b.Text) || isQuoteText(b.Text) || strings.ContainsAny(b.Text, "\n") {
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
		if b.Kind == Paragraph && !s.used[b] && !s.quotes[b] && hasLetters(b.Text) && !reference.MatchString(b.Text) {
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
	for _, b := range s.plainParagraphs() {
		if b.Emphasized || (FieldCount(b.Text) < 12 && !datelineRe.MatchString(b.Text)) || (d.Parts[Headline] != nil && b.Span.Start < d.Parts[Headline].Span.Start) {
			continue
		}
		s.setPart(Summary, b, Span{})
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

// findByContent recognises problem, solution and call to action in
// paragraphs without headings. It errs on the side of finding a part.
func (s *scan) findByContent() {
	d := s.d
	paras := s.plainParagraphs()
	summary := d.Parts[Summary]
	candidates := func(cue *regexp.Regexp, after int) *Block {
		for pass := 0; pass < 2; pass++ {
			for _, b := range paras {
				isSummary := summary != nil && summary.Span.Covers(b.Span)
				if (pass == 0) == isSummary || b.Span.Start < after {
					continue
				}
				if cue.MatchString(b.Text) {
					return b
				}
			}
		}
		return nil
	}
	if d.Parts[Problem] == nil {
		if b := candidates(problemCue, 0); b != nil {
			s.setContentPart(Problem, b)
		}
	}
	if d.Parts[Solution] == nil {
		after := 0
		if p := d.Parts[Problem]; p != nil && p.Heading == nil {
			after = p.Span.Start
		}
		if b := candidates(solutionCue, after); b == nil {
			if b = candidates(solutionCue, 0); b != nil {
				s.setContentPart(Solution, b)
			}
		} else {
			s.setContentPart(Solution, b)
		}
	}
	if d.Parts[CallToAction] == nil {
		var last *Block
		third := d.PressRelease.Start + 2*(d.PressRelease.End-d.PressRelease.Start)/3
		for _, b := range paras {
			if ctaCue.MatchString(b.Text) || (b.Span.Start >= third && strings.Contains(d.Text(b.Span), "http")) {
				last = b
			}
		}
		if last != nil {
			s.setContentPart(CallToAction, last)
		}
	}
}

// setContentPart records a part found by content; the paragraph may serve
// more than one part (a summary that states the problem), so it is not used up.
func (s *scan) setContentPart(k PartKind, b *Block) {
	s.d.Parts[k] = &Part{Kind: k, Span: b.Span, Body: b.Span, Text: b.Text}
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
