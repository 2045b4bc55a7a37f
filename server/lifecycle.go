package server

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// clientCaps is what the server needs to know about the client, read once
// from initialize.
type clientCaps struct {
	hierarchicalSymbols bool
	snippets            bool
	hoverMarkdown       bool
	configuration       bool
	watchRegistration   bool
	actions             actionCaps
	// pull: the client offers pull diagnostics (LSP 3.17
	// textDocument.diagnostic), so the server never pushes to it.
	pull bool
	// diagnosticRefresh: the client accepts workspace/diagnostic/refresh.
	diagnosticRefresh bool
	// positionEncodings the client offers (general.positionEncodings).
	positionEncodings []string
}

// caps317 are the LSP 3.17 client capabilities protocol v0.12.0 does not
// declare. Helix puts refreshSupport under workspace.diagnostic, not the
// specification's workspace.diagnostics: both are read.
type caps317 struct {
	Capabilities struct {
		General *struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		TextDocument *struct {
			Diagnostic json.RawMessage `json:"diagnostic"`
		} `json:"textDocument"`
		Workspace *struct {
			Diagnostics *refreshCaps `json:"diagnostics"`
			Diagnostic  *refreshCaps `json:"diagnostic"`
		} `json:"workspace"`
	} `json:"capabilities"`
}

type refreshCaps struct {
	RefreshSupport bool `json:"refreshSupport"`
}

// read317 adds the 3.17 capabilities of raw initialize params to cc; params
// it cannot read leave cc as it is.
func read317(raw json.RawMessage, cc *clientCaps) {
	var p caps317
	if len(raw) == 0 || json.Unmarshal(raw, &p) != nil {
		return
	}
	c := p.Capabilities
	if g := c.General; g != nil {
		cc.positionEncodings = g.PositionEncodings
	}
	if td := c.TextDocument; td != nil {
		d := bytes.TrimSpace(td.Diagnostic)
		cc.pull = len(d) > 0 && !bytes.Equal(d, []byte("null"))
	}
	if ws := c.Workspace; ws != nil {
		cc.diagnosticRefresh = (ws.Diagnostics != nil && ws.Diagnostics.RefreshSupport) ||
			(ws.Diagnostic != nil && ws.Diagnostic.RefreshSupport)
	}
}

func readCaps(c protocol.ClientCapabilities) clientCaps {
	var cc clientCaps
	cc.actions = readActionCaps(c)
	if td := c.TextDocument; td != nil {
		if ds := td.DocumentSymbol; ds != nil {
			cc.hierarchicalSymbols = ds.HierarchicalDocumentSymbolSupport
		}
		if co := td.Completion; co != nil && co.CompletionItem != nil {
			cc.snippets = co.CompletionItem.SnippetSupport
		}
		if h := td.Hover; h != nil {
			for _, k := range h.ContentFormat {
				if k == protocol.Markdown {
					cc.hoverMarkdown = true
				}
			}
		}
	}
	if ws := c.Workspace; ws != nil {
		cc.configuration = ws.Configuration
		if w := ws.DidChangeWatchedFiles; w != nil {
			cc.watchRegistration = w.DynamicRegistration
		}
	}
	return cc
}

func (s *Server) initialize(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.InitializeParams
	if err := decode(raw, &p); err != nil {
		// A client whose capabilities do not fit the pinned types still gets
		// a server, with conservative defaults.
		s.log.Printf("initialize: %v; using default capabilities", err)
		p = protocol.InitializeParams{}
	}
	s.caps = readCaps(p.Capabilities)
	read317(raw, &s.caps)
	s.enc = negotiateEncoding(s.caps.positionEncodings)
	s.ws.setRoots(p.RootURI, p.RootPath, p.WorkspaceFolders)
	if p.ClientInfo != nil {
		s.log.Printf("client: %s %s", p.ClientInfo.Name, p.ClientInfo.Version)
	}
	// Said once, so that a user (and the editor tests) can tell how the
	// findings travel.
	if s.caps.pull {
		s.log.Printf("diagnostics: the client pulls them (textDocument/diagnostic); none are pushed; positions in %s", s.enc)
	} else {
		s.log.Printf("diagnostics: pushed (publishDiagnostics), the client offers no pull; positions in %s", s.enc)
	}
	// initializationOptions: {"prfaq": {…}}; a bare settings object is
	// accepted too, as some plugins pass the section itself.
	if opts := settingsSection(p.InitializationOptions); opts != nil {
		s.applySettings(opts, "initializationOptions")
	}
	s.initialized = true
	return initializeResult{
		Capabilities: serverCapabilities{ServerCapabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: true,
				Change:    protocol.TextDocumentSyncKindIncremental,
				Save:      &protocol.SaveOptions{IncludeText: false},
			},
			CompletionProvider:      &protocol.CompletionOptions{TriggerCharacters: []string{"#"}},
			HoverProvider:           true,
			DocumentSymbolProvider:  true,
			CodeActionProvider:      protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, sourceFixAll}, ResolveProvider: true},
			CodeLensProvider:        &protocol.CodeLensOptions{},
			FoldingRangeProvider:    true,
			WorkspaceSymbolProvider: true,
		},
			PositionEncoding:   s.enc.String(),
			DiagnosticProvider: &diagnosticOptions{Identifier: "prfaq", InterFileDependencies: false, WorkspaceDiagnostics: true},
		},
		ServerInfo: &protocol.ServerInfo{Name: "prfaq-lsp", Version: s.opts.Version},
	}, nil
}

// negotiateEncoding picks the position encoding from those the client
// offers: UTF-8 if offered (no conversion of columns at all: goldmark and
// the engine count bytes), else UTF-16 (which every client must support),
// else UTF-32; UTF-16 when the client offers none.
func negotiateEncoding(offered []string) document.Encoding {
	has := func(name string) bool {
		for _, o := range offered {
			if strings.EqualFold(o, name) {
				return true
			}
		}
		return false
	}
	switch {
	case has("utf-8"):
		return document.UTF8
	case has("utf-16") || !has("utf-32"):
		return document.UTF16
	}
	return document.UTF32
}

// initializedNotification asks for the "prfaq" settings and a watch on
// .prfaq.yaml. Neither waits for the reply.
func (s *Server) initializedNotification(ctx context.Context, raw json.RawMessage) (any, error) {
	s.clientReady.Store(true)
	s.requestConfiguration()
	if s.caps.watchRegistration {
		s.request("client/registerCapability", protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID:     "prfaq-config-watch",
			Method: "workspace/didChangeWatchedFiles",
			RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{
				Watchers: []protocol.FileSystemWatcher{{GlobPattern: "**/.prfaq.yaml"}},
			},
		}}}, func(_ json.RawMessage, err *wireError) {
			if err != nil {
				s.log.Printf("registerCapability: %v", err)
			}
		})
	}
	return nil, nil
}

// shutdownRequest accepts any params ({} and null included).
func (s *Server) shutdownRequest(ctx context.Context, raw json.RawMessage) (any, error) {
	// Answers still being worked on off the handler goroutine go out
	// before the answer to shutdown (bounded).
	s.waitAsync(asyncGrace)
	s.shutdown = true
	return nil, nil
}

// exit ends the session: code 0 after shutdown, 1 without.
func (s *Server) exit(ctx context.Context, raw json.RawMessage) (any, error) {
	s.exitReceived = true
	if s.shutdown {
		s.exitCode = 0
	} else {
		s.exitCode = 1
	}
	return nil, nil
}
