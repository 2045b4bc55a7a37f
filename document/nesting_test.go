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

// findComments sweeps sorted code spans; it must keep exactly the comments
// inCode (the plain definition) keeps.
func TestFindCommentsSweep(t *testing.T) {
	srcs := []string{
		"# H\n\n<!-- a -->\n\n```\n<!-- in fence -->\n```\n\nText `<!-- in span -->` and <!-- after -->.\n\n    <!-- indented code -->\n\n<!-- b -->\n",
		"- item `code <!-- x -->`\n  <!-- y -->\n\n> quote <!-- z --> `<!-- w -->`\n",
		strings.Repeat("<!-- prfaq-disable-next-line jargon -->\n`a` <!-- c --> `b`\n\n", 300),
		"<!-- unclosed\n\n`<!--` -->\n",
	}
	for _, src := range srcs {
		d := Parse("c.prfaq.md", []byte(src))
		var want []Span
		for _, m := range commentRe.FindAllSubmatchIndex(d.Source, -1) {
			if !d.inCode(m[0]) {
				want = append(want, Span{m[0], m[1]})
			}
		}
		var got []Span
		for _, c := range d.Comments {
			got = append(got, c.Span)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: comments %v, want %v", src[:min(len(src), 60)], got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: comments %v, want %v", src[:min(len(src), 60)], got, want)
			}
		}
	}
}
