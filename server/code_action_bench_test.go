package server

import (
	"fmt"
	"testing"

	"go.lsp.dev/protocol"
)

// BenchmarkCodeActionAtCursor is the request VS Code sends after each
// cursor move, at a weasel word of a long document (hundreds of findings of
// the same rule, so "Fix all" counts them): with resolve (the edits wait
// for the choice) and without (every edit computed now).
func BenchmarkCodeActionAtCursor(b *testing.B) {
	for _, words := range []int{4000, 40000} {
		for _, resolve := range []bool{true, false} {
			b.Run(fmt.Sprintf("words=%d/resolve=%v", words, resolve), func(b *testing.B) {
				c := newClient(b)
				p := defaultInit()
				if resolve {
					withResolve(p)
				}
				c.initialize(p)
				const uri = "file:///bench/launch.prfaq.md"
				c.open(uri, benchDoc(words), 1)
				var at protocol.Range
				for _, d := range c.waitVersion(uri, 1).Diagnostics {
					if d.Code == "weasel-word" {
						at = protocol.Range{Start: d.Range.Start, End: d.Range.Start}
						break
					}
				}
				params := protocol.CodeActionParams{TextDocument: docID(uri), Range: at}
				var out []codeActionOut
				c.mustCall("textDocument/codeAction", params, &out)
				if len(out) < 3 {
					b.Fatalf("only %d actions at the weasel word", len(out))
				}
				for b.Loop() {
					c.mustCall("textDocument/codeAction", params, &out)
				}
			})
		}
	}
}
