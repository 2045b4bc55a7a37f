package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

var missingOff = map[string]any{"rules": map[string]any{"missing-section": "off"}}

func noMissing(p publishParams) bool { return !hasRule(p.Diagnostics, "missing-section") }

func TestInitializationOptions(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	init := defaultInit()
	init.InitializationOptions = map[string]any{"prfaq": missingOff}
	c.initialize(init)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	if p := c.waitVersion(uri, 1); !noMissing(p) {
		t.Errorf("missing-section is off but reported: %v", p.Diagnostics)
	}
}

// didChangeConfiguration re-lints the open documents with the new settings.
func TestDidChangeConfigurationRelints(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	if p := c.waitVersion(uri, 1); noMissing(p) {
		t.Fatalf("fixture has no missing-section finding")
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": missingOff}})
	p := c.waitPublish(uri, noMissing)
	if *p.Version != 1 {
		t.Errorf("re-lint published version %d, want the document's version 1", *p.Version)
	}
}

// The server asks for the "prfaq" section after initialized and applies the
// reply whenever it comes.
func TestWorkspaceConfigurationReply(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t, withSettings(missingOff))
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	c.waitPublish(uri, noMissing)
	c.mu.Lock()
	asked := strings.Join(c.requests, ",")
	c.mu.Unlock()
	if !strings.Contains(asked, "workspace/configuration") {
		t.Errorf("server never asked for workspace/configuration: %v", asked)
	}
}

// Vim ALE never answers workspace/configuration: nothing waits for it.
func TestConfigurationNeverAnswered(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t) // settings nil: never answer
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	c.waitVersion(uri, 1)
	c.change(uri, 2, ranged(0, 0, 0, 0, "\n"))
	c.waitVersion(uri, 2)
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
	if len(syms) == 0 {
		t.Error("no outline while workspace/configuration is pending")
	}
}

// A bad key is shown to the user and the defaults (and the good keys)
// apply.
func TestBadSettingsShownNotFatal(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	init := defaultInit()
	init.InitializationOptions = map[string]any{"prfaq": map[string]any{"wordsPerPage": "lots", "rules": map[string]any{"missing-section": "off"}}}
	c.initialize(init)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	if p := c.waitVersion(uri, 1); !noMissing(p) {
		t.Errorf("the good key did not apply: %v", p.Diagnostics)
	}
	c.sync()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.messages) == 0 || !strings.Contains(c.messages[0].Message, "wordsPerPage") || c.messages[0].Type != protocol.MessageTypeWarning {
		t.Errorf("messages = %+v, want a warning naming wordsPerPage", c.messages)
	}
}

// .prfaq.yaml applies to documents below it; a watched-file change reloads
// it and re-lints.
func TestPrfaqYAML(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".prfaq.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  missing-section: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	uri := string(fileURI(filepath.Join(dir, "docs", "launch.prfaq.md")))
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	if p := c.waitVersion(uri, 1); !noMissing(p) {
		t.Fatalf(".prfaq.yaml ignored: %v", p.Diagnostics)
	}
	if err := os.WriteFile(cfg, []byte("rules:\n  missing-section: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": string(fileURI(cfg)), "type": 2}}})
	p := c.waitPublish(uri, func(p publishParams) bool { return !noMissing(p) })
	for _, d := range p.Diagnostics {
		if d.Code == "missing-section" && d.Severity != protocol.DiagnosticSeverityError {
			t.Errorf("missing-section severity %v after the config said error", d.Severity)
		}
	}
}

// A workspace/configuration reply of {} (eglot with only
// initialization options set) keeps the initializationOptions.
func TestEmptyConfigurationReplyKeepsInitOptions(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t, withSettings(map[string]any{}))
	init := defaultInit()
	init.InitializationOptions = map[string]any{"prfaq": missingOff}
	c.initialize(init)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	c.waitAnswered("workspace/configuration")
	c.change(uri, 2, ranged(0, 0, 0, 0, "\n"))
	if p := c.waitVersion(uri, 2); !noMissing(p) {
		t.Errorf("initializationOptions lost after an empty configuration reply: %v", p.Diagnostics)
	}
}

// Settings that change nothing (a client answering workspace/configuration
// with what it sent at initialize, or with nothing) check nothing again:
// no pull is asked for. Settings that change something do ask.
func TestUnchangedSettingsCheckNothing(t *testing.T) {
	c := newClient(t, withSettings(map[string]any{}))
	p := clientInit(t, "zed-initialize.reconstructed.json", t.TempDir())
	p["initializationOptions"] = map[string]any{"prfaq": missingOff}
	c.initializeRaw(p)
	const uri = "file:///ws/launch.prfaq.md"
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	first := c.pull(uri, "")
	c.waitAnswered("workspace/configuration")
	refreshes := func() int {
		c.sync() // the server's requests sent so far have reached the client
		c.mu.Lock()
		defer c.mu.Unlock()
		n := 0
		for _, m := range c.requests {
			if m == "workspace/diagnostic/refresh" {
				n++
			}
		}
		return n
	}
	before := refreshes()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": missingOff}})
	if n := refreshes(); n != before {
		t.Errorf("settings as they were: %d refresh requests, want %d", n, before)
	}
	if r := c.pull(uri, first.ResultID); r.Kind != reportUnchanged {
		t.Errorf("pull after settings as they were: %+v, want unchanged", r.Kind)
	}
	warn := map[string]any{"rules": map[string]any{"missing-section": "warning"}}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": warn}})
	if n := refreshes(); n != before+1 {
		t.Errorf("settings changed: %d refresh requests, want %d", n, before+1)
	}
	if r := c.pull(uri, first.ResultID); r.Kind != reportFull || !hasRule(reportItems(t, r), "missing-section") {
		t.Errorf("pull after missing-section was turned back on: %+v", r.Kind)
	}
}
