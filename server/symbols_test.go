package server

import (
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// The answers about structure (documentSymbol, codeLens, foldingRange)
// never wait behind a check. While the check of version 2 is held by a
// test hook, each answers at once from version 1's reading, exactly as it
// answered for version 1 (positions from version 1's Mapper, although
// version 2 has two more lines above them and one more question); once the
// check ends, each answers version 2's. A document with no finished
// reading yet is answered when its first check ends, off the handler
// goroutine, so the session goes on meanwhile; so is a codeAction for a
// version not yet read.
func TestStructureFromLastReading(t *testing.T) {
	const uri = "file:///reading/launch.prfaq.md"
	h := newCheckHold(t)
	holding, held, release, deferred := &h.holding, h.held, h.release, h.deferred
	c := newClient(t, withServer(h.install))
	c.initialize(nil)
	launch := readTestdata(t, "launch.prfaq.md")
	c.open(uri, launch, 1)
	c.waitVersion(uri, 1)

	id := docID(uri)
	answers := func() (symbols, lenses, folds json.RawMessage) {
		t.Helper()
		c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: id}, &symbols)
		c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: id}, &lenses)
		c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id}}, &folds)
		return symbols, lenses, folds
	}
	symbols1, lenses1, folds1 := answers()
	if !strings.Contains(string(symbols1), "How much does it cost?") {
		t.Fatalf("version 1's outline: %s", symbols1)
	}

	holding.Store(true)
	// Version 2: one more question at the end, two blank lines above the
	// headline.
	c.change(uri, 2, ranged(27, 0, 27, 0, "\n**Q: Does it work offline?**\nYes, it syncs later.\n"), ranged(4, 0, 4, 0, "\n\n"))
	waitHeld(t, held, uri) // the linter is inside version 2's check
	// A codeAction needs version 2 itself: it waits off the handler
	// goroutine, and the rest is answered meanwhile.
	tbd := protocol.Range{Start: protocol.Position{Line: 23}, End: protocol.Position{Line: 23, Character: 3}} // "TBD", two lines down in version 2
	actions := make(chan []protocol.CodeAction, 1)
	go func() {
		var a []protocol.CodeAction
		if err := c.call("textDocument/codeAction", protocol.CodeActionParams{TextDocument: id, Range: tbd}, &a); err != nil {
			t.Errorf("codeAction: %v", err)
		}
		actions <- a
	}()
	waitDeferred(t, deferred, "textDocument/codeAction")
	// Were any of these to wait for version 2's reading, it would wait
	// for ever (the check is held) and the call fail at the watchdog.
	symbols, lenses, folds := answers()
	select {
	case a := <-actions:
		t.Fatalf("codeAction answered before version 2 was read: %d actions", len(a))
	default:
	}
	if string(symbols) != string(symbols1) || string(lenses) != string(lenses1) || string(folds) != string(folds1) {
		t.Errorf("during version 2's check the answers are not version 1's:\noutline %s\nwant    %s\nlenses  %s\nwant    %s\nfolds   %s\nwant    %s",
			symbols, symbols1, lenses, lenses1, folds, folds1)
	}
	if p := c.publishes(uri); *p[len(p)-1].Version != 1 {
		t.Fatalf("version %d was published while its check was held", *p[len(p)-1].Version)
	}

	holding.Store(false)
	release <- struct{}{}
	c.waitVersion(uri, 2)
	deferredOn := false
	for _, a := range <-actions {
		for _, d := range a.Diagnostics {
			deferredOn = deferredOn || d.Code == "deferred-answer" && d.Range.Start.Line == tbd.Start.Line
		}
	}
	if !deferredOn {
		t.Errorf("codeAction on version 2's TBD line offers nothing for its deferred answer")
	}
	symbols, lenses, folds = answers()
	if !strings.Contains(string(symbols), "Does it work offline?") {
		t.Errorf("after version 2's check the outline has no new question: %s", symbols)
	}
	var tree1, tree2 []protocol.DocumentSymbol
	if err := json.Unmarshal(symbols1, &tree1); err != nil || len(tree1) == 0 {
		t.Fatalf("version 1's outline: %v %s", err, symbols1)
	}
	if err := json.Unmarshal(symbols, &tree2); err != nil || len(tree2) == 0 {
		t.Fatalf("version 2's outline: %v %s", err, symbols)
	}
	if got, want := tree2[0].SelectionRange.Start.Line, tree1[0].SelectionRange.Start.Line+2; got != want {
		t.Errorf("version 2's headline is on line %d, want %d", got, want)
	}
	if string(lenses) == string(lenses1) || string(folds) == string(folds1) {
		t.Errorf("after version 2's check, lenses or folds are still version 1's:\nlenses %s\nfolds  %s", lenses, folds)
	}

	// No reading yet: answered when the first check ends, and meanwhile
	// the handler goroutine answers the rest.
	const fresh = "file:///reading/fresh.prfaq.md"
	holding.Store(true)
	c.open(fresh, launch, 1)
	waitHeld(t, held, fresh)
	first := make(chan json.RawMessage, 1)
	go func() {
		var r json.RawMessage
		if err := c.call("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(fresh)}, &r); err != nil {
			t.Errorf("documentSymbol of a document being checked: %v", err)
		}
		first <- r
	}()
	waitDeferred(t, deferred, "textDocument/documentSymbol")
	var hover json.RawMessage
	c.mustCall("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 6}}}, &hover)
	select {
	case r := <-first:
		t.Fatalf("documentSymbol answered before the document's first check ended: %s", r)
	default:
	}
	holding.Store(false)
	release <- struct{}{}
	if r := <-first; string(r) != string(symbols1) {
		t.Errorf("the fresh document's outline:\n%s\nwant\n%s", r, symbols1)
	}
}

// waitHeld waits until the check hook holds a check of uri.
// checkHold holds the server's checks while holding is set, each until a
// token on release, and reports each held check's URI on held and each
// request moved off the handler goroutine on deferred: a test sees what
// the session answers while a check runs. The budget is an hour, so a
// held check is never taken for a runaway.
type checkHold struct {
	holding  atomic.Bool
	held     chan string
	release  chan struct{}
	deferred chan string
}

func newCheckHold(t *testing.T) *checkHold {
	h := &checkHold{held: make(chan string, 4), release: make(chan struct{}), deferred: make(chan string, 16)}
	t.Cleanup(func() {
		h.holding.Store(false)
		close(h.release) // whatever is still held goes on
	})
	return h
}

func (h *checkHold) install(s *Server) {
	s.checkBudget = time.Hour
	s.beforeCheck = func(uri string) {
		if h.holding.Load() {
			h.held <- uri
			<-h.release
		}
	}
	s.deferred = func(method string) { h.deferred <- method }
}

func waitHeld(t *testing.T, held <-chan string, uri string) {
	t.Helper()
	select {
	case u := <-held:
		if u != uri {
			t.Fatalf("the check held is of %s, want %s", u, uri)
		}
	case <-time.After(watchdog):
		t.Fatalf("no check of %s started", uri)
	}
}

// While a document is typed into without waiting, outlines asked for at
// the same time each come whole from one version: the question being
// typed is named as in some version, and its selection range spans that
// very name (the positions are that version's). Under -race this also
// holds the last reading read while the next one is parsed. Once the
// typing is read, the outline is the last version's.
func TestStructureWhileTyping(t *testing.T) {
	c := newClient(t)
	c.initialize(nil)
	const uri = "file:///reading/typing.prfaq.md"
	text := benchDoc(4000)
	const question = "How does Ledger handle case 1?"
	line := strings.Count(text[:strings.Index(text, "#### "+question)], "\n")
	c.open(uri, text, 1)
	c.waitVersion(uri, 1)

	const typed = " And on weekends"
	keys := len(typed)
	if raceEnabled {
		keys = 6
	}
	find := func(syms []protocol.DocumentSymbol) *protocol.DocumentSymbol {
		var walk func([]protocol.DocumentSymbol) *protocol.DocumentSymbol
		walk = func(ss []protocol.DocumentSymbol) *protocol.DocumentSymbol {
			for i := range ss {
				if strings.HasPrefix(ss[i].Name, question) {
					return &ss[i]
				}
				if s := walk(ss[i].Children); s != nil {
					return s
				}
			}
			return nil
		}
		return walk(syms)
	}
	check := func(syms []protocol.DocumentSymbol) string {
		q := find(syms)
		if q == nil {
			t.Errorf("no question %q in the outline", question)
			return ""
		}
		if rest := strings.TrimPrefix(q.Name, question); !strings.HasPrefix(typed, rest) {
			t.Errorf("the question is named %q: no version had that", q.Name)
		}
		r := q.SelectionRange
		if r.Start.Line != uint32(line) || r.End.Line != uint32(line) || int(r.End.Character-r.Start.Character) != len(q.Name) {
			t.Errorf("%q selected at %+v: not its place in the version it is named from", q.Name, r)
		}
		return q.Name
	}
	var wg sync.WaitGroup
	var stale atomic.Int32
	for i := range keys {
		c.change(uri, int32(i+2), ranged(line, len("#### "+question)+i, line, len("#### "+question)+i, typed[i:i+1]))
		wg.Add(1)
		go func() {
			defer wg.Done()
			var syms []protocol.DocumentSymbol
			if err := c.call("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms); err != nil {
				t.Errorf("documentSymbol: %v", err)
				return
			}
			if name := check(syms); name != question+typed[:keys] {
				stale.Add(1)
			}
		}()
	}
	wg.Wait()
	t.Logf("%d of %d outlines asked during the typing were of a version before the last", stale.Load(), keys)
	c.waitVersion(uri, int32(keys+1))
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
	if got, want := check(syms), question+typed[:keys]; got != want {
		t.Errorf("once the typing is read the question is %q, want %q", got, want)
	}
}
