package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
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
	s.ws.setRoots(p.RootURI, p.RootPath, p.WorkspaceFolders)
	if p.ClientInfo != nil {
		s.log.Printf("client: %s %s", p.ClientInfo.Name, p.ClientInfo.Version)
	}
	// initializationOptions: {"prfaq": {…}}; a bare settings object is
	// accepted too, as some plugins pass the section itself.
	if opts := settingsSection(p.InitializationOptions); opts != nil {
		s.applySettings(opts, "initializationOptions")
	}
	s.initialized = true
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
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
			// No positionEncoding: the server speaks UTF-16 only, which is
			// what a client assumes when the field is absent.
		},
		ServerInfo: &protocol.ServerInfo{Name: "prfaq-lsp", Version: s.opts.Version},
	}, nil
}

// initializedNotification asks for the "prfaq" settings and a watch on
// .prfaq.yaml. Neither waits for the reply.
func (s *Server) initializedNotification(ctx context.Context, raw json.RawMessage) (any, error) {
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
