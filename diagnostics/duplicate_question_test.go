package diagnostics

import (
	"reflect"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// TestDuplicateQuestionCollisions: the rule finds the first question of a
// key by the key's hash; with every hash the same it must still tell the
// keys apart and name the same first questions.
func TestDuplicateQuestionCollisions(t *testing.T) {
	src := "## FAQ\n\n" +
		"### How much does it cost?\n\n$5.\n\n" + // line 3
		"### Who can see my data?\n\nOnly you.\n\n" + // line 7
		"### Does it cost much, how?\n\nStill $5.\n\n" + // same words as line 3
		"### When does it ship?\n\nIn May.\n\n" +
		"### Who can see my data?\n\nStill only you.\n"
	run := func() []any {
		doc := document.Parse("faq.md", []byte(src))
		var lines []any
		for _, f := range runRules(doc, Default(), []string{"duplicate-question"}) {
			lines = append(lines, doc.Mapper.Line(f.Span.Start)+1, f.Data["firstLine"])
		}
		return lines
	}
	// a Checker keeps the keys between versions and hashes them whole
	checked := func() []any {
		doc := document.Parse("faq.md", []byte(src))
		var lines []any
		for _, f := range lint(doc, Default(), &textMemo{}, 0) {
			if f.Rule == "duplicate-question" {
				lines = append(lines, doc.Mapper.Line(f.Span.Start)+1, f.Data["firstLine"])
			}
		}
		return lines
	}
	want := []any{11, 3, 19, 7}
	for _, collide := range []bool{false, true} {
		if collide {
			defer func(mask uint64) { questionHashMask = mask }(questionHashMask)
			questionHashMask = 0
		}
		if got := run(); !reflect.DeepEqual(got, want) {
			t.Errorf("every hash alike %v: duplicates (line, first line) = %v, want %v", collide, got, want)
		}
		if got := checked(); !reflect.DeepEqual(got, want) {
			t.Errorf("every hash alike %v, in a Checker: duplicates = %v, want %v", collide, got, want)
		}
	}
}
