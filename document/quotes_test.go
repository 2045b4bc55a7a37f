package document

import (
	"testing"
)

func TestReadQuoteText(t *testing.T) {
	cases := []struct {
		name             string
		in               string
		isQuote          bool
		speaker          string
		leader, customer bool
		anonymous        bool
		embedded         bool
	}{
		{name: "said after", in: "“Ledger paid my rent on time for a whole year,” said Jo Park, a landlord in Tacoma.",
			isQuote: true, speaker: "Jo Park, a landlord in Tacoma"},
		{name: "says after", in: "“We built Ledger because we were landlords ourselves,” says Mara Lind, CEO of Acme.",
			isQuote: true, speaker: "Mara Lind, CEO of Acme", leader: true},
		{name: "name explains", in: "“Billing used to take me a whole weekend every month.” Jo Park explains.",
			isQuote: true, speaker: "Jo Park"},
		{name: "dash attribution", in: "“Billing used to take me a whole weekend every month.” — Jo Park, Property Owner",
			isQuote: true, speaker: "Jo Park, Property Owner", customer: true},
		{name: "according to", in: "“It is the tool we always wanted to build for ourselves,” according to Mara Lind, founder of Acme.",
			isQuote: true, speaker: "Mara Lind, founder of Acme", leader: true},
		{name: "german sagt", in: "„Mit Ledger habe ich meine Wochenenden zurück“, sagt Jana Vogel, Vermieterin in Leipzig.",
			isQuote: true, speaker: "Jana Vogel, Vermieterin in Leipzig"},
		{name: "german dash", in: "„Wir wollten das Werkzeug bauen, das uns selbst gefehlt hat.“ — Jochen Weerda, Gründer",
			isQuote: true, speaker: "Jochen Weerda, Gründer", leader: true},
		{name: "french déclare", in: "« Ledger a changé ma façon de gérer mes locations », déclare Claire Dubois, utilisatrice à Nantes.",
			isQuote: true, speaker: "Claire Dubois, utilisatrice à Nantes", customer: true},
		{name: "spanish dijo", in: "“Ahora cobro el alquiler sin perseguir a nadie cada mes”, dijo Lucía Gómez, propietaria en Valencia.",
			isQuote: true, speaker: "Lucía Gómez, propietaria en Valencia"},
		{name: "russian говорит", in: "«Теперь я получаю арендную плату вовремя каждый месяц», говорит Иван Петров, арендодатель.",
			isQuote: true, speaker: "Иван Петров, арендодатель"},
		{name: "japanese brackets", in: "「毎月の集金の手間がなくなりました」と、大家の田中さんは語ります。",
			isQuote: true, speaker: "大家の田中さん"},
		{name: "japanese user", in: "「毎月の集金の手間がなくなりました」と利用者の田中さんは話します。",
			isQuote: true, speaker: "", customer: true, anonymous: true},
		{name: "anonymous early tester", in: "“I finally stopped chasing my tenants for the rent every month.” — Early tester",
			isQuote: true, speaker: "", customer: true, anonymous: true},
		{name: "anonymous team", in: "“We wanted landlords to have their weekends back,” said the Acme team.",
			isQuote: true, speaker: "", anonymous: true},
		// a role in lower case after the closing mark: saidVerbRe's
		// [\p{Lu}] is folded by its (?i) and so takes "the founder" too
		// (made strict, this founder's quote was no leader's, and the
		// document was told it has no leader quote)
		{name: "role in lower case after", in: "“We built Ledger for our own print shop after losing a weekend a month to paperwork,” the founder said.",
			isQuote: true, speaker: "", leader: true, anonymous: true},
		{name: "pronoun after", in: "“We now bill the same day and get paid in twelve days instead,” she said.",
			isQuote: true, speaker: "", anonymous: true},
		{name: "customer role after", in: "“We now bill the same day and get paid in twelve days instead,” a bakery owner in Tacoma said.",
			isQuote: true, speaker: "", customer: true, anonymous: true},
		{name: "short quotation with speaker", in: "“Cool. Looks good.” — Jo Park",
			isQuote: true, speaker: "Jo Park"},
		{name: "no speaker", in: "“I finally stopped chasing my tenants for the rent every month.”",
			isQuote: true},
		{name: "embedded", in: `Landlords told us the same thing. "My tenants pay late every month and I never know why it happens," said Miguel Ortiz, head of operations.`,
			isQuote: true, speaker: "Miguel Ortiz, head of operations", leader: true, embedded: true},
		{name: "plain prose", in: "Ledger collects the rent on the first of every month and tells the landlord."},
		{name: "short scare quotes", in: `The "smart" inbox sorts rent payments by tenant.`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readQuoteText(c.in)
			if r.isQuote != c.isQuote || r.speaker != c.speaker || r.leader != c.leader || r.customer != c.customer ||
				r.anonymous != c.anonymous || r.embedded != c.embedded {
				t.Errorf("readQuoteText(%q) = %+v\nwant isQuote=%v speaker=%q leader=%v customer=%v anonymous=%v embedded=%v",
					c.in, r, c.isQuote, c.speaker, c.leader, c.customer, c.anonymous, c.embedded)
			}
			if r.attribution[1] > 0 && c.speaker != "" {
				if got := c.in[r.attribution[0]:r.attribution[1]]; got != c.speaker {
					t.Errorf("attribution = %q, want the speaker %q", got, c.speaker)
				}
			}
		})
	}
}

// readQuote skips a label that names the quote ("**Quote:**", "Customer
// Quote:") and keeps offsets in the block's text.
func TestReadQuoteLabel(t *testing.T) {
	cases := []struct{ text, speaker string }{
		{"Quote: “We built Ledger because we were landlords ourselves,” said Mara Lind, CEO of Acme.", "Mara Lind, CEO of Acme"},
		{"Customer Quote: “Ledger paid my rent on time for a whole year,” said Jo Park.", "Jo Park"},
		{"Zitat: „Mit Ledger habe ich meine Wochenenden zurück“, sagt Jana Vogel.", "Jana Vogel"},
	}
	for _, c := range cases {
		r := readQuote(&Block{Kind: Paragraph, Text: c.text})
		if !r.isQuote || r.speaker != c.speaker {
			t.Errorf("readQuote(%q) = %+v, want speaker %q", c.text, r, c.speaker)
			continue
		}
		if got := c.text[r.attribution[0]:r.attribution[1]]; got != c.speaker {
			t.Errorf("attribution in %q = %q, want %q", c.text, got, c.speaker)
		}
	}
}

func TestAnonymousSpeaker(t *testing.T) {
	cases := map[string]bool{
		"Early tester":                  true,
		"early tester, Seattle":         true,
		"Beta tester from the pilot":    true,
		"a product lead":                true,
		"An engineer at a bank":         true,
		"the Acme team":                 true,
		"The team":                      true,
		"The Ledger company":            true,
		"una usuaria del mercado":       true,
		"ein Tester aus Leipzig":        true,
		"une cliente à Nantes":          true,
		"один из пользователей":         true,
		"想定利用者":                         true,
		"利用者の田中さん":                      true,
		"고객":                            true,
		"Jo Park":                       false,
		"Jo Park, Operations Lead":      false,
		"The Rev. Jo Park":              false,
		"Userman Schmidt, CTO":          false, // "user" is a word, not a prefix
		"Tessa Ng, tester at Acme Labs": false,
		"":                              false,
	}
	for in, want := range cases {
		if got := anonymousSpeaker(in); got != want {
			t.Errorf("anonymousSpeaker(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestSameSpeaker(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Jochen Weerda, lead developer", "Jochen Weerda, leitender Entwickler", true},
		{"Dr. Christine Schuman, CTO", "Schuman", true},
		{"Vincul's creator", "the creator", true},
		{"Mara Lind (CEO)", "mara lind", true},
		{"Jo Park, landlord", "Mara Lind, CEO", false},
		{"[Name], [Title]", "[Customer Name], [Role]", false},
		{"[Name], CEO of [Company]", "[Name], a landlord in [City]", false},
		{"", "Jo Park", false},
	}
	for _, c := range cases {
		if got := sameSpeaker(c.a, c.b); got != c.want {
			t.Errorf("sameSpeaker(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := sameSpeaker(c.b, c.a); got != c.want {
			t.Errorf("sameSpeaker(%q, %q) = %v, want %v (reversed)", c.b, c.a, got, c.want)
		}
	}
}

// quoteKind and findQuotes through Parse: whose quote each quotation is.
func TestQuoteKinds(t *testing.T) {
	head := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n"
	cases := []struct {
		name  string
		body  string
		kinds []PartKind // of d.Quotes, in order
		who   []string
	}{
		{"leader then customer by cues",
			"“We built Ledger because we were landlords ourselves,” said Mara Lind, CEO of Acme.\n\n" +
				"“Ledger paid my rent on time for a whole year,” said Jo Park, a landlord in Tacoma.\n",
			[]PartKind{LeaderQuote, CustomerQuote}, []string{"Mara Lind, CEO of Acme", "Jo Park, a landlord in Tacoma"}},
		{"customer first",
			"“Ledger paid my rent on time for a whole year,” said Jo Park, a customer in Tacoma.\n\n" +
				"“We built Ledger because we were landlords ourselves,” said Mara Lind, CEO of Acme.\n",
			[]PartKind{CustomerQuote, LeaderQuote}, []string{"Jo Park, a customer in Tacoma", "Mara Lind, CEO of Acme"}},
		{"another company's head is a customer",
			"“Our tenants pay on time now,” said Ana Ruiz, head of operations at Tick Co.\n",
			[]PartKind{CustomerQuote}, []string{"Ana Ruiz, head of operations at Tick Co"}},
		{"speaker on the next line",
			"“We wanted landlords to have their weekends back.”\n\n— Mara Lind, Founder\n",
			[]PartKind{LeaderQuote}, []string{"Mara Lind, Founder"}},
		{"the same speaker twice",
			"“We built Ledger for ourselves,” said Mara Lind, CEO of Acme.\n\n" +
				"“And then our friends wanted it too,” said Mara Lind.\n",
			[]PartKind{LeaderQuote, LeaderQuote}, []string{"Mara Lind, CEO of Acme", "Mara Lind"}},
		{"examples are no quotes",
			"Ever heard these thoughts from a landlord?\n\n“Did the tenant in 3B pay this month?”\n",
			nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse("t.md", []byte(head+c.body))
			var kinds []PartKind
			var who []string
			for _, q := range d.Quotes {
				kinds = append(kinds, q.Kind)
				who = append(who, q.Speaker)
			}
			if len(kinds) != len(c.kinds) {
				t.Fatalf("quotes = %v %q, want %v %q", kinds, who, c.kinds, c.who)
			}
			for i := range kinds {
				if kinds[i] != c.kinds[i] || who[i] != c.who[i] {
					t.Errorf("quote %d = %s %q, want %s %q", i, kinds[i], who[i], c.kinds[i], c.who[i])
				}
			}
		})
	}
}

// TestGermanReversedGuillemets: German typesetting quotes »so«.
func TestGermanReversedGuillemets(t *testing.T) {
	r := readQuoteText("»Mit Ledger habe ich meine Wochenenden zurück«, sagt Jana Vogel, Vermieterin in Leipzig.")
	if !r.isQuote || r.speaker != "Jana Vogel, Vermieterin in Leipzig" {
		t.Errorf("reading = %+v", r)
	}
}

// TestAttributionAfterCommaDash: Russian (and French) write the
// attribution after a comma and a dash: «…», — говорит Анна.
func TestAttributionAfterCommaDash(t *testing.T) {
	for in, want := range map[string]string{
		"«Теперь я получаю арендную плату вовремя каждый месяц», — говорит Иван Петров.": "Иван Петров",
		"« Ledger a changé ma façon de gérer mes locations », — explique Claire Dubois.": "Claire Dubois",
	} {
		if r := readQuoteText(in); r.speaker != want {
			t.Errorf("readQuoteText(%q).speaker = %q, want %q", in, r.speaker, want)
		}
	}
}
