package diagnostics

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// coverageFix lints src and applies the fix of the faq-coverage finding on
// topic, returning the fixed text.
func coverageFix(t *testing.T, src string, cfg *Config, topic string) string {
	t.Helper()
	doc := document.Parse("test.prfaq.md", []byte(src))
	for _, f := range only(Lint(doc, cfg), "faq-coverage") {
		if f.Data["topic"] != topic {
			continue
		}
		if len(f.Fixes) != 1 {
			t.Fatalf("topic %s: %d fixes", topic, len(f.Fixes))
		}
		out, err := ApplyEdits([]byte(src), f.Fixes[0].Edits)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	t.Fatalf("no faq-coverage finding on %s in:\n%s", topic, src)
	return ""
}

// proseOf is the prose run of a one-paragraph document.
func proseOf(t *testing.T, text string) *document.Prose {
	t.Helper()
	doc := document.Parse("test.md", []byte(text+"\n"))
	if len(doc.Prose) != 1 {
		t.Fatalf("%q: %d prose runs", text, len(doc.Prose))
	}
	return doc.Prose[0]
}

// coverageTopics are the topics faq-coverage reports on src, by id.
func coverageTopics(src string) map[any]bool {
	got := map[any]bool{}
	for _, f := range only(Lint(document.Parse("t.prfaq.md", []byte(src)), Default()), "faq-coverage") {
		got[f.Data["topic"]] = true
	}
	return got
}

func coverageConfig(t *testing.T, yaml string) *Config {
	t.Helper()
	cfg := Default()
	if err := cfg.ApplyYAML([]byte(yaml), ".prfaq.yaml"); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// The fix adds the topic's question at the end of the right group, in the
// group's own form, with the blank lines Markdown needs.
func TestFAQCoverageFixText(t *testing.T) {
	lists := func(internal, external string) *Config {
		return coverageConfig(t, "rules:\n  faq-coverage:\n    internal: ["+internal+"]\n    external: ["+external+"]\n")
	}
	cases := []struct {
		name, src, topic, want string
		cfg                    *Config
	}{{
		name:  "external group, before the internal one",
		cfg:   lists("risks", "pricing"),
		topic: "pricing",
		src:   "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Who is it for?\n\nSmall shops.\n\n### Internal FAQ\n\n#### What could go wrong?\n\nA bank outage.\n",
		want:  "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Who is it for?\n\nSmall shops.\n\n#### How much does it cost?\n\n[The price, or that it is free, and what is included.]\n\n### Internal FAQ\n\n#### What could go wrong?\n\nA bank outage.\n",
	}, {
		name:  "internal group at the end of a file without a final line break",
		cfg:   lists("risks, market-size", "pricing"),
		topic: "market-size",
		src:   "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Is it free?\n\nYes.\n\n### Internal FAQ\n\n#### What could go wrong?\n\nA bank outage.",
		want:  "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Is it free?\n\nYes.\n\n### Internal FAQ\n\n#### What could go wrong?\n\nA bank outage.\n\n#### How many customers have this problem, and how big is the market?\n\n[Number of customers and size of the market, with where the estimate comes from.]",
	}, {
		name:  "bold questions get a bold question",
		cfg:   lists("legal", "pricing"),
		topic: "legal",
		src:   "# Acme Ledger\n\n## Internal FAQ\n\n**Who builds it?**\n\nFour engineers.\n\n## Appendix: glossary\n\nA shop is a store.\n",
		want:  "# Acme Ledger\n\n## Internal FAQ\n\n**Who builds it?**\n\nFour engineers.\n\n**Which laws, licences or contracts apply to it?**\n\n[Licences, regulations and contracts that apply, and what counsel said.]\n\n## Appendix: glossary\n\nA shop is a store.\n",
	}, {
		name:  "Windows line breaks",
		cfg:   lists("risks", "pricing"),
		topic: "risks",
		src:   "# Acme Ledger\r\n\r\n## FAQ\r\n\r\n### Who builds it?\r\n\r\nFour engineers.\r\n",
		want:  "# Acme Ledger\r\n\r\n## FAQ\r\n\r\n### Who builds it?\r\n\r\nFour engineers.\r\n\r\n### What are the biggest risks, and how will we mitigate them?\r\n\r\n[The two or three things most likely to go wrong, and the plan for each.]\r\n",
	}, {
		name:  "missing group, with missing-section off",
		cfg:   coverageConfig(t, "rules:\n  missing-section: off\n  faq-coverage:\n    internal: [risks]\n    external: []\n"),
		topic: "risks",
		src:   "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Is it free?\n\nYes.\n",
		want:  "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Is it free?\n\nYes.\n\n### Internal FAQ\n\n#### What are the biggest risks, and how will we mitigate them?\n\n[The two or three things most likely to go wrong, and the plan for each.]\n",
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := coverageFix(t, tc.src, tc.cfg, tc.topic)
			if got != tc.want {
				t.Errorf("fixed text:\n%q\nwant:\n%q", got, tc.want)
			}
			// the fixed document covers the topic and keeps its other findings' groups
			doc := document.Parse("test.prfaq.md", []byte(got))
			for _, f := range only(Lint(doc, tc.cfg), "faq-coverage") {
				if f.Data["topic"] == tc.topic {
					t.Errorf("after the fix, still: %s", f.Message)
				}
			}
		})
	}
}

// Every topic's own question covers it, and no other topic of its default
// group: adding the market-size question must not quietly count as an answer
// on economics.
func TestFAQTopicQuestionsCoverOnlyTheirTopic(t *testing.T) {
	groupOf := map[string][]string{}
	for _, id := range defaultInternalTopics {
		groupOf[id] = defaultInternalTopics
	}
	for _, id := range defaultExternalTopics {
		groupOf[id] = defaultExternalTopics
	}
	for i, topic := range faqTopics {
		text := topic.Question + " " + topic.Answer
		covered := coverageMatcher().covered(make([]bool, len(faqTopics)), proseOf(t, text))
		if !covered[i] {
			t.Errorf("%s: its question %q does not cover it", topic.ID, topic.Question)
		}
		if !strings.Contains(topic.Question, "?") || !strings.HasPrefix(topic.Answer, "[") {
			t.Errorf("%s: want a question and a bracketed answer, got %q / %q", topic.ID, topic.Question, topic.Answer)
		}
		for _, other := range groupOf[topic.ID] {
			if j := topicIndex(other); j != i && covered[j] {
				t.Errorf("%s: its question and answer %q also cover %s", topic.ID, text, other)
			}
		}
	}
}

func TestFAQTopicsAreUniqueAndComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, topic := range faqTopics {
		if seen[topic.ID] {
			t.Errorf("topic %s twice", topic.ID)
		}
		seen[topic.ID] = true
		if topic.Name == "" || topic.About == "" || len(topic.Words["en"]) == 0 {
			t.Errorf("topic %s lacks a name, an about or English words", topic.ID)
		}
		if topic.Within != "" && topicIndex(topic.Within) < 0 {
			t.Errorf("topic %s within unknown topic %s", topic.ID, topic.Within)
		}
	}
	for _, id := range append(append([]string(nil), defaultInternalTopics...), defaultExternalTopics...) {
		if !seen[id] {
			t.Errorf("default topic %s is not defined", id)
		}
	}
	for _, id := range []string{"why-now", "reversibility", "out-of-scope", "support"} {
		if !seen[id] {
			t.Errorf("optional topic %s is not defined", id)
		}
	}
}

// A word in two topics counts for both ("legal" is a risk and a legal matter).
func TestFAQTopicSharedWordCountsForBoth(t *testing.T) {
	covered := coverageMatcher().covered(make([]bool, len(faqTopics)), proseOf(t, "Counsel found no legal blocker."))
	for _, id := range []string{"legal", "risks"} {
		if !covered[topicIndex(id)] {
			t.Errorf("%q does not cover %s", "legal", id)
		}
	}
}

func TestFAQCoverageConfig(t *testing.T) {
	src := "# Acme Ledger\n\n## FAQ\n\n### External FAQ\n\n#### Who is it for?\n\nShops.\n\n### Internal FAQ\n\n#### Who builds it?\n\nFour engineers.\n"
	topics := func(cfg *Config) []string {
		doc := document.Parse("test.prfaq.md", []byte(src))
		var out []string
		for _, f := range only(Lint(doc, cfg), "faq-coverage") {
			out = append(out, f.Data["group"].(string)+":"+f.Data["topic"].(string))
		}
		return out
	}
	got := strings.Join(topics(Default()), " ")
	want := "external-faq:pricing external-faq:data-privacy internal-faq:market-size internal-faq:economics internal-faq:competition internal-faq:risks internal-faq:legal internal-faq:marketing internal-faq:partnerships internal-faq:success-metrics"
	if got != want {
		t.Errorf("default topics:\n got %s\nwant %s", got, want)
	}
	cfg := coverageConfig(t, "rules:\n  faq-coverage:\n    internal: [why-now, default]\n    external: []\n")
	got = strings.Join(topics(cfg), " ")
	want = "internal-faq:why-now internal-faq:market-size internal-faq:economics internal-faq:competition internal-faq:risks internal-faq:legal internal-faq:marketing internal-faq:partnerships internal-faq:success-metrics"
	if got != want {
		t.Errorf("why-now and the defaults, no external topics:\n got %s\nwant %s", got, want)
	}
	// editor settings take the same keys, through the same checks
	cfg = Default()
	if err := cfg.ApplyMap(map[string]any{"rules": map[string]any{"faq-coverage": map[string]any{"external": []any{"support"}}}}); err != nil {
		t.Fatal(err)
	}
	if got := topics(cfg); !strings.Contains(strings.Join(got, " "), "external-faq:support") || strings.Contains(strings.Join(got, " "), "pricing") {
		t.Errorf("settings external: [support] gave %v", got)
	}
}

func TestFAQCoverageConfigErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"rules:\n  faq-coverage:\n    internal: [market-size, cost]\n", `.prfaq.yaml:2: rules.faq-coverage: internal: unknown topic "cost" (want default or one of market-size, economics`},
		{"rules:\n  faq-coverage:\n    external: {pricing: true}\n", `rules.faq-coverage: external: want a list of topics`},
		{"rules:\n  faq-coverage:\n    customers: [pricing]\n", `unknown option "customers" (rule faq-coverage has: external, internal)`},
	} {
		cfg := Default()
		err := cfg.ApplyYAML([]byte(tc.yaml), ".prfaq.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("config %q: error %v, want %q", tc.yaml, err, tc.want)
		}
		if _, ok := cfg.Rules["faq-coverage"].Options["internal"]; ok {
			t.Errorf("config %q: the bad value was kept", tc.yaml)
		}
	}
	err := Default().ApplyMap(map[string]any{"rules": map[string]any{"faq-coverage": map[string]any{"internal": []any{"pricing", 3}}}})
	if err == nil || !strings.Contains(err.Error(), "want a list of topics") {
		t.Errorf("settings with a number for a topic: error %v", err)
	}
}

// TestPhraseListsOneParse: phraseLists, which parses each phrase once,
// builds the list that tagging phraseList's result does.
func TestPhraseListsOneParse(t *testing.T) {
	lists := make([][]string, len(faqTopics))
	for i, topic := range faqTopics {
		for _, words := range topic.Words {
			lists[i] = append(lists[i], words...)
		}
	}
	lists = append(lists, []string{"$", "price", "Price", "e-mail", "e mail"}, []string{"price", "$"})
	got := phraseLists(lists...)
	// the reference: every phrase in one phraseList, then its tags merged
	var all []string
	var tags []int
	for i, l := range lists {
		for _, p := range l {
			all, tags = append(all, p), append(tags, i)
		}
	}
	want := phraseList(all...)
	tagsOf := map[string][]int{}
	for i, raw := range all {
		if ph := parsePhrase(raw); len(ph.words) > 0 {
			key := strings.Join(ph.words, " ")
			if !slices.Contains(tagsOf[key], tags[i]) {
				tagsOf[key] = append(tagsOf[key], tags[i])
			}
		} else {
			want.litTags = append(want.litTags, tags[i])
		}
	}
	for k, list := range want.byFirst {
		seen := map[string]bool{}
		kept := list[:0]
		for _, ph := range list {
			key := strings.Join(ph.words, " ")
			if !seen[key] {
				seen[key] = true
				ph.tags = tagsOf[key]
				kept = append(kept, ph)
			}
		}
		want.byFirst[k] = kept
	}
	want.memoKey = got.memoKey // each list has a memo slot of its own
	if !reflect.DeepEqual(got, want) {
		t.Error("phraseLists differs from phraseList with tags merged")
	}
}

// A topic is covered by what an entry asks and answers, whatever it
// counts: "How many docks have the problem?" sizes the market with a noun
// the word list does not name, "Who else does this?" asks about the
// competition and "What could stop us?" about the risks. Without those
// entries the three topics are reported.
func TestFAQCoverageReadsTheQuestion(t *testing.T) {
	const head = "---\nprfaq: true\n---\n# Tidewell tells a dock crew which pallet to load next\n\n" +
		"PORTLAND, OR — May 4, 2027 — Tidewell, a loading planner for freight docks, launches today.\n\n" +
		"## FAQ\n\n### Internal FAQ\n\n#### What does it cost us to run?\n\n$1.10 per door a month; we break even at 900 doors.\n\n"
	const entries = "#### How many docks have the problem?\n\nAbout 4,000 regional docks load from paper lists, by our count.\n\n" +
		"#### Who else does this?\n\nWarehouse systems do it for large sites; nobody sells it to a four-door dock.\n\n" +
		"#### What could stop us?\n\nCarriers could refuse to share their routes; three of five have signed.\n"
	without := coverageTopics(head)
	if !without["market-size"] || !without["competition"] || !without["risks"] {
		t.Fatalf("without the entries: %v, want market-size, competition and risks reported", without)
	}
	with := coverageTopics(head + entries)
	if with["market-size"] || with["competition"] || with["risks"] {
		t.Errorf("with the entries: %v, want none of market-size, competition, risks", with)
	}
}

// "Was kostet Kornfeld?" "9 Euro pro Monat": a German FAQ that asks the
// price covers pricing; without that entry pricing is reported.
func TestFAQCoverageGermanPrice(t *testing.T) {
	const head = "---\nprfaq: true\n---\n# Kornfeld zeigt Landwirten, welcher Acker heute zuerst Wasser braucht\n\n" +
		"MÜNSTER — 2. März 2027 — Kornfeld, eine Bewässerungs-App für Ackerbaubetriebe, berechnet ab heute für jedes Feld, wann es Wasser braucht.\n\n" +
		"## Häufige Fragen\n\n### Externe Fragen\n\n**Brauche ich Sensoren?**\n\nNein, Kornfeld rechnet mit offenen Wetter- und Bodendaten des Landes.\n\n"
	const price = "**Was kostet Kornfeld?**\n\nNeun Euro pro Monat und Betrieb.\n"
	if !coverageTopics(head)["pricing"] {
		t.Fatal("without the price entry, pricing is not reported")
	}
	if coverageTopics(head + price)["pricing"] {
		t.Error("\"Was kostet Kornfeld?\" does not cover pricing")
	}
}

// A French FAQ that asks who has the problem, who does it already and what
// happens to the reader's position covers market size, competition and
// data privacy.
func TestFAQCoverageFrench(t *testing.T) {
	const src = "---\nprfaq: true\n---\n# Brindille indique aux jardiniers quel jour semer, selon la météo de leur rue\n\n" +
		"LYON — 12 février 2027 — Brindille, une application de jardinage pour les potagers urbains, annonce aujourd'hui un calendrier de semis.\n\n" +
		"## Questions fréquentes\n\n### Questions des clients\n\n**Que faites-vous de ma position ?**\n\n" +
		"Nous gardons seulement le quartier, jamais l'adresse, et la supprimons si vous quittez l'application.\n\n" +
		"### Questions internes\n\n**Combien de jardiniers ont ce problème ?**\n\nEnviron 40 000 parcelles de jardins partagés en France.\n\n" +
		"**Qui fait déjà cela ?**\n\nLes calendriers lunaires et les applications météo, mais aucune ne mesure le sol de la rue.\n"
	got := coverageTopics(src)
	for _, topic := range []string{"market-size", "competition", "data-privacy"} {
		if got[topic] {
			t.Errorf("%s reported although asked", topic)
		}
	}
}

// The same in Spanish: who has the problem, who else does it, what can go
// wrong and who sees the child's position.
func TestFAQCoverageSpanish(t *testing.T) {
	const src = "---\nprfaq: true\n---\n# Caminito avisa a las familias cuando el autobús escolar está a cinco minutos\n\n" +
		"SEVILLA — 8 de septiembre de 2026 — Caminito, una aplicación para el transporte escolar, avisa a cada familia cinco minutos antes.\n\n" +
		"## Preguntas frecuentes\n\n### Preguntas de las familias\n\n**¿Quién ve la posición de mi hijo?**\n\nNadie: Caminito solo conoce la posición del autobús.\n\n" +
		"### Preguntas internas\n\n**¿Cuántas familias tienen este problema?**\n\nEn Andalucía, 90.000 alumnos van en autobús escolar.\n\n" +
		"**¿Quién más hace esto?**\n\nLas empresas de autobuses tienen sus propias aplicaciones.\n\n" +
		"**¿Qué puede salir mal?**\n\nSi un autobús pierde la señal, el aviso llega tarde.\n"
	got := coverageTopics(src)
	for _, topic := range []string{"market-size", "competition", "risks", "data-privacy"} {
		if got[topic] {
			t.Errorf("%s reported although asked", topic)
		}
	}
}

// "How many operators could use it?" sizes the market too.
func TestFAQCoverageHowManyCouldUseIt(t *testing.T) {
	const src = "---\nprfaq: true\n---\n# Quaypoint lets a ferry passenger check in with the ticket on their phone\n\n" +
		"OBAN, Scotland — 21 April 2027 — Quaypoint, a boarding app for island ferries, reads the e-ticket at the gangway.\n\n" +
		"## FAQ\n\n### Stakeholder FAQ\n\n**How many operators could use it?**\n\nTwelve ferry operators in the UK carry foot passengers on more than 40 routes.\n"
	if coverageTopics(src)["market-size"] {
		t.Error("market-size reported although asked")
	}
}

// How teams ask in French, Spanish, Portuguese and German, in the words of
// made-up FAQs that were told they never mention these topics: "Combien de
// domaines sont concernés ?", "¿De qué dependemos?", "Como os produtores
// vão conhecer o aplicativo?". Each entry covers its topic; without the
// entries, every topic is reported.
func TestFAQCoverageAsksInOtherLanguages(t *testing.T) {
	const head = "---\nprfaq: true\n---\n# Givre alerte les vignerons du gel de la nuit\n\n" +
		"MÂCON — 3 mars 2027 — Givre, une alerte de gel pour les domaines viticoles, est disponible aujourd'hui.\n\n" +
		"## FAQ\n\n### Internal FAQ\n\n**Quand ouvre-t-on ?**\n\nEn avril.\n\n"
	entries := map[string]map[string]string{
		"fr": {
			"market-size":     "**Combien de domaines sont concernés ?**\n\nLe Beaujolais compte 2 000 domaines.\n\n",
			"economics":       "**Quand serons-nous rentables ?**\n\nÀ 900 abonnés.\n\n",
			"competition":     "**Y a-t-il d'autres solutions sur le marché ?**\n\nOui, trois éditeurs.\n\n",
			"feasibility":     "**De quoi dépendons-nous ?**\n\nDes stations météo de la chambre d'agriculture.\n\n",
			"marketing":       "**Comment les viticulteurs en entendront-ils parler ?**\n\nPar l'Union des vignerons et les salons.\n\n",
			"partnerships":    "**Avec qui travaillons-nous ?**\n\nOrange fournit les capteurs, sous contrat pour trois ans.\n\n",
			"success-metrics": "**Comment saurons-nous que cela marche ?**\n\nNous suivons deux chiffres : les nuits d'alerte et les parcelles sauvées.\n\n",
		},
		"es": {
			"market-size":     "**¿Cuántos edificios podemos atender?**\n\n3.100 en Valencia.\n\n",
			"economics":       "**¿Cuánto cuesta el servicio?**\n\nDos euros al mes.\n\n",
			"competition":     "**¿Quién compite con nosotros?**\n\nTechem e Ista.\n\n",
			"feasibility":     "**¿De qué dependemos?**\n\nDel servicio web del ministerio.\n\n",
			"marketing":       "**¿Cómo se enterarán los hoteles?**\n\nA través de las asociaciones.\n\n",
			"partnerships":    "**¿Con quién colaboramos?**\n\nCon el Colegio de Administradores.\n\n",
			"success-metrics": "**¿Cómo sabremos si funciona?**\n\nPor las quejas de cada invierno.\n\n",
		},
		"pt": {
			"market-size":     "**Quantos utentes podem beneficiar?**\n\n210 mil utentes.\n\n",
			"economics":       "**Quanto custa o serviço?**\n\nDez euros por mês.\n\n",
			"competition":     "**Quem compete connosco?**\n\nDuas empresas de Lisboa.\n\n",
			"feasibility":     "**De quem dependemos?**\n\nDas transportadoras refrigeradas.\n\n",
			"marketing":       "**Como os produtores vão conhecer o aplicativo?**\n\nPelas associações.\n\n",
			"partnerships":    "**Quem transporta?**\n\nAs transportadoras parceiras.\n\n",
			"success-metrics": "**Como saberemos se resulta?**\n\nPelas entregas no prazo.\n\n",
		},
		"de": {
			"market-size":     "**Wie viele Betriebe sind betroffen?**\n\n12.000 in Westfalen.\n\n",
			"economics":       "**Ab wann sind wir rentabel?**\n\nAb 900 Betrieben.\n\n",
			"competition":     "**Gibt es andere Lösungen?**\n\nZwei Wetterdienste.\n\n",
			"feasibility":     "**Wovon hängen wir ab?**\n\nVon den offenen Daten des Wetterdienstes.\n\n",
			"marketing":       "**Wie erfahren Landwirte davon?**\n\nÜber die Landwirtschaftskammer.\n\n",
			"partnerships":    "**Wer liefert die Bodenkarten?**\n\nDas Land, mit einem Vertrag bis 2029.\n\n",
			"success-metrics": "**Woran erkennen wir, ob es funktioniert?**\n\nAm Wasserverbrauch der Betriebe.\n\n",
		},
	}
	without := coverageTopics(head)
	for lang, byTopic := range entries {
		all := head
		for topic, entry := range byTopic {
			if !without[topic] {
				t.Fatalf("%s: without the entries %s is not reported", lang, topic)
			}
			all += entry
		}
		got := coverageTopics(all)
		for topic := range byTopic {
			if got[topic] {
				t.Errorf("%s: %s reported although asked: %q", lang, topic, byTopic[topic])
			}
		}
	}
}
