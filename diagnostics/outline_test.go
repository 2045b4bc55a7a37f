package diagnostics

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// TestCorpusPartsSnapshot keeps testdata/corpus.parts.golden: for every
// corpus document, each recognised part with its lines, how it was read and
// why, and each FAQ question with its line, group and status, as NewOutline
// (and so `prfaq outline --format json`) gives them. A change in the reading
// shows up there as a diff to review: `go test ./diagnostics -run
// CorpusParts -update` rewrites it.
func TestCorpusPartsSnapshot(t *testing.T) {
	docs := corpusDocs(t)
	var b strings.Builder
	for _, name := range sortedNames(docs) {
		if name == "LABELS.md" { // the labels' documentation, not a corpus document
			continue
		}
		doc := docs[name]
		b.WriteString(renderOutline(name, NewOutline(doc, Default().IsPRFAQ(doc))))
	}
	snapshot(t, "testdata/corpus.parts.golden", b.String(), "the reading of the corpus changed", "CorpusParts")
}

// renderOutline is the golden form of an outline: a line per part and per
// question, the part's reason on its own line below it.
func renderOutline(name string, o Outline) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: prfaq=%v, %d parts, %d questions\n", name, o.PRFAQ, len(o.Parts), len(o.Questions))
	for _, p := range o.Parts {
		fmt.Fprintf(&b, "  %s %d-%d %s", p.Part, p.Lines[0], p.Lines[1], p.How)
		if p.Text != "" {
			fmt.Fprintf(&b, " %q", document.Clip(p.Text, 50))
		}
		b.WriteString("\n")
		if p.Why != "" {
			fmt.Fprintf(&b, "    why: %s\n", p.Why)
		}
	}
	for _, q := range o.Questions {
		fmt.Fprintf(&b, "  Q %d %s %s %q\n", q.Line, q.Group, q.Status, document.Clip(q.Text, 60))
	}
	return b.String()
}

func partIndex(k document.PartKind) int {
	for i, x := range document.AllParts {
		if x == k {
			return i
		}
	}
	return -1
}

// NewOutline reports what the document holds, in order, with the same
// values the parts and questions carry.
func TestNewOutline(t *testing.T) {
	src := "# Ledger lets small shops send invoices in one click\n\n## The Problem\n\nShops chase unpaid invoices by hand.\n\n## FAQ\n\n### What does it cost?\n\nFive dollars.\n\n### When does it ship?\n"
	doc := document.Parse("x.prfaq.md", []byte(src))
	o := NewOutline(doc, true)
	if o.Path != "x.prfaq.md" || !o.PRFAQ {
		t.Errorf("path %q prfaq %v", o.Path, o.PRFAQ)
	}
	lines := map[document.PartKind]string{}
	for i, p := range o.Parts {
		lines[p.Part] = fmt.Sprintf("%d-%d", p.Lines[0], p.Lines[1])
		if i > 0 && partIndex(o.Parts[i-1].Part) >= partIndex(p.Part) {
			t.Errorf("parts out of order: %s before %s", o.Parts[i-1].Part, p.Part)
		}
		if doc.Parts[p.Part] == nil {
			t.Errorf("outline has %s, the document does not", p.Part)
		}
	}
	if len(o.Parts) != len(doc.Parts) {
		t.Errorf("outline has %d parts, the document %d", len(o.Parts), len(doc.Parts))
	}
	for k, want := range map[document.PartKind]string{document.Headline: "1-1", document.Problem: "3-5", document.FAQ: "7-13"} {
		if lines[k] != want {
			t.Errorf("%s: lines %q, want %q (all: %v)", k, lines[k], want, lines)
		}
	}
	for _, p := range o.Parts {
		if p.Part == document.Problem && (p.How != document.HowHeading || p.Text != "Shops chase unpaid invoices by hand.") {
			t.Errorf("problem: %+v", p)
		}
	}
	// An undivided FAQ's questions take the group the reading gives them.
	if len(o.Questions) != 2 || len(doc.Questions) != 2 ||
		o.Questions[0] != (OutlineQuestion{9, doc.Questions[0].Group, "answered", "What does it cost?"}) ||
		o.Questions[1] != (OutlineQuestion{13, doc.Questions[1].Group, "unanswered", "When does it ship?"}) {
		t.Errorf("questions = %+v", o.Questions)
	}
	// An empty outline still lists (empty) parts and questions.
	if e := NewOutline(document.Parse("e.md", nil), false); e.Parts == nil || e.Questions == nil {
		t.Errorf("empty outline has nil lists: %+v", e)
	}
}

// PartHow falls back on what a part's fields show when the reading did not
// record how; PartReason falls back on a phrase for it.
func TestPartHowFallback(t *testing.T) {
	h := &document.Block{Kind: document.Heading}
	cases := []struct {
		p      document.Part
		how    document.How
		reason string
	}{
		{document.Part{How: document.HowPosition, Why: "the paragraph after the summary"}, document.HowPosition, "the paragraph after the summary"},
		{document.Part{How: document.HowQuote, Heading: h}, document.HowQuote, "a quotation and its attribution"},
		{document.Part{Heading: h, Label: document.Span{Start: 0, End: 4}}, document.HowHeading, "named by its heading"},
		{document.Part{Label: document.Span{Start: 3, End: 9}}, document.HowLabel, "named by its lead-in label"},
		{document.Part{}, document.HowCue, "its words and shape"},
	}
	for i, c := range cases {
		if got := PartHow(&c.p); got != c.how {
			t.Errorf("%d: PartHow = %q, want %q", i, got, c.how)
		}
		if got := PartReason(&c.p); got != c.reason {
			t.Errorf("%d: PartReason = %q, want %q", i, got, c.reason)
		}
	}
}
