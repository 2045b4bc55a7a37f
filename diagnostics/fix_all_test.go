package diagnostics

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// fixAllDoc has several safe-fixable findings, two of whose edits touch
// ("very robust": one removes "very ", the next replaces "robust"; both
// apply), and fixes that are not safe (missing sections, an unanswered
// question).
const fixAllDoc = `# Acme Ledger lets small shops send an invoice in one click.

*Shops that bill by hand today get paid nine days sooner.*

SEATTLE — Acme today announced Ledger. Ledger leverages the order the shop keeps and is very robust, truly seamless and really fast for shops.

## FAQ

#### How much does Ledger cost

Five dollars a month.

#### Is there a desktop version?
`

func TestFixAllAppliesCleanly(t *testing.T) {
	doc := document.Parse("x.prfaq.md", []byte(fixAllDoc))
	before := Lint(doc, Default())
	edits, fixed := FixAll(before, "")
	if len(fixed) < 4 {
		t.Fatalf("FixAll fixed %d findings, want at least 4 (jargon, weasel-word, question-format, vague-headline): %v", len(fixed), before)
	}
	for i := 1; i < len(edits); i++ {
		if edits[i].Span.Start < edits[i-1].Span.End {
			t.Fatalf("edits overlap or are not sorted: %v then %v", edits[i-1], edits[i])
		}
	}
	out, err := ApplyEdits([]byte(fixAllDoc), edits)
	if err != nil {
		t.Fatal(err)
	}
	after := Lint(document.Parse("x.prfaq.md", out), Default())
	for _, f := range fixed {
		for _, a := range after {
			if a.Rule == f.Rule && a.Message == f.Message {
				t.Errorf("still there after FixAll: %s: %s", f.Rule, f.Message)
			}
		}
	}
	for _, f := range before {
		if !HasSafeFix(f.Rule) && len(f.Fixes) > 0 {
			for _, x := range fixed {
				if x.Rule == f.Rule {
					t.Errorf("FixAll applied the unsafe fix of %s", f.Rule)
				}
			}
		}
	}
	if !strings.Contains(string(out), "Ledger uses the order") || !strings.Contains(string(out), "How much does Ledger cost?") {
		t.Errorf("fixed text lacks the expected replacements:\n%s", out)
	}
	// One rule only.
	edits, fixed = FixAll(before, "jargon")
	for _, f := range fixed {
		if f.Rule != "jargon" {
			t.Errorf("FixAll(jargon) fixed a %s finding", f.Rule)
		}
	}
	if len(edits) == 0 {
		t.Error("FixAll(jargon) has no edits")
	}
	if got := FixSummary([]Finding{{Rule: "jargon"}, {Rule: "weasel-word"}, {Rule: "jargon"}}); got != "jargon 2, weasel-word 1" {
		t.Errorf("FixSummary = %q", got)
	}
}

func TestFixAllDropsOverlaps(t *testing.T) {
	f := func(rule string, start, end int) Finding {
		return Finding{Rule: rule, Fixes: []Fix{{Edits: []Edit{{Span: spanOf(start, end), NewText: "x"}}}}}
	}
	edits, fixed := FixAll([]Finding{f("jargon", 10, 20), f("weasel-word", 15, 25), f("jargon", 20, 22), f("question-format", 22, 22), f("question-format", 22, 22), f("missing-section", 0, 0)}, "")
	var spans []string
	for _, e := range edits {
		spans = append(spans, fmt.Sprintf("%d-%d", e.Span.Start, e.Span.End))
	}
	if len(fixed) != 2 || len(edits) != 2 || edits[0].Span != spanOf(10, 20) || edits[1].Span != spanOf(20, 22) {
		t.Errorf("kept %v; want 10-20 and 20-22 (the overlap, the insertions where an edit ends and the unsafe fix dropped)", spans)
	}
}

// Fixing all is silent on good documents: they have nothing to fix.
func TestFixAllNothingOnGoodDocuments(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "good", "*.md"))
	if len(files) == 0 {
		t.Fatal("no good documents")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if edits, _ := FixAll(Lint(document.Parse(file, src), Default()), ""); len(edits) != 0 {
			t.Errorf("%s: %d fixes on a good document", file, len(edits))
		}
	}
}
