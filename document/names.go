package document

import (
	"slices"
	"strings"
	"unicode"
)

// nameClass is what a heading or a lead-in label names.
type nameClass string

const (
	nameNone         nameClass = ""
	nameTitle        nameClass = "title"         // "# Foo PRFAQ": the document's title
	namePressRelease nameClass = "press-release" // "Press Release", "Working Backwards"
	nameQuote        nameClass = "quote"         // "Quote:": a quotation, whose speaker tells whose
)

var (
	parenthetical = NewLazyRegexp(`\([^()]*\)|（[^（）]*）|_\([^()]*\)_`)
	partPrefix    = NewLazyRegexp(`^(part|section|step)\s+(\d+|[ivx]+|one|two|three)\s+`)
	numPrefix     = NewLazyRegexp(`^(\d+|[ivx]+)\s+`)
)

// keepGroupQualifier drops a parenthetical qualifier, but keeps one that
// is only a group's word: "FAQ (internal)" is the internal FAQ.
func keepGroupQualifier(p string) string {
	w := strings.ToLower(strings.Trim(p, "()（）_ "))
	if slices.Contains(faqGroupAlone, w) || slices.Contains(externalAudience, w) || slices.Contains(internalAudience, w) {
		return " " + w + " "
	}
	return " "
}

// normalizeName lowercases a heading, turns punctuation into spaces and drops
// "Part 1 —" and "1." prefixes, so "## Part 1 — Press Release ##" and
// "PRESS RELEASE" compare equal.
func normalizeName(s string) string {
	if containsAnyRune(s, "(（") {
		if t := strings.TrimSpace(parenthetical.Regexp().ReplaceAllStringFunc(s, keepGroupQualifier)); t != "" {
			s = t // "Customer FAQ (for pilots)": the qualifier does not name anything
		}
	}
	// lower case, apostrophes dropped, every run of other non-letters one space
	var b strings.Builder
	b.Grow(len(s))
	space, prevCJK := false, false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cjk := r > 0x2e80 && Spaceless(string(r))
			// "社内FAQ": a change of script parts two words, as a space would
			if (space || b.Len() > 0 && cjk != prevCJK) && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space, prevCJK = false, cjk
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	s = b.String()
	// each expression only where it can match: most names start with
	// neither (the vocabularies' five hundred are normalised at start-up)
	if strings.HasPrefix(s, "part") || strings.HasPrefix(s, "section") || strings.HasPrefix(s, "step") {
		s = partPrefix.ReplaceAllString(s, "")
	}
	if s != "" && (s[0] >= '0' && s[0] <= '9' || strings.IndexByte("ivx", s[0]) >= 0) {
		s = numPrefix.ReplaceAllString(s, "")
	}
	return strings.TrimPrefix(s, "the ")
}

func hasWord(s string, words ...string) bool {
	for _, w := range words {
		if w != "" && wordIn(s, w) {
			return true
		}
	}
	return false
}

// wordIn reports w in s between spaces or the ends (s is a normalised name).
func wordIn(s, w string) bool {
	for from := 0; from+len(w) <= len(s); {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		if (i == 0 || s[i-1] == ' ') && (i+len(w) == len(s) || s[i+len(w)] == ' ') {
			return true
		}
		from = i + 1
	}
	return false
}

// classifyName says which part a heading or label names. Questions (ending
// in "?") name no part.
var nameClassKey = NewMemoKey()

// headingClass is classifyName of a heading, kept with its prose: its
// regular expressions would otherwise run on every heading on every
// keystroke.
func headingClass(h *Block) nameClass {
	if h.Prose == nil {
		return classifyName(h.Text)
	}
	if c, ok := h.Prose.Kept(nameClassKey).(nameClass); ok {
		return c
	}
	return h.Prose.Memo(nameClassKey, func() any { return classifyName(h.Text) }).(nameClass)
}

func classifyName(raw string) nameClass {
	if strings.HasSuffix(strings.TrimSpace(raw), "?") || strings.HasSuffix(strings.TrimSpace(raw), "？") {
		return nameNone
	}
	if containerPrefix(raw) > 0 {
		return nameNone // "Press Release: Acme sends invoices …" is a headline
	}
	n := normalizeName(raw)
	words := strings.Fields(n)
	if len(words) == 0 || len(words) > 12 {
		return nameNone
	}
	pressRelease := namedBy(n, words, pressReleaseNames)
	faq := namedWithin(n, faqNames)
	switch {
	case containsAny(n, titleNames) || (pressRelease && containsAny(n, faqNames)):
		return nameTitle
	case !faq && len(words) >= 3 && len(words) <= 7 && hasAnyWord(words[0], faqQuestionWords) && hasAnyWord(words[1], askedByWords):
		// "Questions from hall committees", "Questions from our leadership":
		// who asks names the group
		if hasAnyWord(n, internalGroupWords) || hasAnyWord(n, ownWords) {
			return nameClass(InternalFAQ)
		}
		return nameClass(ExternalFAQ)
	case faq || (len(words) <= 4 && hasAnyWord(n, faqQuestionWords)):
		external, internal := hasAnyWord(n, externalGroupWords), hasAnyWord(n, internalGroupWords)
		if !faq {
			// "Customer questions" names a group; "Technical questions" a topic
			internal = hasAnyWord(n, internalGroupWords) && !hasAnyWord(n, topicGroupWords)
		}
		switch {
		case internal && hasWord(n, "internal", "interne", "intern", "interno", "interna", "internas", "internos", "内部", "社内", "내부"):
			return nameClass(InternalFAQ)
		case external:
			return nameClass(ExternalFAQ)
		case internal:
			return nameClass(InternalFAQ)
		case faq:
			return nameClass(FAQ)
		}
		return nameNone
	case len(words) == 1 && hasAnyWord(n, faqGroupAlone):
		if hasAnyWord(n, internalGroupWords) {
			return nameClass(InternalFAQ)
		}
		return nameClass(ExternalFAQ)
	case pressRelease:
		return namePressRelease
	}
	// a template's instruction names its slot, however long ("Describe
	// the opportunity or problem: The setup")
	instruction := hasAnyWord(words[0], instructionVerbs)
	if instruction && words[0] == "quote" {
		return refineQuote(n, nameQuote) // "Quote an Amazon leader …"
	}
	if namedWithin(n, caveatNames) {
		return nameNone
	}
	for _, c := range partNames {
		if namedBy(n, words, c.names) || instruction && namedWithin(n, c.names) {
			return refineQuote(n, c.class)
		}
	}
	return nameNone
}

// refineQuote: "Quote an Amazon Leader", "Quotes from users" say whose.
func refineQuote(n string, c nameClass) nameClass {
	if c != nameQuote {
		return c
	}
	switch {
	case hasAnyWord(n, leaderQuoteWords):
		return nameClass(LeaderQuote)
	case hasAnyWord(n, customerQuoteWords):
		return nameClass(CustomerQuote)
	}
	return c
}

// A vocabulary phrase, prepared once: the reading compares names on every
// keystroke, and the phrases never change.
type phrase struct {
	norm  string // normalizeName of the phrase
	exact bool   // "=word": only the whole name
	words int
	cjk   bool // matched inside words (Han, Kana, Hangul)
}

// prepared holds every vocabulary list prepared, keyed by the list's first
// element (the lists are package variables, so the key is stable).
var prepared = func() map[*string]*phraseIndex {
	m := map[*string]*phraseIndex{}
	lists := [][]string{titleNames, pressReleaseNames, faqNames, externalGroupWords, internalGroupWords,
		topicGroupWords, faqQuestionWords, faqGroupAlone, structuralNames, caveatNames, releaseMarkers, instructionVerbs,
		leaderQuoteWords, customerQuoteWords, askedByWords, ownWords}
	for _, c := range partNames {
		lists = append(lists, c.names)
	}
	for _, l := range lists {
		m[&l[0]] = indexPhrases(preparePhrases(l))
	}
	return m
}()

func preparePhrases(l []string) []phrase {
	out := make([]phrase, 0, len(l))
	for _, ph := range l {
		raw, exact := strings.CutPrefix(ph, "=")
		n := normalizeName(raw)
		if n == "" {
			continue
		}
		out = append(out, phrase{norm: n, exact: exact, words: strings.Count(n, " ") + 1, cjk: Spaceless(n)})
	}
	return out
}

// phraseIndex finds a list's phrases in a name by the name's words: a
// phrase between spaces starts at one of them, so only the phrases that
// begin with a word of the name are tried, not the whole list (hundreds
// of names in nine languages, on every heading and label). Phrases in a
// spaceless script match inside words and are tried when the name has
// such a script.
type phraseIndex struct {
	all       []phrase
	byFirst   map[string][]phrase
	spaceless []phrase
}

func indexPhrases(ps []phrase) *phraseIndex {
	x := &phraseIndex{all: ps, byFirst: map[string][]phrase{}}
	for _, p := range ps {
		first, _, _ := strings.Cut(p.norm, " ")
		x.byFirst[first] = append(x.byFirst[first], p)
		if p.cjk {
			x.spaceless = append(x.spaceless, p)
		}
	}
	return x
}

func phrasesOf(l []string) *phraseIndex {
	if len(l) == 0 {
		return &phraseIndex{}
	}
	if p, ok := prepared[&l[0]]; ok {
		return p
	}
	return indexPhrases(preparePhrases(l))
}

// any reports a phrase of x that ok accepts and that stands in the
// normalised name n between spaces (or, spaceless, anywhere in it).
func (x *phraseIndex) any(n string, ok func(p phrase) bool) bool {
	for rest := n; rest != ""; {
		w, after, _ := strings.Cut(rest, " ")
		for _, p := range x.byFirst[w] {
			if strings.HasPrefix(rest, p.norm) && (len(rest) == len(p.norm) || rest[len(p.norm)] == ' ') && ok(p) {
				return true
			}
		}
		rest = after
	}
	if len(x.spaceless) > 0 && Spaceless(n) {
		for _, p := range x.spaceless {
			if strings.Contains(n, p.norm) && ok(p) {
				return true
			}
		}
	}
	return false
}

// namedBy reports whether the normalised name n (split into words) is
// named by one of phrases (see vocabulary.go for how a phrase matches).
func namedBy(n string, words []string, phrases []string) bool {
	return phrasesOf(phrases).any(n, func(p phrase) bool {
		return p.exact && n == p.norm || !p.exact && len(words) <= p.words+nameSlack
	})
}

// namedWithin is namedBy without the length limit: an FAQ heading may
// carry a long qualifier ("External FAQ (Customers / Developers / Press)").
func namedWithin(n string, phrases []string) bool {
	return phrasesOf(phrases).any(n, func(p phrase) bool { return !p.exact || n == p.norm })
}

// containsAny is namedWithin that reads "=word" phrases anywhere too.
func containsAny(n string, phrases []string) bool {
	return phrasesOf(phrases).any(n, func(phrase) bool { return true })
}

func hasAnyWord(n string, words []string) bool { return containsAny(n, words) }

// Spaceless reports text in a script matched inside words (Han, Kana,
// Hangul): phrases in it have no word boundaries to match on.
func Spaceless(s string) bool {
	for _, r := range s {
		if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

func isFAQClass(c nameClass) bool {
	return c == nameClass(FAQ) || c == nameClass(ExternalFAQ) || c == nameClass(InternalFAQ)
}

func isPartClass(c nameClass) bool {
	switch PartKind(c) {
	case Headline, Subheading, Summary, Problem, Solution, LeaderQuote, CustomerQuote, CallToAction:
		return true
	}
	return false
}

// titlePrefix matches a "Title:" label before a heading's text.
var titlePrefix = NewLazyRegexp(`^(?i)(title|headline|heading)\s*:\s*`)

// labelRe matches a plain-text template label at the start of a paragraph:
// "Subtitle: …", "Intro Paragraph: …", "Leader’s Quote: …", "見出し：…"
// (a full-width colon needs no space after it).
var labelRe = NewLazyRegexp(`^[\[*_]*(\p{L}[\p{L}\p{N}’' /&-]{1,40}?)\s*(?::(?:\s|$)|：)`)

// findLabel is labelRe's FindStringSubmatch, not run on text without a
// colon (most paragraphs): labelRe needs one.
func findLabel(t string) []string {
	if strings.IndexByte(t, ':') < 0 && !strings.Contains(t, "：") {
		return nil
	}
	return labelRe.FindStringSubmatch(t)
}

// structural headings organise a design document; they are never a headline.
func structural(heading string) bool {
	n := normalizeName(heading)
	return namedBy(n, strings.Fields(n), structuralNames) && len(strings.Fields(n)) <= 3
}

// namesVisuals: a label that names the visuals ("Mock-up", "Maquette des
// écrans", "Visuales").
func namesVisuals(label string) bool {
	n := normalizeName(label)
	return namedBy(n, strings.Fields(n), visualsNames) && len(strings.Fields(n)) <= 4
}
