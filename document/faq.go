package document

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	qPrefix = NewLazyRegexp(`^\s*(?:(?:Q\d*|` + questionLabelRe + `|[A-Z]\d{1,3}|\d{1,3})\s*[.:：)]|` + questionLetterRe + `\s*[:：])\s*`)
	qOnly   = NewLazyRegexp(`^\s*(?:(?:Q\d*|` + questionLabelRe + `)\s*[.:：]?|` + questionLetterRe + `\s*[:：])\s*$`)
	// answerLabel opens the answer on the question's own line ("Q: Is it
	// free? A: Yes.", "**Q:** … **A:** …").
	answerLabel   = NewLazyRegexp(`(?:[?？.]\s*|\s)(?:\*\*|__)?(?:A\d*|` + answerLetterRe + `|` + answerLabelRe + `)\s*[:：]\s*(?:\*\*|__)?\s*`)
	interrogative = NewLazyRegexp(`(?i)^(what|where|when|why|who|whom|whose|which|how|can|could|will|would|is|are|was|were|do|does|did|should|shall|may|might|has|have)\b`)
)

// strongQuestion: a paragraph opening with a bold or italic question
// ("**Q: What is it?**", "**C1. Which sources…?**").
func strongQuestion(b *Block) bool {
	if b.Lead.Empty() {
		return false
	}
	lt := strings.TrimSpace(b.LeadText)
	return strings.HasSuffix(lt, "?") || qOnly.MatchString(lt) || (strings.HasPrefix(lt, "Q") && qPrefix.MatchString(lt))
}

// plainQLine: a paragraph starting with "Q:" or "Question:".
var plainQLine = NewLazyRegexp(`^(?:(?:Q\d*|` + questionLabelRe + `)\s*[:.：]|` + questionLetterRe + `\s*[:：])\s*\S`)

var (
	questionLabelRe = `(?i:` + strings.Join(questionLabels, "|") + `)\s*\d*`
	answerLabelRe   = `(?i:` + strings.Join(answerLabels, "|") + `)`
	// the one-letter labels, in capitals and with a colon only ("P: ¿…?",
	// "F: Was kostet …?"): "P. Smith" opens no question
	questionLetterRe = `(?:` + strings.Join(questionLetters, "|") + `)`
	answerLetterRe   = `(?:` + strings.Join(answerLetters, "|") + `)`
)

type qmark struct {
	block *Block
	q     *Question
	// answerStart is where the answer may begin; the answer runs to the next
	// question or heading.
	answerStart int
	// answerEnd, when set, bounds the answer (a list item's nested content).
	answerEnd int
	level     int // heading level for heading questions, 0 otherwise
}

func (s *scan) findQuestions() {
	d := s.d
	if d.FAQSpan.Empty() {
		return
	}
	// most FAQs ask in headings: sized for that, the slices do not grow
	// (a growing slice of 400,000 one-line questions allocated five times
	// what it kept)
	marks := make([]qmark, 0, len(d.Headings))
	qLevel := 0
	// inside a heading question's answer, bold lines and list items are
	// part of the answer, not questions of their own
	inHeadingAnswer := false
	// the first question of a group sets its form: once questions are bold or
	// "Q:" lines, a list of questions inside an answer is part of the answer
	form := ""
	for _, b := range d.Blocks {
		if !d.FAQSpan.Contains(b.Span.Start) {
			continue
		}
		switch b.Kind {
		case Heading:
			if !hasLetters(b.Text) {
				continue // an empty "###" separates entries
			}
			if isFAQClass(s.classOf(b)) || b == s.faqHead {
				inHeadingAnswer = false
				form = ""
				continue
			}
			if namesVisuals(b.Text) {
				// "Visuals" under the FAQ's title, after its groups: the
				// mock-ups, not a question
				inHeadingAnswer = false
				form = ""
				continue
			}
			if s.topicHeading(b) {
				// "### Billing" over bold questions: a group, not a question
				inHeadingAnswer = false
				form = ""
				continue
			}
			inHeadingAnswer = true
			if qLevel == 0 {
				qLevel = b.Level
			}
			if b.Level > qLevel && !strings.HasSuffix(b.Text, "?") {
				continue // a sub-heading inside an answer
			}
			q := &Question{Text: headingQuestionText(b), Span: b.Content, Form: "heading"}
			marks = append(marks, qmark{block: b, q: q, answerStart: lineAfter(d, b), level: b.Level})
		case HTML:
			// "<details><summary>Is it free?</summary>…": a collapsible entry
			if inHeadingAnswer || (form != "" && form != "details") {
				continue
			}
			if m, ok := s.detailsQuestion(b); ok {
				marks = append(marks, m)
				form = "details"
			}
		case Paragraph:
			if inHeadingAnswer {
				continue
			}
			if m, ok := s.paragraphQuestion(b); ok {
				marks = append(marks, m)
				if form == "" {
					form = m.q.Form
				}
			} else if form == "" {
				// "**Pricing:** £40 a month": a topic entry, as "### Pricing"
				// is (it sets no form: a lead-in before questions of another
				// form is a note, dropped below)
				if m, ok := s.topicEntry(b); ok {
					marks = append(marks, m)
				}
			}
		case BlockQuote:
			// "> Who are the users of Redcar?" with the answer below it
			if t := strings.TrimSpace(d.PlainText(b.Span)); !inHeadingAnswer && (form == "" || form == "quote") && isQuestionText(t) && FieldCount(t) <= 40 {
				ps := d.ProseIn(b.Span)
				q := &Question{Text: t, Span: trimSpan(d, ps[0].Span), Form: "quote"}
				marks = append(marks, qmark{block: b, q: q, answerStart: b.Span.End})
				form = "quote"
			}
		case Table:
			// "| Question | Answer |": one entry a row
			if inHeadingAnswer || (form != "" && form != "table") {
				continue
			}
			if rows := s.tableQuestions(b); len(rows) > 0 {
				marks = append(marks, rows...)
				form = "table"
			}
		case List:
			if inHeadingAnswer || (form != "" && form != "list") {
				continue
			}
			form = "list"
			for _, it := range b.Items {
				if m, ok := s.itemQuestion(it); ok {
					marks = append(marks, m)
				}
			}
		}
	}
	if topics := countForm(marks, "topic"); topics > 0 && (topics < 2 || topics < len(marks)) {
		// one bold lead-in, or lead-ins among questions of another form,
		// are notes in the FAQ, not a run of topic entries
		marks = slices.DeleteFunc(marks, func(m qmark) bool { return m.q.Form == "topic" })
	}
	if len(marks) > 0 {
		d.Questions = make([]*Question, 0, len(marks))
	}
	// GroupAt, with the groups looked up once, not twice a question
	internal, external := d.Parts[InternalFAQ], d.Parts[ExternalFAQ]
	groupAt := func(offset int) PartKind {
		switch {
		case internal != nil && internal.Span.Contains(offset):
			return InternalFAQ
		case external != nil && external.Span.Contains(offset):
			return ExternalFAQ
		case d.InFAQ(offset):
			return FAQ
		}
		return ""
	}
	for i, m := range marks {
		end := d.FAQSpan.End
		if m.answerEnd > 0 {
			end = m.answerEnd
		} else {
			if i+1 < len(marks) {
				end = marks[i+1].block.Span.Start
				if marks[i+1].block.Kind == List && marks[i+1].block.Span.Start < m.block.Span.End {
					end = marks[i+1].q.Span.Start // the next item of the same list
				}
			}
			// any heading (other than a sub-heading of a heading question)
			// ends the answer; headings are in order, so search from the
			// first after the question (a scan from the top was quadratic)
			from := sort.Search(len(d.Headings), func(k int) bool { return d.Headings[k].Span.Start >= m.answerStart })
			for _, h := range d.Headings[from:] {
				if h.Span.Start >= end {
					break
				}
				if m.level == 0 || h.Level <= m.level {
					end = h.Span.Start
					break
				}
			}
		}
		q := m.q
		start := m.answerStart
		for start < end && isSpace(d.Source[start]) {
			start++
		}
		end = trimEnd(d.Source, start, end)
		if end < start {
			end = start
		}
		q.Answer = Span{start, end}
		q.AnswerText = d.answerText(q.Answer)
		if q.AnswerText == "" && !q.Answer.Empty() {
			// the answer is inside the question's own paragraph or is only
			// code; a template's "<!-- TODO: answer -->" alone shows nothing
			q.AnswerText = strings.TrimSpace(commentRe.ReplaceAllString(d.Text(q.Answer), ""))
			if m.block.Kind == HTML {
				// "…</summary>Yes, and…</details>": the words between the tags
				q.AnswerText = strings.TrimSpace(htmlTag.ReplaceAllString(q.AnswerText, " "))
			}
		}
		q.Entry = Span{m.block.Span.Start, max(end, q.Span.End)}
		if m.block.Kind == List || m.block.Kind == Table {
			q.Entry.Start = lineStartOf(d, q.Span.Start)
		}
		q.Group = groupAt(q.Span.Start)
		d.Questions = append(d.Questions, q)
	}
	s.externalBeforeInternal()
	s.inferGroup()
}

// answerText is the trimmed plain text of an answer. An answer of several
// paragraphs is joined once and kept with its first prose, checked against
// the texts of all of them: joining every answer of the FAQ again was half
// of reading the questions on every keystroke.
func (d *Document) answerText(a Span) string {
	ps := d.ProseIn(a)
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return strings.TrimSpace(ps[0].Text) // PlainText, without looking the prose up again
	}
	same := func(v any) bool {
		j := v.(*joinedAnswer)
		if len(j.parts) != len(ps) {
			return false
		}
		for i, p := range ps {
			if j.parts[i] != p.Text {
				return false
			}
		}
		return true
	}
	return ps[0].MemoValid(answerTextKey, same, func() any {
		j := &joinedAnswer{parts: make([]string, len(ps))}
		for i, p := range ps {
			j.parts[i] = p.Text
		}
		j.text = strings.TrimSpace(strings.Join(j.parts, "\n"))
		return j
	}).(*joinedAnswer).text
}

// joinedAnswer is an answer's text and the prose texts it was joined from.
type joinedAnswer struct {
	parts []string
	text  string
}

var answerTextKey = NewMemoKey()

// topicHeading: a heading in the FAQ that asks nothing itself and heads
// questions written as bold lines, "Q:" lines or list items.
func (s *scan) topicHeading(h *Block) bool {
	t := strings.TrimSpace(h.Text)
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") || qPrefix.MatchString(t) || interrogative.MatchString(t) {
		return false
	}
	blocks := s.d.Blocks
	from := sort.Search(len(blocks), func(k int) bool { return blocks[k].Span.Start > h.Span.Start })
	for i, b := range blocks[from:] {
		if !s.d.FAQSpan.Contains(b.Span.Start) {
			continue
		}
		switch b.Kind {
		case Heading:
			// "### For teachers" straight over "#### Pricing": a heading with
			// nothing of its own before its sub-headings heads them
			return i == 0 && b.Level > h.Level && hasLetters(b.Text)
		case Paragraph:
			if strongQuestion(b) || plainQLine.MatchString(b.Text) {
				return true
			}
		case List:
			for _, it := range b.Items {
				if _, ok := s.itemQuestion(it); ok {
					return true
				}
			}
		}
	}
	return false
}

// inferGroup: an FAQ not split into customer and stakeholder groups is the
// one its questions make it (most ask what a customer asks, or what the team
// and its stakeholders ask). The part says so (HowQuestions), so rules that
// judge a split FAQ can tell it from a heading's word.
func (s *scan) inferGroup() {
	d := s.d
	f := d.Parts[FAQ]
	if f == nil || d.Parts[ExternalFAQ] != nil || d.Parts[InternalFAQ] != nil || len(d.Questions) == 0 {
		return
	}
	if s.splitByAudienceHeading() {
		return
	}
	internal, asked := 0, false
	for _, q := range d.Questions {
		if stakeholderQuestion(q.Text) {
			internal++
		}
		asked = asked || isQuestionText(strings.TrimSpace(q.Text))
	}
	if internal == 0 && !asked {
		// a template's slots ("Question", "Question 2") ask nothing: no
		// group is told (real questions that say nothing of whose they are
		// are a customer's, the FAQ every PR/FAQ has)
		return
	}
	k, why := ExternalFAQ, "most of its questions are what a customer asks"
	if internal*2 > len(d.Questions) {
		k, why = InternalFAQ, "most of its questions are what the team and its stakeholders ask"
	}
	d.Parts[k] = &Part{Kind: k, Span: f.Span, Heading: f.Heading, Body: f.Body, How: HowQuestions, Why: why}
	for _, q := range d.Questions {
		q.Group = k
	}
}

// splitByAudienceHeading: an FAQ divided by headings that name who asks
// without the group names, where one heading is worded as the stakeholders'
// ("For the people deciding whether to build it") and those before it are
// not ("For the person using it"), is split there (topic headings such as
// "Risk Assessment" say nothing of who asks and split nothing): the canonical order puts the
// customer's questions first. Like a split read from the questions, it is
// HowQuestions, so rules that judge a split FAQ still judge it whole.
func (s *scan) splitByAudienceHeading() bool {
	d := s.d
	f := d.Parts[FAQ]
	var groups []*Block
	for _, h := range d.Headings {
		if !f.Span.Contains(h.Span.Start) || h == f.Heading || f.Heading != nil && h.Level <= f.Heading.Level {
			continue
		}
		if len(groups) > 0 && h.Level > groups[0].Level {
			continue // a question or a sub-topic inside a group
		}
		if len(groups) > 0 && h.Level < groups[0].Level || !s.topicHeading(h) {
			return false
		}
		groups = append(groups, h)
	}
	if len(groups) < 2 {
		return false
	}
	if !audienceHeading(groups[0].Text) {
		return false
	}
	split := -1
	for i, h := range groups {
		if audienceHeading(h.Text) && stakeholderQuestion(h.Text) {
			split = i
			break
		}
	}
	if split < 1 {
		return false
	}
	at := groups[split].Span.Start
	d.Parts[ExternalFAQ] = &Part{Kind: ExternalFAQ, Span: Span{groups[0].Span.Start, trimEnd(d.Source, groups[0].Span.Start, at)}, Heading: groups[0],
		How: HowQuestions, Why: fmt.Sprintf("the groups before %q, the stakeholders' heading", Clip(groups[split].Text, 40))}
	d.Parts[InternalFAQ] = &Part{Kind: InternalFAQ, Span: Span{at, f.Span.End}, Heading: groups[split],
		How: HowQuestions, Why: fmt.Sprintf("from the heading %q, worded as the stakeholders'", Clip(groups[split].Text, 40))}
	for _, k := range []PartKind{ExternalFAQ, InternalFAQ} {
		d.Parts[k].Body = d.Parts[k].Span
	}
	for _, q := range d.Questions {
		q.Group = d.GroupAt(q.Span.Start)
	}
	return true
}

// audienceAlone: a heading that is only who asks ("Customers", "Users",
// "Stakeholders") names an FAQ group.
func audienceAlone(t string) nameClass {
	if len(t) > 24 || strings.Count(strings.TrimSpace(t), " ") > 1 {
		return nameNone // a question or a topic, not one word: no name to normalise
	}
	n := normalizeName(t)
	switch {
	case n == "" || strings.Contains(n, " ") && !strings.HasPrefix(n, "the ") || strings.Count(n, " ") > 1:
		return nameNone
	case slices.Contains(externalAudience, strings.TrimPrefix(n, "the ")):
		return nameClass(ExternalFAQ)
	case slices.Contains(internalAudience, strings.TrimPrefix(n, "the ")):
		return nameClass(InternalFAQ)
	}
	return nameNone
}

// audienceHeading: the heading names who its questions are for ("For the
// person using it", "Für Entscheider", "面向用户").
func audienceHeading(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	for _, p := range audiencePrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return strings.HasSuffix(t, "向け")
}

var (
	stakeholderCue = cueRe(stakeholderCues)
	customerAskCue = cueRe(customerCues)
)

func stakeholderQuestion(q string) bool {
	in := stakeholderCue.Count(q)
	out := customerAskCue.Count(q)
	return in > out
}

// FAQDivided reports an FAQ that its author split into groups (by headings
// or labels), as opposed to one whose group was told by its questions.
func (d *Document) FAQDivided() bool {
	for _, k := range []PartKind{ExternalFAQ, InternalFAQ} {
		if p := d.Parts[k]; p != nil && p.How != HowQuestions {
			return true
		}
	}
	return false
}

func isQuestionText(t string) bool {
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？")
}

func lineStartOf(d *Document, offset int) int { return d.Mapper.LineStart(d.Mapper.Line(offset)) }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// paragraphQuestion recognises "**Q: …?**", "**Q:** …", "**…?**" and "Q: …".
func (s *scan) paragraphQuestion(b *Block) (qmark, bool) {
	d := s.d
	p := b.Prose
	if strongQuestion(b) {
		lt := strings.TrimSpace(b.LeadText)
		var text string
		var span Span
		answerStart := b.Lead.End
		if qOnly.MatchString(lt) {
			// "**Q:** What is it?" – the question is the rest of the first line
			lineEnd := d.Mapper.LineEnd(d.Mapper.Line(b.Lead.End))
			answerStart = lineEnd
			if a := answerLabel.FindIndex(d.Source[b.Lead.End:lineEnd]); a != nil {
				// "**Q:** Is it free? **A:** Yes." on one line
				answerStart = b.Lead.End + a[1]
				lineEnd = b.Lead.End + a[0] + 1
				if c := d.Source[lineEnd-1]; c != '?' && c != '.' {
					lineEnd--
				}
			}
			span = Span{b.Lead.End, lineEnd}
			text = strings.TrimSpace(d.Text(span))
		} else {
			span = b.Lead
			text = lt
		}
		for len(text) > 0 && (text[0] == '*' || text[0] == '_') {
			text = text[1:]
		}
		if m := qPrefix.FindStringIndex(text); m != nil {
			text = text[m[1]:]
		}
		text = strings.Trim(text, " *_")
		// skip the closing markup of the lead
		for answerStart < b.Span.End && (d.Source[answerStart] == '*' || d.Source[answerStart] == '_') {
			answerStart++
		}
		return qmark{block: b, q: &Question{Text: text, Span: trimSpan(d, span), Form: "bold"}, answerStart: answerStart}, true
	}
	if plainQLine.MatchString(b.Text) {
		// "Q: question" up to the end of its line or an "A:" on a later line
		first := d.Mapper.Line(b.Content.Start)
		qEnd := d.Mapper.LineEnd(first)
		m := qPrefix.FindStringIndex(b.Text)
		qStart := p.Offset(m[1])
		answerStart := qEnd
		if a := answerLabel.FindIndex(d.Source[qStart:qEnd]); a != nil {
			answerStart = qStart + a[1]
			qEnd = trimEnd(d.Source, qStart, qStart+a[0]+1)
			if c := d.Source[qEnd-1]; c != '?' && c != '.' {
				qEnd = trimEnd(d.Source, qStart, qStart+a[0])
			}
		}
		text := strings.TrimSpace(d.Text(Span{qStart, qEnd}))
		return qmark{block: b, q: &Question{Text: text, Span: Span{qStart, qEnd}, Form: "q-line"}, answerStart: answerStart}, true
	}
	return qmark{}, false
}

// itemQuestion recognises a list item whose first line is a question, with
// its answer nested below it.
func (s *scan) itemQuestion(it *Item) (qmark, bool) {
	b := it.First
	if b == nil {
		return qmark{}, false
	}
	text := strings.TrimSpace(b.Text)
	if m, ok := s.paragraphQuestion(b); ok {
		if !it.Rest.Empty() {
			m.answerEnd = it.Span.End
		}
		m.q.Form = "list"
		return m, true
	}
	// "1. Why now?" with the answer on the next line of the same paragraph
	d := s.d
	firstLineEnd := d.Mapper.LineEnd(d.Mapper.Line(b.Content.Start))
	if firstLineEnd < b.Content.End {
		line := strings.TrimSpace(d.Text(Span{b.Content.Start, firstLineEnd}))
		if strings.HasSuffix(line, "?") {
			q := &Question{Text: strings.TrimSpace(qPrefix.ReplaceAllString(line, "")), Span: Span{b.Content.Start, firstLineEnd}, Form: "list"}
			return qmark{block: b, q: q, answerStart: firstLineEnd, answerEnd: it.Span.End}, true
		}
	}
	isQ := strings.HasSuffix(text, "?") || (!it.Rest.Empty() && interrogative.MatchString(text) && FieldCount(text) <= 25)
	if !isQ {
		return qmark{}, false
	}
	q := &Question{Text: strings.TrimSpace(qPrefix.ReplaceAllString(text, "")), Span: b.Content, Form: "list"}
	m := qmark{block: b, q: q, answerStart: b.Span.End}
	if !it.Rest.Empty() {
		m.answerStart, m.answerEnd = it.Rest.Start, it.Span.End
	}
	return m, true
}

func countForm(marks []qmark, form string) int {
	n := 0
	for _, m := range marks {
		if m.q.Form == form {
			n++
		}
	}
	return n
}

// topicEntry reads a paragraph that opens with a bold topic and a colon
// ("**Pricing:** £40 a month", "**Launch date**: today"): the topic is
// the entry's question, the rest its answer. A note's lead-in ("**Note:**")
// is none.
func (s *scan) topicEntry(b *Block) (qmark, bool) {
	d := s.d
	if b.Lead.Empty() || b.Lead.Start != b.Content.Start && strings.TrimLeft(d.Text(Span{b.Content.Start, b.Lead.Start}), "*_ ") != "" {
		return qmark{}, false
	}
	label := strings.TrimSpace(b.LeadText)
	end := b.Lead.End
	for end < b.Span.End && (d.Source[end] == '*' || d.Source[end] == '_') {
		end++
	}
	switch {
	case strings.HasSuffix(label, ":") || strings.HasSuffix(label, "："):
		label = strings.TrimRight(label, ":： ")
	case end < b.Span.End && (d.Source[end] == ':'):
		end++
	default:
		return qmark{}, false
	}
	if !hasLetters(d.Text(Span{end, b.Span.End})) {
		return qmark{}, false // "**FAQs:**", "**Visuals:**" alone on a line label a section
	}
	n := normalizeName(label)
	if n == "" || FieldCount(n) > 5 || !hasLetters(label) || qOnly.MatchString(label+":") || slices.Contains(asideLabels, n) ||
		answerLead.MatchString(label+":") || classifyName(label) != nameNone || structural(label) {
		return qmark{}, false
	}
	return qmark{block: b, q: &Question{Text: label, Span: trimSpan(d, b.Lead), Form: "topic"}, answerStart: end}, true
}

var answerLead = NewLazyRegexp(`^(?:A\d*|` + answerLetterRe + `|` + answerLabelRe + `)\s*[:：]$`)

// headingQuestionText is a heading question without its "Q:", "Q1." or
// "Question 2:" label (kept when nothing else is left: "## Question 2:"
// is a slot). It reads what qPrefix matches by hand: the expression on
// every heading question cost a keystroke a tenth, and the reading by hand
// is kept with the heading's prose, as the heading's class is.
func headingQuestionText(b *Block) string {
	if b.Prose != nil {
		if t, ok := b.Prose.Kept(questionTextKey).(string); ok {
			return t
		}
		return b.Prose.Memo(questionTextKey, func() any { return unlabelledQuestion(b.Text) }).(string)
	}
	return unlabelledQuestion(b.Text)
}

var questionTextKey = NewMemoKey()

func unlabelledQuestion(t string) string {
	if n := questionLabelLen(t); n > 0 && hasLetters(t[n:]) {
		return strings.TrimSpace(t[n:])
	}
	return t
}

// questionLabelLen is the length of the label qPrefix matches at the
// start of t (with the spaces after it), or 0.
func questionLabelLen(t string) int {
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	j := i
	for j < len(t) && j-i < 3 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	colonOnly := false
	if j == i { // a word: "Q", "C1", "Question", "Frage", "質問", "P"
		for j < len(t) {
			r, size := utf8.DecodeRuneInString(t[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		w := t[i:j]
		digits := j
		for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
			digits++
		}
		switch {
		case w == "Q":
			j = digits
		case len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && digits > j && digits-j <= 3:
			j = digits // "C1."
		case slices.Contains(questionLetters, w):
			colonOnly = true
		default:
			known := false
			for _, l := range questionLabels {
				if strings.EqualFold(w, l) {
					known = true
					break
				}
			}
			if !known {
				return 0
			}
			for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
		}
	}
	for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
		j++
	}
	switch {
	case j < len(t) && (t[j] == ':' || !colonOnly && (t[j] == '.' || t[j] == ')')):
		j++
	case strings.HasPrefix(t[j:], "："):
		j += len("：")
	default:
		return 0
	}
	for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
		j++
	}
	return j
}

var (
	summaryTag = NewLazyRegexp(`(?is)<summary[^>]*>(.*?)</summary>`)
	htmlTag    = NewLazyRegexp(`<[^>]*>`)
)

// detailsQuestion reads an HTML block that opens a collapsible entry
// ("<details><summary>How is it priced?</summary>"): the summary is the
// question, what follows up to the next entry its answer.
func (s *scan) detailsQuestion(b *Block) (qmark, bool) {
	d := s.d
	src := d.Text(b.Span)
	if !strings.Contains(src, "<summary") && !strings.Contains(src, "<SUMMARY") {
		return qmark{}, false
	}
	m := summaryTag.FindStringSubmatchIndex(src)
	if m == nil {
		return qmark{}, false
	}
	inner := src[m[2]:m[3]]
	text := strings.Join(strings.Fields(htmlTag.ReplaceAllString(inner, " ")), " ")
	if loc := qPrefix.FindStringIndex(text); loc != nil && hasLetters(text[loc[1]:]) {
		text = text[loc[1]:]
	}
	if !hasLetters(text) {
		return qmark{}, false
	}
	span := trimSpan(d, Span{b.Span.Start + m[2], b.Span.Start + m[3]})
	return qmark{block: b, q: &Question{Text: text, Span: span, Form: "details"}, answerStart: b.Span.Start + m[1]}, true
}

// tableQuestions reads an FAQ written as a table: a row's first cell is
// the question, the cells after it the answer. A table is one when its
// first column is headed "Question" (or "Q", "Frage"…) or most of its
// first cells ask; a table of prices or dates in the FAQ is not.
func (s *scan) tableQuestions(b *Block) []qmark {
	d := s.d
	m := d.Mapper
	var rows [][]*Prose // the cells with text, row by row (a row is a line)
	line := -1
	for _, p := range d.ProseIn(b.Span) {
		if l := m.Line(p.Span.Start); l != line {
			rows, line = append(rows, nil), l
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], p)
	}
	if len(rows) < 2 || m.Line(rows[0][0].Span.Start) != m.Line(b.Span.Start) || len(rows[0]) < 2 {
		return nil // no header row of two columns
	}
	head := strings.TrimSpace(rows[0][0].Text)
	headed := qOnly.MatchString(head) || qOnly.MatchString(strings.TrimSuffix(head, "s"))
	asks := 0
	for _, r := range rows[1:] {
		if firstColumn(d, r[0]) && isQuestionText(strings.TrimSpace(r[0].Text)) {
			asks++
		}
	}
	if !headed && asks*2 <= len(rows)-1 {
		return nil
	}
	var out []qmark
	for _, r := range rows[1:] {
		if !firstColumn(d, r[0]) {
			continue // no question in this row
		}
		text := strings.TrimSpace(r[0].Text)
		if loc := qPrefix.FindStringIndex(text); loc != nil {
			text = text[loc[1]:]
		}
		q := &Question{Text: strings.Trim(text, " *_"), Span: trimSpan(d, r[0].Span), Form: "table"}
		mk := qmark{block: b, q: q, answerStart: r[0].Span.End, answerEnd: r[0].Span.End}
		if len(r) > 1 {
			mk.answerStart, mk.answerEnd = r[1].Span.Start, r[len(r)-1].Span.End
		}
		out = append(out, mk)
	}
	return out
}

// firstColumn: the cell p is the first of its table row (only the row's
// opening pipe and markup before it).
func firstColumn(d *Document, p *Prose) bool {
	before := strings.TrimSpace(string(d.Source[lineStartOf(d, p.Span.Start):p.Span.Start]))
	before = strings.Trim(before, "*_`")
	return before == "" || strings.TrimRight(before, " *_`") == "|"
}

func trimSpan(d *Document, s Span) Span {
	for s.Start < s.End && (isSpace(d.Source[s.Start]) || d.Source[s.Start] == '*' || d.Source[s.Start] == '_') {
		s.Start++
	}
	for s.End > s.Start && (isSpace(d.Source[s.End-1]) || d.Source[s.End-1] == '*' || d.Source[s.End-1] == '_') {
		s.End--
	}
	return s
}

// bareNameLine: a plain paragraph of one short line with no sentence's
// end, which may name a part as a heading would ("FAQ", "Questions and
// answers:"); pseudoClass says whether it does.
func bareNameLine(b *Block) bool {
	t := strings.TrimSpace(b.Text)
	return b.Kind == Paragraph && !b.Emphasized && t != "" && !strings.ContainsRune(t, '\n') && FieldCount(t) <= 4 &&
		!strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "!") && !strings.HasSuffix(t, "。")
}

func (s *scan) findFAQ() {
	d := s.d
	for _, h := range d.Headings {
		if isFAQClass(s.classOf(h)) {
			s.faqHead = h
			break
		}
	}
	if s.faqHead == nil {
		if h := s.questionsHeading(); h != nil {
			s.faqHead = h
			s.setClass(h, nameClass(FAQ))
		}
	}
	start := -1
	if s.faqHead != nil {
		start = s.faqHead.Span.Start
	} else {
		// No FAQ heading: an FAQ may still start with a bold "**FAQs:**"
		// line, a line that only says "FAQ" ("Frequently asked
		// questions"), or with "**Q: …?**" lines.
		for _, b := range d.Blocks {
			if (isPseudoHeading(b) || bareNameLine(b)) && isFAQClass(pseudoClass(b)) {
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
		// a flat FAQ asks in headings of its own heading's level ("## FAQ",
		// "## Is it free?"): a topic heading between two of them ("##
		// Pricing") is an entry too; the FAQ ends at the first other
		// heading after its last question
		lastAsk := -1
		for _, h := range d.Headings {
			if h.Span.Start > start && h.Level < s.faqHead.Level {
				break
			}
			if h.Span.Start > start && h.Level == s.faqHead.Level && isQuestionText(strings.TrimSpace(h.Text)) {
				lastAsk = h.Span.Start
			}
		}
		for _, h := range d.Headings {
			if h.Span.Start > start && h.Level <= s.faqHead.Level && !isFAQClass(s.classOf(h)) && !strings.HasSuffix(h.Text, "?") && hasLetters(h.Text) &&
				(h.Span.Start > lastAsk || h.Level < s.faqHead.Level || s.classOf(h) != nameNone || structural(h.Text)) {
				end = h.Span.Start
				break
			}
		}
	}
	d.FAQSpan = Span{start, trimEnd(d.Source, start, end)}
	if s.faqHead != nil {
		// "### Customers" and "### Stakeholders" under the FAQ's heading
		// name its groups (outside an FAQ they name a topic)
		for _, h := range d.Headings {
			if h.Level > s.faqHead.Level && d.FAQSpan.Contains(h.Span.Start) && s.classOf(h) == nameNone {
				if c := audienceAlone(h.Text); c != nameNone {
					s.setClass(h, c)
				}
			}
		}
	}
	d.Parts[FAQ] = &Part{Kind: FAQ, Span: d.FAQSpan, Heading: s.faqHead, Body: d.FAQSpan, How: HowCue, Why: "the first question-and-answer entries"}
	if s.faqHead != nil {
		d.Parts[FAQ].How, d.Parts[FAQ].Why = HowHeading, fmt.Sprintf("named by the heading %q", Clip(s.faqHead.Text, 40))
	}
	// external and internal groups
	var groups []*Block
	for _, h := range d.Headings {
		if d.FAQSpan.Contains(h.Span.Start) && (s.classOf(h) == nameClass(ExternalFAQ) || s.classOf(h) == nameClass(InternalFAQ)) {
			groups = append(groups, h)
		}
	}
	for i, g := range groups {
		gend := d.FAQSpan.End
		if i+1 < len(groups) {
			gend = groups[i+1].Span.Start
		}
		for _, h := range d.Headings {
			if h.Span.Start > g.Span.Start && h.Span.Start < gend && h.Level < g.Level && !isFAQClass(s.classOf(h)) {
				gend = h.Span.Start
				break
			}
		}
		k := PartKind(s.classOf(g))
		if d.Parts[k] != nil {
			continue // a second group of the same kind joins the first
		}
		p := s.headedPart(k, g, gend)
		p.How, p.Why = HowHeading, fmt.Sprintf("named by the heading %q", Clip(g.Text, 40))
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

// questionsHeading: with no heading the vocabulary knows as the FAQ's, a
// heading whose sub-headings ask (two or more, most ending in "?") heads
// the FAQ, in whatever language it is named ("## Vanliga frågor"). A
// heading the vocabulary judged ("## Open questions") is not overruled.
func (s *scan) questionsHeading() *Block {
	d := s.d
	for i, h := range d.Headings {
		if s.classOf(h) != nameNone || isQuestionText(strings.TrimSpace(h.Text)) || structural(h.Text) ||
			hasAnyWord(normalizeName(h.Text), faqQuestionWords) || !hasLetters(h.Text) {
			continue
		}
		subs, asks := 0, 0
		for _, o := range d.Headings[i+1:] {
			if o.Level <= h.Level {
				break
			}
			if o.Level == h.Level+1 {
				subs++
				if isQuestionText(strings.TrimSpace(o.Text)) {
					asks++
				}
			}
		}
		if asks >= 2 && asks*3 >= subs*2 {
			return h
		}
	}
	return nil
}

// externalBeforeInternal: an FAQ whose only named group is the internal
// one ("## FAQ", its questions, then "## Internal FAQ") asks the
// customers' questions before it, as the canonical order has them.
func (s *scan) externalBeforeInternal() {
	d := s.d
	in, faq := d.Parts[InternalFAQ], d.Parts[FAQ]
	if in == nil || faq == nil || d.Parts[ExternalFAQ] != nil {
		return
	}
	var first, last *Question
	for _, q := range d.Questions {
		if q.Group == FAQ && q.Span.Start < in.Span.Start {
			if first == nil {
				first = q
			}
			last = q
		}
	}
	if first == nil {
		return
	}
	sp := Span{first.Entry.Start, max(last.Entry.End, last.Span.End)}
	d.Parts[ExternalFAQ] = &Part{Kind: ExternalFAQ, Span: sp, Heading: faq.Heading, Body: sp, How: HowQuestions,
		Why: fmt.Sprintf("the questions before %q", Clip(in.Heading.Text, 40))}
	for _, q := range d.Questions {
		if q.Group == FAQ && q.Span.Start < in.Span.Start {
			q.Group = ExternalFAQ
		}
	}
}
