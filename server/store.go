package server

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// The store: what the server knows of each open document, and how it
// changes. Its invariants, in one place:
//
// One door. Every change to an open document (didOpen, didChange, didSave
// with text, a new configuration, a background check that finished) goes
// through Server.update, which applies the change under docsMu, gives the
// document a new gen and schedules a lint. Only didClose (store.remove)
// takes a document out. Nothing else writes an openDoc.
//
// gen is the document's version as the server counts it: it changes with
// every change above, text or not (a configuration change alters the
// findings of the same text), and is never reused, even by a document
// closed and reopened (nextGen is global). Anything derived from a document
// (a snapshot, a publish, a pull report's resultId) carries the gen it was
// made from, and is current only while that gen is the document's.
//
// snap is the newest finished snapshot; it is current when snap.gen == gen.
// inflight is the check of gen running now, if any: a second caller that
// needs the same gen waits for it instead of checking again. At most one
// check per (document, gen) runs through snapshot; the finished one is kept
// as snap only if gen has not moved meanwhile. So snap only ever moves
// forward, and until the next one replaces it, it stays whole: its text,
// version, model and Mapper are those of one version (text is never
// changed in place, below), whatever the document has become since.
//
// Two ways to read. snapshot is the current version, checking it on the
// caller's goroutine or waiting for the check already running: what
// answers about findings need (diagnostics, actions, hover). lastReading is
// for answers about structure that the client asks for on every burst of
// keys and must never wait behind a check (documentSymbol, codeLens,
// foldingRange): while a check of a newer version is coming (willCheck:
// update scheduled one, or inflight: it runs) it is snap, the last
// finished reading, answered with its own positions; only a document with
// no finished reading, or whose edits no check follows (checkOn: save), is
// read as snapshot does. A handler that needs the current version while it
// is not ready (codeAction, documentDiagnostic, workspace/symbol) waits
// for it off the handler goroutine (readiness, checking), so that the
// requests behind it are not held up.
//
// savedText is the text as opened or last saved, and saved its check under
// the current settings: what a client under checkOn: save is shown
// (checkedSnapshot), pushed or pulled, whatever requests read of the
// unsaved text meanwhile. snap becomes saved when it read that text
// (openDoc.keep); a change of settings clears saved, and the next
// checkedSnapshot checks the saved text again, under a gen of its own.
//
// published is the gen whose diagnostics were last pushed; the linter pushes
// a snapshot only while its gen is still the document's and not yet
// published, so a result made before a change or a close is never sent
// after it. Clients that pull are never pushed to: for them published
// stays 0 and the gen is the resultId.
//
// The runaway check: a check that takes longer than checkBudget cannot be
// stopped (goldmark is quadratic on some inputs), so the caller gets a
// stand-in snapshot that says so and the check goes on in the background.
// While a document is in runaways none of its newer versions is checked (a
// second runaway would take the other core); when the runaway ends, its
// result becomes snap if the document has not changed, and the document
// gets a new gen (through update) either way, so that the stand-in, made
// under the old gen, is replaced. Only a check that cannot come near the
// budget (foreseeablyQuick: the last one took under a sixty-fourth of it,
// and the text changed by a few kilobytes at most) runs unbounded, on the
// caller's goroutine.
//
// Locks, named after what they guard. docsMu guards docs and every field of
// every openDoc; runawaysMu guards runaways; the linter's pendingMu guards
// its pending set and publishMu orders publishes against didClose's
// clearing publish. Order: publishMu before docsMu; pendingMu and
// runawaysMu are never held with another lock. No lock is held while the
// engine checks or while a message is written, except publishMu, which is
// held across a publish's write on purpose.
//
// text is never changed in place: each change makes a new slice, so
// snapshots and checks share it without copying. text and version are
// written only by handlers, which run one at a time on the handler
// goroutine, so a handler may read them, compute the new text without the
// lock and write it back through update without losing a change.

// store holds the open documents, keyed by the URI string exactly as the
// client sent it (so untitled: and other schemes work without a path).
type store struct {
	docsMu sync.Mutex
	docs   map[string]*openDoc

	runawaysMu sync.Mutex
	// runaways are the documents whose check is past its budget.
	runaways map[string]bool
}

// openDoc is the live state of one open document (see the invariants above).
type openDoc struct {
	uri     string
	path    string // file path for file: URIs, else the URI's path part
	version int32
	text    []byte
	gen     uint64
	cfg     *diagnostics.Config
	snap    *snapshot
	// checker keeps what the last check parsed, so a keystroke re-parses
	// only the section it changed.
	checker *diagnostics.Checker
	// tails keeps the findings' encodings from one version to the next
	// (it has a lock of its own); the snapshots checked here share it.
	tails     *encodedTails
	inflight  *inflight
	published uint64
	// willCheck: update scheduled a lint of gen, so a reading newer than
	// snap is coming without anyone asking for it.
	willCheck bool
	// savedText (and savedVersion) is the text as opened or last saved:
	// under checkOn: save the client is shown its findings, whatever the
	// text has become. saved is its check under cfg, once made (snap, if
	// that read it; else made by checkedSnapshot); nil when there is none
	// or the text or the settings changed since.
	savedText    []byte
	savedVersion int32
	saved        *snapshot
}

// update is the one door through which an open document changes. Under
// docsMu it finds the document, or with open makes a new one in its place,
// and lets apply change it; if apply reports a change the document gets
// gen, the new gen apply is given (a finished runaway's snapshot takes it),
// and, with lint, a lint is scheduled (an edit under checkOn: save waits
// for the save). It reports whether the document was changed.
func (s *Server) update(uri string, open, lint bool, apply func(d *openDoc, gen uint64) (changed bool)) bool {
	st := s.store
	gen := nextGen()
	st.docsMu.Lock()
	d := st.docs[uri]
	if open {
		path, _ := uriPath(uri)
		d = &openDoc{uri: uri, path: path, checker: new(diagnostics.Checker), tails: new(encodedTails)}
	}
	changed := d != nil && apply(d, gen)
	if changed {
		d.gen = gen
		d.willCheck = lint
		if open {
			st.docs[uri] = d
		}
	}
	st.docsMu.Unlock()
	if changed && lint {
		s.lint.schedule(uri)
	}
	return changed
}

// remove forgets a closed document; it reports whether it was open.
func (st *store) remove(uri string) bool {
	st.docsMu.Lock()
	defer st.docsMu.Unlock()
	_, open := st.docs[uri]
	delete(st.docs, uri)
	return open
}

// snapshot is an immutable, linted view of one version of a document.
type snapshot struct {
	uri      string
	version  int32
	gen      uint64
	doc      *document.Document
	isPRFAQ  bool
	findings []diagnostics.Finding
	cfg      *diagnostics.Config
	// took is how long the check took; 0 for a stand-in (skipped).
	took time.Duration
	// tails is the document's cache of encoded findings; nil for a
	// document not open (workspace diagnostics) or a runaway's result.
	tails *encodedTails
	// report is the findings encoded for a pull, made once on first use.
	reportOnce sync.Once
	report     *fullReport
}

func newStore() *store {
	return &store{docs: map[string]*openDoc{}, runaways: map[string]bool{}}
}

var genCounter struct {
	sync.Mutex
	n uint64
}

// nextGen is global so that a reopened document never reuses a gen.
func nextGen() uint64 {
	genCounter.Lock()
	defer genCounter.Unlock()
	genCounter.n++
	return genCounter.n
}

// uriPath turns a URI into the path the engine and .prfaq.yaml lookup use.
// For file: URIs it is the file's path; for others (untitled:Untitled-1) the
// opaque part, which is enough for name-based PR/FAQ detection and never
// touches the disk.
func uriPath(uri string) (path string, onDisk bool) {
	u, err := url.Parse(uri)
	if err != nil {
		return uri, false
	}
	if u.Scheme == "file" {
		p := u.Path
		// file:///C:/x → C:/x on Windows.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		}
		return filepath.FromSlash(p), true
	}
	if u.Opaque != "" {
		return u.Opaque, false
	}
	if u.Path != "" {
		return u.Path, false
	}
	return strings.TrimPrefix(uri, u.Scheme+":"), false
}

// get returns the open document's current state, or nil.
func (st *store) get(uri string) (d openDoc, ok bool) {
	st.docsMu.Lock()
	defer st.docsMu.Unlock()
	p := st.docs[uri]
	if p == nil {
		return openDoc{}, false
	}
	return *p, true
}

// checkedSnapshot is what a client that checks on save is told: the
// findings of the text as opened or last saved, under the current
// settings, however the text has changed since (requests that read the
// unsaved text, such as codeAction, do not change them). While nothing is
// unsaved it is the current snapshot.
func (s *Server) checkedSnapshot(uri string) *snapshot {
	st := s.store
	st.docsMu.Lock()
	d := st.docs[uri]
	if d == nil {
		st.docsMu.Unlock()
		return nil
	}
	if sameSlice(d.savedText, d.text) {
		st.docsMu.Unlock()
		return s.snapshot(uri)
	}
	if d.saved != nil {
		saved := d.saved
		st.docsMu.Unlock()
		return saved
	}
	path, text, version, cfg, tails := d.path, d.savedText, d.savedVersion, d.cfg, d.tails
	st.docsMu.Unlock()

	// A check of its own (the document's Checker follows the text): with
	// a gen of its own, so that a pull's resultId tells it apart.
	saved := s.boundedCheck(nil, uri, path, text, version, nextGen(), cfg)
	saved.tails = tails
	st.docsMu.Lock()
	defer st.docsMu.Unlock()
	if cur := st.docs[uri]; cur != nil && cur.saved == nil && sameSlice(cur.savedText, text) && cur.cfg == cfg {
		cur.saved = saved
	}
	return saved
}

// keep makes snap the document's newest reading, and its saved one when
// it read the saved text under the current settings. The caller holds
// docsMu.
func (d *openDoc) keep(snap *snapshot) {
	d.snap = snap
	if snap.doc != nil && sameSlice(snap.doc.Source, d.savedText) && snap.cfg == d.cfg {
		d.saved = snap
	}
}

// snapshot returns a snapshot of the document's current version, linting it
// now if the background linter has not caught up. Handlers call it so that
// their answers always match the text the client has.
func (s *Server) snapshot(uri string) *snapshot {
	st := s.store
	st.docsMu.Lock()
	d := st.docs[uri]
	if d == nil {
		st.docsMu.Unlock()
		return nil
	}
	if d.snap != nil && d.snap.gen == d.gen {
		snap := d.snap
		st.docsMu.Unlock()
		return snap
	}
	if f := d.inflight; f != nil && f.gen == d.gen {
		st.docsMu.Unlock()
		<-f.done
		return f.snap
	}
	f := &inflight{gen: d.gen, done: make(chan struct{})}
	d.inflight = f
	path, text, version, gen, cfg, checker, tails := d.path, d.text, d.version, d.gen, d.cfg, d.checker, d.tails
	foreseen := s.foreseeablyQuick(d.snap, text)
	st.docsMu.Unlock()

	// Runs on a panic too, so that no waiter hangs.
	defer func() {
		st.docsMu.Lock()
		if cur := st.docs[uri]; cur != nil {
			if cur.gen == gen && f.snap != nil {
				cur.keep(f.snap)
			}
			if cur.inflight == f {
				cur.inflight = nil
			}
		}
		st.docsMu.Unlock()
		close(f.done)
	}()
	var snap *snapshot
	if foreseen && !s.isRunaway(uri) {
		snap = s.checkHere(checker, uri, path, text, version, gen, cfg)
	} else {
		snap = s.boundedCheck(checker, uri, path, text, version, gen, cfg)
	}
	snap.tails = tails // before anyone else sees it
	f.snap = snap
	return snap
}

// foreseeablyQuick reports a check of text that needs no budget: the last
// one of the document (last) was far within it and text is at most a
// paste away from what it read. Such a check runs on the caller's
// goroutine: handing every keystroke's check to a goroutine of its own
// and waiting for it cost 0.06 ms of CPU a keystroke (15 % at 4,000
// words), the threads' wake-ups. Goldmark's slow inputs are slow in their
// size (quadratic in thousands of unclosed brackets or nested markers), so
// a document read in under a sixty-fourth of the budget does not reach it
// by a few kilobytes more; the first check, and those after a large
// change or a slow check, are bounded.
func (s *Server) foreseeablyQuick(last *snapshot, text []byte) bool {
	if last == nil || last.took <= 0 || last.took >= s.checkBudget/64 || last.doc == nil {
		return false
	}
	return max(len(text), len(last.doc.Source))-min(len(text), len(last.doc.Source)) <= quickChangeBytes
}

// quickChangeBytes is the largest change in a document's length that a
// check may follow on the caller's goroutine (see foreseeablyQuick).
const quickChangeBytes = 4 << 10

func (s *Server) isRunaway(uri string) bool {
	s.store.runawaysMu.Lock()
	defer s.store.runawaysMu.Unlock()
	return s.store.runaways[uri]
}

// checkHere checks on the calling goroutine (boundedCheck's, or the caller's
// when the check is foreseeably quick).
func (s *Server) checkHere(checker *diagnostics.Checker, uri, path string, text []byte, version int32, gen uint64, cfg *diagnostics.Config) *snapshot {
	if s.beforeCheck != nil {
		s.beforeCheck(uri)
	}
	return check(checker, uri, path, text, version, gen, cfg)
}

// checkBudget is how long a check may take before the document is shown
// as too complex to check. Goldmark takes time quadratic in some inputs
// (100,000 unclosed "[a](" take over a minute; 20,000 nested list markers
// seconds) and cannot be stopped, so the budget bounds the wait, not the
// work: the check goes on in the background, at most one per document.
const checkBudget = 5 * time.Second

// tooComplexRule is the code of the one finding a document gets while its
// check is over budget.
const tooComplexRule = "document-too-complex"

// boundedCheck runs check with a time budget. Past it, the caller gets a
// snapshot with no structure and one finding that says so, and the check
// finishes in the background: if the document has not changed by then, its
// result is published; if it has, the newest version is checked. While a
// document's check is over budget its newer versions are not checked (that
// would start a second runaway on the same two cores).
func (s *Server) boundedCheck(checker *diagnostics.Checker, uri, path string, text []byte, version int32, gen uint64, cfg *diagnostics.Config) *snapshot {
	if s.isRunaway(uri) {
		return skipped(uri, path, text, version, gen, cfg, fmt.Sprintf(
			"not checked yet: checking an earlier version took longer than %v; it is still running", s.checkBudget))
	}
	type result struct {
		snap  *snapshot
		panic any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: fmt.Sprintf("%v\n%s", p, debug.Stack())}
			}
		}()
		done <- result{snap: s.checkHere(checker, uri, path, text, version, gen, cfg)}
	}()
	timer := time.NewTimer(s.checkBudget)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.panic != nil {
			panic(r.panic) // the caller's recovery (handler or linter) reports it
		}
		return r.snap
	case <-timer.C:
	}
	s.log.Printf("%s: checking version %d took longer than %v; going on in the background", uri, version, s.checkBudget)
	s.store.runawaysMu.Lock()
	s.store.runaways[uri] = true
	s.store.runawaysMu.Unlock()
	go func() {
		r := <-done
		s.store.runawaysMu.Lock()
		delete(s.store.runaways, uri)
		s.store.runawaysMu.Unlock()
		if r.panic != nil {
			s.log.Printf("panic in a background check of %s: %v", uri, r.panic)
		}
		// A fresh gen either way: the over-budget snapshot was published
		// under the old one. A document closed meanwhile is not updated.
		s.update(uri, false, true, func(d *openDoc, gen uint64) bool {
			if r.snap != nil && bytes.Equal(d.text, text) && d.version == version && d.cfg == cfg {
				r.snap.gen = gen
				d.keep(r.snap)
			}
			return true
		})
		s.refreshDiagnostics()
	}()
	return skipped(uri, path, text, version, gen, cfg, fmt.Sprintf(
		"not checked yet: checking this document takes longer than %v (it is very large or deeply nested); it goes on in the background", s.checkBudget))
}

// checking reports whether the document has no current snapshot while a
// check of it is running, of this version or an older one (a slow document
// edited during its check), so that a caller that cannot afford to wait
// for a check can defer: asking for a snapshot then would wait for this
// version's check, or start one on the caller's goroutine beside the
// running one.
func (s *Server) checking(uri string) bool {
	s.store.docsMu.Lock()
	defer s.store.docsMu.Unlock()
	d := s.store.docs[uri]
	return d != nil && !(d.snap != nil && d.snap.gen == d.gen) && d.inflight != nil
}

// lastReading returns the snapshot an answer about the document's
// structure is made from without waiting behind a check (see the
// invariants above): the current one when it is ready, else, while a newer
// one is being made or is scheduled, the last finished one. ok is false
// when neither applies (no reading finished yet, or edits under checkOn:
// save that no check follows): the caller needs snapshot. A closed
// document is (nil, true).
func (s *Server) lastReading(uri string) (snap *snapshot, ok bool) {
	s.store.docsMu.Lock()
	defer s.store.docsMu.Unlock()
	d := s.store.docs[uri]
	switch {
	case d == nil:
		return nil, true
	case d.snap != nil && (d.snap.gen == d.gen || d.willCheck || d.inflight != nil):
		return d.snap, true
	}
	return nil, false
}

// readiness reports the document's gen and whether its reading is ready
// (snap is current), so that a handler can leave the wait for it to
// another goroutine.
func (s *Server) readiness(uri string) (gen uint64, ready, open bool) {
	s.store.docsMu.Lock()
	defer s.store.docsMu.Unlock()
	d := s.store.docs[uri]
	if d == nil {
		return 0, false, false
	}
	return d.gen, d.snap != nil && d.snap.gen == d.gen, true
}

// inflight is one lint in progress; snap is set before done is closed.
type inflight struct {
	gen  uint64
	done chan struct{}
	snap *snapshot
}

// maxCheckSize bounds the documents the engine parses and lints. A PR/FAQ
// is six pages; 2 MiB is some 300,000 words. Above it the engine's time
// (and, on every keystroke, the whole session's) grows with the paste, so
// the document is kept and synced but not checked, and says why.
const maxCheckSize = 2 << 20

// tooLargeRule is the code of the one finding a skipped document gets.
const tooLargeRule = "document-too-large"

// check runs the engine on one version of a document.
func check(checker *diagnostics.Checker, uri, path string, text []byte, version int32, gen uint64, cfg *diagnostics.Config) *snapshot {
	if len(text) > maxCheckSize {
		return skipped(uri, path, text, version, gen, cfg, fmt.Sprintf(
			"not checked: this document is %d bytes, over the %d-byte limit of the prfaq language server; "+
				"split it or run `prfaq check` on it", len(text), maxCheckSize))
	}
	if checker == nil {
		checker = new(diagnostics.Checker)
	}
	start := time.Now()
	doc, isPRFAQ, findings := checker.Check(path, text, cfg)
	return &snapshot{uri: uri, version: version, gen: gen, doc: doc, isPRFAQ: isPRFAQ, findings: findings, cfg: cfg, took: max(time.Since(start), 1)}
}

// skipped is the snapshot of a document too large or complex to check: its text and
// positions are kept (so edits and answers still line up) but it has no
// structure, so no feature offers anything on it. When its head (name,
// front matter, first sections) says it is a PR/FAQ it gets one finding
// that says why it is not checked; other Markdown gets none, as always.
func skipped(uri, path string, text []byte, version int32, gen uint64, cfg *diagnostics.Config, why string) *snapshot {
	if cfg == nil {
		cfg = diagnostics.Default()
	}
	// The head is small: parsing is what may be slow.
	head := text[:min(len(text), 16<<10)]
	if i := bytes.LastIndexByte(head, '\n'); i >= 0 && len(head) < len(text) {
		head = head[:i+1]
	}
	rule := tooLargeRule
	if len(text) <= maxCheckSize {
		rule = tooComplexRule
	}
	findings := []diagnostics.Finding{}
	if cfg.IsPRFAQ(document.Parse(path, head)) {
		findings = append(findings, diagnostics.Finding{Rule: rule, Severity: diagnostics.Information, Message: why})
	}
	doc := &document.Document{Path: path, Source: text, Mapper: document.NewMapper(text), Parts: map[document.PartKind]*document.Part{}}
	return &snapshot{uri: uri, version: version, gen: gen, doc: doc, isPRFAQ: false, findings: findings, cfg: cfg}
}

// uris lists the open documents.
func (st *store) uris() []string {
	st.docsMu.Lock()
	defer st.docsMu.Unlock()
	out := make([]string, 0, len(st.docs))
	for u := range st.docs {
		out = append(out, u)
	}
	return out
}
