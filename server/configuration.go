package server

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
)

// Configuration comes in layers: the built-in defaults, the editor's
// "prfaq" settings (initializationOptions, didChangeConfiguration or a
// workspace/configuration reply: the newest wins), then the .prfaq.yaml
// found by walking up from the document. A bad key is reported to the user
// once and keeps its default; it never stops the server.
type configState struct {
	mu   sync.Mutex
	base *diagnostics.Config
	// byDir caches the effective config of a folder: ForFile walks up and
	// reads YAML, which is too slow to repeat on every open.
	byDir map[string]*diagnostics.Config
	// shown remembers problems already shown, so one bad key is not
	// repeated on every document.
	shown map[string]bool
	// The editor's layers: initializationOptions, then the newest pushed or
	// pulled settings.
	initOpts, settings map[string]any
	// merged is what the layers gave when last applied (empty: the
	// defaults), so settings that change nothing re-check nothing.
	merged map[string]any
	// checkOnSave: publish diagnostics on open and save only (check_on.go).
	checkOnSave bool
}

func newConfigState() *configState {
	return &configState{base: diagnostics.Default(), byDir: map[string]*diagnostics.Config{}, shown: map[string]bool{}, merged: map[string]any{}}
}

// settingsSection extracts the "prfaq" section from a settings object.
// It accepts {"prfaq": {...}} and, from plugins that pass the section
// itself, a bare object; it returns nil when there is nothing to apply.
func settingsSection(v any) map[string]any {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return nil
	}
	if sec, ok := m["prfaq"]; ok {
		sm, _ := sec.(map[string]any)
		if sm == nil {
			return map[string]any{}
		}
		return sm
	}
	return m
}

// applySettings replaces one editor layer and re-lints open documents.
// initializationOptions form the lower layer; didChangeConfiguration and
// workspace/configuration replies the upper one, key by key: a client that
// answers workspace/configuration with {} (its settings are empty, its
// initializationOptions are not) keeps what it sent at initialize.
func (s *Server) applySettings(settings map[string]any, from string) {
	s.config.mu.Lock()
	if from == "initializationOptions" {
		s.config.initOpts = settings
	} else {
		s.config.settings = settings
	}
	merged := map[string]any{}
	for k, v := range s.config.initOpts {
		merged[k] = v
	}
	for k, v := range s.config.settings {
		merged[k] = v
	}
	// Most clients answer workspace/configuration with what they sent at
	// initialize, or with nothing, right after the documents are opened:
	// checking every open document again then would change nothing, and
	// under checkOn: save it would check edits not yet saved.
	if reflect.DeepEqual(merged, s.config.merged) {
		s.config.mu.Unlock()
		return
	}
	s.config.merged = merged
	s.config.mu.Unlock()

	s.readCheckOn(merged)
	cfg := diagnostics.Default()
	if err := cfg.ApplyMap(merged); err != nil {
		s.showConfigError(err.Error())
	}
	s.config.mu.Lock()
	s.config.base = cfg
	clear(s.config.byDir)
	s.config.mu.Unlock()
	s.relintAll()
}

// reloadConfig forgets cached .prfaq.yaml files and re-lints.
func (s *Server) reloadConfig() {
	s.config.mu.Lock()
	clear(s.config.byDir)
	clear(s.config.shown)
	s.config.mu.Unlock()
	s.relintAll()
}

// configFor returns the configuration for a document path.
func (s *Server) configFor(path string, onDisk bool) *diagnostics.Config {
	s.config.mu.Lock()
	base := s.config.base
	if !onDisk {
		s.config.mu.Unlock()
		return base
	}
	dir := filepath.Dir(path)
	if c, ok := s.config.byDir[dir]; ok {
		s.config.mu.Unlock()
		return c
	}
	s.config.mu.Unlock()

	c, cfgPath, err := diagnostics.ForFile(base, path)
	if err != nil {
		s.showConfigError(err.Error())
	}
	if cfgPath != "" {
		s.log.Printf("%s: using %s", path, cfgPath)
	}
	s.config.mu.Lock()
	if s.config.base == base {
		s.config.byDir[dir] = c
	}
	s.config.mu.Unlock()
	return c
}

// relintAll gives every open document its (possibly new) configuration and
// schedules it.
func (s *Server) relintAll() {
	for _, uri := range s.store.uris() {
		path, onDisk := uriPath(uri)
		cfg := s.configFor(path, onDisk)
		s.update(uri, false, true, func(d *openDoc, _ uint64) bool {
			changed := d.cfg != cfg
			if changed {
				d.cfg, d.saved = cfg, nil // the saved text is checked again, under cfg
			}
			return changed
		})
	}
	// Files on disk may have new findings too: a pulling client asks again.
	s.refreshDiagnostics()
}

func (s *Server) showConfigError(msg string) {
	s.config.mu.Lock()
	seen := s.config.shown[msg]
	s.config.shown[msg] = true
	s.config.mu.Unlock()
	s.log.Printf("configuration: %s", msg)
	if seen {
		return
	}
	s.notify("window/showMessage", protocol.ShowMessageParams{
		Type:    protocol.MessageTypeWarning,
		Message: "prfaq: configuration problem (defaults apply): " + msg,
	})
}

// requestConfiguration asks the client for the "prfaq" section. The reply
// is handled whenever it comes; a client that never answers (Vim ALE) just
// keeps the settings it already gave.
func (s *Server) requestConfiguration() {
	s.request("workspace/configuration", protocol.ConfigurationParams{
		Items: []protocol.ConfigurationItem{{Section: "prfaq"}},
	}, func(result json.RawMessage, err *wireError) {
		if err != nil {
			s.log.Printf("workspace/configuration: %v", err)
			return
		}
		var items []any
		if json.Unmarshal(result, &items) != nil || len(items) == 0 || items[0] == nil {
			return
		}
		// The reply is the section's value itself, not wrapped in "prfaq".
		m, ok := items[0].(map[string]any)
		if !ok {
			return
		}
		s.applySettings(m, "workspace/configuration")
	})
}

func (s *Server) didChangeConfiguration(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		Settings any `json:"settings"`
	}
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	if m, ok := p.Settings.(map[string]any); ok {
		if sec, ok := m["prfaq"].(map[string]any); ok {
			s.applySettings(sec, "settings")
			return nil, nil
		}
	}
	// No section pushed (VS Code's "settings": null, or another server's
	// section): pull ours.
	s.requestConfiguration()
	return nil, nil
}

func (s *Server) didChangeWatchedFiles(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidChangeWatchedFilesParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	for _, c := range p.Changes {
		if c == nil {
			continue
		}
		if path, _ := uriPath(string(c.URI)); filepath.Base(path) == diagnostics.ConfigFileName {
			s.reloadConfig()
			break
		}
	}
	s.ws.forget()
	return nil, nil
}
