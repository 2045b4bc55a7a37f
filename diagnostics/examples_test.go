package diagnostics

import (
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Every rule proves its own documentation: its Bad example gives at least one
// finding of the rule and its Good example none, checked with the rule's
// ExampleConfig (the defaults when it has none).
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			cfg := Default()
			if r.ExampleConfig != "" {
				if err := cfg.ApplyYAML([]byte(r.ExampleConfig), ".prfaq.yaml"); err != nil {
					t.Fatalf("ExampleConfig: %v", err)
				}
			}
			if r.Bad == "" || r.Good == "" {
				t.Fatal("the rule has no Bad or no Good example")
			}
			if got := only(Lint(document.Parse("bad.prfaq.md", []byte(r.Bad)), cfg), r.ID); len(got) == 0 {
				t.Errorf("the Bad example gives no %s finding:\n%s", r.ID, r.Bad)
			}
			good := document.Parse("good.prfaq.md", []byte(r.Good))
			for _, f := range only(Lint(good, cfg), r.ID) {
				p := good.Mapper.Position(f.Span.Start)
				t.Errorf("the Good example gives a finding at %d:%d: %s\n%s", p.Line+1, p.Character+1, f.Message, r.Good)
			}
		})
	}
}
