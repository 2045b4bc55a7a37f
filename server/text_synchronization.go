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
	d := &openDoc{
		uri:     uri,
		path:    path,
		version: p.TextDocument.Version,
		text:    []byte(p.TextDocument.Text),
		gen:     nextGen(),
		cfg:     s.configFor(path, onDisk),
		checker: new(diagnostics.Checker),
	}
	s.store.mu.Lock()
	s.store.docs[uri] = d
	s.store.mu.Unlock()
	s.lint.schedule(uri)
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
	s.store.mu.Lock()
	d := s.store.docs[uri]
	if d == nil {
		s.store.mu.Unlock()
		return nil, rpcErr(jsonrpc2.InvalidParams, "didChange for a document that is not open: %s", uri)
	}
	text := d.text
	s.store.mu.Unlock()

	text = applyChanges(text, p.ContentChanges)

	s.store.mu.Lock()
	if d := s.store.docs[uri]; d != nil {
		d.text = text
		d.version = p.TextDocument.Version
		d.gen = nextGen()
	}
	s.store.mu.Unlock()
	if !s.checksOnSave() {
		s.lint.schedule(uri)
	}
	return nil, nil
}

// applyChanges applies content changes in order: a change without a range
// replaces the text, a ranged change is converted to bytes with a Mapper
// over the text as it is at that step (positions are UTF-16, CRLF-aware).
func applyChanges(text []byte, changes []changeEvent) []byte {
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		m := document.NewMapper(text)
		start := m.Offset(fromProtocol(c.Range.Start))
		end := m.Offset(fromProtocol(c.Range.End))
		if end < start {
			start, end = end, start
		}
		out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		out = append(out, text[:start]...)
		out = append(out, c.Text...)
		out = append(out, text[end:]...)
		text = out
	}
	return text
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
	if p.Text == nil {
		return nil, nil
	}
	// Some clients (eglot) send the text although we asked them not to;
	// when it differs from ours, theirs is the truth.
	s.store.mu.Lock()
	d := s.store.docs[uri]
	changed := d != nil && !bytes.Equal(d.text, []byte(*p.Text))
	if changed {
		s.log.Printf("didSave text differs from the synced text of %s; taking the saved text", uri)
		d.text = []byte(*p.Text)
		d.gen = nextGen()
	}
	s.store.mu.Unlock()
	if changed {
		s.lint.schedule(uri)
	}
	return nil, nil
}

func (s *Server) didClose(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidCloseTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	s.store.mu.Lock()
	_, open := s.store.docs[uri]
	delete(s.store.docs, uri)
	s.store.mu.Unlock()
	if !open {
		return nil, fmt.Errorf("didClose for a document that is not open: %s", uri)
	}
	s.lint.clear(uri)
	return nil, nil
}

func fromProtocol(p protocol.Position) document.Position {
	return document.Position{Line: int(p.Line), Character: int(p.Character)}
}

func toProtocol(p document.Position) protocol.Position {
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Character)}
}

// lspRange converts a byte span through the document's Mapper.
func lspRange(doc *document.Document, sp document.Span) protocol.Range {
	r := doc.Mapper.Range(sp.Start, sp.End)
	return protocol.Range{Start: toProtocol(r.Start), End: toProtocol(r.End)}
}
