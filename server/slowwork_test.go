package server

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

const slowHead = "---\nprfaq: true\n---\n# Acme Ledger shares budgets for small teams\n\n## FAQ\n\n### How much does it cost?\n\nFive dollars.\n\n"

// Slow work never blocks the session. The check of a pathological document
// (100,000 list items; 10,000 nested quotes; 20,000 items and 3,000 quotes
// under -race or -short) is held mid-way by a test hook, so that it is
// certainly still running, while other documents are opened, edited and
// asked about, workspace/symbol is asked, and the pathological document
// itself is edited: everything that does not need that very check is
// answered. Once released, the newest version is checked and published.
func TestSlowCheckDoesNotBlockSession(t *testing.T) {
	items, quotes := 100000, 10000
	if raceEnabled || testing.Short() {
		items, quotes = 20000, 3000
	}
	const slow = "file:///slow/patho-list.prfaq.md"
	started := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	deferred := make(chan string, 16)
	c := newClient(t, withServer(func(s *Server) {
		s.checkBudget = time.Hour // held on purpose: not "too complex"
		s.beforeCheck = func(uri string) {
			if uri == slow {
				once.Do(func() { close(started); <-release })
			}
		}
		s.deferred = func(method string) { deferred <- method }
	}))
	c.initialize(nil)
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	// The list is in the press release, with one placeholder in it.
	list := "---\nprfaq: true\n---\n# Acme Ledger shares budgets for small teams\n\n" +
		strings.Repeat("- an item\n", items/2) + "- a TBD item\n" + strings.Repeat("- an item\n", items-items/2-1) +
		"\n## FAQ\n\n### How much does it cost?\n\nFive dollars.\n"
	c.open(slow, list, 1)
	<-started // the linter is now inside the slow document's check

	const other = "file:///slow/other.prfaq.md"
	launch := readTestdata(t, "launch.prfaq.md")
	c.open(other, launch, 1)
	c.change(other, 2, ranged(0, 0, 0, 0, "\n"))
	// workspace/symbol needs every open document, the held one too: its
	// answer comes later, and must not hold up what follows.
	wsDone := make(chan error, 1)
	go func() {
		var syms []protocol.SymbolInformation
		wsDone <- c.call("workspace/symbol", protocol.WorkspaceSymbolParams{Query: "cost"}, &syms)
	}()
	// The request is sent from another goroutine: wait until the server
	// has moved it off the handler goroutine, so that what follows comes
	// after it.
	waitDeferred(t, deferred, "workspace/symbol")
	id := docID(other)
	var res json.RawMessage
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: id}, &res)
	if !strings.Contains(string(res), "FAQ") {
		t.Errorf("documentSymbol of the other document: %s", res)
	}
	c.mustCall("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 4}}}, &res)
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id}}, &res)
	c.mustCall("textDocument/completion", protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 0}}}, &res)
	// Edits to the slow document itself are taken while its check runs.
	c.change(slow, 2, ranged(3, 2, 3, 6, "Zenith"))
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id}}, &res)
	// A workspace/symbol now needs version 2 while version 1 is still being
	// checked: it too is answered off the handler goroutine (it used to
	// start a check of version 2 on it, and hold the session up).
	ws2Done := make(chan error, 1)
	go func() {
		var syms []protocol.SymbolInformation
		ws2Done <- c.call("workspace/symbol", protocol.WorkspaceSymbolParams{Query: "cost"}, &syms)
	}()
	waitDeferred(t, deferred, "workspace/symbol")
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id}}, &res)
	select {
	case <-wsDone:
		t.Fatal("workspace/symbol answered while a document it needs was still being checked")
	case <-ws2Done:
		t.Fatal("the second workspace/symbol answered while a document it needs was still being checked")
	default:
	}
	for _, p := range c.publishes(slow) {
		t.Fatalf("the held document was published before its check ended: version %v", p.Version)
	}

	close(release)
	if err := <-wsDone; err != nil {
		t.Fatalf("workspace/symbol: %v", err)
	}
	if err := <-ws2Done; err != nil {
		t.Fatalf("the second workspace/symbol: %v", err)
	}
	pub := c.waitVersion(slow, 2)
	if len(pub.Diagnostics) == 0 || hasRule(pub.Diagnostics, tooLargeRule) {
		t.Errorf("the list document was not checked: %d findings, too-large %v", len(pub.Diagnostics), hasRule(pub.Diagnostics, tooLargeRule))
	}
	if !hasRule(pub.Diagnostics, "placeholder") {
		t.Errorf("no placeholder finding among %d for the TBD in the list", len(pub.Diagnostics))
	}

	// Deeply nested quotes are checked too (the watchdog is a hang guard).
	const deep = "file:///slow/patho-quotes.prfaq.md"
	c.open(deep, slowHead+strings.Repeat(">", quotes)+" We leverage it.\n", 1)
	if p := c.waitVersion(deep, 1); hasRule(p.Diagnostics, tooLargeRule) {
		t.Errorf("nested quotes skipped instead of checked")
	}
}

// waitDeferred waits until the server has moved a request of method off
// the handler goroutine.
func waitDeferred(t *testing.T, deferred <-chan string, method string) {
	t.Helper()
	timeout := time.After(watchdog)
	for {
		select {
		case m := <-deferred:
			if m == method {
				return
			}
		case <-timeout:
			t.Fatalf("%s was never answered off the handler goroutine", method)
		}
	}
}

// A document over the size bound is kept in sync but not checked: one
// finding says why, features answer with nothing, and once edits bring it
// under the bound it is checked again. Other Markdown gets nothing.
func TestTooLargeDocumentSkipped(t *testing.T) {
	c := newClient(t)
	c.initialize(nil)
	const uri = "file:///big/huge.prfaq.md"
	filler := strings.Repeat("We leverage TBD words for a very long paragraph.\n", maxCheckSize/48+10)
	c.open(uri, slowHead+filler, 1)
	p := c.waitVersion(uri, 1)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != tooLargeRule || !strings.Contains(p.Diagnostics[0].Message, "not checked") {
		t.Fatalf("huge document: %+v", p.Diagnostics)
	}
	id := docID(uri)
	var actions []protocol.CodeAction
	c.mustCall("textDocument/codeAction", protocol.CodeActionParams{TextDocument: id, Range: protocol.Range{End: protocol.Position{Line: 5}}, Context: protocol.CodeActionContext{Diagnostics: p.Diagnostics}}, &actions)
	if len(actions) != 0 {
		t.Errorf("code actions on an unchecked document: %d", len(actions))
	}
	var res json.RawMessage
	c.mustCall("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 12}}}, &res)
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: id}, &res)
	c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: id}, &res)
	// Delete the filler (line 11 to the end): checked again, and the
	// edit landed where the client meant it.
	c.change(uri, 2, ranged(11, 0, 1<<20, 0, ""))
	p = c.waitVersion(uri, 2)
	if hasRule(p.Diagnostics, tooLargeRule) || len(p.Diagnostics) == 0 {
		t.Errorf("after shrinking: %+v", p.Diagnostics)
	}
	d, _ := c.srv.store.get(uri)
	if string(d.text) != slowHead {
		t.Errorf("text after the edit: %d bytes, want the %d-byte head", len(d.text), len(slowHead))
	}
	// A huge non-PR/FAQ Markdown file gets no findings at all.
	c.open("file:///big/notes.md", "# Notes\n\n"+filler, 1)
	if p := c.waitVersion("file:///big/notes.md", 1); len(p.Diagnostics) != 0 {
		t.Errorf("huge notes.md: %+v", p.Diagnostics)
	}
}

// A check over its time budget: the document gets one finding saying so at
// once, newer versions are not checked while the first check still runs
// (no second runaway), and when it ends the newest version is checked and
// published; a document that did not change gets the late result itself.
// The slowness is a test hook holding the check, so nothing here depends
// on how fast the machine is.
func TestCheckOverBudget(t *testing.T) {
	const changed, unchanged = "file:///budget/changed.prfaq.md", "file:///budget/unchanged.prfaq.md"
	release := map[string]chan struct{}{changed: make(chan struct{}), unchanged: make(chan struct{})}
	var mu sync.Mutex
	held := map[string]bool{}
	c := newClient(t, withServer(func(s *Server) {
		s.checkBudget = time.Millisecond
		s.beforeCheck = func(uri string) {
			mu.Lock()
			first := !held[uri]
			held[uri] = true
			mu.Unlock()
			if ch := release[uri]; ch != nil && first {
				<-ch
			}
		}
	}))
	c.initialize(nil)
	launch := readTestdata(t, "launch.prfaq.md")
	only := func(p publishParams, rule, says string) bool {
		return len(p.Diagnostics) == 1 && p.Diagnostics[0].Code == rule && strings.Contains(p.Diagnostics[0].Message, says)
	}

	c.open(changed, launch, 1)
	c.waitPublish(changed, func(p publishParams) bool { return *p.Version == 1 && only(p, tooComplexRule, "takes longer than") })
	c.change(changed, 2, ranged(0, 0, 0, 0, "\n"))
	c.waitPublish(changed, func(p publishParams) bool { return *p.Version == 2 && only(p, tooComplexRule, "earlier version") })
	// The session answers meanwhile.
	var res json.RawMessage
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(changed)}}, &res)
	close(release[changed])
	p := c.waitPublish(changed, func(p publishParams) bool { return *p.Version == 2 && !hasRule(p.Diagnostics, tooComplexRule) })
	if len(p.Diagnostics) == 0 {
		t.Errorf("version 2 was not checked after the runaway ended")
	}

	c.open(unchanged, launch, 1)
	c.waitPublish(unchanged, func(p publishParams) bool { return only(p, tooComplexRule, "takes longer than") })
	close(release[unchanged])
	late := c.waitPublish(unchanged, func(p publishParams) bool { return *p.Version == 1 && !hasRule(p.Diagnostics, tooComplexRule) })
	// The late result is the real check: the engine's findings.
	_, _, want := diagnostics.Check("unchanged.prfaq.md", []byte(launch), nil)
	if len(late.Diagnostics) != len(want) || len(want) == 0 {
		t.Errorf("late result: %d findings, the engine finds %d: %v", len(late.Diagnostics), len(want), summarize(late.Diagnostics))
	}
	mu.Lock()
	checks := len(held)
	mu.Unlock()
	if checks != 2 {
		t.Errorf("checks started for %d documents, want 2", checks)
	}
}

// foreseeablyQuick: only a check after a quick one, of text at most a
// paste longer or shorter, runs on the caller's goroutine; the first, one
// after a stand-in or a slow check, and one after a large change are
// bounded.
func TestForeseeablyQuick(t *testing.T) {
	s := &Server{checkBudget: 64 * time.Second}
	text := []byte(strings.Repeat("word ", 1000))
	doc := document.Parse("x.prfaq.md", text)
	quick := &snapshot{doc: doc, took: time.Millisecond}
	for _, tc := range []struct {
		name string
		last *snapshot
		text []byte
		want bool
	}{
		{"a keystroke after a quick check", quick, append(slices.Clone(text), 'x'), true},
		{"a paste of the most a quick change may be", quick, append(slices.Clone(text), make([]byte, quickChangeBytes)...), true},
		{"the same text cut by that much", quick, text[:len(text)-min(len(text), quickChangeBytes)], true},
		{"a larger paste", quick, append(slices.Clone(text), make([]byte, quickChangeBytes+1)...), false},
		{"the first check", nil, text, false},
		{"after a stand-in", &snapshot{doc: doc}, text, false},
		{"after a check of a sixty-fourth of the budget", &snapshot{doc: doc, took: time.Second}, text, false},
		{"after a check just under it", &snapshot{doc: doc, took: time.Second - 1}, text, true},
	} {
		if got := s.foreseeablyQuick(tc.last, tc.text); got != tc.want {
			t.Errorf("%s: foreseeablyQuick = %v, want %v", tc.name, got, tc.want)
		}
	}
}
