package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes: a paragraph in quotation marks with an attribution ("said …",
// "— Name, Title") is a quote; who speaks tells a leader's from a customer's.

var (
	openQuote   = NewLazyRegexp(`^[*_\s]*["“”‘„«»「『]`) // German also writes »…«, Swedish ”…”
	quotedWords = NewLazyRegexp(`["“”„«»「『]([^"”“»«」』]{20,})(?:["”“»«」』]|$)`)
	// attributionLine is a speaker on a line or paragraph of its own after
	// the quotation: "— Jo Park, Operations Lead", "_Jo Park, Operations Lead_".
	attributionLine = NewLazyRegexp(`^[*_\s]*(?:[—–]|--?)\s*([^\n]{2,120}?)[*_\s]*$`)
	// saidVerbRe finds a speaker by an attribution verb ("…," said Jo Park;
	// Jo Park explains); it runs only when the text has one of the verbs.
	// Its (?i) folds [\p{Lu}] too, on purpose: "…,” the founder said" and
	// "…,” she said" are attributions (to a role, or to nobody named).
	saidVerbRe = NewLazyRegexp(`(?i)["”»«“,]\s*,?\s*(?:[—–-]\s*)?(?:` + attributionVerbRe + `|according to)\s+(` + honorificRe + `[^.;"“”«»]{2,120})|(?:^|[.”"»]\s+)([\p{Lu}][^"“”.]{1,80}?)\s+(?:` + attributionVerbRe + `)\b`)
	// saidMarkRe finds a speaker after the closing mark ("…” — Jo Park",
	// "「…」と山田は語ります").
	saidMarkRe = NewLazyRegexp(`["”」』»«“]\s*[—–-]{1,2}\s*([^"“”「」«»]{2,160})$|["”]\s+(\p{Lu}[^"“”]{1,100})$`)
	saidJaRe   = NewLazyRegexp(`」\s*(?:と|、)+\s*([^。「」]{2,60}?)(?:は|が)?(?:語|話|言|述べ)`)
	leaderCue  = cueRe(leaderTitles)
	// saidAfter: the attribution right after a quotation's closing mark.
	saidAfter = NewLazyRegexp(`^["”»」“]\s*,?\s*(?:` + attributionVerbRe + `)\s+(` + honorificRe + `[^.;"“”]{2,120})`)
	// honorificRe is a title with its period before a speaker's name ("Dr.
	// Miriam Kessler"): the name does not end there.
	honorificRe       = `(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Mme|Mlle|Sr|Sra|Srta|Hr|Fr|Ing|Dipl)\.\s*)*`
	attributionVerbRe = `(?i:` + strings.Join(attributionVerbs, "|") + `)`
	// speakerBefore: a paragraph that ends by naming who speaks next.
	speakerBefore = NewLazyRegexp(`^(?:(?:And|But|So|As)\s+)?(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)+)\b[^.]{0,60}(?:put it|says?|said|explains?|recalls?)\b[^.]{0,40}[.:]?$`)
	// speakerIntro: a lead-in that names the speaker somewhere before the
	// colon ("Here is what Lisa Grant, founder of Thornaby, told us:").
	speakerIntro = NewLazyRegexp(`^[^.:]{0,40}?\b(\p{Lu}\p{L}+(?: \p{Lu}[\p{L}'-]+)+)\b[^.:]{0,80}?\b(?:put it|puts it|says?|said|told(?: us| me)?|tells us|explains?|explained|recalls?|had to say|has to say|writes|wrote|adds|added)\b[^.:]{0,40}:$`)
	customerCue  = cueRe(customerRoles)
)

func isQuoteText(t string) bool { return openQuote.MatchString(t) }

// indefinite articles open a speaker who is nobody in particular ("a
// product lead", "una usuaria del mercado", "ein Tester").
var indefinite = map[string]bool{"a": true, "an": true, "one": true, "un": true, "una": true, "une": true,
	"ein": true, "eine": true, "einer": true, "um": true, "uma": true, "один": true, "одна": true}

// anonymousSpeaker: "— Early tester", "said the Acme team", "a product lead
// says", "想定利用者" name nobody; the quote is unattributed.
func anonymousSpeaker(sp string) bool {
	n := strings.ToLower(strings.TrimSpace(sp))
	for _, w := range anonymousSpeakers {
		if n == w || strings.HasPrefix(n, w+" ") || strings.HasPrefix(n, w+",") || Spaceless(w) && strings.Contains(n, w) {
			return true
		}
	}
	if onlyLowerCase(sp) {
		return true // "— pilot lead", "said the creator": a role, no one by name
	}
	f := strings.Fields(n)
	if len(f) > 0 && indefinite[f[0]] {
		return true
	}
	return len(f) > 0 && f[0] == "the" && hasWord(n, "team", "company", "group")
}

// onlyLowerCase: sp has letters of a script with capitals and none is a
// capital, so it names no one ("pilot lead", "the creator").
func onlyLowerCase(sp string) bool {
	cased := false
	for _, r := range sp {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return false
		}
		cased = cased || unicode.IsLower(r)
	}
	return cased
}

// findQuotes finds quoted paragraphs in the press release and tells a
// leader's from a customer's by the heading above them or the speaker.
func (s *scan) findQuotes() {
	d := s.d
	var blocks []*Block
	for _, b := range s.prBlocks {
		if b.Kind == Paragraph {
			blocks = append(blocks, b)
		} else if b.Kind == BlockQuote {
			// the paragraphs inside a blockquote
			for _, p := range d.ProseIn(b.Span) {
				blocks = append(blocks, &Block{Kind: Paragraph, Span: b.Span, Content: p.Span, Text: strings.TrimSpace(p.Text), Prose: p})
			}
		}
	}
	for i, b := range blocks {
		if s.used[b] && !s.inQuotePart(b) {
			continue
		}
		r := readQuote(b)
		if !r.isQuote {
			continue
		}
		if r.speaker == "" && !r.anonymous && i > 0 && s.examples(blocks[i-1]) {
			// "Ever heard these thoughts in your head?" then "“I have no idea
			// what my app does!”": examples of what people think, no quote
			s.exampleQuotes[b] = true
			continue
		}
		q := &Quote{Block: b}
		if !r.embedded {
			s.quotes[b] = true // a paragraph that is a quotation is no other part
		}
		if r.attribution[1] > 0 && r.speaker != "" {
			q.Attribution = b.Prose.SourceSpan(r.attribution[0], r.attribution[1])
			q.Speaker = r.speaker
		} else if !r.anonymous && i+1 < len(blocks) && r.open && isQuoteText(blocks[i+1].Text) {
			// a quotation of several paragraphs: each opens with a mark, only
			// the last closes, and its attribution is the whole quotation's
			if nb := blocks[i+1]; nb.Prose != nil {
				if r2 := readQuote(nb); r2.speaker != "" && r2.attribution[1] > 0 {
					q.Attribution = nb.Prose.SourceSpan(r2.attribution[0], r2.attribution[1])
					q.Speaker = r2.speaker
					r.leader, r.customer = r2.leader, r2.customer
				}
			}
		} else if !r.anonymous && i+1 < len(blocks) {
			// the speaker in the next line or paragraph: "— Jo Park, Ops Lead"
			if nb := blocks[i+1]; nb.Kind == Paragraph && !isQuoteText(nb.Text) && FieldCount(nb.Text) <= 16 {
				if m := attributionLine.FindStringSubmatchIndex(nb.Text); m != nil || nb.Emphasized {
					sp := strings.Trim(nb.Text, " *_—–-")
					if m != nil {
						sp = strings.Trim(nb.Text[m[2]:m[3]], " *_")
					}
					s.quotes[nb] = true
					if anonymousSpeaker(sp) {
						r.anonymous = true
						// the role still says whose voice it is
						r.leader, r.customer = leaderCue.MatchString(sp), customerCue.MatchString(sp)
					} else {
						q.Attribution, q.Speaker = nb.Content, sp
						r.leader, r.customer = leaderCue.MatchString(sp), customerCue.MatchString(sp)
					}
				}
			}
		}
		context := "" // a speaker named before the quote, with what the paragraph says of them
		if q.Speaker == "" && !r.anonymous {
			// the speaker named before it: "Lena Ortiz put it simply. “…”"
			if i > 0 {
				if pb := blocks[i-1]; pb.Kind == Paragraph && !s.quotes[pb] {
					m := speakerBefore.FindStringSubmatch(pb.Text)
					if m == nil && strings.HasSuffix(pb.Text, ":") && len(pb.Text) <= 200 {
						m = speakerIntro.FindStringSubmatch(pb.Text)
					}
					if m != nil {
						q.Speaker = m[1]
						context = pb.Text
						r.leader, r.customer = leaderCue.MatchString(pb.Text), customerCue.MatchString(pb.Text)
						if strings.HasSuffix(pb.Text, ":") {
							s.quotes[pb] = true // the lead-in is the quotation's attribution, no other part
						}
					}
				}
			}
		}
		switch {
		case context != "":
			q.Kind = s.quoteKind(b, context, r)
		case q.Speaker != "":
			q.Kind = s.quoteKind(b, q.Speaker, r)
		case r.anonymous:
			// no speaker, but whose voice it is still shows where the part is
			q.Kind = s.quoteKind(b, "", r)
		}
		d.Quotes = append(d.Quotes, q)
	}
	for _, q := range d.Quotes {
		if q.Kind == "" {
			continue
		}
		if d.Parts[q.Kind] == nil {
			why := "a quotation by " + Clip(q.Speaker, 40)
			if q.Speaker == "" {
				why = "a quotation whose speaker is not named"
			}
			d.Parts[q.Kind] = &Part{Kind: q.Kind, Span: q.Block.Span, Body: q.Block.Content, Text: q.Block.Text, How: HowQuote, Why: why}
			if s.quotes[q.Block] {
				s.used[q.Block] = true
			}
		}
	}
}

// examples: a paragraph that introduces examples ("… thoughts like these:",
// "Sound familiar?") or is itself one of them.
func (s *scan) examples(prev *Block) bool {
	if s.exampleQuotes[prev] {
		return true
	}
	t := strings.TrimSpace(prev.Text)
	if prev.Kind != Paragraph || isQuoteText(t) {
		return false
	}
	return (strings.HasSuffix(t, ":") || isQuestionText(t)) && exampleLead.MatchString(t)
}

var exampleLead = NewLazyRegexp(`(?i)\b(thoughts?|questions?|things like|like these|such as|for example|e\.g\.|heard|sound familiar|ever (said|thought|asked|heard)|ask(s|ed)?|prompts?)\b`)

// saidIndex is the leftmost attribution of saidVerbRe and saidMarkRe, as
// one alternation of both would find it (their groups, in order).
func saidIndex(text string) []int {
	var verb []int
	if hasAttributionVerb(text) {
		verb = saidVerbRe.FindStringSubmatchIndex(text)
	}
	// the marks' attributions close the text: look in its tail only
	from := 0
	if len(text) > 400 {
		from = len(text) - 400
		for from < len(text) && !utf8.RuneStart(text[from]) {
			from++
		}
	}
	mark := saidMarkRe.FindStringSubmatchIndex(text[from:])
	for i := range mark {
		if mark[i] >= 0 {
			mark[i] += from
		}
	}
	if mark == nil && strings.Contains(text, "」") {
		if ja := saidJaRe.FindStringSubmatchIndex(text); ja != nil {
			mark = append(ja[:2:2], -1, -1, -1, -1, ja[2], ja[3])
		}
	} else if mark != nil {
		mark = append(mark, -1, -1)
	}
	switch {
	case verb == nil && mark == nil:
		return nil
	case mark == nil || verb != nil && verb[0] <= mark[0]:
		return append(verb, -1, -1, -1, -1, -1, -1)
	}
	return append([]int{mark[0], mark[1], -1, -1, -1, -1}, mark[2:]...)
}

// attributionWords are the attribution verbs' words, for a look-up per word.
var attributionWords = func() map[string]bool {
	m := map[string]bool{"according": true}
	for _, v := range attributionVerbs {
		m[strings.Fields(v)[0]] = true
	}
	return m
}()

func hasAttributionVerb(text string) bool {
	found := false
	eachWord(strings.ToLower(text), func(w string) bool {
		found = attributionWords[w]
		return !found
	})
	return found
}

// inQuotePart: a block under a "Quote:" label or heading is still read for
// its speaker.
func (s *scan) inQuotePart(b *Block) bool {
	for _, k := range []PartKind{LeaderQuote, CustomerQuote} {
		if p := s.d.Parts[k]; p != nil && p.Span.Covers(b.Span) {
			return true
		}
	}
	return false
}

// quoteReading is what findQuotes reads from a paragraph's text alone; it
// is kept with the paragraph's prose (Prose.Memo), so the regular
// expressions run once per paragraph, not once per keystroke.
type quoteReading struct {
	isQuote          bool
	attribution      [2]int // in the block's text; [0 0] when none
	speaker          string
	leader, customer bool // the speaker's cues
	anonymous        bool // an attribution that names nobody
	embedded         bool // a quotation inside a paragraph that says more
	// open: the quotation, after any label or speaker before it, opens
	// with a mark it does not close (it goes on in the next paragraph)
	open bool
}

var quoteKey = NewMemoKey()

func readQuote(b *Block) quoteReading {
	if !containsAnyRune(b.Text, quoteMarks) {
		return quoteReading{} // no mark, no quotation: what the typing paragraph mostly is
	}
	read := func() any {
		// "**Quote:** “…”", "Customer Quote: “…”": the label before it
		off := 0
		if m := quoteLead.FindStringSubmatchIndex(b.Text); m != nil && isLabelClass(classifyName(b.Text[m[2]:m[3]])) {
			off = m[1]
		}
		var lead []int
		if off == 0 {
			// "**Grace Holloway, founder of Ridgeway:** “…”": the speaker
			// as the quotation's lead-in
			if lead = speakerLead.FindStringSubmatchIndex(b.Text); lead != nil {
				off = lead[1] - 1
				for off > 0 && !utf8.RuneStart(b.Text[off]) {
					off--
				}
			}
		}
		r := readQuoteText(b.Text[off:])
		r.open = r.isQuote && unclosedQuote(b.Text[off:])
		if r.attribution[1] > 0 {
			r.attribution[0] += off
			r.attribution[1] += off
		}
		if lead != nil && r.isQuote && r.speaker == "" && !r.anonymous {
			sp := strings.TrimRight(b.Text[lead[2]:lead[3]], " *_)")
			r.attribution = [2]int{lead[2], lead[2] + len(sp)}
			r.speaker = sp
			r.leader, r.customer = leaderCue.MatchString(sp), customerCue.MatchString(sp)
			if anonymousSpeaker(sp) {
				r.anonymous, r.speaker = true, ""
			}
		}
		return r
	}
	if b.Prose == nil {
		return read().(quoteReading)
	}
	return b.Prose.Memo(quoteKey, read).(quoteReading)
}

// speakerLead is a speaker's name (and role) before a colon that opens a
// quotation: "Grace Holloway, founder of Ridgeway: “…”", "Jo Park (CTO): "…"".
var speakerLead = NewLazyRegexp(`^[*_\s]*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)+(?:\s*[,(][^:：\n"“„«]{0,80})?)[*_\s]*[:：][*_\s]*["“„«»]`)

var quoteLead = NewLazyRegexp(`^[*_\s]*([^"“„«「:：\n]{2,40}?)\s*[:：][*_\s]*`)

// quoteMarks are the marks a quotation opens or closes with, single ones
// included (doubleSingleQuotes reads '…' and ‘…’ as double).
const quoteMarks = "\"“”„«»「『'‘’"

func readQuoteText(text string) quoteReading {
	var r quoteReading
	text = doubleSingleQuotes(text)
	if !containsAnyRune(text, "\"“”„«»「『") {
		return r // no quotation mark, no quotation
	}
	if m := accordingTo.FindStringSubmatchIndex(text); m != nil && quotedWords.MatchString(text[m[1]-1:]) {
		// "According to Tom Hughes, a landlord, “the engineer arrived …”"
		r.isQuote = true
		r.attribution = [2]int{m[2], m[3]}
		r.speaker = strings.TrimSpace(text[m[2]:m[3]])
		r.leader, r.customer = leaderCue.MatchString(r.speaker), customerCue.MatchString(r.speaker)
		if anonymousSpeaker(r.speaker) {
			r.anonymous, r.speaker = true, ""
		}
		return r
	}
	if !isQuoteText(text) {
		// a quotation inside a paragraph: "… the needs of users. "My
		// system relies on …" said Miguel, head of infrastructure."
		if !hasAttributionVerb(text) {
			return r
		}
		loc := quotedWords.FindStringIndex(text)
		if loc == nil || loc[1]-loc[0] < 40 {
			return r
		}
		m := saidAfter.FindStringSubmatchIndex(text[loc[1]-1:])
		if m == nil {
			return r
		}
		off := loc[1] - 1
		r.isQuote, r.embedded = true, true
		r.attribution = [2]int{off + m[2], off + m[3]}
		r.speaker = strings.Trim(text[off+m[2]:off+m[3]], " *_")
		r.leader, r.customer = leaderCue.MatchString(r.speaker), customerCue.MatchString(r.speaker)
		if anonymousSpeaker(r.speaker) {
			r.anonymous, r.speaker = true, ""
		}
		return r
	}
	r.isQuote = quotedWords.MatchString(text)
	if m := saidIndex(text); m != nil {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				r.attribution = [2]int{m[g], m[g+1]}
				r.speaker = strings.Trim(text[m[g]:m[g+1]], " *_")
				break
			}
		}
	}
	if r.isQuote && r.speaker == "" {
		// a verb the vocabulary does not know, in a language it does not
		// know: "”…”, säger Karin Lind, grundare av Fjällbo"
		if m := saidAnyVerb.FindStringSubmatchIndex(text); m != nil {
			r.attribution = [2]int{m[2], m[3]}
			r.speaker = strings.TrimSpace(text[m[2]:m[3]])
		}
	}
	if !r.isQuote && r.speaker == "" {
		return r
	}
	r.isQuote = true // a short quotation ("Cool. Looks good.") with its speaker
	if r.speaker != "" {
		r.leader, r.customer = leaderCue.MatchString(r.speaker), customerCue.MatchString(r.speaker)
	}
	if anonymousSpeaker(r.speaker) {
		r.anonymous, r.speaker = true, ""
	}
	return r
}

// unclosedQuote: t opens with a quotation mark that nothing in it closes
// (the first paragraph of a quotation that goes on in the next).
func unclosedQuote(t string) bool {
	t = strings.TrimLeft(t, "*_ \t")
	r, n := utf8.DecodeRuneInString(t)
	rest := t[n:]
	switch r {
	case '"':
		return !strings.Contains(rest, `"`)
	case '“':
		return !strings.ContainsAny(rest, "”\"")
	case '„':
		return !strings.ContainsAny(rest, "“”\"")
	case '«':
		return !strings.Contains(rest, "»")
	case '»':
		return !strings.Contains(rest, "«")
	}
	return false
}

// saidAnyVerb: after the closing mark and a comma, one lower-case word
// and a name (two or more capitalised words): an attribution whatever the
// verb.
var saidAnyVerb = NewLazyRegexp(`["”»«“]\s*,\s*\p{Ll}{3,14}\s+(\p{Lu}\p{L}+(?:\s+\p{Lu}[\p{L}'-]+)+(?:,[^.;"“”«»]{2,100})?)`)

// accordingTo: a paragraph that names its speaker before the quotation.
var accordingTo = NewLazyRegexp(`^[*_\s]*(?i:according to|in the words of)\s+([^"“„«]{2,120}?),\s*["“„«]`)

// singleQuoted is a paragraph quoted in single marks, British style
// ("'Repeats are a third of our admin,' said Dr Helen Marsh"): the closing
// mark follows punctuation, so an apostrophe ("our GP's") is none.
var singleQuoted = NewLazyRegexp(`^([*_\s]*)(?:'|‘)[^\n]{8,}?[,.!?;…](?:'|’)(?:\s|$)`)

// doubleSingleQuotes gives a paragraph quoted in single marks double ones,
// byte for byte ('→", ‘→“, ’→”), so the quotation's reading (and its
// offsets) are those of a paragraph quoted in double marks.
func doubleSingleQuotes(text string) string {
	if text == "" || !strings.ContainsAny(text[:min(len(text), 8)], "'‘") {
		return text
	}
	m := singleQuoted.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	open := m[3] // after the markup before the opening mark
	end := m[1]
	for end > 0 && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\n') {
		end--
	}
	b := []byte(text)
	if b[open] == '\'' {
		b[open] = '"'
	} else {
		copy(b[open:], "“")
	}
	if b[end-1] == '\'' {
		b[end-1] = '"'
	} else {
		copy(b[end-len("’"):], "”")
	}
	return string(b)
}

func (s *scan) quoteKind(b *Block, speaker string, r quoteReading) PartKind {
	d := s.d
	for _, k := range []PartKind{LeaderQuote, CustomerQuote} {
		if p := d.Parts[k]; p != nil && p.Heading != nil && p.Span.Covers(b.Span) {
			return k
		}
	}
	leader, customer := r.leader, r.customer
	if speaker == "" && leader != customer {
		// a role with no name ("the creator", "— pilot user") speaks with
		// its role's voice, whoever spoke before
		if leader {
			return LeaderQuote
		}
		return CustomerQuote
	}
	org, named := "", false // read once: it is asked twice below
	if loc := speakerOrg.KeptSubmatchIndex(speaker); loc != nil {
		org, named = speaker[loc[2]:loc[3]], true
	}
	if named && !s.ownOrg(org) && !founderCue.MatchString(speaker) {
		// "head of infrastructure at Tick Co." speaks from another company
		leader, customer = false, true
	}
	// the same person speaks with the same voice
	for _, q := range d.Quotes {
		if q.Kind != "" && speaker != "" && sameSpeaker(q.Speaker, speaker) {
			return q.Kind
		}
	}
	// a leader of the company itself, by the attribution ("Asim Hussain,
	// Executive Director @ Green Software Foundation"), wherever it stands
	if named && s.ownOrg(org) && leader && !customer {
		return LeaderQuote
	}
	// a second person after the leader's quote speaks for customers
	for _, q := range d.Quotes {
		if q.Kind == LeaderQuote && !sameSpeaker(q.Speaker, speaker) {
			return CustomerQuote
		}
	}
	switch {
	case leader && !customer:
		return LeaderQuote
	case customer && !leader:
		return CustomerQuote
	}
	// someone described by who they are, not by a role at the company
	// ("Noor Saleh, an illustrator in Brooklyn") is a customer
	if i := strings.IndexByte(speaker, ','); i > 0 && !leader && !s.describesOwn(speaker[i+1:]) {
		return CustomerQuote
	}
	// ambiguous: the first quote is the leader's, the ones after it customers'
	for _, q := range d.Quotes {
		if q.Kind == LeaderQuote {
			return CustomerQuote
		}
	}
	if d.Parts[LeaderQuote] != nil {
		return CustomerQuote
	}
	return LeaderQuote
}

// nameStem is a name without an inflected ending ("założycielka
// Wierzby", "Wierzba"'s genitive): all but its last two letters, and at
// least five; a short name is its own stem.
func nameStem(w string) string {
	r := []rune(w)
	if len(r) < 7 {
		return w
	}
	return string(r[:len(r)-2])
}

// describesOwn: the descriptor names the launching organisation ("head of
// product at Acme", "Acme's CEO", "założycielka Wierzby"): a capitalised
// word of it is in the headline or the summary. German capitalises every
// noun, so there the word must be one of the release's own names (the
// product's, and those the summary opens with): "Anna Vogt, Landwirtin in
// Telgte" is no one of "Kornfeld zeigt Landwirten, …".
func (s *scan) describesOwn(desc string) bool {
	strict := s.nounsCapitalised()
	for _, w := range strings.Fields(desc) {
		w = strings.Trim(w, ".,'’s")
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		if !strict {
			if s.ownOrg(w) || s.ownOrg(nameStem(w)) {
				return true
			}
			continue
		}
		lw, stem := strings.ToLower(w), strings.ToLower(nameStem(w))
		for n := range s.ownNames() {
			if n == lw || strings.HasPrefix(n, stem) {
				return true
			}
		}
	}
	return false
}

// nounsCapitalised: the press release is in a language that capitalises
// its nouns (German), by its first paragraph long enough to tell.
func (s *scan) nounsCapitalised() bool {
	for _, b := range s.prBlocks {
		if b.Kind == Paragraph && b.Prose != nil {
			if l := b.Prose.Lang(); l != "" {
				return l == "de"
			}
		}
	}
	return false
}

// ownNames are the release's own names, lower-cased: the product's
// (productWords) and the capitalised words the summary opens with after
// its dateline ("Acme today announced …", "Kornfeld, eine App …", "The
// Green Software Foundation today …"), and the title's. The quotations are
// read before the summary is found (unless a heading or label named it):
// until then only the title's names are known, and neither these nor
// productWords, which the alignment asks later, are kept.
func (s *scan) ownNames() map[string]bool {
	if s.own != nil {
		return s.own
	}
	own := map[string]bool{}
	sum := s.d.Parts[Summary]
	if sum != nil {
		for w := range s.productWords() {
			own[strings.ToLower(w)] = true
		}
		text := sum.Text
		if m := s.findDateline(text); m != nil {
			text = text[m[1]:]
		}
		for i, field := range strings.Fields(text) {
			w := strings.TrimRightFunc(leadingName(field), func(r rune) bool { return r == ',' || r == '.' || r == ':' })
			if i >= 5 || w == "" || w[0] < 'A' || w[0] > 'Z' {
				break
			}
			if !commonCapital[strings.ToLower(w)] {
				own[strings.ToLower(w)] = true
			}
			if strings.HasSuffix(field, ",") {
				break // "Kornfeld, eine App …": the name ends at the comma
			}
		}
	}
	if t := s.d.Title; t != nil {
		for _, w := range capitalWords(t.Text) {
			if !commonCapital[strings.ToLower(w)] {
				own[strings.ToLower(w)] = true
			}
		}
	}
	if sum != nil {
		s.own = own
	}
	return own
}

// founderCue: roles that speak for the company that launches, wherever
// the attribution says they work.
var founderCue = NewLazyRegexp(`(?i)\b(founder|co-founder|ceo|cto|cfo|coo|cpo|president|chief|creator|maintainer)\b`)

var speakerOrg = NewLazyRegexp(`(?:\b(?:at|of|from)\s+|@\s*)(\p{Lu}[\w&.'-]*)`)

// ownOrg: the organisation is the one the press release is about (named in
// its headline, title or summary's subject).
func (s *scan) ownOrg(org string) bool {
	org = strings.ToLower(strings.Trim(org, ".,'"))
	for _, k := range []PartKind{Headline, Summary} {
		if p := s.d.Parts[k]; p != nil && strings.Contains(strings.ToLower(firstSentence(p.Text)), org) {
			return true
		}
	}
	return s.d.Title != nil && strings.Contains(strings.ToLower(s.d.Title.Text), org)
}

// sameSpeaker compares attributions loosely: "Vincul's creator" and "the
// creator" are one person.
func sameSpeaker(a, b string) bool {
	// "Jochen Weerda, lead developer" and "Jochen Weerda, leitender
	// Entwickler": the name before the comma decides; "Schuman" is "Dr.
	// Christine Schuman" by her surname
	na, nb := speakerName(a), speakerName(b)
	if na != "" && nb != "" && !strings.ContainsAny(na+nb, "[]<>") && (na == nb || strings.HasSuffix(na, " "+nb) || strings.HasSuffix(nb, " "+na)) {
		return true
	}
	// template slots ("[Name], [CEO] of [Company]") say nobody yet
	wa, wb := speakerWords(slotRe.ReplaceAllString(a, " ")), speakerWords(slotRe.ReplaceAllString(b, " "))
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	small := min(len(wa), len(wb))
	return small > 0 && common*2 >= small
}

var slotRe = NewLazyRegexp(`\[[^\]]*\]`)

func speakerName(s string) string {
	if i := indexAnyRune(s, ",(—–"); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func speakerWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > 2 && w != "the" && w != "and" && w != "said" && w != "says" {
			out[w] = true
		}
	}
	return out
}
