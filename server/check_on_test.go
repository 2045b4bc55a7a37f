package server

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// checkOn: save publishes on open and save only; switching back to type
// publishes each change again. A bad value is reported and typing applies.
func TestCheckOnSave(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	text := readTestdata(t, "fixes.prfaq.md")
	gate := make(chan struct{})
	c := newClient(t, withServer(func(s *Server) { s.lint.gate = gate }))
	p := defaultInit()
	p.InitializationOptions = map[string]any{"prfaq": map[string]any{"checkOn": "save"}}
	c.initialize(p)
	c.open(uri, text, 1)
	gate <- struct{}{}
	c.waitVersion(uri, 1)

	pending := func() bool {
		c.sync() // every notification so far was handled
		c.srv.lint.pendingMu.Lock()
		defer c.srv.lint.pendingMu.Unlock()
		return c.srv.lint.pending[uri]
	}
	c.change(uri, 2, full(strings.Replace(text, "Ledger leverages", "Ledger leverages synergy and", 1)))
	if pending() {
		t.Fatal("checkOn save scheduled a check of a change before it was saved")
	}
	// Requests still see the new text.
	var actions []codeActionOut
	c.mustCall("textDocument/codeAction", protocol.CodeActionParams{TextDocument: docID(uri), Range: protocol.Range{Start: protocol.Position{Line: 17}, End: protocol.Position{Line: 18}}}, &actions)
	if !strings.Contains(fmt.Sprint(actions), "synergy") {
		t.Errorf("code actions do not see the unsaved change: %v", actions)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if !pending() {
		t.Fatal("the save did not schedule a check")
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case gate <- struct{}{}:
			case <-done:
				return
			}
		}
	}()
	if saved := c.waitVersion(uri, 2).Diagnostics; !hasMessage(saved, "synergy") {
		t.Errorf("the saved version's findings lack the new jargon: %v", saved)
	}

	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"checkOn": "type"}}})
	c.change(uri, 3, full(text))
	c.waitVersion(uri, 3) // typing publishes again
}

func TestCheckOnBadValue(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	p := defaultInit()
	p.InitializationOptions = map[string]any{"prfaq": map[string]any{"checkOn": "keystroke"}}
	c.initialize(p)
	c.open(uri, readTestdata(t, "fixes.prfaq.md"), 1)
	c.waitVersion(uri, 1)
	c.change(uri, 2, full(readTestdata(t, "fixes.prfaq.md")+"\n"))
	c.waitVersion(uri, 2) // typing applies
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.messages {
		if strings.Contains(m.Message, "checkOn") && strings.Contains(m.Message, "keystroke") {
			if strings.Contains(m.Message, "unknown key") {
				t.Errorf("checkOn reported as an unknown key: %s", m.Message)
			}
			return
		}
	}
	t.Errorf("no message about the bad checkOn value: %v", c.messages)
}

func hasMessage(diags []protocol.Diagnostic, s string) bool {
	for _, d := range diags {
		if strings.Contains(d.Message, s) {
			return true
		}
	}
	return false
}

// openOnSave starts a session with VS Code's capabilities (it pulls) under
// checkOn: save and opens the testdata file name in it, as version 1.
func openOnSave(t *testing.T, name string) (c *client, uri, text string) {
	t.Helper()
	root := t.TempDir()
	c = newClient(t, withSettings(map[string]any{}))
	p := clientInit(t, "vscode-initialize.json", root)
	p["initializationOptions"] = map[string]any{"prfaq": map[string]any{"checkOn": "save"}}
	c.initializeRaw(p)
	uri = string(fileURI(filepath.Join(root, "launch.prfaq.md")))
	text = readTestdata(t, name)
	c.open(uri, text, 1)
	return c, uri, text
}

// A client that pulls is told the last saved check under checkOn: save:
// an edit changes its report only once the document is saved.
func TestCheckOnSavePull(t *testing.T) {
	c, uri, _ := openOnSave(t, "launch.prfaq.md")
	first := c.pull(uri, "")
	if first.Kind != reportFull || first.ResultID == "" {
		t.Fatalf("first pull: %+v", first)
	}
	c.change(uri, 2, ranged(5, 0, 5, 0, "\n"))
	if r := c.pull(uri, first.ResultID); r.Kind != reportUnchanged {
		t.Errorf("pull after an unsaved edit: %+v, want unchanged (checkOn: save)", r)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.sync()
	var saved documentReport
	for i := 0; i < 200; i++ { // the save's check runs in the background
		if saved = c.pull(uri, first.ResultID); saved.Kind == reportFull {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if saved.Kind != reportFull || saved.ResultID == first.ResultID {
		t.Errorf("pull after the save: %+v, want a new full report", saved)
	}
}

// Under checkOn: save a pulling client is told the findings of the text as
// opened or last saved, whatever else read the unsaved text meanwhile (a
// codeAction at the cursor, as VS Code sends after every key, or a change
// of settings, which applies to the saved text).
func TestCheckOnSaveShowsSavedText(t *testing.T) {
	c, uri, text := openOnSave(t, "fixes.prfaq.md")
	first := c.pull(uri, "")
	if first.Kind != reportFull || hasMessage(reportItems(t, first), "synergy") || !hasMessage(reportItems(t, first), `"very"`) {
		t.Fatalf("first pull: %+v", first)
	}
	c.change(uri, 2, full(strings.Replace(text, "Ledger leverages", "Ledger leverages synergy and", 1)))
	var actions []codeActionOut
	c.mustCall("textDocument/codeAction", protocol.CodeActionParams{TextDocument: docID(uri), Range: protocol.Range{Start: protocol.Position{Line: 17}, End: protocol.Position{Line: 18}}}, &actions)
	if r := c.pull(uri, first.ResultID); r.Kind != reportUnchanged {
		t.Errorf("pull after an unsaved edit and a codeAction: %s, want unchanged", r.Kind)
	}
	// The settings change: the saved text is checked with them.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"checkOn": "save", "rules": map[string]any{"weasel-word": "off"}}}})
	c.sync()
	r := c.pull(uri, first.ResultID)
	if r.Kind != reportFull || hasMessage(reportItems(t, r), "synergy") || hasMessage(reportItems(t, r), `"very"`) {
		t.Errorf("pull after a change of settings: %s, %v; want the saved text's findings under the new settings", r.Kind, reportItems(t, r))
	}
}

// The same for a client that is pushed to: a change of settings publishes
// the saved text's findings under them, with the saved version.
func TestCheckOnSavePushesSavedText(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	text := readTestdata(t, "fixes.prfaq.md")
	c := newClient(t)
	p := defaultInit()
	p.InitializationOptions = map[string]any{"prfaq": map[string]any{"checkOn": "save"}}
	c.initialize(p)
	c.open(uri, text, 1)
	if first := c.waitVersion(uri, 1).Diagnostics; !hasMessage(first, `"very"`) {
		t.Fatalf("version 1: %v", first)
	}
	c.change(uri, 2, full(strings.Replace(text, "Ledger leverages", "Ledger leverages synergy and", 1)))
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"checkOn": "save", "rules": map[string]any{"weasel-word": "off"}}}})
	got := c.waitPublish(uri, func(p publishParams) bool { return !hasMessage(p.Diagnostics, `"very"`) })
	if *got.Version != 1 || hasMessage(got.Diagnostics, "synergy") {
		t.Errorf("after the change of settings: version %d, %v; want version 1's findings under them", *got.Version, got.Diagnostics)
	}
}
