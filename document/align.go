package document

import (
	"strings"
)

// The alignment reads the press release's paragraphs that no heading, label
// or quotation claimed. The canonical press release runs summary, problem,
// solution, quotes, getting started, call to action; a paragraph with no
// cue word is still read by where it stands: the first one after the
// summary is the problem, the next the solution. A small dynamic program
// picks, for the parts still missing, the paragraphs that best fit both
// their words and that order; it may skip a part, never reorder the ones it
// places (except that a solution may come before its problem when the words
// say so, as some authors write it).

var sentenceEnd = NewLazyRegexp(`[.!?]\s+|。`)

// parenQuote: "( “Wait, where was that article?” )", an aside quoted.
var parenQuote = NewLazyRegexp(`^\(\s*["“]`)

// unit is a stretch of the press release the alignment can give a part: a
// paragraph, or a section under a heading or bold line that names nothing.
type unit struct {
	first *Block
	span  Span
	text  string
	// lead is where the unit's subject is read: the text under its heading
	// ("### Revolutionary Technology" over "The framework, developed by …")
	lead string
	run  int // units of one run follow each other with nothing claimed between
	cues cues
}

// alignSlot is a part the alignment may place, with how a unit scores for it.
type alignSlot struct {
	kind  PartKind
	score func(s *scan, u unit, i int, units []unit) fit
}

// fit is how well a unit fits a slot: its score, what showed it (HowPosition
// or HowCue) and why, in words.
type fit struct {
	score int
	how   How
	why   string
}

var (
	slotProblem  = alignSlot{Problem, (*scan).problemScore}
	slotSolution = alignSlot{Solution, (*scan).solutionScore}
	slotCTA      = alignSlot{CallToAction, (*scan).ctaScore}
)

// alignOrders are the orders the program may place parts in.
var alignOrders = [][]alignSlot{
	{slotProblem, slotSolution, slotCTA},
	{slotSolution, slotProblem, slotCTA},
}

func (s *scan) align() {
	units := s.freeUnits()
	left := s.placeUnits(units)
	s.summaryIsSolution(left)
	s.problemInSummary()
	s.ctaInSummary()
}

// placeUnits runs the program in each order, gives the best reading's
// units their parts, and returns how many units are left without one.
func (s *scan) placeUnits(units []unit) int {
	d := s.d
	var best []placed
	bestScore := 0
	for oi, order := range alignOrders {
		var slots []alignSlot
		for _, sl := range order {
			if d.Parts[sl.kind] == nil {
				slots = append(slots, sl)
			}
		}
		got, score := s.place(units, slots)
		if oi > 0 {
			score-- // the canonical order wins a tie
		}
		if score > bestScore {
			best, bestScore = got, score
		}
	}
	placedAt := map[int]bool{}
	problemPlaced := d.Parts[Problem] != nil
	for _, p := range best {
		placedAt[p.unit] = true
		problemPlaced = problemPlaced || p.kind == Problem
	}
	covered := 0
	for _, p := range best {
		from, to := p.unit, p.unit
		// the problem and the solution run over several paragraphs: the
		// problem from the first paragraph after the summary, each up to the
		// next part placed
		// (with no problem, the solution starts there)
		if p.kind == Problem || p.kind == Solution && !problemPlaced {
			for from > 0 && units[from-1].run == units[p.unit].run && !placedAt[from-1] &&
				!(p.kind == Problem && s.aboutProduct(units[from-1])) {
				from--
			}
		}
		if p.kind == Problem || p.kind == Solution {
			for to+1 < len(units) && units[to+1].run == units[p.unit].run && !placedAt[to+1] && !units[to+1].cues.cta &&
				// the problem stops where a paragraph says what the
				// product does ("It works in three steps: …")
				!(p.kind == Problem && units[to+1].cues.solution && !units[to+1].cues.problem) {
				to++
			}
		}
		covered += to - from + 1
		span := Span{units[from].span.Start, units[to].span.End}
		if p.kind == Solution && p.how == HowPosition && !problemPlaced {
			p.why = "the paragraphs after the summary, with no problem before them"
		}
		d.Parts[p.kind] = &Part{Kind: p.kind, Span: span, Body: span, Text: strings.TrimSpace(d.PlainText(span)), How: p.how, Why: p.why}
	}
	return len(units) - covered
}

// aboutProduct: the unit says what the product does ("With Kestrel, a
// couple picks …"), whatever else it says: no part of a problem.
func (s *scan) aboutProduct(u unit) bool {
	return u.cues.solution && !u.cues.problem || s.namesProduct(u.text) || strings.HasPrefix(u.text, "With ")
}

type placed struct {
	kind PartKind
	unit int
	fit
}

// place is the dynamic program: the best total score of giving slots, in
// order, to strictly increasing units (each slot may be skipped; a slot is
// only placed where it scores above zero).
func (s *scan) place(units []unit, slots []alignSlot) ([]placed, int) {
	n, k := len(units), len(slots)
	type cell struct {
		score int
		take  bool
	}
	// best[i][j]: best score using units[i:] for slots[j:]
	best := make([][]cell, n+1)
	for i := range best {
		best[i] = make([]cell, k+1)
	}
	fits := make([][]fit, n)
	for i, u := range units {
		fits[i] = make([]fit, k)
		for j, sl := range slots {
			fits[i][j] = sl.score(s, u, i, units)
		}
	}
	for i := n - 1; i >= 0; i-- {
		for j := k - 1; j >= 0; j-- {
			skipUnit := best[i+1][j].score
			skipSlot := best[i][j+1].score
			c := cell{score: max(skipUnit, skipSlot)}
			// >=: of two equal readings, the earlier paragraph (a call to
			// action that starts where the first "visit …" is)
			if sc := fits[i][j].score; sc > 0 && sc+best[i+1][j+1].score >= c.score {
				c = cell{score: sc + best[i+1][j+1].score, take: true}
			}
			best[i][j] = c
		}
	}
	var out []placed
	for i, j := 0, 0; i < n && j < k; {
		switch {
		case best[i][j].take:
			out = append(out, placed{kind: slots[j].kind, unit: i, fit: fits[i][j]})
			i, j = i+1, j+1
		case best[i][j].score == best[i+1][j].score:
			i++
		default:
			j++
		}
	}
	return out, best[0][0].score
}

// freeUnits are the stretches after the summary (or the headline) that no
// part claimed, in order.
func (s *scan) freeUnits() []unit {
	d := s.d
	after := d.PressRelease.Start
	for _, k := range []PartKind{Summary, Subheading, Headline} {
		if p := d.Parts[k]; p != nil {
			after = p.Span.End
			break
		}
	}
	claimed := func(b *Block) bool {
		// quoted example lines stand apart like quotations do
		if s.used[b] || s.quotes[b] || s.exampleQuotes[b] || parenQuote.MatchString(b.Text) {
			return true
		}
		if b.Kind == BlockQuote && s.quotedBlockQuote(b) {
			return true // "> “…”" over "> — Tamsin Hocking": a quotation
		}
		for _, p := range d.Parts {
			// a quotation inside a paragraph leaves the paragraph free
			if p.Kind != FAQ && p.Kind != ExternalFAQ && p.Kind != InternalFAQ && p.How != HowQuote && p.Span.Covers(b.Span) {
				return true
			}
		}
		return false
	}
	var units []unit
	var open *unit // a section under an unnamed heading or bold line
	run := 0
	flush := func() {
		if open != nil {
			open.text = strings.TrimSpace(d.PlainText(open.span))
			open.lead = strings.TrimSpace(d.PlainText(Span{Start: open.first.Span.End, End: open.span.End}))
			open.run = run
			units = append(units, *open)
			open = nil
		}
	}
	for _, b := range s.prBlocks {
		if b.Span.Start < after || blockMarker(b) {
			continue
		}
		if claimed(b) || asideOfRelease(d, b) {
			flush()
			run++
			continue
		}
		switch {
		case b.Kind == Heading || isPseudoHeading(b):
			flush()
			if b.Kind == Heading && s.classOf(b) != nameNone {
				continue
			}
			open = &unit{first: b, span: b.Span}
		case open != nil:
			open.span.End = b.Span.End
		case b.Kind == Paragraph && hasLetters(b.Text):
			units = append(units, unit{first: b, span: b.Span, text: b.Text, run: run})
		case b.Kind == BlockQuote || b.Kind == List:
			t := strings.TrimSpace(d.PlainText(b.Span))
			if t == "" {
				continue
			}
			if n := len(units); n > 0 && units[n-1].run == run && strings.HasSuffix(strings.TrimSpace(units[n-1].text), ":") {
				// the list a paragraph introduces ("It lets you:") is part of it
				units[n-1].span.End = b.Span.End
				units[n-1].text = strings.TrimSpace(d.PlainText(units[n-1].span))
				continue
			}
			// a paragraph in a blockquote or list counts too
			units = append(units, unit{first: b, span: b.Span, text: t, run: run})
		}
	}
	flush()
	for i := range units {
		if units[i].lead == "" {
			units[i].lead = units[i].text
		}
		units[i].cues = unitCues(&units[i])
	}
	return units
}

// quotedBlockQuote: every paragraph of the blockquote b is a quotation
// or its attribution (findQuotes reads a blockquote's paragraphs as
// blocks of their own, which it marks, not b).
func (s *scan) quotedBlockQuote(b *Block) bool {
	n := 0
	for _, q := range s.d.Quotes {
		if q.Block.Span == b.Span {
			n++
		}
	}
	if n == 0 {
		return false
	}
	return n == len(s.d.ProseIn(b.Span)) || n == 1 && len(s.d.ProseIn(b.Span)) == 2 && attributionLine.MatchString(s.d.ProseIn(b.Span)[1].Text)
}

// asideOfRelease: a block inside the press release that is no part of it:
// a design document's artifact under a structural label ("**CHANGELOG**:
// feat: …") or a template's guidance to its author ("> This section should
// contain …").
func asideOfRelease(d *Document, b *Block) bool {
	if b.Kind != Paragraph && b.Kind != BlockQuote {
		return false
	}
	if b.LeadText != "" && structural(strings.TrimRight(b.LeadText, ".:：— -")) {
		return true
	}
	text := b.Text
	if b.Kind == BlockQuote {
		text = strings.TrimSpace(d.PlainText(b.Span))
	}
	if m := findLabel(text); m != nil && (structural(m[1]) || namesVisuals(m[1])) {
		return true
	}
	if b.LeadText != "" && namesVisuals(strings.TrimRight(b.LeadText, ".:：— -")) {
		return true
	}
	return guidanceCue.MatchString(firstSentence(text))
}

var guidanceCue = cueRe(templateGuidance)

// firstQuote is where the first quotation of the press release starts, or
// the end of the press release.
func (s *scan) firstQuote() int {
	for _, q := range s.d.Quotes {
		return q.Block.Span.Start
	}
	return s.d.PressRelease.End
}

func (s *scan) problemScore(u unit, i int, units []unit) fit {
	if sol := s.d.Parts[Solution]; sol != nil && sol.How != HowPosition && u.span.Start > sol.Span.Start {
		return fit{}
	}
	if u.span.Start > s.firstQuote() {
		// the problem comes before the quotations; hard words after them
		// are findings, caveats or limits ("## Limitations and Next Steps")
		return fit{}
	}
	var f fit
	if i == 0 {
		f = fit{2, HowPosition, "the paragraph after the summary"}
	}
	if u.cues.problem {
		f.score += 2
		if f.why == "" {
			f.how, f.why = HowCue, "a paragraph about what is hard today"
		}
	}
	if s.namesProduct(u.text) || strings.HasPrefix(u.text, "With ") || s.namesProductKind(u.lead) && !u.cues.problem {
		// a paragraph whose subject is the product says what it does,
		// whatever hard words it uses on the way ("when a probability
		// swings past your threshold, it sends you a letter")
		return fit{}
	}
	return f
}

func (s *scan) solutionScore(u unit, i int, units []unit) fit {
	var f fit
	if u.span.Start < s.firstQuote() {
		named := s.d.Parts[Problem] // placed before the alignment: by a heading or label
		switch {
		case s.problemGoesOn(u, i, units):
		case named == nil && i == 1,
			named != nil && u.span.Start > named.Span.Start && (i == 0 || units[i-1].span.Start < named.Span.Start):
			f = fit{1, HowPosition, "the paragraph after the problem"}
		}
	}
	const does = "a paragraph on what the product does"
	if u.cues.solution {
		f = fit{f.score + 2, HowCue, does}
	}
	if s.namesProduct(u.text) || s.namesProductKind(u.lead) && u.span.Start < s.firstQuote() {
		// the product named by its kind alone is weak: it tells the
		// solution where the canonical order has it, before the quotations
		f = fit{f.score + 1, HowCue, does}
	}
	if u.cues.problemFirst && !s.namesProduct(u.text) {
		f.score--
	}
	return f
}

// problemGoesOn: the paragraph after the problem names no product and says
// nothing of what one does, and the next one, before the quotations, has
// the product as its subject ("Ferrylog puts the diary online"): it is a
// second paragraph of the problem, not the solution. Not when the next
// one adds to it ("Ferrylog also sends …"): then it was the solution.
func (s *scan) problemGoesOn(u unit, i int, units []unit) bool {
	if u.cues.solution || s.namesProduct(u.text) || s.namesProductKind(u.lead) || i+1 >= len(units) {
		return false
	}
	next := units[i+1]
	return next.run == u.run && next.span.Start < s.firstQuote() && s.namesProduct(next.text) &&
		!followOnCue.MatchString(firstSentence(next.text))
}

func (s *scan) ctaScore(u unit, i int, units []unit) fit {
	if u.cues.cta {
		return fit{3, HowCue, "a paragraph that tells the reader how to start"}
	}
	// the last paragraph, with where to go: a link or an address (a
	// paragraph: a long section that mentions a site on the way is a
	// roadmap or a report, not a call to action)
	if i == len(units)-1 && i > 0 && FieldCount(u.text) <= ctaMostWords {
		if siteRe.MatchString(u.text) || strings.Contains(s.d.Text(u.span), "](") {
			return fit{2, HowPosition, "the last paragraph, which says where to go"}
		}
		if ctaClosing.MatchString(u.text) {
			return fit{2, HowPosition, "the last paragraph, which says when or where to get it"}
		}
	}
	return fit{}
}

// ctaMostWords is the longest call to action read by its place alone.
const ctaMostWords = 80

// siteRe is an address a reader can go to: a URL or a domain name.
var siteRe = NewLazyRegexp(`(?i)https?://|\b[\w-]+(?:\.[\w-]+)*\.(?:` + strings.Join(siteDomains, "|") + `)\b|` +
	// any domain where a sentence sends the reader ("at corriemoor.scot")
	`\b(?:at|on|visit|from|via|open|go to|head to)\s+[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}\b`)

func firstN(w []string, n int) []string {
	if len(w) > n {
		return w[:n]
	}
	return w
}

func firstSentence(t string) string {
	if i := indexAnyRune(t, ".!?。"); i > 0 {
		return t[:i]
	}
	return t
}

// summaryIsSolution: a press release of one paragraph says what the
// product does in its summary; that paragraph is the solution too.
func (s *scan) summaryIsSolution(left int) {
	d := s.d
	sum := d.Parts[Summary]
	if d.Parts[Solution] != nil || sum == nil || left > 0 {
		return
	}
	if solutionCue.MatchString(sum.Text) {
		d.Parts[Solution] = &Part{Kind: Solution, Span: sum.Span, Body: sum.Body, Text: sum.Text, How: HowCue,
			Why: "the summary, which also says what the product does"}
	}
}

// problemInSummary: with no paragraph of its own, the problem may be
// stated in the summary, after its launch sentence ("… announced Treeline.
// Previously, power users have been stuck … manually exporting CSV files").
func (s *scan) problemInSummary() {
	d := s.d
	sum := d.Parts[Summary]
	if d.Parts[Problem] != nil || sum == nil {
		return
	}
	sents := sentenceEnd.Split(strings.TrimSpace(sum.Text), -1)
	for _, sent := range sents[min(1, len(sents)):] {
		if problemCue.MatchString(sent) && !solutionCue.MatchString(sent) && !s.namesProduct(sent) && !s.namesProductKind(sent) {
			d.Parts[Problem] = &Part{Kind: Problem, Span: sum.Span, Body: sum.Body, Text: sum.Text, How: HowCue,
				Why: "a sentence of the summary, which states the problem"}
			return
		}
	}
}

// ctaInSummary: with no paragraph of its own, the call to action may close
// the summary ("… available today at acme.com").
func (s *scan) ctaInSummary() {
	d := s.d
	sum := d.Parts[Summary]
	if d.Parts[CallToAction] != nil || sum == nil {
		return
	}
	sents := sentenceEnd.Split(strings.TrimSpace(sum.Text), -1)
	// it says where to go: "so you can get started quickly" is a benefit
	if last := sents[len(sents)-1]; len(sents) > 1 && ctaCue.MatchString(last) && (siteRe.MatchString(last) || strings.Contains(d.Text(sum.Span), "](")) {
		d.Parts[CallToAction] = &Part{Kind: CallToAction, Span: sum.Span, Body: sum.Body, Text: sum.Text, How: HowCue,
			Why: "the last sentence of the summary, which says how to start"}
	}
}
