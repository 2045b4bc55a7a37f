package document

import "testing"

// questionLabelLen reads by hand what qPrefix matches: the two must agree.
func TestQuestionLabelLenMatchesQPrefix(t *testing.T) {
	for _, text := range []string{
		"Q: Is it free?", "Q1. Is it free?", "Q12) Why now?", "Question 2: How?", "question: how?", "QUESTION 3: Why?",
		"1. How does it work?", "12) What?", "123: Who?", "1234. Too long", "C1. Which sources?", "C1234. No",
		"Frage 3: Was kostet es?", "Pregunta: ¿Cuánto?", "質問1：料金は？", "P: ¿Cuánto cuesta?", "P. Smith asks?",
		"F: Was kostet es?", "How does it work?", "Pricing", "Quick wins: what?", "Q&A", "  Q: spaced?", "Q : French?",
		"Question", "Q:", "A1: answer-like?", "Why? Because.",
	} {
		want := 0
		if m := qPrefix.FindStringIndex(text); m != nil {
			want = m[1]
		}
		if got := questionLabelLen(text); got != want {
			t.Errorf("questionLabelLen(%q) = %d, qPrefix matches %d", text, got, want)
		}
	}
}
