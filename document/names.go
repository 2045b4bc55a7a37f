package document

import (
	"regexp"
	"strings"
)

// nameClass is what a heading or a lead-in label names.
type nameClass string

const (
	nameNone         nameClass = ""
	nameTitle        nameClass = "title"         // "# Foo PRFAQ": the document's title
	namePressRelease nameClass = "press-release" // "Press Release", "Working Backwards"
)

var (
	nonAlnum   = regexp.MustCompile(`[^\p{L}\p{N}]+`)
	partPrefix = regexp.MustCompile(`^(part|section|step)\s+(\d+|[ivx]+|one|two|three)\s+`)
	numPrefix  = regexp.MustCompile(`^(\d+|[ivx]+)\s+`)
)

// normalizeName lowercases a heading, turns punctuation into spaces and drops
// "Part 1 —" and "1." prefixes, so "## Part 1 — Press Release ##" and
// "PRESS RELEASE" compare equal.
func normalizeName(s string) string {
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
	if strings.HasSuffix(strings.TrimSpace(raw), "?") {
		return nameNone
	}
	n := normalizeName(raw)
	words := strings.Fields(n)
	if len(words) == 0 || len(words) > 12 {
		return nameNone
	}
	switch {
	case hasWord(n, "prfaq", "prfaqs") || strings.Contains(n, "pr faq"):
		return nameTitle
	case hasWord(n, "faq", "faqs") || strings.Contains(n, "frequently asked questions") || n == "q a" || n == "questions and answers" || n == "questions":
		switch {
		case hasWord(n, "internal"):
			return nameClass(InternalFAQ)
		case hasWord(n, "external", "customer", "customers", "public", "user", "users"):
			return nameClass(ExternalFAQ)
		case hasWord(n, "stakeholder", "stakeholders", "technical", "business", "strategic"):
			return nameClass(InternalFAQ)
		}
		return nameClass(FAQ)
	case strings.Contains(n, "press release") || n == "working backwards" || n == "pr" || n == "announcement":
		return namePressRelease
	case hasWord(n, "subheading", "subtitle", "subhead", "subheadline") || strings.HasPrefix(n, "sub heading") || strings.HasPrefix(n, "sub title"):
		return nameClass(Subheading)
	case n == "heading" || n == "headline" || n == "title" || n == "press release headline":
		return nameClass(Headline)
	case hasWord(n, "summary", "summarize", "summarise", "intro", "introduction") && len(words) <= 10:
		return nameClass(Summary)
	case strings.Contains(n, "quote from you") || strings.Contains(n, "from our team") || (hasWord(n, "quote", "quotes") && hasWord(n, "leader", "leaders", "executive", "company", "internal", "you", "our", "spokesperson")):
		return nameClass(LeaderQuote)
	case hasWord(n, "testimonial", "testimonials", "testimonies") || strings.Contains(n, "customers are saying") || strings.Contains(n, "customer quote") || strings.Contains(n, "customers say") || (hasWord(n, "quote", "quotes") && hasWord(n, "customer", "customers", "user", "users")):
		return nameClass(CustomerQuote)
	case strings.Contains(n, "get started") || strings.Contains(n, "getting started") || n == "availability" || strings.Contains(n, "pricing and availability") || strings.Contains(n, "next steps") || strings.Contains(n, "call to action") || n == "how to start" || n == "learn more":
		return nameClass(CallToAction)
	case hasWord(n, "problem", "problems", "opportunity", "pain", "challenge", "challenges"):
		return nameClass(Problem)
	case hasWord(n, "solution", "approach", "knockdown") || n == "how it works":
		return nameClass(Solution)
	}
	return nameNone
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
var labelRe = regexp.MustCompile(`^([A-Z][\p{L}’' /&-]{2,40}?)\s*:\s`)

// structural headings organise a design document; they are never a headline.
func structural(heading string) bool {
	switch normalizeName(heading) {
	case "changelog", "readme", "tenets", "appendix", "specification", "technical design", "background",
		"motivation", "glossary", "references", "table of contents", "contents", "overview", "summary", "vision":
		return true
	}
	return false
}
