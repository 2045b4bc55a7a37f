package server

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"weak"

	"go.lsp.dev/protocol"
)

// heapAfterGC is the live heap after two full collections.
func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// goroutinesSettle waits (bounded) for the goroutine count to drop to at
// most want and returns the last count.
func goroutinesSettle(want int) int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(10 * time.Second); n > want && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(20 * time.Millisecond)
	}
	return n
}

// Long session: 50 documents opened, edited 100,000 times in all (10,000
// under -race or -short; PRFAQ_LONG=1 runs 100,000 always), then closed.
// Afterwards the server's text of every document was the client's, nothing
// of a closed document is reachable, the heap is back near where it
// started and no goroutine was left behind.
func TestLongSession(t *testing.T) {
	const docs = 50
	edits := 100000
	if (raceEnabled || testing.Short()) && os.Getenv("PRFAQ_LONG") == "" {
		edits = 10000
	}
	baseGoroutines := runtime.NumGoroutine()
	// Registered before the client's, so it runs after the session ended.
	t.Cleanup(func() {
		if g := goroutinesSettle(baseGoroutines); g > baseGoroutines {
			t.Errorf("%d goroutines after the session ended, %d before it", g, baseGoroutines)
		} else {
			t.Logf("goroutines after the session ended: %d (before: %d)", g, baseGoroutines)
		}
	})
	c := newClient(t)
	c.initialize(nil)
	c.sync()
	baseHeap := heapAfterGC()
	sessionGoroutines := runtime.NumGoroutine()

	rng := rand.New(rand.NewSource(50))
	texts := make([][]byte, docs)
	versions := make([]int32, docs)
	uris := make([]string, docs)
	var docRefs []weak.Pointer[openDoc]
	var snapRefs []weak.Pointer[snapshot]
	for i := range texts {
		uris[i] = fmt.Sprintf("file:///long/session/doc-%02d.prfaq.md", i)
		texts[i] = []byte(strings.Replace(newFidelityDoc().text(), "Acme Ledger", "Acme Ledger "+strconv.Itoa(i), 1))
		versions[i] = 1
		c.open(uris[i], string(texts[i]), 1)
	}
	c.sync()
	for _, u := range uris {
		d := c.srv.store.docs[u]
		docRefs = append(docRefs, weak.Make(d))
	}

	inserts := []string{"word ", "😀", "漢字", "\r\n", "\n", "\t", "TBD ", "leverage ", "é"}
	var peak uint64
	for n := 0; n < edits; n++ {
		i := rng.Intn(docs)
		text := texts[i]
		bs := boundaries(string(text))
		a, b := bs[rng.Intn(len(bs))], bs[rng.Intn(len(bs))]
		if a > b {
			a, b = b, a
		}
		if b-a > 40 {
			b = a // keep documents from shrinking away: mostly inserts
		}
		insert := ""
		if len(text) < 4000 && rng.Intn(4) != 0 {
			insert = inserts[rng.Intn(len(inserts))]
		}
		start, end := refPosition(text, a), refPosition(text, b)
		texts[i] = []byte(string(text[:a]) + insert + string(text[b:]))
		versions[i]++
		c.change(uris[i], versions[i], ranged(int(start.Line), int(start.Character), int(end.Line), int(end.Character), insert))
		if n%5000 == 4999 {
			// The client keeps every publish; drop them so that the heap
			// measures the server, and take the server's peak.
			c.sync()
			c.mu.Lock()
			c.publish = nil
			c.mu.Unlock()
			if h := heapAfterGC(); h > peak {
				peak = h
			}
		}
	}
	c.sync()
	// No drift: the server holds exactly the client's text, and the
	// newest version of each document was published.
	for i, u := range uris {
		d, ok := c.srv.store.get(u)
		if !ok || !bytes.Equal(d.text, texts[i]) || d.version != versions[i] {
			t.Fatalf("%s: server has version %d (%d bytes), client version %d (%d bytes)", u, d.version, len(d.text), versions[i], len(texts[i]))
		}
	}
	// Every document's newest version gets linted and published (the
	// client drops its publishes now and then, so ask the store).
	for deadline := time.Now().Add(watchdog); ; time.Sleep(10 * time.Millisecond) {
		behind := 0
		c.srv.store.docsMu.Lock()
		for _, d := range c.srv.store.docs {
			if d.published != d.gen {
				behind++
			}
		}
		c.srv.store.docsMu.Unlock()
		if behind == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d documents never had their newest version published", behind)
		}
	}
	for _, u := range uris {
		if d := c.srv.store.docs[u]; d != nil && d.snap != nil {
			snapRefs = append(snapRefs, weak.Make(d.snap))
		}
	}
	for _, u := range uris {
		c.notify("textDocument/didClose", protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(u)}})
	}
	c.sync()
	for _, u := range uris {
		c.waitPublish(u, func(p publishParams) bool { return p.Version == nil && len(p.Diagnostics) == 0 })
	}
	c.mu.Lock()
	c.publish = nil
	c.mu.Unlock()

	after := heapAfterGC()
	live := 0
	for _, r := range docRefs {
		if r.Value() != nil {
			live++
		}
	}
	for _, r := range snapRefs {
		if r.Value() != nil {
			live++
		}
	}
	if live > 0 {
		t.Errorf("%d closed documents or their snapshots are still reachable", live)
	}
	c.srv.store.docsMu.Lock()
	open := len(c.srv.store.docs)
	c.srv.store.docsMu.Unlock()
	c.srv.lint.pendingMu.Lock()
	pending := len(c.srv.lint.pending)
	c.srv.lint.pendingMu.Unlock()
	c.srv.cmu.Lock()
	reqState := len(c.srv.waiting) + len(c.srv.cancelled) + len(c.srv.running)
	c.srv.cmu.Unlock()
	if open != 0 || pending != 0 || reqState != 0 {
		t.Errorf("after closing: %d open documents, %d pending lints, %d request states", open, pending, reqState)
	}
	g := goroutinesSettle(sessionGoroutines)
	t.Logf("%d documents, %d edits: heap %d KiB at start, %d KiB peak (sampled), %d KiB after closing; goroutines %d before the session, %d in it, %d after closing",
		docs, edits, baseHeap>>10, peak>>10, after>>10, baseGoroutines, sessionGoroutines, g)
	// The documents themselves weigh about 50 × 4 KB; a leak of their
	// versions or snapshots would be many megabytes.
	if after > baseHeap+2<<20 {
		t.Errorf("heap after closing every document is %d KiB, %d KiB over its start", after>>10, (after-baseHeap)>>10)
	}
	if g > sessionGoroutines {
		t.Errorf("%d goroutines after closing, %d with the session idle before", g, sessionGoroutines)
	}
}
