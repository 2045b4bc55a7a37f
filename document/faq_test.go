package document

import (
	"testing"
)

func TestStakeholderQuestion(t *testing.T) {
	cases := map[string]bool{
		"How will we measure success?":                                  true,
		"What is our revenue model and the budget for it?":              true,
		"Why now, and what are the risks to the roadmap?":               true,
		"Who are our competitors?":                                      true,
		"Can I export my data?":                                         false,
		"How much does it cost?":                                        false,
		"Does it work with my bank?":                                    false,
		"Is my data private?":                                           false,
		"Wie messen wir unseren Erfolg?":                                true,
		"Kann ich meine Daten exportieren?":                             false,
		"Comment notre équipe va-t-elle mesurer le succès ?":            true,
		"Est-ce que je peux exporter mes données, et vous les gardez ?": false,
		"¿Cómo medimos nuestro éxito?":                                  true,
		"¿Puedo exportar mi historial?":                                 false,
		"弊社の売上目標は何ですか？":                                                 true,
		"料金はいくらですか？":                                                    false,
	}
	for q, want := range cases {
		if got := stakeholderQuestion(q); got != want {
			t.Errorf("stakeholderQuestion(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestTopicHeading(t *testing.T) {
	src := "# FAQ\n\n" +
		"## Billing\n\n**Q: How much does it cost?**\n\nFive dollars a month.\n\n" +
		"## Does it work with my bank?\n\nYes, with most banks.\n\n" +
		"## How we measure success\n\nBy paid rent.\n\n" +
		"## Privacy\n\n- Is my data private?\n  Yes.\n\n" +
		"## Datenschutz\n\nQ: Werden meine Daten verkauft?\nA: Nein.\n\n" +
		"## Empty topic\n\n## 3) Numbered\n\n**Q: Is it free?**\n\nNo.\n"
	want := map[string]bool{
		"Billing":                    true,  // bold questions under it
		"Does it work with my bank?": false, // a question itself
		"How we measure success":     false, // starts like a question, plain answer below
		"Privacy":                    true,  // a list of questions
		"Datenschutz":                true,  // a Q: line
		"Empty topic":                false, // the next heading comes first
		"3) Numbered":                false, // numbered like a question
	}
	s := scanUpTo(t, src, alignStep)
	for _, h := range s.d.Headings {
		w, ok := want[h.Text]
		if !ok {
			continue
		}
		if got := s.topicHeading(h); got != w {
			t.Errorf("topicHeading(%q) = %v, want %v", h.Text, got, w)
		}
	}
}

// The questions of small FAQs, read through Parse: groups by heading, by
// questions, and topic headings that are not questions.
func TestFindQuestions(t *testing.T) {
	type q struct {
		text  string
		group PartKind
	}
	cases := []struct {
		name string
		src  string
		want []q
	}{
		{"topic headings over bold questions",
			"# FAQ\n\n## Billing\n\n**Q: How much does it cost?**\n\nFive dollars.\n\n**Q: Can I pay yearly?**\n\nYes.\n",
			[]q{{"How much does it cost?", ExternalFAQ}, {"Can I pay yearly?", ExternalFAQ}}},
		{"groups by heading",
			"# FAQ\n\n## Customer FAQ\n\n### Can I export my data?\n\nYes.\n\n## Internal FAQ\n\n### How will we measure success?\n\nBy paid rent.\n",
			[]q{{"Can I export my data?", ExternalFAQ}, {"How will we measure success?", InternalFAQ}}},
		{"an undivided FAQ is the stakeholders' when most questions are",
			"# FAQ\n\nQ: How will we measure success?\nA: By paid rent.\n\nQ: What is our budget?\nA: Two engineers.\n\nQ: Can I export my data?\nA: Yes.\n",
			[]q{{"How will we measure success?", InternalFAQ}, {"What is our budget?", InternalFAQ}, {"Can I export my data?", InternalFAQ}}},
		{"german groups",
			"# Häufige Fragen\n\n## Kundenfragen\n\n**Was kostet es?**\n\nFünf Euro.\n\n## Interne Fragen\n\n**Wie messen wir den Erfolg?**\n\nAn bezahlten Mieten.\n",
			[]q{{"Was kostet es?", ExternalFAQ}, {"Wie messen wir den Erfolg?", InternalFAQ}}},
		{"one-line Q and A",
			"## FAQ\n\n**Q:** Is it free? **A:** No, five dollars.\n",
			[]q{{"Is it free?", ExternalFAQ}}},
		{"numbered list",
			"## FAQ\n\n1. Why now?\n   Because rent went digital.\n2. Who builds it?\n   Our team of two.\n",
			[]q{{"Why now?", ExternalFAQ}, {"Who builds it?", ExternalFAQ}}}, // one stakeholder question of two: not most
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse("t.md", []byte(c.src))
			var got []q
			for _, x := range d.Questions {
				got = append(got, q{x.Text, x.Group})
			}
			if len(got) != len(c.want) {
				t.Fatalf("questions = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("question %d = %v, want %v", i, got[i], c.want[i])
				}
			}
		})
	}
}

// TestStakeholderQuestionOverlappingCues: the customer cue 私 ("I") is
// found inside the stakeholder cue 私たち ("we").
func TestStakeholderQuestionOverlappingCues(t *testing.T) {
	if !stakeholderQuestion("私たちはどう成功を測りますか？") {
		t.Error("私たち asks as the team")
	}
}
