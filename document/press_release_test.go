package document

import (
	"strings"
	"testing"
)

func TestDatelineRe(t *testing.T) {
	cases := []struct {
		in   string
		want string // the dateline matched, "" for none
	}{
		{"SEATTLE — June 2, 2027 — Acme today announced Ledger.", "SEATTLE — June 2, 2027 —"},
		{"SEATTLE, June 2, 2027 — Acme today announced Ledger.", "SEATTLE, June 2, 2027 —"},
		{"Seattle, WA — June 2, 2027 -- Acme today announced Ledger.", "Seattle, WA — June 2, 2027 --"},
		{"**SEATTLE — June 2, 2027** — Acme today announced Ledger.", ""}, // bold opens before the place
		{"SEATTLE — June 2, 2027** — Acme today announced Ledger.", "SEATTLE — June 2, 2027** —"},
		{"VALENCIA, 12 de marzo de 2026 — Acme presenta hoy Ledger.", "VALENCIA, 12 de marzo de 2026 —"},
		{"NANTES, le 9 avril 2026 — Acme annonce aujourd’hui Ledger.", "NANTES, le 9 avril 2026 —"},
		{"BERLIN, 3. März 2026 — Acme stellt heute Ledger vor.", "BERLIN, 3. März 2026 —"},
		{"LISBOA, em 4 de maio de 2026 — A Acme anuncia hoje o Ledger.", "LISBOA, em 4 de maio de 2026 —"},
		{"AUCKLAND — 3 March 2026 — Acme today announced Ledger.", "AUCKLAND — 3 March 2026 —"},
		{"LONDON — 2026-06-02 — Acme today announced Ledger.", "LONDON — 2026-06-02 —"},
		{"[CITY] — [DATE] — Acme today announced Ledger.", "[CITY] — [DATE] —"},
		{"SEATTLE — Q3 2027 — Acme will launch Ledger.", "SEATTLE — Q3 2027 —"},
		{"2026年6月15日 — ハコブネは本日、家賃サービスを発表しました。", "2026年6月15日 —"},
		{"東京、2026年6月15日 — ハコブネは本日発表しました。", "東京、2026年6月15日 —"},
		{"上海，2026年6月 — 我们今天发布新产品。", "上海，2026年6月 —"},
		{"Acme today announced Ledger, on June 2, 2027.", ""},
		{"Teams lose hours — every week — to manual billing.", ""},
		{"In June 2027 we plan — tentatively — to launch.", ""},
	}
	for _, c := range cases {
		got := ""
		if m := datelineRe.FindStringIndex(c.in); m != nil {
			got = strings.TrimSpace(c.in[m[0]:m[1]])
		}
		if got != c.want {
			t.Errorf("datelineRe on %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDatelineOnly(t *testing.T) {
	cases := map[string]bool{
		"LISBON — April 2, 2026":                   true,
		"SEATTLE, June 2, 2027":                    true,
		"**SEATTLE — June 2, 2027** —":             true,
		"_Berlin, 3. März 2026_":                   true,
		"NANTES — 9 avril 2026":                    true,
		"[City] — [Date]":                          true,
		"SEATTLE — June 2, 2027 — Acme announces.": false,
		"Acme announces Ledger":                    false,
		"June 2, 2027":                             false, // a date with no place
	}
	for in, want := range cases {
		if got := datelineOnly.MatchString(in); got != want {
			t.Errorf("datelineOnly(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestDatedStatement(t *testing.T) {
	cases := map[string]bool{
		"SEATTLE — June 2, 2027 — Acme today announced Ledger.":        true,
		"SEATTLE — June 2, 2027 — Ledger is generally available.":      true,
		"SEATTLE — June 2, 2027 — https://acme.example":                false, // a bare link
		"SEATTLE — June 2, 2027 —":                                     false,
		"SEATTLE — June 2, 2027 — Ledger ships today.":                 false, // three words
		"VALENCIA, 12 de marzo de 2026 — Acme presenta hoy su Ledger.": true,
		"Acme today announced Ledger, a billing tool for landlords.":   false, // no dateline
	}
	for in, want := range cases {
		if got := datedStatement(in); got != want {
			t.Errorf("datedStatement(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestContainerPrefix(t *testing.T) {
	cases := []struct {
		in   string
		want string // the prefix cut, "" for none
	}{
		{"Press Release: Acme sends invoices in one click", "Press Release: "},
		{"PRESS RELEASE — Acme sends invoices in one click", "PRESS RELEASE — "},
		// "PR/FAQ: X" is the document's title (LABELS.md), not a container
		// label; it is cut only when the title is the only headline
		{"PR/FAQ: Acme sends invoices in one click", ""},
		{"PRFAQ - Acme sends invoices in one click", ""},
		{"Pressemitteilung: Acme verschickt Rechnungen mit einem Klick", "Pressemitteilung: "},
		{"Communiqué de presse : Acme envoie ses factures en un clic", "Communiqué de presse : "},
		{"Comunicado de prensa: Acme envía facturas con un clic", "Comunicado de prensa: "},
		{"Пресс-релиз: Acme отправляет счета в один клик", "Пресс-релиз: "},
		{"プレスリリース：Acme が請求書をワンクリックで", ""}, // fewer than three fields after it
		{"Press Release: Acme ships", ""}, // two words are no headline
		{"Press Release", ""},
		{"Acme press release: more soon for everyone", ""}, // not at the start
	}
	for _, c := range cases {
		got := ""
		if n := containerPrefix(c.in); n > 0 {
			got = c.in[:n]
		}
		if got != c.want {
			t.Errorf("containerPrefix(%q) cuts %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsReleaseMarker(t *testing.T) {
	cases := map[string]bool{
		"FOR IMMEDIATE RELEASE":                                               true,
		"For immediate release.":                                              true,
		"Reference: https://example.com/prfaq":                                true,
		"Source: internal wiki":                                               true,
		"Contact":                                                             true,
		"Media contact: Jo Park, press@acme.example":                          true,
		"Press contact — press@acme.example":                                  true,
		"ZUR SOFORTIGEN VERÖFFENTLICHUNG":                                     true,
		"Pour diffusion immédiate":                                            true,
		"PARA PUBLICACIÓN INMEDIATA":                                          true,
		"即時発表":                                                                true,
		"LISBON — April 2, 2026":                                              true, // a dateline alone
		"Contact us to get early access to Ledger today.":                     false,
		"Reference customers already save four hours a week with Ledger.":     false,
		"For immediate release of funds, Ledger pays landlords the same day.": false,
		"Acme today announced Ledger, a billing tool for small landlords.":    false,
		"": false,
	}
	for in, want := range cases {
		if got := isReleaseMarker(in); got != want {
			t.Errorf("isReleaseMarker(%q) = %v, want %v", in, got, want)
		}
	}
	if isReleaseMarker("FOR IMMEDIATE RELEASE " + strings.Repeat("x", 200)) {
		t.Error("a paragraph of over 200 bytes is never a marker")
	}
}

// The press release's head, read by Parse: findPressRelease, headAbove,
// findHeadline, twoLineHead, findSubheading and findSummary together.
func TestPressReleaseHead(t *testing.T) {
	cases := []struct {
		name               string
		src                string
		headline, sub, sum string // texts; "-" for absent
		dateline           string
	}{
		{
			name: "heading and italic subheading",
			src: "# Ledger PRFAQ\n\n## Press Release\n\n### Ledger collects rent in one click\n\n*For small landlords who hate chasing payments.*\n\n" +
				"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords.\n",
			headline: "Ledger collects rent in one click", sub: "For small landlords who hate chasing payments.",
			sum: "SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords.", dateline: "SEATTLE — June 2, 2027 —",
		},
		{
			name: "PR/FAQ label on the title heading",
			src: "# PR/FAQ: Ledger bills tenants\n\n" +
				"VALENCIA, 12 de marzo de 2026 — Acme presenta hoy Ledger, que cobra el alquiler por los pequeños propietarios.\n",
			headline: "Ledger bills tenants", sub: "-",
			sum: "VALENCIA, 12 de marzo de 2026 — Acme presenta hoy Ledger, que cobra el alquiler por los pequeños propietarios.", dateline: "VALENCIA, 12 de marzo de 2026 —",
		},
		{
			name: "bold and italic lines in one paragraph",
			src: "## Press Release\n\n**Ledger collects rent in one click**\n*For small landlords who hate chasing payments.*\n\n" +
				"NANTES, le 9 avril 2026 — Acme annonce aujourd’hui Ledger, qui encaisse les loyers des petits propriétaires.\n",
			headline: "Ledger collects rent in one click", sub: "For small landlords who hate chasing payments.",
			sum: "NANTES, le 9 avril 2026 — Acme annonce aujourd’hui Ledger, qui encaisse les loyers des petits propriétaires.", dateline: "NANTES, le 9 avril 2026 —",
		},
		{
			name: "markers and a dateline line are skipped",
			src: "## Press Release\n\n### Ledger collects rent in one click\n\nFOR IMMEDIATE RELEASE\n\n" +
				"Acme today announced Ledger, a billing tool that collects rent for small landlords every month.\n",
			headline: "Ledger collects rent in one click", sub: "-",
			sum: "Acme today announced Ledger, a billing tool that collects rent for small landlords every month.",
		},
		{
			name: "headline above the press release heading",
			src: "# Ledger PRFAQ\n\n## Ledger collects rent in one click\n\n## Press Release\n\n" +
				"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords.\n",
			headline: "Ledger collects rent in one click", sub: "-",
			sum: "SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords.", dateline: "SEATTLE — June 2, 2027 —",
		},
		{
			name: "dateline on a line of its own",
			src: "# Ledger collects rent in one click\n\nLISBON — April 2, 2026\n\n" +
				"Acme today announced Ledger, which collects rent for small landlords in Lisbon and Porto.\n",
			headline: "Ledger collects rent in one click", sub: "-",
			sum: "Acme today announced Ledger, which collects rent for small landlords in Lisbon and Porto.", dateline: "LISBON — April 2, 2026",
		},
		{
			name: "japanese dateline",
			src: "## プレスリリース\n\n### ハコブネで家賃の集金を一回で\n\n" +
				"東京、2026年6月15日 — ハコブネは本日、家賃の集金を自動化するサービスを発表しました。大家は毎月の手間から解放されます。\n",
			headline: "ハコブネで家賃の集金を一回で", sub: "-",
			sum: "東京、2026年6月15日 — ハコブネは本日、家賃の集金を自動化するサービスを発表しました。大家は毎月の手間から解放されます。", dateline: "東京、2026年6月15日 —",
		},
	}
	text := func(p *Part) string {
		if p == nil {
			return "-"
		}
		return p.Text
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse("t.md", []byte(c.src))
			if got := text(d.Parts[Headline]); got != c.headline {
				t.Errorf("headline = %q, want %q", got, c.headline)
			}
			if got := text(d.Parts[Subheading]); got != c.sub {
				t.Errorf("subheading = %q, want %q", got, c.sub)
			}
			sum := d.Parts[Summary]
			if got := text(sum); got != c.sum {
				t.Errorf("summary = %q, want %q", got, c.sum)
			}
			if sum != nil {
				if got := d.Text(sum.Dateline); got != c.dateline {
					t.Errorf("dateline = %q, want %q", got, c.dateline)
				}
			}
		})
	}
}

// TestDatelinePlaceholder: a template's one placeholder for the place and
// the date ("[City, Date] — …").
func TestDatelinePlaceholder(t *testing.T) {
	in := "[City, Date] — Acme today announced Ledger."
	if m := datelineRe.FindString(in); strings.TrimSpace(m) != "[City, Date] —" {
		t.Errorf("datelineRe on %q = %q", in, m)
	}
}

// TestContainerHeadlineLong: "# Press Release: <headline>" is the
// container label and the headline in one heading (findHeadline says so),
// however long the headline.
func TestContainerHeadlineLong(t *testing.T) {
	for src, want := range map[string]string{
		// short: classified press-release, so it is the press release's heading and never read as a block of it: no headline at all
		"# Press Release: Ledger bills tenants\n\nSEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords.\n":                                                                  "Ledger bills tenants",
		"# Press Release: Acme sends invoices in one click\n\nNEW YORK — January 20, 2026 — Acme Invoices, a billing tool for freelance designers, now sends an invoice the moment a client approves.\n":             "Acme sends invoices in one click",
		"# Pressemitteilung: Wolkenrad verleiht Lastenräder per App in ganz Leipzig\n\nLEIPZIG, 3. März 2026 — Wolkenrad verleiht ab heute Lastenräder per App in ganz Leipzig, rund um die Uhr und ohne Kaution.\n": "Wolkenrad verleiht Lastenräder per App in ganz Leipzig",
	} {
		d := Parse("t.md", []byte(src))
		if h := d.Parts[Headline]; h == nil || h.Text != want {
			t.Errorf("headline = %+v, want %q", h, want)
		}
	}
}

// A summary named by a label keeps its dateline: "**Summary:** BERLIN — 9
// September 2026 — …" (the acronym rule read BERLIN as an acronym when it
// was not), and so does one under a "## Summary" heading.
func TestDatelineOfNamedSummary(t *testing.T) {
	for _, src := range []string{
		"# Stackyard gives every pull request a preview site\n\n**Summary:** BERLIN — 9 September 2026 — Stackyard, a preview service for front-end teams, starts a live copy of the site for every pull request.\n\n## FAQ\n\n### How much?\n\n$20.\n",
		"# Stackyard gives every pull request a preview site\n\n## Summary\n\nBERLIN — 9 September 2026 — Stackyard, a preview service for front-end teams, starts a live copy of the site for every pull request.\n\n## FAQ\n\n### How much?\n\n$20.\n",
	} {
		d := Parse("x.prfaq.md", []byte(src))
		sum := d.Parts[Summary]
		if sum == nil {
			t.Fatalf("no summary in %q", src)
		}
		if got := d.Text(sum.Dateline); got != "BERLIN — 9 September 2026 —" {
			t.Errorf("dateline %q in %q", got, src)
		}
	}
}
