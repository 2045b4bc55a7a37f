package diagnostics

import (
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

const suppressDoc = `# Acme Ledger lets small shops send invoices in one click

## FAQ

### When does it ship?

TBD.

### What does it cost?

<!-- prfaq-disable-next-line deferred-answer -->
TBD.

<!-- prfaq-disable deferred-answer unanswered-question -->

### Who supports it?

TODO

<!-- prfaq-enable deferred-answer -->

### Where is it sold?

TBC

` + "```" + `
<!-- prfaq-disable -->
` + "```" + `

### Who owns it?

TBD
`

func TestInlineSuppression(t *testing.T) {
	doc := document.Parse("x.prfaq.md", []byte(suppressDoc))
	var lines []int
	for _, f := range only(Lint(doc, Default()), "deferred-answer") {
		lines = append(lines, doc.Mapper.Line(f.Span.Start)+1)
	}
	// line 7: plain; 12: next-line suppressed; 18: inside disable; 24: enabled
	// again; 32: the disable comment inside code does not count
	want := []int{7, 24, 32}
	if len(lines) != len(want) {
		t.Fatalf("deferred-answer on lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("deferred-answer on lines %v, want %v", lines, want)
		}
	}
}

func TestSuppressFixSilencesTheFinding(t *testing.T) {
	src := []byte("# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n### When?\r\n\r\n  TBD.\r\n")
	doc := document.Parse("x.prfaq.md", src)
	fs := only(Lint(doc, Default()), "deferred-answer")
	if len(fs) != 1 {
		t.Fatalf("findings: %v", fs)
	}
	fixed, err := ApplyEdits(src, SuppressFix(doc, fs[0]).Edits)
	if err != nil {
		t.Fatal(err)
	}
	if got := only(Lint(document.Parse("x.prfaq.md", fixed), Default()), "deferred-answer"); len(got) != 0 {
		t.Errorf("still flagged after the suppress fix:\n%s", fixed)
	}
	if want := "  <!-- prfaq-disable-next-line deferred-answer -->\r\n  TBD."; !strings.Contains(string(fixed), want) {
		t.Errorf("fixed text lacks %q (same indentation and line ending):\n%q", want, fixed)
	}
}
