package server

import (
	"os"
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
)

// TestCorpusInvariants runs every feature over the real PR/FAQs in the
// engine's corpus and checks what clients rely on: no errors, selection
// ranges inside ranges, children inside parents, folds that fold, and
// every quick fix's edits inside the document.
func TestCorpusInvariants(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "diagnostics", "testdata", "corpus", "*.md"))
	if err != nil || len(files) == 0 {
		t.Skipf("no corpus: %v", err)
	}
	c := newClient(t)
	c.initialize(nil)
	for i, file := range files {
		if filepath.Base(file) == "README.md" {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		uri := "file:///corpus/" + filepath.Base(file)
		c.open(uri, string(src), int32(i))
		diags := c.waitVersion(uri, int32(i)).Diagnostics
		lines := uint32(len(splitLines(string(src))))

		var syms []protocol.DocumentSymbol
		c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
		var walk func(parent *protocol.DocumentSymbol, ss []protocol.DocumentSymbol)
		walk = func(parent *protocol.DocumentSymbol, ss []protocol.DocumentSymbol) {
			for j := range ss {
				s := &ss[j]
				if !within(s.SelectionRange, s.Range) {
					t.Errorf("%s: %s: selection %v outside %v", file, s.Name, s.SelectionRange, s.Range)
				}
				if parent != nil && !within(s.Range, parent.Range) {
					t.Errorf("%s: %s outside its parent %s", file, s.Name, parent.Name)
				}
				walk(s, s.Children)
			}
		}
		walk(nil, syms)

		var folds []protocol.FoldingRange
		c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(uri)}}, &folds)
		for _, f := range folds {
			if f.EndLine <= f.StartLine || f.EndLine >= lines {
				t.Errorf("%s: bad fold %d-%d (%d lines)", file, f.StartLine, f.EndLine, lines)
			}
		}
		var lenses []protocol.CodeLens
		c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: docID(uri)}, &lenses)

		for _, d := range diags {
			if d.Range.End.Line >= lines+1 {
				t.Errorf("%s: diagnostic past the end: %v", file, d.Range)
			}
			var h *protocol.Hover
			c.mustCall("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(uri), Position: d.Range.Start}}, &h)
			var actions []protocol.CodeAction
			c.mustCall("textDocument/codeAction", protocol.CodeActionParams{TextDocument: docID(uri), Range: d.Range, Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{d}}}, &actions)
			if len(actions) == 0 {
				t.Errorf("%s: no action (not even a suppression) for %v", file, d.Code)
			}
			for _, a := range actions {
				for _, e := range a.Edit.Changes[protocol.DocumentURI(uri)] {
					if e.Range.End.Line > lines || !within(protocol.Range{Start: e.Range.Start, End: e.Range.Start}, protocol.Range{Start: e.Range.Start, End: e.Range.End}) {
						t.Errorf("%s: %q edit range %v", file, a.Title, e.Range)
					}
				}
			}
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	}
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
