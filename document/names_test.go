package document

import (
	"strings"
	"testing"
)

// TestClassifyNameLanguages: section names of a PR/FAQ in the languages the
// vocabulary knows.
func TestClassifyNameLanguages(t *testing.T) {
	cases := []struct {
		in   string
		want nameClass
	}{
		// de
		{"Pressemitteilung", namePressRelease},
		{"Untertitel", nameClass(Subheading)},
		{"Zusammenfassung", nameClass(Summary)},
		{"Das Problem", nameClass(Problem)},
		{"Die Lösung", nameClass(Solution)},
		{"Kundenstimmen", nameClass(CustomerQuote)},
		{"Erste Schritte", nameClass(CallToAction)},
		{"Häufig gestellte Fragen", nameClass(FAQ)},
		{"Interne Fragen", nameClass(InternalFAQ)},
		{"Kundenfragen", nameClass(ExternalFAQ)},
		// fr
		{"Communiqué de presse", namePressRelease},
		{"Sous-titre", nameClass(Subheading)},
		{"Le problème", nameClass(Problem)},
		{"La solution", nameClass(Solution)},
		{"Témoignages", nameClass(CustomerQuote)},
		{"Pour commencer", nameClass(CallToAction)},
		{"Foire aux questions", nameClass(FAQ)},
		{"FAQ externe", nameClass(ExternalFAQ)},
		{"FAQ interne", nameClass(InternalFAQ)},
		// es
		{"Comunicado de prensa", namePressRelease},
		{"Resumen", nameClass(Summary)},
		{"El problema", nameClass(Problem)},
		{"Cómo funciona", nameClass(Solution)},
		{"Testimonios", nameClass(CustomerQuote)},
		{"Cómo empezar", nameClass(CallToAction)},
		{"Preguntas frecuentes", nameClass(FAQ)},
		{"Preguntas de clientes", nameClass(ExternalFAQ)},
		{"Preguntas internas", nameClass(InternalFAQ)},
		// pt
		{"Comunicado de imprensa", namePressRelease},
		{"Subtítulo", nameClass(Subheading)},
		{"O problema", nameClass(Problem)},
		{"A solução", nameClass(Solution)},
		{"Depoimentos", nameClass(CustomerQuote)},
		{"Como começar", nameClass(CallToAction)},
		{"Perguntas frequentes", nameClass(FAQ)},
		{"Perguntas internas", nameClass(InternalFAQ)},
		// ru
		{"Пресс-релиз", namePressRelease},
		{"Подзаголовок", nameClass(Subheading)},
		{"Проблема", nameClass(Problem)},
		{"Решение", nameClass(Solution)},
		{"Отзывы клиентов", nameClass(CustomerQuote)},
		{"Как начать", nameClass(CallToAction)},
		{"Часто задаваемые вопросы", nameClass(FAQ)},
		{"Внутренние вопросы", nameClass(InternalFAQ)},
		{"Вопросы клиентов", nameClass(ExternalFAQ)},
		// ja
		{"プレスリリース", namePressRelease},
		{"見出し", nameClass(Headline)},
		{"課題", nameClass(Problem)},
		{"解決策", nameClass(Solution)},
		{"お客様の声", nameClass(CustomerQuote)},
		{"よくある質問", nameClass(FAQ)},
		{"社内 FAQ", nameClass(InternalFAQ)},
		{"顧客向け FAQ", nameClass(ExternalFAQ)},
		{"社内の質問", nameClass(InternalFAQ)},
		// zh
		{"新闻稿", namePressRelease},
		{"副标题", nameClass(Subheading)},
		{"解决方案", nameClass(Solution)},
		{"客户评价", nameClass(CustomerQuote)},
		{"如何开始", nameClass(CallToAction)},
		{"常见问题", nameClass(FAQ)},
		{"内部问题", nameClass(InternalFAQ)},
		// ko
		{"보도자료", namePressRelease},
		{"부제목", nameClass(Subheading)},
		{"문제", nameClass(Problem)},
		{"해결책", nameClass(Solution)},
		{"고객 후기", nameClass(CustomerQuote)},
		{"시작하기", nameClass(CallToAction)},
		{"자주 묻는 질문", nameClass(FAQ)},
		{"내부 FAQ", nameClass(InternalFAQ)},
		{"고객 FAQ", nameClass(ExternalFAQ)},
	}
	for _, c := range cases {
		if got := classifyName(c.in); got != c.want {
			t.Errorf("classifyName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestClassifyNameShapes: titles, "=" phrases, qualifiers, numbering,
// instructions, questions and the length limit.
func TestClassifyNameShapes(t *testing.T) {
	cases := []struct {
		in   string
		want nameClass
	}{
		// titles
		{"Acme — Press Release & FAQ", nameTitle},
		{"Acme PR/FAQ", nameTitle},
		{"Ledger PRFAQ", nameTitle},
		{"Working Backwards Document: Ledger", nameTitle},
		{"Pressemitteilung und FAQ", nameTitle},
		// "=" phrases match only the whole name
		{"Questions", nameClass(FAQ)},
		{"Open questions", nameNone},
		{"Fragen", nameClass(FAQ)},
		{"Offene Fragen", nameNone},
		{"Quote", nameQuote},
		{"Quotes", nameQuote},
		{"Famous quote collection", nameNone},
		{"PR", namePressRelease},
		{"PR review notes", nameNone},
		// group questions without "FAQ"; a topic is not a group
		{"Customer questions", nameClass(ExternalFAQ)},
		{"Stakeholder questions", nameClass(InternalFAQ)},
		{"Technical questions", nameNone},
		{"External", nameClass(ExternalFAQ)},
		{"Internal", nameClass(InternalFAQ)},
		// parenthetical qualifiers name nothing
		{"Customer FAQ (for pilots)", nameClass(ExternalFAQ)},
		{"External FAQ (Customers / Developers / Press)", nameClass(ExternalFAQ)},
		{"The Problem (what customers told us)", nameClass(Problem)},
		{"Problem （現状）", nameClass(Problem)},
		// numbering and markup
		{"Part 2: FAQ", nameClass(FAQ)},
		{"Section 1 — Press Release", namePressRelease},
		{"3. Customer Quote", nameClass(CustomerQuote)},
		{"II. The Solution", nameClass(Solution)},
		{"Summary ##", nameClass(Summary)},
		// whose quote
		{"Leader Quote", nameClass(LeaderQuote)},
		{"Customer Quotes", nameClass(CustomerQuote)},
		{"Quote an Amazon leader", nameClass(LeaderQuote)},
		{"Quote from a customer", nameClass(CustomerQuote)},
		{"Zitat", nameQuote},
		// a template's instruction names its slot, however long
		{"Describe the problem: what hurts today for the small landlord", nameClass(Problem)},
		{"Explain the solution and how it removes the pain for the customer", nameClass(Solution)},
		{"Summarize the announcement in one paragraph", nameClass(Summary)},
		// nameSlack: at most three words beside the phrase
		{"Open Source Availability", nameClass(CallToAction)},
		{"Pricing and availability", nameClass(CallToAction)},
		{"Availability of GPUs in three regions of the cloud", nameNone},
		{"The problem with our legacy billing system today", nameNone},
		// questions name nothing
		{"What is the problem?", nameNone},
		{"Wann ist es verfügbar？", nameNone},
		// nothing
		{"", nameNone},
		{"Ledger lets landlords collect rent in one click", nameNone},
		{strings.Repeat("word ", 13) + "FAQ", nameNone},
	}
	for _, c := range cases {
		if got := classifyName(c.in); got != c.want {
			t.Errorf("classifyName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	cases := map[string]string{
		"## Part 1 — Press Release ##": "press release",
		"PRESS RELEASE":                "press release",
		"Section two: The Problem":     "problem",
		"1. Summary":                   "summary",
		"iv) Customer FAQ":             "customer faq",
		"Customer FAQ (for pilots)":    "customer faq",
		"Leader’s Quote":               "leaders quote",
		"(only a qualifier)":           "only a qualifier",
		"Pressemitteilung – Überblick": "pressemitteilung überblick",
		"よくある質問（社内）":                   "よくある質問",
		"The _(draft)_ Solution":       "solution",
	}
	for in, want := range cases {
		if got := normalizeName(in); got != want {
			t.Errorf("normalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamedBy(t *testing.T) {
	cases := []struct {
		name    string
		phrases []string
		by      bool // namedBy: with the length limit
		within  bool // namedWithin: without it
	}{
		{"availability", []string{"availability"}, true, true},
		{"open source availability", []string{"availability"}, true, true},
		{"availability of gpus in three regions", []string{"availability"}, false, true},
		{"open questions", []string{"=questions"}, false, false},
		{"questions", []string{"=questions"}, true, true},
		{"unavailability", []string{"availability"}, false, false}, // whole words only
		{"社内faq", []string{"社内"}, true, true},                      // CJK inside words
		{"press release", []string{"release of", "press release"}, true, true},
	}
	for _, c := range cases {
		if got := namedBy(c.name, strings.Fields(c.name), c.phrases); got != c.by {
			t.Errorf("namedBy(%q, %q) = %v, want %v", c.name, c.phrases, got, c.by)
		}
		if got := namedWithin(c.name, c.phrases); got != c.within {
			t.Errorf("namedWithin(%q, %q) = %v, want %v", c.name, c.phrases, got, c.within)
		}
	}
}

func TestStructural(t *testing.T) {
	cases := map[string]bool{
		"Background":            true,
		"Appendix A":            true,
		"Table of Contents":     true,
		"Überblick":             true,
		"FOR IMMEDIATE RELEASE": true,
		"About":                 true,
		"About the team":        false, // "=about" is the whole name only
		"Background on the incident that started it": false,
		"Ledger bills in one click":                  false,
	}
	for in, want := range cases {
		if got := structural(in); got != want {
			t.Errorf("structural(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestLabelRe(t *testing.T) {
	cases := map[string]string{
		"Subtitle: For landlords":         "Subtitle",
		"[Subtitle: For landlords]":       "Subtitle",
		"**Problem: rent is late**":       "Problem",
		"**Leader’s Quote:** “We …”":      "", // the colon inside the bold: read as the paragraph's lead
		"見出し： 家賃を一回で":                     "見出し",
		"https://example.com is a site":   "",
		"Time: 10:30 in the morning":      "Time",
		"No label here, only a sentence.": "",
	}
	for in, want := range cases {
		got := ""
		if m := labelRe.FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("labelRe on %q = %q, want %q", in, got, want)
		}
	}
}

// TestClassifyNameGluedCJK: Japanese and Chinese writers glue a Latin
// "FAQ" to the group word ("社内FAQ", "顧客向けFAQ", "内部FAQ").
func TestClassifyNameGluedCJK(t *testing.T) {
	cases := map[string]nameClass{
		"社内FAQ":   nameClass(InternalFAQ),
		"顧客向けFAQ": nameClass(ExternalFAQ),
		"内部FAQ":   nameClass(InternalFAQ),
	}
	for in, want := range cases {
		if got := classifyName(in); got != want {
			t.Errorf("classifyName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLabelReFullWidthColon: a Japanese or Chinese label is followed by
// its text with no space ("見出し：…", "副标题：…").
func TestLabelReFullWidthColon(t *testing.T) {
	for in, want := range map[string]string{"見出し：家賃を一回で": "見出し", "副标题：为小房东": "副标题"} {
		got := ""
		if m := labelRe.FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("labelRe on %q = %q, want %q", in, got, want)
		}
	}
}
