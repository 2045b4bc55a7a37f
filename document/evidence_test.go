package document

import (
	"testing"
)

func TestIsPseudoHeading(t *testing.T) {
	cases := map[string]bool{
		"**How It Works**\n":                                 true,
		"**Key Features:**\n":                                true,
		"_Erste Schritte_\n":                                 true,
		"**よくある質問**\n":                                       true,
		"**Ledger collects rent in one click.**\n":           false, // a sentence
		"**Sign up today!**\n":                               false,
		"**「毎月の手間がなくなりました。」**\n":                             false,
		"**“We built it for ourselves”**\n":                  false, // a quotation
		"**One two three four five six seven eight nine**\n": false, // too long
		"**How It Works**\nand more on the next line\n":      false, // not wholly bold
		"How It Works\n":                                     false, // not emphasized
		"# How It Works\n":                                   false, // a heading
	}
	for src, want := range cases {
		d := Parse("t.md", []byte(src))
		if len(d.Blocks) == 0 {
			t.Fatalf("no block in %q", src)
		}
		if got := isPseudoHeading(d.Blocks[0]); got != want {
			t.Errorf("isPseudoHeading(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestFormLabel(t *testing.T) {
	cases := []struct {
		k     PartKind
		label string
		want  bool
	}{
		{Subheading, "Subtitle:", true},
		{Headline, "Headline:", true},
		{Problem, "Problem:", true},
		{Summary, "Zusammenfassung:", true},
		{Problem, "Le problème :", true},
		{Solution, "Key features:", false},
		{Solution, "How it works:", false},
		{Solution, "Key benefits:", false},
		{Solution, "Highlights:", false},
		{CallToAction, "Get started:", false},
		{CallToAction, "Availability:", false},
	}
	for _, c := range cases {
		if got := formLabel(c.k, c.label); got != c.want {
			t.Errorf("formLabel(%s, %q) = %v, want %v", c.k, c.label, got, c.want)
		}
	}
}

// Headings, bold lead-ins, bold lines and plain labels name parts; plain
// template labels are kept as the part's Label.
func TestPartsByNames(t *testing.T) {
	head := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n"
	cases := []struct {
		name  string
		body  string
		kind  PartKind
		text  string
		how   How
		label string
	}{
		{"heading", "### The Problem\n\nLandlords chase rent by hand.\n", Problem, "Landlords chase rent by hand.", HowHeading, ""},
		{"german heading", "### Die Lösung\n\nLedger zieht die Miete ein.\n", Solution, "Ledger zieht die Miete ein.", HowHeading, ""},
		{"bold lead-in", "**The problem.** Landlords chase rent by hand.\n", Problem, "Landlords chase rent by hand.", HowLabel, ""},
		{"bold line", "**How It Works**\n\nLedger sends each tenant a link.\n", Solution, "Ledger sends each tenant a link.", HowLabel, ""},
		{"plain label", "Problem: Landlords chase rent by hand.\n", Problem, "Landlords chase rent by hand.", HowLabel, "Problem: "},
		{"plain french label", "Problème : Les propriétaires relancent chaque locataire.\n", Problem, "Les propriétaires relancent chaque locataire.", HowLabel, "Problème : "},
		{"a writer's label is no form label", "Get started: visit ledger.example today.\n", CallToAction, "visit ledger.example today.", HowLabel, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse("t.md", []byte(head+c.body))
			p := d.Parts[c.kind]
			if p == nil {
				t.Fatalf("no %s", c.kind)
			}
			if p.Text != c.text || p.How != c.how || d.Text(p.Label) != c.label {
				t.Errorf("%s = %q %s label %q, want %q %s label %q (%s)", c.kind, p.Text, p.How, d.Text(p.Label), c.text, c.how, c.label, p.Why)
			}
		})
	}
}

// leadSectionEnd: a bold lead-in's section runs to the next lead-in,
// bold line or heading.
func TestLeadSectionEnd(t *testing.T) {
	src := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n" +
		"**The problem.** Landlords chase rent by hand.\n\nThey phone every tenant.\n\n" +
		"**The solution.** Ledger sends each tenant a link.\n"
	s := scanUpTo(t, src, "labels that name a part")
	var lead *Block
	for _, b := range s.prBlocks {
		if b.LeadText == "The problem." {
			lead = b
		}
	}
	if lead == nil {
		t.Fatal("no lead-in block")
	}
	end := s.leadSectionEnd(lead)
	if got := s.d.Text(Span{lead.Span.Start, end}); got != "**The problem.** Landlords chase rent by hand.\n\nThey phone every tenant." {
		t.Errorf("section = %q", got)
	}
}
