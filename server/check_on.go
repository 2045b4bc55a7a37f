package server

import (
	"fmt"
	"strings"
)

// The checkOn setting: "type" (the default) checks each change as it
// comes; "save" checks a document when it is opened and when it is saved,
// for writers who do not want findings to come and go while they type.
// Requests that need the current text (code actions, symbols) still read
// it; only the diagnostics, pushed or pulled, wait for the save: they are
// the saved text's (store.go: savedText), and a change of settings checks
// the saved text again, not the edits.

// readCheckOn reads checkOn from the editor's settings; a bad value is
// reported and the default kept.
func (s *Server) readCheckOn(settings map[string]any) {
	onSave := false
	for k, v := range settings {
		if strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(k), "-", ""), "_", "") != "checkon" {
			continue
		}
		switch str, _ := v.(string); strings.ToLower(strings.TrimSpace(str)) {
		case "save":
			onSave = true
		case "type", "":
		default:
			s.showConfigError(fmt.Sprintf("settings: %s: want \"type\" or \"save\", not %v", k, v))
		}
	}
	s.config.mu.Lock()
	s.config.checkOnSave = onSave
	s.config.mu.Unlock()
}

func (s *Server) checksOnSave() bool {
	s.config.mu.Lock()
	defer s.config.mu.Unlock()
	return s.config.checkOnSave
}
