package document

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The press release: where it is, and the parts its shape shows (the
// headline, the subheading, the summary with its dateline).

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
		if s.classOf(h) == namePressRelease {
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
			if h.Span.Start > start && h.Span.Start < end && h.Level <= s.prHead.Level && s.classOf(h) == nameNone && !s.looksLikeHeadline(h) && !isReleaseMarker(h.Text) {
				end = h.Span.Start
				break
			}
		}
	}
	if s.prHead != nil {
		start = s.headAbove(start)
	} else if t := s.laterTitle(start, limit); t != nil {
		// "# Treeline Vision", a tagline, then "## PRFAQ": what the PR/FAQ's
		// own title heading follows is the document's preamble
		start = t.Span.Start
	}
	d.PressRelease = Span{start, trimEnd(d.Source, start, end)}
	for _, b := range d.Blocks {
		if d.PressRelease.Contains(b.Span.Start) && b != s.prHead {
			s.prBlocks = append(s.prBlocks, b)
		}
	}
}

// underStructural: h sits in a design document's structural section ("###
// README" over "#### CDK Explorer"): the README's own title, not a headline.
func (s *scan) underStructural(h *Block) bool {
	var parent *Block
	for _, p := range s.d.Headings {
		if p.Span.Start >= h.Span.Start {
			break
		}
		if p.Level < h.Level {
			parent = p
		}
	}
	// "# For Immediate Release" and "## Pressemitteilung" open a release
	return parent != nil && structural(parent.Text) && !isReleaseMarker(parent.Text) && s.classOf(parent) != namePressRelease
}

// laterTitle is a heading that names the whole PR/FAQ ("## PRFAQ") with
// text before it, in [from, limit).
func (s *scan) laterTitle(from, limit int) *Block {
	for _, b := range s.d.Blocks {
		if b.Span.Start < from || b.Kind == HTML || b.Kind == Break {
			continue
		}
		if b.Span.Start >= limit {
			return nil
		}
		if b.Kind == Heading && s.classOf(b) == nameTitle {
			if b.Span.Start > s.firstText(from) {
				return b
			}
			return nil
		}
	}
	return nil
}

// firstText is where the first block with text after from starts.
func (s *scan) firstText(from int) int {
	for _, b := range s.d.Blocks {
		if b.Span.Start >= from && b.Kind != HTML && b.Kind != Break {
			return b.Span.Start
		}
	}
	return from
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
		if b.Kind == Heading && s.classOf(b) == nameTitle || b.Kind == HTML || b.Kind == Break {
			continue
		}
		above = append(above, b)
	}
	if len(above) == 0 || len(above) > 2 || s.opensWithHead() {
		return prStart
	}
	for _, b := range above {
		headlike := b.Kind == Heading && s.classOf(b) == nameNone && !structural(b.Text) ||
			b.Kind == Paragraph && b.Emphasized && blockWords(b) <= 40 && !blockMarker(b)
		if !headlike {
			return prStart
		}
	}
	return above[0].Span.Start
}

// opensWithHead: the press release's own section opens with a headline
// ("## The Announcement" over "### Quillmere turns a lecture into notes"):
// what stands above its heading is the document's title, not the headline.
func (s *scan) opensWithHead() bool {
	for _, b := range s.d.Blocks {
		if b.Span.Start <= s.prHead.Span.Start || b.Kind == HTML || b.Kind == Break || blockMarker(b) {
			continue
		}
		switch b.Kind {
		case Heading:
			return b.Level > s.prHead.Level && s.classOf(b) == nameNone && !structural(b.Text) && blockWords(b) >= 4
		case Paragraph:
			return b.Emphasized && blockWords(b) >= 4 && blockWords(b) <= 40 && !isQuoteText(b.Text)
		}
		return false
	}
	return false
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
	// datelineRe names the place once for its three shapes (dash, comma,
	// parenthesis): Go compiles each mention of a \p{L} class anew, and three
	// places made compiling it 8.9 M instructions, a sixth of checking an
	// 800-word document, against 4.9 M (the same spans on 38,000 datelines).
	datelineRe = NewLazyRegexp(`^\s*(?:` + placeRe + `(?:(?:\s*[—–-]{1,2}\s*|,\s*(?:le\s+|am\s+|el\s+|em\s+)?)` + dateRe + `|,?\s*\(\s*` + dateRe + `\s*\))|[*_]*\[[^\]]*(?i:date|datum|fecha|data|дата|日付|日期)[^\]]*\][*_]*)[*_]*` + wireCredit + `\s*[—–-]{1,2}|^\s*(?:\p{Han}{2,8}\s*[、，,]?\s*)?\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[—–-]{1,2}`)
	// wireCredit is a newswire's credit between the date and the dash
	// ("YORK, March 3, 2026 /PRNewswire/ --", "(BUSINESS WIRE)").
	wireCredit = `(?:\s*/[^/\n]{2,40}/|\s*\([^)\n]{2,40}\))?`
	// datelineOnly is a dateline on a line of its own ("LISBON — April 2, 2026"):
	// it dates the release and is no part of it.
	datelineOnly = NewLazyRegexp(`^\s*[*_]*` + placeRe + `[*_]*\s*(?:[—–-]{1,2}|,)\s*[*_]*` + dateRe + `[*_]*\s*[—–-]*\s*$`)
)

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
			c := s.classOf(b)
			// "# Press Release: Acme sends invoices in one click" is a
			// container label and a headline in one
			if n := containerPrefix(b.Text); n > 0 && paragraphs <= 1 {
				s.setHeadline(b, n, "the heading after its %q label")
				return
			}
			if c == nameTitle {
				if d.Title == nil {
					d.Title = b
				}
				continue
			}
			if c != nameNone || paragraphs > 1 || structural(b.Text) || !hasLetters(b.Text) || s.underStructural(b) {
				continue
			}
			if s.containerAbove(b) {
				continue // "## Pressmeddelande" over the headline over the dated summary
			}
			if s.nameOnlyTitle(b) {
				if d.Title == nil {
					d.Title = b // "# Quernmoor" over "## Quernmoor tells a restaurant …"
				}
				continue
			}
			s.setHeadline(b, 0, "the first heading of the press release")
			return
		case Paragraph:
			if !hasLetters(b.Text) || isPseudoHeading(b) && (pseudoClass(b) == namePressRelease || pseudoClass(b) == nameTitle) {
				continue // "**PRESS RELEASE**", "**Marlowe PR/FAQ**" head the release, as their headings would
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
			if paragraphs == 0 && emphasized == nil && s.plainHeadline(b) {
				s.setHeadline(b, 0, "the line above the dateline")
				return
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
			prefix := 0
			if m := titleLabel.FindStringIndex(t.Text); m != nil {
				prefix = m[1] // "PR/FAQ: Ledger bills tenants": the words after the label
			}
			s.setHeadline(t, prefix, "the title, which is the only headline")
			d.Title = nil
		}
	}
}

var titleWords = NewLazyRegexp(`(?i)pr\s*/?\s*[-_]?\s*faqs?|press release|[:—–-]|&|\band\b|\bfaqs?\b`)

// titleLabel is a title's "PR/FAQ:" opening.
var titleLabel = NewLazyRegexp(`(?i)^\W*pr\s*/?\s*[-_]?\s*faqs?\W*?\s*[:：—–-]\s*`)

// containerPrefix is the length of a "Press Release:" label that opens a
// headline ("Press Release: Acme sends invoices in one click"), or 0.
func containerPrefix(text string) int {
	m := containerRe.FindStringIndex(text)
	if m == nil || FieldCount(text[m[1]:]) < 3 {
		return 0
	}
	return m[1]
}

var containerRe = NewLazyRegexp(`(?i)^\W*(?:press release|pressemitteilung|communiqué de presse|comunicado de prensa|comunicado de imprensa|пресс-релиз|プレスリリース|新闻稿|보도자료)\W*?\s*[:：—–-]\s*`)

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

// containerAbove: h, a word or three, is right above a deeper heading
// that is right above the dated summary: that one is the headline, and h,
// in whatever language, heads the press release (or the document).
func (s *scan) containerAbove(h *Block) bool {
	if blockWords(h) > 3 {
		return false // a headline over its subheading, not a name over the headline
	}
	var next []*Block
	for _, b := range s.prBlocks {
		if b.Span.Start <= h.Span.Start || b.Kind == HTML || b.Kind == Break || blockMarker(b) && !isDatelineLine(b.Text) {
			continue
		}
		if next = append(next, b); len(next) == 2 {
			break
		}
	}
	if len(next) < 2 {
		return false
	}
	head, sum := next[0], next[1]
	if !(head.Kind == Heading && head.Level > h.Level && s.classOf(head) == nameNone && blockWords(head) >= 4 &&
		!structural(head.Text) && !isQuestionText(head.Text) &&
		sum.Kind == Paragraph && (s.datedStatement(sum.Text) || isDatelineLine(sum.Text))) {
		return false
	}
	// "# Tallyrun" over "## A stock count for small warehouses" names
	// the product the summary announces: that name is the headline
	summary := strings.ToLower(sum.Text)
	return !strings.Contains(summary, strings.ToLower(strings.TrimSpace(h.Text)))
}

// nameOnlyTitle: a heading of a word or three ("# Quernmoor") over a
// deeper heading that reads as a headline, with at most a tagline between
// them, is the document's title: the headline is the heading under it.
func (s *scan) nameOnlyTitle(h *Block) bool {
	if blockWords(h) > 3 {
		return false
	}
	for _, b := range s.prBlocks {
		if b.Span.Start <= h.Span.Start || b.Kind == HTML || b.Kind == Break || blockMarker(b) {
			continue
		}
		switch {
		case b.Kind == Heading:
			// the headline names the product the title is ("Quernmoor
			// tells …"); a tagline under a name ("## A workflow app for
			// MVP apps") is the subheading of a headline that is the name
			return b.Level > h.Level && s.classOf(b) == nameNone && blockWords(b) >= 5 && !structural(b.Text) &&
				!isQuestionText(b.Text) && hasWord(normalizeName(b.Text), normalizeName(h.Text))
		case b.Kind == Paragraph && (b.Emphasized || blockWords(b) <= 12) && !s.hasDateline(b.Text) && !isQuoteText(b.Text):
			continue // a tagline
		default:
			return false
		}
	}
	return false
}

// plainHeadline: a press release written with no headings and no bold
// opens with its headline as a plain line, right above the dated summary
// ("Orrinmoor shows a farmer which field to spray first" over "NORWICH —
// 20 April 2026 — …"). One short line that ends as no sentence does.
func (s *scan) plainHeadline(b *Block) bool {
	t := strings.TrimSpace(b.Text)
	n := blockWords(b)
	if n < 4 || n > 25 || strings.ContainsAny(t, "\n") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") ||
		isQuoteText(t) || isQuestionText(t) || s.hasDateline(t) || findLabel(t) != nil {
		return false
	}
	m := s.d.Mapper
	if m.Line(b.Content.Start) != m.Line(b.Content.End) {
		return false
	}
	between := 0 // a subheading may stand between them
	for _, o := range s.prBlocks {
		if o.Span.Start <= b.Span.Start || o.Kind == HTML {
			continue
		}
		if blockMarker(o) {
			if isDatelineLine(o.Text) {
				return true // "NORWICH — 20 April 2026" on a line of its own
			}
			continue // "FOR IMMEDIATE RELEASE"
		}
		if o.Kind != Paragraph {
			return false
		}
		if s.datedStatement(o.Text) {
			return true
		}
		if between++; between > 1 || blockWords(o) > 40 || isQuoteText(o.Text) {
			return false
		}
	}
	return false
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
		if blockMarker(b) || b.Kind == HTML {
			continue // a template's "<!-- Subheading: … -->" note is no part
		}
		if seen >= 2 {
			return
		}
		seen++
		why := "the line under the headline"
		switch {
		case b.Kind == Paragraph && b.Emphasized && !isQuoteText(b.Text) && !s.hasDateline(b.Text):
			s.setSubheading(b, b.Content, b.Text, why)
			return
		case b.Kind == Heading && s.classOf(b) == nameNone && blockWords(b) <= 40 && !structural(b.Text):
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
			if isQuoteText(t) || labelRe.MatchString(t) || strings.HasPrefix(t, "[!") || FieldCount(t) > 40 || FieldCount(t) < 3 || s.hasDateline(t) {
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
	if maybeDateline(text) && datelineOnly.MatchString(text) {
		return true
	}
	if m := findLabel(text); m != nil && m[1] != text && isReleaseMarker(m[1]) {
		return true // "Reference: https://…"
	}
	n := normalizeName(text)
	if n == "" {
		return false
	}
	words := FieldCount(n)
	for _, m := range phrasesOf(releaseMarkers).all {
		if n == m.norm || !m.exact && words <= 8 && strings.HasPrefix(n, m.norm) && (len(n) == len(m.norm) || n[len(m.norm)] == ' ') {
			return true
		}
	}
	return false
}

const (
	placeRe = `(?:\p{Lu}[\p{L}.' ]{1,40}(?:,\s*[\p{L}.' ]{2,30})?|\[[^\]]{1,40}\])`
	monthRe = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|Januar|Februar|März|Juni|Juli|Oktober|Dezember|gennaio|maggio|giugno|luglio|settembre|ottobre|dicembre|maart|mei)\p{L}*\.?`
	dateRe  = `(?i:` + monthRe + `(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+\d{4})?|\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+|of\s+)?` + monthRe + `\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\[[^\]]{1,40}\]|today|TB[DAC]|Q[1-4]\s+\d{4}|` +
		// a day, a month in a language the list does not know, a year ("4 maja 2026")
		`\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4})`
)

// isDatelineLine: a dateline on a line of its own ("LISBON — April 2, 2026").
func isDatelineLine(t string) bool {
	return len(t) <= 200 && maybeDateline(t) && datelineOnly.MatchString(t)
}

// maybeDateline is a cheap test before the dateline expressions: a dateline
// has a year or a bracketed slot, near the start.
func maybeDateline(t string) bool {
	head := t
	if len(head) > 160 {
		head = head[:160]
	}
	if !containsAnyRune(head, "—–-,年") {
		return false
	}
	return strings.Contains(head, "20") || strings.Contains(head, "19") || containsAnyRune(head, "[年") ||
		strings.Contains(head, "today") || strings.Contains(head, "Today") || strings.Contains(head, "TB") || quarter.MatchString(head)
}

var quarter = NewLazyRegexp(`Q[1-4]`)

func hasDateline(t string) bool { return findDateline(t) != nil }

func findDateline(t string) []int {
	if !maybeDateline(t) {
		return nil
	}
	head := datelineHead(t)
	if !containsAnyRune(head, "—–-") {
		return nil // every dateline the expression knows ends with a dash
	}
	if m := datelineRe.KeptSubmatchIndex(head); m != nil {
		return m[:2:2]
	}
	return nil
}

// findDateline, hasDateline and datedStatement, for one reading: the
// subheading's, the summary's and the dateline's finders all ask about
// the summary, and the expression on it costs as much as the rest of its
// reading. The answers for a text are kept for the rest of the reading.
func (s *scan) findDateline(t string) []int {
	if m, ok := s.datelines[t]; ok {
		return m
	}
	m := findDateline(t)
	if s.datelines == nil {
		s.datelines = map[string][]int{}
	}
	s.datelines[t] = m
	return m
}

func (s *scan) hasDateline(t string) bool { return s.findDateline(t) != nil }

func (s *scan) datedStatement(t string) bool {
	m := s.findDateline(t)
	return m != nil && FieldCount(t[m[1]:]) >= 4
}

// datelineHead is where a dateline can be: the opening of t. The
// expression is anchored, but the matcher still walked a whole summary on
// every keystroke.
func datelineHead(t string) string {
	const most = 300
	if len(t) <= most {
		return t
	}
	end := most
	for end > 0 && !utf8.RuneStart(t[end]) {
		end--
	}
	return t[:end]
}

// datedStatement: a dateline that opens a statement of some words (a
// dateline before a bare link is no summary).
func datedStatement(t string) bool {
	m := findDateline(t)
	return m != nil && FieldCount(t[m[1]:]) >= 4
}

// announces: a sentence that announces a launch is the summary, however short.
var announces = NewLazyRegexp(`(?i)\b(today|announc\w*|launch(es|ed|ing)?|introduc(es|ed|ing))\b`)

// plainSubheading: a short one-line paragraph right after the headline,
// with no dateline, followed by more of the press release.
func (s *scan) plainSubheading(b *Block) bool {
	n := blockWords(b)
	if n < 3 || n > 25 || s.hasDateline(b.Text) || isQuoteText(b.Text) || strings.ContainsAny(b.Text, "\n") || announces.MatchString(b.Text) || isQuestionText(b.Text) {
		return false
	}
	if s.d.Mapper.Line(b.Content.Start) != s.d.Mapper.Line(b.Content.End) || len(b.Prose.Sentences()) != 1 {
		return false
	}
	for _, o := range s.prBlocks {
		if o.Span.Start > b.Span.End && o.Kind == Paragraph && hasLetters(o.Text) {
			return FieldCount(o.Text) > n || s.hasDateline(o.Text) || isDatelineLine(o.Text)
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

// afterNamedPart: b lies in or after a part of the body (problem onwards)
// that a heading or a label names.
func (s *scan) afterNamedPart(b *Block) bool {
	for _, k := range PressReleaseParts[3:] { // problem onwards
		if p := s.d.Parts[k]; p != nil && (p.How == HowHeading || p.How == HowLabel) && b.Span.Start >= p.Span.Start {
			return true
		}
	}
	return false
}

func (s *scan) findSummary() {
	d := s.d
	if p := d.Parts[Summary]; p != nil {
		s.dateline(p)
		return
	}
	for _, b := range s.prBlocks {
		// "> AUCKLAND — 3 March 2026 — …": a dated summary in a blockquote
		if b.Kind == BlockQuote && !s.used[b] && s.datedStatement(strings.TrimSpace(d.PlainText(b.Span))) {
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
		if b.Emphasized || (blockWords(b) < 12 && !s.datedStatement(b.Text)) || (d.Parts[Headline] != nil && b.Span.Start < d.Parts[Headline].Span.Start) {
			continue
		}
		if s.afterNamedPart(b) {
			// the summary opens the release: under or after "## The
			// problem", a paragraph is the body's, whatever it says
			break
		}
		s.setPart(Summary, b)
		d.Parts[Summary].How, d.Parts[Summary].Why = HowCue, "the first paragraph that says what launches"
		if s.hasDateline(b.Text) {
			d.Parts[Summary].Why = "the paragraph that opens with the dateline"
		}
		s.dateline(d.Parts[Summary])
		return
	}
}

func (s *scan) dateline(p *Part) {
	for _, pr := range s.d.ProseIn(p.Span) {
		if pr.Span.End <= p.Body.Start {
			continue // the heading that names it
		}
		// a summary named by a label ("**Summary:** BERLIN — …") starts
		// inside its paragraph's prose: the dateline opens the rest
		at := 0
		for at < len(pr.Text) && pr.Offset(at) < p.Body.Start {
			at++
		}
		for at < len(pr.Text) && (pr.Text[at] == ' ' || pr.Text[at] == '\t') {
			at++
		}
		if m := s.findDateline(pr.Text[at:]); m != nil {
			p.Dateline = pr.SourceSpan(at+m[0], at+m[1])
			return
		}
		break
	}
	// "LISBON — April 2, 2026" on a line of its own, right above the summary
	var above *Block
	for _, b := range s.prBlocks {
		if b.Span.Start >= p.Span.Start {
			break
		}
		if b.Kind == Paragraph && hasLetters(b.Text) {
			above = b
		}
	}
	if above != nil && above.Prose != nil && len(above.Text) <= 200 && maybeDateline(above.Text) && datelineOnly.MatchString(above.Text) {
		p.Dateline = above.Prose.SourceSpan(0, len(above.Prose.Text))
	}
}
