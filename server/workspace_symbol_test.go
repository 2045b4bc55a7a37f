package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func initWithFolder(dir string) *protocol.InitializeParams {
	p := defaultInit()
	p.WorkspaceFolders = []protocol.WorkspaceFolder{{URI: string(fileURI(dir)), Name: filepath.Base(dir)}}
	return p
}

func workspaceSymbols(t *testing.T, c *client, query string) map[string]protocol.SymbolInformation {
	t.Helper()
	var syms []protocol.SymbolInformation
	c.mustCall("workspace/symbol", protocol.WorkspaceSymbolParams{Query: query}, &syms)
	out := map[string]protocol.SymbolInformation{}
	for _, s := range syms {
		out[s.Name] = s
	}
	return out
}

func TestWorkspaceSymbols(t *testing.T) {
	dir := t.TempDir()
	ledger := readTestdata(t, "ledger.prfaq.md")
	writeFile(t, filepath.Join(dir, "docs", "ledger.prfaq.md"), ledger)
	writeFile(t, filepath.Join(dir, "notes.md"), "# Notes\n\n## FAQ\n\n### Why notes cost nothing?\n\nThey are notes.\n")
	writeFile(t, filepath.Join(dir, ".git", "old.prfaq.md"), strings.ReplaceAll(ledger, "How much does Ledger cost?", "Hidden cost question?"))
	writeFile(t, filepath.Join(dir, "big.prfaq.md"), strings.Repeat(strings.ReplaceAll(ledger, "How much does Ledger cost?", "Big file cost question?"), 2*maxFileSize/len(ledger)))
	// A symlink loop: WalkDir must not follow it.
	if err := os.Symlink(dir, filepath.Join(dir, "docs", "loop")); err != nil {
		t.Fatal(err)
	}
	open := filepath.Join(dir, "open.prfaq.md")
	writeFile(t, open, ledger) // the disk copy is stale: the open text wins
	c := newClient(t)
	c.initialize(initWithFolder(dir))
	c.open(string(fileURI(open)), strings.ReplaceAll(ledger, "How much does Ledger cost?", "What does the unsaved edit cost?"), 1)

	got := workspaceSymbols(t, c, "cost")
	disk, ok := got["How much does Ledger cost?"]
	if !ok {
		t.Fatalf("question from the file on disk missing; got %v", keys(got))
	}
	if want := fileURI(filepath.Join(dir, "docs", "ledger.prfaq.md")); disk.Location.URI != want {
		t.Errorf("location %s, want %s", disk.Location.URI, want)
	}
	if disk.Location.Range.Start.Line != 31 {
		t.Errorf("question on line %d, want 31", disk.Location.Range.Start.Line)
	}
	if _, ok := got["What does the unsaved edit cost?"]; !ok {
		t.Errorf("open document's current text not used; got %v", keys(got))
	}
	for _, bad := range []string{"Hidden cost question?", "Big file cost question?", "Why notes cost nothing?"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q should not be indexed (hidden folder, big file or not a PR/FAQ)", bad)
		}
	}
	// The headline is a symbol too, and the query is case-insensitive and
	// word-wise.
	all := workspaceSymbols(t, c, "LEDGER one click")
	if _, ok := all["Acme Ledger lets small shops send an invoice in one click from their phone"]; !ok {
		t.Errorf("headline missing; got %v", keys(all))
	}
}

// The scan stops after its file budget.
func TestWorkspaceScanBounded(t *testing.T) {
	dir := t.TempDir()
	ledger := readTestdata(t, "ledger.prfaq.md")
	for i := 0; i < 10; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%02d.prfaq.md", i)), strings.ReplaceAll(ledger, "How much does Ledger cost?", fmt.Sprintf("Question number %02d?", i)))
	}
	c := newClient(t, withServer(func(s *Server) { s.ws.maxFiles = 3 }))
	c.initialize(initWithFolder(dir))
	got := workspaceSymbols(t, c, "question number")
	if len(got) != 3 {
		t.Errorf("got %d files' questions, want 3 (the budget): %v", len(got), keys(got))
	}
}

func keys(m map[string]protocol.SymbolInformation) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The disk scan runs off the handler goroutine: while it is stuck, edits
// and other requests are still handled.
func TestWorkspaceScanDoesNotBlockEdits(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ledger.prfaq.md"), readTestdata(t, "ledger.prfaq.md"))
	release := make(chan struct{})
	c := newClient(t, withServer(func(s *Server) {
		s.ws.beforeScan = func() { <-release }
	}))
	c.initialize(initWithFolder(dir))
	done := make(chan map[string]protocol.SymbolInformation, 1)
	go func() {
		var syms []protocol.SymbolInformation
		_ = c.call("workspace/symbol", protocol.WorkspaceSymbolParams{Query: "cost"}, &syms)
		out := map[string]protocol.SymbolInformation{}
		for _, s := range syms {
			out[s.Name] = s
		}
		done <- out
	}()
	const uri = "file:///ws/other.prfaq.md"
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	c.change(uri, 2, ranged(0, 0, 0, 0, "\n"))
	var folds []protocol.FoldingRange
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(uri)}}, &folds)
	c.waitVersion(uri, 2)
	close(release)
	if got := <-done; len(got) == 0 {
		t.Errorf("workspace/symbol found nothing after the scan was released")
	}
}
