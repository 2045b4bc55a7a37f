package document

import (
	"reflect"
	"testing"
)

func TestProductWords(t *testing.T) {
	cases := []struct {
		summary, headline string
		want              []string
	}{
		{"Today we're announcing TaxLens, a tax assistant for freelancers.", "TaxLens files your quarterly taxes", []string{"TaxLens"}},
		{"SEATTLE — June 2, 2027 — Dossier is a research notebook that cites its sources.", "Dossier keeps your research honest", []string{"Dossier"}},
		{"Acme today announced Ledger, which collects rent for small landlords.", "Ledger collects rent in one click", []string{"Ledger"}},
		{"Acme today announced Ledger Pay, which collects rent for small landlords.", "Ledger Pay collects rent", []string{"Ledger", "Pay"}},
		{"On June 2, 2027, Acme launched Ledger for small landlords.", "Ledger collects rent", []string{"Ledger"}},
		{"daimon は、開発者のためのエージェントです。", "daimon が登場", []string{"daimon"}},
		{"It watches every stream and raises an alert within a second.", "Redcar: a real-time data hub", []string{"Redcar"}},
		{"Small teams can now see every stream in Redcar Hub at once.", "Teams watch streams live with Redcar Hub", []string{"Hub", "Redcar"}},
		{"Today we're announcing TaxLens, a tax assistant for freelancers.", "", []string{"TaxLens"}},
	}
	for _, c := range cases {
		d := &Document{Parts: map[PartKind]*Part{Summary: {Kind: Summary, Text: c.summary}}}
		if c.headline != "" {
			d.Parts[Headline] = &Part{Kind: Headline, Text: c.headline}
		}
		s := &scan{d: d}
		var got []string
		for w := range s.productWords() {
			got = append(got, w)
		}
		sortStrings(got)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("productWords(%q, %q) = %q, want %q", c.summary, c.headline, got, c.want)
		}
	}
	if got := (&scan{d: &Document{Parts: map[PartKind]*Part{}}}).productWords(); len(got) != 0 {
		t.Errorf("no summary: %v", got)
	}
}
