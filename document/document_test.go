package document

import (
	"strings"
	"testing"
)

func TestFrontMatterIsNotAHeading(t *testing.T) {
	src := "---\nprfaq: true\ntitle: Ledger\n---\n\n# Ledger lets shops bill in one click\n\nBody text here.\n"
	d := Parse("x.md", []byte(src))
	if d.FrontMatter == nil {
		t.Fatal("front matter not found")
	}
	if v, ok := d.FrontMatter.Bool("prfaq"); !ok || !v {
		t.Error("prfaq: true not read")
	}
	if d.FrontMatter.String("title") != "Ledger" {
		t.Errorf("title = %q", d.FrontMatter.String("title"))
	}
	if len(d.Headings) != 1 || d.Headings[0].Text != "Ledger lets shops bill in one click" {
		t.Fatalf("headings = %v", headingTexts(d))
	}
	// offsets stay exact: the heading's content starts where the source says
	if got := d.Text(d.Headings[0].Content); got != "Ledger lets shops bill in one click" {
		t.Errorf("heading content = %q", got)
	}
	for _, p := range d.Prose {
		if strings.Contains(p.Text, "prfaq") {
			t.Errorf("front matter leaked into prose: %q", p.Text)
		}
	}
}

func TestInvalidFrontMatterIsReportedNotFatal(t *testing.T) {
	d := Parse("x.md", []byte("---\nprfaq: [unclosed\n---\n# Title here\n"))
	if d.FrontMatter == nil || d.FrontMatter.Err == nil {
		t.Fatal("want a front matter error")
	}
	if len(d.Headings) != 1 {
		t.Errorf("headings = %v", headingTexts(d))
	}
}

func headingTexts(d *Document) []string {
	var out []string
	for _, h := range d.Headings {
		out = append(out, h.Text)
	}
	return out
}

// Prose never includes code, HTML, comments, link destinations or autolinks.
func TestProseExclusions(t *testing.T) {
	src := "Use `TBD code` and [the docs](https://tbd.example/TBD) or <https://x.example/TBD>, https://y.example/a_TBD_b or www.TBD.example.\n\n" +
		"```\nTBD fenced\n```\n\n    TBD indented\n\n<div>TBD html</div>\n\n<!-- TBD comment -->\n\nPlain TBD here.\n"
	d := Parse("x.md", []byte(src))
	var words []string
	for _, p := range d.Prose {
		for _, w := range p.Words() {
			words = append(words, w.Text)
		}
	}
	n := 0
	for _, w := range words {
		if w == "TBD" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want exactly one prose TBD (the plain one), got %d in %v", n, words)
	}
	if len(d.Comments) != 1 || strings.TrimSpace(d.Comments[0].Text) != "TBD comment" {
		t.Errorf("comments = %+v", d.Comments)
	}
}

func TestProseSourceMapping(t *testing.T) {
	src := "Intro with **bold** and *soft\nbreak* text.\n"
	d := Parse("x.md", []byte(src))
	p := d.Prose[0]
	i := strings.Index(p.Text, "break")
	s := p.SourceSpan(i, i+len("break"))
	if got := d.Text(s); got != "break" {
		t.Errorf("mapped span = %q", got)
	}
}

func TestSentences(t *testing.T) {
	p := &Prose{Text: "Acme Inc. launched it, e.g. for shops. It works! Does it? yes it does."}
	var got []string
	for _, s := range p.Sentences() {
		got = append(got, p.Text[s.Start:s.End])
	}
	want := []string{"Acme Inc. launched it, e.g. for shops.", "It works!", "Does it? yes it does."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q", got)
	}
}

func TestHeadingNames(t *testing.T) {
	cases := map[string]nameClass{
		"Press Release":                          namePressRelease,
		"Part 1 — Press Release":                 namePressRelease,
		"PRESS RELEASE":                          namePressRelease,
		"Working Backwards":                      namePressRelease,
		"Heading":                                nameClass(Headline),
		"Sub-Heading":                            nameClass(Subheading),
		"Intro Paragraph":                        nameClass(Summary),
		"The Problem":                            nameClass(Problem),
		"Quote from You":                         nameClass(LeaderQuote),
		"From Our Team":                          nameClass(LeaderQuote),
		"What the Customers are Saying":          nameClass(CustomerQuote),
		"How to Get Started":                     nameClass(CallToAction),
		"Availability":                           nameClass(CallToAction),
		"Next Steps":                             nameClass(CallToAction),
		"Frequently Asked Questions":             nameClass(FAQ),
		"Customer FAQ":                           nameClass(ExternalFAQ),
		"Public FAQ":                             nameClass(ExternalFAQ),
		"Customer / External FAQs":               nameClass(ExternalFAQ),
		"Internal/Technical FAQ":                 nameClass(InternalFAQ),
		"Stakeholder FAQ":                        nameClass(InternalFAQ),
		"Internal FAQ (Technical / Stakeholder)": nameClass(InternalFAQ),
		"Summary ##":                             nameClass(Summary),
		"Foo PRFAQ":                              nameTitle,
		"How do I get started?":                  nameNone,
	}
	for in, want := range cases {
		if got := classifyName(in); got != want {
			t.Errorf("classifyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRecognisesPartsByHeading(t *testing.T) {
	src := "# Foo PRFAQ\n\n## Press Release\n\n### Foo lets teams ship twice as fast\n\n*For teams that deploy daily.*\n\n" +
		"SEATTLE — March 3, 2027 — Acme today announced Foo for teams.\n\n## The Problem ##\n\nTeams wait hours for builds.\n\n" +
		"## FAQ\n\n### Customer FAQ\n\n**Q: What does it cost?**\n\nA: $5.\n\n### Internal FAQ\n\n1. Why now?\n   Because builds got slow.\n"
	d := Parse("x.md", []byte(src))
	if d.Title == nil || d.Title.Text != "Foo PRFAQ" {
		t.Errorf("title = %+v", d.Title)
	}
	if h := d.Parts[Headline]; h == nil || h.Text != "Foo lets teams ship twice as fast" {
		t.Fatalf("headline = %+v", h)
	}
	if s := d.Parts[Summary]; s == nil || d.Text(s.Dateline) != "SEATTLE — March 3, 2027 —" {
		t.Errorf("dateline = %q", d.Text(d.Parts[Summary].Dateline))
	}
	if p := d.Parts[Problem]; p == nil || p.Heading == nil || strings.TrimSpace(p.Text) != "Teams wait hours for builds." {
		t.Errorf("problem = %+v", p)
	}
	if len(d.Questions) != 2 {
		t.Fatalf("questions = %d", len(d.Questions))
	}
	q0, q1 := d.Questions[0], d.Questions[1]
	if q0.Text != "What does it cost?" || q0.Group != ExternalFAQ || q0.AnswerText != "A: $5." {
		t.Errorf("q0 = %+v", q0)
	}
	if q1.Text != "Why now?" || q1.Group != InternalFAQ || q1.AnswerText != "Because builds got slow." {
		t.Errorf("q1 = %+v", q1)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\nprfaq: true\n---\n# H\n\n*sub*\n\n## FAQ\n\n### Q?\n\nA\n"))
	f.Add([]byte("**Q:** x\n\n- y?\n  - z\n\t`code`\r\n> \"q\" said A\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse("fuzz.md", src)
		check := func(what string, s Span) {
			if s.Start < 0 || s.End > len(src) || s.End < s.Start {
				t.Fatalf("%s span %v outside document of %d bytes", what, s, len(src))
			}
		}
		for k, p := range d.Parts {
			check(string(k), p.Span)
			check(string(k)+" body", p.Body)
		}
		for _, q := range d.Questions {
			check("question", q.Span)
			check("answer", q.Answer)
		}
		sameAsWhole(t, "fuzz", src, new(Parser).Parse("fuzz.md", src))
	})
}

// FuzzParserEdits parses a document, edits it, and checks that the parser
// that reuses sections gives what a fresh parse of the whole gives.
func FuzzParserEdits(f *testing.F) {
	for i, src := range trickySources {
		f.Add([]byte(src), uint16(i*3), uint8(i%4), []string{"x", "\n# H\n", "```\n", "<!--", "-->", "\n\n"}[i%6])
	}
	f.Fuzz(func(t *testing.T, src []byte, at uint16, del uint8, ins string) {
		var p Parser
		p.Parse("fuzz.md", src)
		a := min(int(at), len(src))
		b := min(a+int(del), len(src))
		edited := append(append(append([]byte{}, src[:a]...), ins...), src[b:]...)
		sameAsWhole(t, "edited", edited, p.Parse("fuzz.md", edited))
	})
}

func TestFieldCount(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b  c ", "\ta\nb\r\n", "ünï cödé\u00a0x\u2003y", "\xff \xfe", "a\u0085b"} {
		if got, want := FieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("FieldCount(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}
