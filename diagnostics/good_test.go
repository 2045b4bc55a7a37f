package diagnostics

import (
	"os"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// A well-written PR/FAQ gets no finding at all: every rule stays quiet on
// honest, specific writing.
func TestWellWrittenPRFAQIsQuiet(t *testing.T) {
	const file = "testdata/good/ledger.prfaq.md"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := document.Parse(file, src)
	if !Default().IsPRFAQ(doc) {
		t.Fatal("not recognised as a PR/FAQ")
	}
	for _, k := range document.AllParts {
		if doc.Parts[k] == nil {
			t.Errorf("part %s not recognised", k)
		}
	}
	for _, f := range Lint(doc, Default()) {
		p := doc.Mapper.Position(f.Span.Start)
		t.Errorf("%s:%d:%d: %s [%s] %s", file, p.Line+1, p.Character+1, f.Severity, f.Rule, f.Message)
	}
}
