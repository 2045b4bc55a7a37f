package server

import (
	"context"
	"sort"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// linter lints changed documents off the handler goroutine. schedule only
// marks a URI dirty; the worker lints whatever version is newest when it
// gets to it, so a burst of keystrokes costs one lint.
type linter struct {
	s         *Server
	pendingMu sync.Mutex
	pending   map[string]bool
	wake      chan struct{}
	// publishMu orders publishes against didClose's clearing publish, so
	// that a result computed before a close is never sent after it. It
	// guards publishBuf, the publish encoded last, reused for the next.
	publishMu  sync.Mutex
	publishBuf []byte
	// Test hooks, nil in production: gate holds the worker before it takes
	// the pending set; beforePublish runs between linting and publishing.
	gate          chan struct{}
	beforePublish func(*snapshot)
}

func newLinter(s *Server) *linter {
	return &linter{s: s, pending: map[string]bool{}, wake: make(chan struct{}, 1)}
}

func (l *linter) schedule(uri string) {
	l.pendingMu.Lock()
	l.pending[uri] = true
	l.pendingMu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *linter) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-l.wake:
		}
		if l.gate != nil {
			<-l.gate
		}
		l.pendingMu.Lock()
		uris := make([]string, 0, len(l.pending))
		for u := range l.pending {
			uris = append(uris, u)
		}
		clear(l.pending)
		l.pendingMu.Unlock()
		sort.Strings(uris)
		for _, u := range uris {
			if ctx.Err() != nil {
				return
			}
			l.s.safely("lint "+u, func() { l.lintOne(u) })
		}
	}
}

// lintOne checks the newest version of a document and pushes its
// diagnostics; for a client that pulls, it only has the snapshot ready for
// the pull.
func (l *linter) lintOne(uri string) {
	var snap *snapshot
	if l.s.checksOnSave() {
		snap = l.s.checkedSnapshot(uri) // the text as opened or last saved
	} else {
		snap = l.s.snapshot(uri)
	}
	if snap == nil || l.s.caps.pull {
		return // closed meanwhile, or pulled
	}
	if l.beforePublish != nil {
		l.beforePublish(snap)
	}
	l.publish(snap)
}

// publish sends a snapshot's diagnostics unless the document has moved on
// (a newer change will be linted and published) or was closed.
func (l *linter) publish(snap *snapshot) {
	l.publishMu.Lock()
	defer l.publishMu.Unlock()
	st := l.s.store
	onSave := l.s.checksOnSave()
	st.docsMu.Lock()
	d := st.docs[snap.uri]
	// under checkOn: save what is shown is the saved text's check, made
	// under an older gen when the text changed since
	current := d != nil && (d.gen == snap.gen || onSave && d.saved == snap) && d.published != snap.gen
	if current {
		d.published = snap.gen
	}
	st.docsMu.Unlock()
	if !current {
		return
	}
	v := snap.version
	l.publishDiagnostics(snap.uri, &v, snap.cfg, snap.tails, snap.doc, snap.findings)
}

// publishDiagnostics encodes a publish into publishBuf and sends it; the
// caller holds publishMu. At 40,000 words a new buffer for every keystroke
// was a third of the server's garbage.
func (l *linter) publishDiagnostics(uri string, version *int32, cfg *diagnostics.Config, tails *encodedTails, doc *document.Document, findings []diagnostics.Finding) {
	buf := appendPublish(l.publishBuf[:0], l.s.enc, cfg, tails, uri, version, doc, findings)
	if err := l.s.out.writeBody(buf); err != nil {
		l.s.log.Printf("write: %v", err)
	}
	l.publishBuf = nil
	if cap(buf) <= maxKeptBuffer {
		l.publishBuf = buf[:0]
	}
}

// clear publishes an empty list for a closed document (a client that pulls
// forgets a closed document's diagnostics itself).
func (l *linter) clear(uri string) {
	l.pendingMu.Lock()
	delete(l.pending, uri)
	l.pendingMu.Unlock()
	if l.s.caps.pull {
		return
	}
	l.publishMu.Lock()
	defer l.publishMu.Unlock()
	l.publishDiagnostics(uri, nil, nil, nil, nil, nil)
}

// publishParams is PublishDiagnosticsParams with a pointer version (what
// tests decode publishes into; appendPublish writes them):
// protocol v0.12.0's uint32 with omitempty drops version 0, which Neovim
// uses for didOpen.
type publishParams struct {
	URI         protocol.DocumentURI  `json:"uri"`
	Version     *int32                `json:"version,omitempty"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

func toDiagnostic(enc document.Encoding, cfg *diagnostics.Config, doc *document.Document, f diagnostics.Finding) protocol.Diagnostic {
	// data carries the rule and the finding's own data (section, phrase,
	// question…): what a quick fix needs to find the finding again. The
	// fixes themselves are computed by codeAction from the current text,
	// so they never go stale and do not weigh on every publish.
	data := map[string]any{"rule": f.Rule}
	for k, v := range f.Data {
		data[k] = v
	}
	d := protocol.Diagnostic{
		Range:    lspRange(enc, doc, f.Span),
		Severity: protocol.DiagnosticSeverity(f.Severity),
		Code:     f.Rule,
		Source:   "prfaq",
		Message:  f.Message,
		Data:     data,
	}
	// The link to the rule's section of the rule reference.
	if href := cfg.RuleHref(f.Rule); href != "" {
		d.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(href)}
	}
	return d
}
