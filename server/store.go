package server

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// store holds the open documents, keyed by the URI string exactly as the
// client sent it (so untitled: and other schemes work without a path).
type store struct {
	mu   sync.Mutex
	docs map[string]*openDoc
}

// openDoc is the live state of one open document. text is never mutated in
// place: each change makes a new slice, so snapshots can share it.
type openDoc struct {
	uri     string
	path    string // file path for file: URIs, else the URI's path part
	version int32
	text    []byte
	// gen counts text and configuration changes; a snapshot or a publish is
	// current only when its gen matches.
	gen  uint64
	cfg  *diagnostics.Config
	snap *snapshot
	// inflight is the lint of gen in progress, if any: a handler that
	// needs the same version waits for it instead of linting again on the
	// same two cores.
	inflight *inflight
	// published is the gen whose diagnostics were last sent.
	published uint64
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
}

func newStore() *store { return &store{docs: map[string]*openDoc{}} }

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
	st.mu.Lock()
	defer st.mu.Unlock()
	p := st.docs[uri]
	if p == nil {
		return openDoc{}, false
	}
	return *p, true
}

// snapshot returns a snapshot of the document's current version, linting it
// now if the background linter has not caught up. Handlers call it so that
// their answers always match the text the client has.
func (s *Server) snapshot(uri string) *snapshot {
	st := s.store
	st.mu.Lock()
	d := st.docs[uri]
	if d == nil {
		st.mu.Unlock()
		return nil
	}
	if d.snap != nil && d.snap.gen == d.gen {
		snap := d.snap
		st.mu.Unlock()
		return snap
	}
	if f := d.inflight; f != nil && f.gen == d.gen {
		st.mu.Unlock()
		<-f.done
		return f.snap
	}
	f := &inflight{gen: d.gen, done: make(chan struct{})}
	d.inflight = f
	path, text, version, gen, cfg := d.path, d.text, d.version, d.gen, d.cfg
	st.mu.Unlock()

	// Runs on a panic too, so that no waiter hangs.
	defer func() {
		st.mu.Lock()
		if cur := st.docs[uri]; cur != nil {
			if cur.gen == gen && f.snap != nil {
				cur.snap = f.snap
			}
			if cur.inflight == f {
				cur.inflight = nil
			}
		}
		st.mu.Unlock()
		close(f.done)
	}()
	if s.beforeCheck != nil {
		s.beforeCheck(uri)
	}
	f.snap = check(uri, path, text, version, gen, cfg)
	return f.snap
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
func check(uri, path string, text []byte, version int32, gen uint64, cfg *diagnostics.Config) *snapshot {
	if len(text) > maxCheckSize {
		return skipped(uri, path, text, version, gen, cfg)
	}
	doc, isPRFAQ, findings := diagnostics.Check(path, text, cfg)
	return &snapshot{uri: uri, version: version, gen: gen, doc: doc, isPRFAQ: isPRFAQ, findings: findings, cfg: cfg}
}

// skipped is the snapshot of a document too large to check: its text and
// positions are kept (so edits and answers still line up) but it has no
// structure, so no feature offers anything on it. When its head (name,
// front matter, first sections) says it is a PR/FAQ it gets one finding
// that says why it is not checked; other Markdown gets none, as always.
func skipped(uri, path string, text []byte, version int32, gen uint64, cfg *diagnostics.Config) *snapshot {
	if cfg == nil {
		cfg = diagnostics.Default()
	}
	head := text[:64<<10]
	if i := bytes.LastIndexByte(head, '\n'); i >= 0 {
		head = head[:i+1]
	}
	findings := []diagnostics.Finding{}
	if cfg.IsPRFAQ(document.Parse(path, head)) {
		findings = append(findings, diagnostics.Finding{
			Rule:     tooLargeRule,
			Severity: diagnostics.Information,
			Message: fmt.Sprintf("not checked: this document is %d bytes, over the %d-byte limit of the prfaq language server; "+
				"split it or run `prfaq check` on it", len(text), maxCheckSize),
		})
	}
	doc := &document.Document{Path: path, Source: text, Mapper: document.NewMapper(text), Parts: map[document.PartKind]*document.Part{}}
	return &snapshot{uri: uri, version: version, gen: gen, doc: doc, isPRFAQ: false, findings: findings, cfg: cfg}
}

// uris lists the open documents.
func (st *store) uris() []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]string, 0, len(st.docs))
	for u := range st.docs {
		out = append(out, u)
	}
	return out
}
