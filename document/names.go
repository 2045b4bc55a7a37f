package document

import (
	"regexp"
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
	parenthetical = regexp.MustCompile(`\([^()]*\)|（[^（）]*）|_\([^()]*\)_`)
	nonAlnum      = regexp.MustCompile(`[^\p{L}\p{N}]+`)
	partPrefix    = regexp.MustCompile(`^(part|section|step)\s+(\d+|[ivx]+|one|two|three)\s+`)
	numPrefix     = regexp.MustCompile(`^(\d+|[ivx]+)\s+`)
)

// normalizeName lowercases a heading, turns punctuation into spaces and drops
// "Part 1 —" and "1." prefixes, so "## Part 1 — Press Release ##" and
// "PRESS RELEASE" compare equal.
func normalizeName(s string) string {
	if t := strings.TrimSpace(parenthetical.ReplaceAllString(s, " ")); t != "" {
		s = t // "Customer FAQ (for pilots)": the qualifier does not name anything
	}
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.ReplaceAll(s, "'", "")
	s = strings.TrimSpace(nonAlnum.ReplaceAllString(s, " "))
	s = partPrefix.ReplaceAllString(s, "")
	s = numPrefix.ReplaceAllString(s, "")
	return strings.TrimPrefix(s, "the ")
}

func hasWord(s string, words ...string) bool {
	padded := " " + s + " "
	for _, w := range words {
		if strings.Contains(padded, " "+w+" ") {
			return true
		}
	}
	return false
}

// classifyName says which part a heading or label names. Questions (ending
// in "?") name no part.
type nameClassKey struct{}

// headingClass is classifyName of a heading, kept with its prose: its
// regular expressions would otherwise run on every heading on every
// keystroke.
func headingClass(h *Block) nameClass {
	if h.Prose == nil {
		return classifyName(h.Text)
	}
	return h.Prose.Memo(nameClassKey{}, func() any { return classifyName(h.Text) }).(nameClass)
}

func classifyName(raw string) nameClass {
	if strings.HasSuffix(strings.TrimSpace(raw), "?") || strings.HasSuffix(strings.TrimSpace(raw), "？") {
		return nameNone
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

// normalized holds the vocabulary's phrases already normalised: the
// reading compares names on every keystroke, the phrases never change.
var normalized = func() map[string]string {
	m := map[string]string{}
	lists := [][]string{titleNames, pressReleaseNames, faqNames, externalGroupWords, internalGroupWords,
		topicGroupWords, faqQuestionWords, faqGroupAlone, structuralNames, releaseMarkers, instructionVerbs,
		leaderQuoteWords, customerQuoteWords}
	for _, c := range partNames {
		lists = append(lists, c.names)
	}
	for _, l := range lists {
		for _, ph := range l {
			ph = strings.TrimPrefix(ph, "=")
			m[ph] = normalizeName(ph)
		}
	}
	return m
}()

// norm is normalizeName of a vocabulary phrase.
func norm(ph string) string {
	if n, ok := normalized[ph]; ok {
		return n
	}
	return normalizeName(ph)
}

// namedBy reports whether the normalised name n (split into words) is
// named by one of phrases (see vocabulary.go for how a phrase matches).
func namedBy(n string, words []string, phrases []string) bool {
	for _, ph := range phrases {
		if exact, ok := strings.CutPrefix(ph, "="); ok {
			if n == norm(exact) {
				return true
			}
			continue
		}
		ph = norm(ph)
		if ph == "" {
			continue
		}
		if spaceless(ph) {
			if strings.Contains(n, ph) && len(words) <= strings.Count(ph, " ")+1+nameSlack {
				return true
			}
			continue
		}
		if hasWord(n, ph) && len(words) <= strings.Count(ph, " ")+1+nameSlack {
			return true
		}
	}
	return false
}

// namedWithin is namedBy without the length limit: an FAQ heading may
// carry a long qualifier ("External FAQ (Customers / Developers / Press)").
func namedWithin(n string, phrases []string) bool {
	for _, ph := range phrases {
		if exact, ok := strings.CutPrefix(ph, "="); ok {
			if n == norm(exact) {
				return true
			}
			continue
		}
		if ph = norm(ph); ph != "" && (hasWord(n, ph) || spaceless(ph) && strings.Contains(n, ph)) {
			return true
		}
	}
	return false
}

// containsAny is namedBy without the length limit.
func containsAny(n string, phrases []string) bool {
	for _, ph := range phrases {
		ph = norm(strings.TrimPrefix(ph, "="))
		if ph != "" && (hasWord(n, ph) || spaceless(ph) && strings.Contains(n, ph)) {
			return true
		}
	}
	return false
}

func hasAnyWord(n string, words []string) bool {
	for _, w := range words {
		w = norm(w)
		if w != "" && (hasWord(n, w) || spaceless(w) && strings.Contains(n, w)) {
			return true
		}
	}
	return false
}

// spaceless scripts (Han, Kana, Hangul) are matched inside words.
func spaceless(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
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
var titlePrefix = regexp.MustCompile(`^(?i)(title|headline|heading)\s*:\s*`)

// labelRe matches a plain-text template label at the start of a paragraph:
// "Subtitle: …", "Intro Paragraph: …", "Leader’s Quote: …".
var labelRe = regexp.MustCompile(`^[\[*_]*(\p{L}[\p{L}\p{N}’' /&-]{1,40}?)\s*[:：](?:\s|$)`)

// structural headings organise a design document; they are never a headline.
func structural(heading string) bool {
	n := normalizeName(heading)
	return namedBy(n, strings.Fields(n), structuralNames) && len(strings.Fields(n)) <= 3
}
