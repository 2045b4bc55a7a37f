package diagnostics

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "answer-first",
		Severity: Hint,
		Summary:  "A closed question (Is, Are, Does, Can, Will, Should…) whose answer does not begin with yes, no, a number, \"not yet\" or \"we don't know\".",
		Why: "Amazon's FAQ habit: answer a closed question first, then explain. \"Is it free? Yes; a team plan is $12 " +
			"a month\" is read in a second; an answer that opens with background (\"Safety is our top priority…\") makes " +
			"the reader hunt for the answer, and often hides that it is no.",
		NotFlagged: "Questions with \"or\" (\"Free or paid?\" asks which, not whether) and requests (\"Can you explain…?\", " +
			"\"Can I see…?\"); answers that put yes, no or a negation in their first clause (\"As of March 2026, no.\", \"Ledger " +
			"does not store card numbers.\"), that open " +
			"with a number, \"not\", \"only\", \"there is no\" or a qualified answer (partly, mostly, usually), that defer " +
			"(TBD, unknown: deferred-answer's), or that open with code; unanswered questions (unanswered-question's); " +
			"answers in another language (the words are English).",
		Bad:   "## FAQ\n\n### Is Ledger safe to use?\n\nSecurity is our top priority, and we take it seriously.\n",
		Good:  "## FAQ\n\n### Is Ledger safe to use?\n\nYes. Invoices are encrypted on the phone and in our database, and a yearly audit checks it.\n",
		check: checkAnswerFirst,
	})
}

var (
	// closedOpeners open a question that yes or no answers.
	closedOpeners = setOf("is", "are", "does", "do", "can", "will", "should", "could", "would", "has", "have", "was", "were",
		"did", "shall", "may", "must", "isn't", "aren't", "doesn't", "don't", "can't", "won't", "wouldn't", "shouldn't",
		"hasn't", "haven't", "didn't")
	// closedRequests are polite requests shaped as closed questions.
	closedRequests = regexp.MustCompile(`(?i)^(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?(?:tell|explain|show|remind|describe|give|share|walk|list|summari[sz]e|clarify|elaborate|see|outline)\b`)
	// answerLabelPrefix is an "A:" or "Answer:" opening the answer's text.
	answerLabelPrefix = regexp.MustCompile(`(?i)^\s*(?:a\d*|answer)\s*[:.]\s*`)
	// directOpeners open a direct answer.
	directOpeners = setOf("yes", "yeah", "yep", "sure", "absolutely", "definitely", "certainly", "correct", "right",
		"indeed", "always", "no", "nope", "never", "not", "none", "nothing", "neither", "nobody", "only", "partly",
		"partially", "mostly", "usually", "sometimes", "rarely", "often", "both", "either", "all", "every", "unknown",
		"undecided", "tbd", "tba", "tbc", "todo", "probably", "likely", "unlikely", "soon", "one")
	// directWithin are yes, no and the negations: within the first clause
	// they answer ("As of March 2026, no.", "Construct Hub does not audit
	// the packages it lists.").
	directWithin = setOf("yes", "no", "not", "cannot", "never", "doesn't", "isn't", "aren't", "can't", "won't",
		"don't", "didn't", "wasn't", "weren't", "hasn't", "haven't", "shouldn't", "wouldn't")
	// directPhrases open a direct answer in several words.
	directPhrases = []string{"we don't know", "we do not know", "don't know", "do not know", "of course", "there is no",
		"there are no", "there's no", "it depends", "we don’t know", "don’t know", "there’s no"}
)

// answerFirstKey keeps answersFirst of a prose run with the run.
var answerFirstKey = document.NewMemoKey()

// closedQuestion reports a question that yes or no answers: it opens with
// an auxiliary verb, asks no "or", and is not a request.
func closedQuestion(q string) bool {
	q = strings.TrimSpace(q)
	if q == "" || !strings.ContainsRune("iadcwshmIADCWSHM", rune(q[0])) {
		return false // the cheap test first: no auxiliary verb starts otherwise
	}
	first := firstWordOf(q)
	if len(first) < 2 || len(first) > 12 {
		return false
	}
	var buf [16]byte
	lower := buf[:0]
	for i := 0; i < len(first); i++ {
		c := first[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
	}
	word := string(lower)
	if strings.Contains(word, "’") {
		word = strings.ReplaceAll(word, "’", "'")
	}
	if !closedOpeners[word] || closedRequests.MatchString(q) {
		return false
	}
	return !strings.Contains(strings.ToLower(q), " or ")
}

func firstWordOf(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		return s
	}
	return s[:end]
}

func checkAnswerFirst(c *Context) {
	doc := c.Doc
	for _, q := range doc.Questions {
		if q.Answer.Empty() || strings.TrimSpace(q.AnswerText) == "" {
			continue
		}
		if !closedQuestion(q.Text) {
			continue
		}
		var first *document.Prose
		for _, p := range doc.ProseOverlapping(q.Answer) {
			if strings.TrimSpace(p.Text) != "" {
				first = p
				break
			}
		}
		if first == nil || !first.English() {
			continue
		}
		at := 0
		if !q.Answer.Contains(first.Span.Start) {
			// "**Will it…?** Accountants get…": the answer shares the question's paragraph
			at = sort.Search(len(first.Text), func(i int) bool { return first.Offset(i) >= q.Answer.Start })
		}
		if at < len(first.Text) && first.InCode(at, at+1) {
			continue // an answer that opens with code shows how
		}
		text, span := first.Text[at:], first.SourceSpan(at, len(first.Text))
		direct := false
		if at == 0 {
			direct = first.Memo(answerFirstKey, func() any { return answersFirst(first.Text) }).(bool)
		} else {
			direct = answersFirst(text)
		}
		if direct {
			continue
		}
		c.Report(Finding{
			Message: "Closed question: open the answer with yes, no, a number, \"not yet\" or \"we don't know\", then explain.",
			Span:    firstLine(doc, span),
			Data:    map[string]any{"question": q.Text},
		})
	}
}

// answersFirst reports an answer that opens with a direct answer.
func answersFirst(text string) bool {
	if len(text) > 160 {
		text = text[:160] // the answer's opening is all that counts
	}
	t := answerLabelPrefix.ReplaceAllString(text, "")
	t = strings.TrimLeftFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' && r != '€' && r != '£'
	})
	if t == "" {
		return true
	}
	if c := t[0]; c >= '0' && c <= '9' || strings.ContainsRune("$€£", rune(c)) || strings.HasPrefix(t, "€") || strings.HasPrefix(t, "£") {
		return true
	}
	lower := strings.ToLower(t)
	for _, p := range directPhrases {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	first := strings.ReplaceAll(firstWordOf(lower), "’", "'")
	if directOpeners[first] || numWords.MatchString(first) {
		return true
	}
	// yes, no or a negation in the first clause: "As of March 2026, no."
	clause := lower
	if i := strings.IndexAny(clause, ".;:—!?"); i >= 0 {
		clause = clause[:i]
	}
	clause = strings.ReplaceAll(clause, "’", "'")
	for i, w := range strings.FieldsFunc(clause, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if i >= 8 {
			break
		}
		if directWithin[w] {
			return true
		}
	}
	return false
}
