package diagnostics

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzCheck runs the whole engine as the server and the CLI do (parse, PR/FAQ
// detection, every rule): no panic, no internal-error finding (a rule that
// panicked), every finding and every fix edit inside the document, and
// every fix applies. The watchdog is a hang guard, not a speed check.
func FuzzCheck(f *testing.F) {
	f.Add([]byte("---\nprfaq: true\n---\n# Acme leverages TBD synergy 🚀\r\n\r\n*For teams*\r\n\r\n## FAQ\r\n\r\n### Why?\r\n\r\nWe will decide later.\r\n"))
	f.Add([]byte("# H\n\n>>>>>>>>>> deep\n- a\n  - b\n    - c?\n\n## FAQ\n\n**Q: what?**\n\nA: TBD \xff\xfe\n"))
	f.Add([]byte("<!-- prfaq-disable-next-line jargon -->\n# 漢字 leverage\r## Internal FAQ\r### Q\r"))
	f.Fuzz(func(t *testing.T, src []byte) {
		type result struct {
			isPRFAQ  bool
			findings []Finding
		}
		done := make(chan result, 1)
		go func() {
			_, ok, fs := Check("fuzz.prfaq.md", src, nil)
			done <- result{ok, fs}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("Check did not finish on %q", src)
		}
		if r.findings == nil {
			t.Fatal("nil findings")
		}
		for _, fd := range r.findings {
			if fd.Rule == "internal-error" {
				t.Fatalf("a rule failed: %s", fd.Message)
			}
			if fd.Span.Start < 0 || fd.Span.End > len(src) || fd.Span.End < fd.Span.Start {
				t.Fatalf("%s: span %v outside %d bytes", fd.Rule, fd.Span, len(src))
			}
			if !utf8.ValidString(fd.Message) && utf8.Valid(src) {
				t.Fatalf("%s: message is not UTF-8: %q", fd.Rule, fd.Message)
			}
			for _, fx := range fd.Fixes {
				for _, e := range fx.Edits {
					if e.Span.Start < 0 || e.Span.End > len(src) || e.Span.End < e.Span.Start {
						t.Fatalf("%s: edit %v outside %d bytes", fd.Rule, e.Span, len(src))
					}
				}
				if _, err := ApplyEdits(src, fx.Edits); err != nil {
					t.Fatalf("%s: fix %q: %v", fd.Rule, fx.Title, err)
				}
			}
		}
	})
}
