package document

import (
	"strings"
	"testing"
	"time"
)

// Deeply nested quotes and lists: every block's span covers its whole
// subtree, and before lineBounds was memoised each level walked the levels
// below it again (10,000 nested quotes took about a second; 20,000 four).
// The watchdog is a hang guard, not a speed assertion.
func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"quotes", "# H\n\n" + strings.Repeat(">", 10000) + " deep\n"},
		{"quote lines", "# H\n\n" + strings.Repeat("> ", 3000) + "a\n" + strings.Repeat("> ", 3000) + "b\n"},
		{"lists", "# H\n\n" + strings.Repeat("- ", 5000) + "x\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan *Document, 1)
			go func() { done <- Parse("deep.prfaq.md", []byte(tc.src)) }()
			var d *Document
			select {
			case d = <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("parse did not finish")
			}
			if len(d.Blocks) != 2 {
				t.Fatalf("%d top-level blocks, want 2 (heading, container)", len(d.Blocks))
			}
			// The container spans from its first line to the end of the
			// document's last line.
			sp := d.Blocks[1].Span
			wantEnd := len(tc.src) - 1
			if sp.Start != len("# H\n\n") || sp.End != wantEnd {
				t.Errorf("container span %v, want {%d %d}", sp, len("# H\n\n"), wantEnd)
			}
		})
	}
}
