package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func (s *Server) didOpen(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidOpenTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	path, onDisk := uriPath(uri)
	cfg := s.configFor(path, onDisk)
	s.update(uri, true, true, func(d *openDoc, _ uint64) bool {
		d.version = p.TextDocument.Version
		d.text = []byte(p.TextDocument.Text)
		d.cfg = cfg
		d.savedText, d.savedVersion = d.text, d.version
		return true
	})
	return nil, nil
}

// changeEvent is TextDocumentContentChangeEvent with Range as a pointer:
// protocol v0.12.0 declares Range as a value, so a full-text change (no
// range) would decode as an edit at 0:0–0:0 and insert the whole text again.
type changeEvent struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []changeEvent                            `json:"contentChanges"`
}

func (s *Server) didChange(ctx context.Context, raw json.RawMessage) (any, error) {
	var p didChangeParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	d, open := s.store.get(uri)
	if !open {
		return nil, rpcErr(jsonrpc2.InvalidParams, "didChange for a document that is not open: %s", uri)
	}
	// Computed without the lock: only handlers write text (see store.go).
	text := applyChanges(s.enc, d.text, mapperOf(d.snap, d.text), p.ContentChanges)
	s.update(uri, false, !s.checksOnSave(), func(d *openDoc, _ uint64) bool {
		d.text = text
		d.version = p.TextDocument.Version
		return true
	})
	return nil, nil
}

// applyChanges applies content changes in order: a change without a range
// replaces the text, a ranged change is converted to bytes with a Mapper
// over the text as it is at that step (positions in the session's
// encoding, CRLF-aware). known, when not nil, is a Mapper of text as given
// (the last check's): making one scans the whole text, a tenth of a
// keystroke's work at 40,000 words.
func applyChanges(enc document.Encoding, text []byte, known *document.Mapper, changes []changeEvent) []byte {
	for i, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			known = nil
			continue
		}
		m := known
		if i > 0 || m == nil {
			m = document.NewMapper(text)
		}
		start := lspOffset(enc, m, c.Range.Start)
		end := lspOffset(enc, m, c.Range.End)
		if end < start {
			start, end = end, start
		}
		// bytes.Join does not zero what it is about to fill (make does).
		text = bytes.Join([][]byte{text[:start], []byte(c.Text), text[end:]}, nil)
	}
	return text
}

// mapperOf is the Mapper the last finished check made of text, or nil when
// that check read other text (or there is none).
func mapperOf(snap *snapshot, text []byte) *document.Mapper {
	if snap == nil || snap.doc == nil || snap.doc.Mapper == nil || !sameSlice(snap.doc.Source, text) {
		return nil
	}
	return snap.doc.Mapper
}

// sameSlice: the same bytes in memory. Texts are never changed in place
// (store.go), so the same slice is the same text.
func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func (s *Server) didSave(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
		Text         *string                         `json:"text,omitempty"`
	}
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	if path, onDisk := uriPath(uri); onDisk && filepath.Base(path) == diagnostics.ConfigFileName {
		s.reloadConfig()
	}
	if s.checksOnSave() {
		defer s.lint.schedule(uri) // after the saved text, if sent, is taken
	}
	// Some clients (eglot) send the text although we asked them not to;
	// when it differs from ours, theirs is the truth.
	if p.Text != nil {
		s.update(uri, false, true, func(d *openDoc, _ uint64) bool {
			if bytes.Equal(d.text, []byte(*p.Text)) {
				return false
			}
			s.log.Printf("didSave text differs from the synced text of %s; taking the saved text", uri)
			d.text = []byte(*p.Text)
			return true
		})
	}
	// What checkOn: save shows from now on; not a change of the
	// document, so no new gen.
	s.update(uri, false, false, func(d *openDoc, _ uint64) bool {
		d.savedText, d.savedVersion, d.saved = d.text, d.version, nil
		if d.snap != nil {
			d.keep(d.snap)
		}
		return false
	})
	return nil, nil
}

func (s *Server) didClose(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidCloseTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	if !s.store.remove(uri) {
		return nil, fmt.Errorf("didClose for a document that is not open: %s", uri)
	}
	s.lint.clear(uri)
	return nil, nil
}

// Every position in and out goes through these two, in the encoding the
// session negotiated (Server.enc), with the document's Mapper.

// lspOffset converts an LSP position to a byte offset.
func lspOffset(enc document.Encoding, m *document.Mapper, p protocol.Position) int {
	return m.OffsetIn(enc, document.Position{Line: int(p.Line), Character: int(p.Character)})
}

// lspRange converts a byte span to an LSP range.
func lspRange(enc document.Encoding, doc *document.Document, sp document.Span) protocol.Range {
	r := doc.Mapper.RangeIn(enc, sp.Start, sp.End)
	return protocol.Range{Start: toProtocol(r.Start), End: toProtocol(r.End)}
}

func toProtocol(p document.Position) protocol.Position {
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}
