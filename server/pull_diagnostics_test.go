package server

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// clientInit reads a captured client's initialize params and points its
// workspace at root.
func clientInit(t *testing.T, name, root string) map[string]any {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal([]byte(readTestdata(t, filepath.Join("clients", name))), &p); err != nil {
		t.Fatal(err)
	}
	uri := string(fileURI(root))
	p["rootUri"], p["rootPath"] = uri, root
	p["workspaceFolders"] = []any{map[string]any{"uri": uri, "name": filepath.Base(root)}}
	return p
}

// initializeRaw initializes with raw params and returns the server's
// capabilities as JSON.
func (c *client) initializeRaw(params any) map[string]json.RawMessage {
	c.t.Helper()
	var res struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	c.mustCall("initialize", params, &res)
	c.notify("initialized", struct{}{})
	return res.Capabilities
}

func (c *client) pull(uri, previous string) documentReport {
	c.t.Helper()
	var r documentReport
	c.mustCall("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}, "previousResultId": previous}, &r)
	return r
}

func reportItems(t *testing.T, r documentReport) []protocol.Diagnostic {
	t.Helper()
	var items []protocol.Diagnostic
	if err := json.Unmarshal(r.Items, &items); err != nil || items == nil {
		t.Fatalf("items of a %s report: %s (%v)", r.Kind, r.Items, err)
	}
	return items
}

func (c *client) sent(method string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Contains(c.requests, method)
}

// The clients that offer pull diagnostics (VS Code, Helix, Zed, as
// captured) get them by pull, with resultIds and unchanged reports, are
// asked to pull again when the configuration changes, and are never pushed
// to.
func TestPullClients(t *testing.T) {
	for _, name := range []string{"vscode-initialize.json", "helix-initialize.reconstructed.json", "zed-initialize.reconstructed.json"} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			logged := new(logBuffer)
			c := newClient(t, withSettings(map[string]any{}), withLog(logged))
			caps := c.initializeRaw(clientInit(t, name, root))
			var dp diagnosticOptions
			if err := json.Unmarshal(caps["diagnosticProvider"], &dp); err != nil || dp.InterFileDependencies || !dp.WorkspaceDiagnostics {
				t.Fatalf("diagnosticProvider %s (%v)", caps["diagnosticProvider"], err)
			}
			uri := string(fileURI(filepath.Join(root, "launch.prfaq.md")))
			c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)

			first := c.pull(uri, "")
			if first.Kind != reportFull || first.ResultID == "" || !hasRule(reportItems(t, first), "missing-section") {
				t.Fatalf("first pull: %+v", first)
			}
			again := c.pull(uri, first.ResultID)
			if again.Kind != reportUnchanged || again.ResultID != first.ResultID || again.Items != nil {
				t.Errorf("pull with the current resultId: %+v, want unchanged", again)
			}
			// A blank line above the findings moves them: a new report.
			c.change(uri, 2, ranged(5, 0, 5, 0, "\n"))
			moved := c.pull(uri, first.ResultID)
			if moved.Kind != reportFull || moved.ResultID == first.ResultID {
				t.Errorf("pull after an edit: %+v, want a full report with a new resultId", moved)
			}
			before, after := reportItems(t, first), reportItems(t, moved)
			if got, want := after[len(after)-1].Range.Start.Line, before[len(before)-1].Range.Start.Line+1; got != want {
				t.Errorf("last finding on line %d after the edit, want %d", got, want)
			}

			c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"minQuestions": 9}}})
			c.waitAnswered("workspace/diagnostic/refresh")

			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			c.sync()
			if n := len(c.publishes(uri)); n != 0 {
				t.Errorf("%d publishes to a client that pulls", n)
			}
			// The log says how the findings travel (the VS Code end-to-end
			// test reads it).
			if l := logged.String(); !strings.Contains(l, "diagnostics: the client pulls them") || strings.Count(l, "diagnostics: first pull, for "+uri) != 1 {
				t.Errorf("the log does not say once that the client pulls:\n%s", l)
			}
		})
	}
}

// A client that pulls but takes no refresh request is not sent one.
func TestPullWithoutRefreshSupport(t *testing.T) {
	p := clientInit(t, "vscode-initialize.json", t.TempDir())
	ws := p["capabilities"].(map[string]any)["workspace"].(map[string]any)
	delete(ws, "diagnostics")
	c := newClient(t, withSettings(map[string]any{}))
	c.initializeRaw(p)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"minQuestions": 9}}})
	c.sync()
	if c.sent("workspace/diagnostic/refresh") {
		t.Error("workspace/diagnostic/refresh sent to a client without refreshSupport")
	}
}

// Clients that do not offer pull (Neovim 0.7, eglot, ALE) are pushed to as
// before.
func TestPushClientsArePushed(t *testing.T) {
	for _, name := range []string{"neovim-initialize.json", "emacs-eglot-initialize.json", "vim-ale-initialize.json"} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			logged := new(logBuffer)
			c := newClient(t, withLog(logged))
			c.initializeRaw(clientInit(t, name, root))
			uri := string(fileURI(filepath.Join(root, "launch.prfaq.md")))
			c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
			if p := c.waitVersion(uri, 1); !hasRule(p.Diagnostics, "missing-section") {
				t.Errorf("pushed %v", p.Diagnostics)
			}
			c.change(uri, 2, ranged(5, 0, 5, 0, "\n"))
			c.waitVersion(uri, 2)
			if l := logged.String(); !strings.Contains(l, "diagnostics: pushed") || strings.Contains(l, "pulls") {
				t.Errorf("the log does not say the findings are pushed:\n%s", l)
			}
		})
	}
}

// workspace/diagnostic reports the open documents (with their version) and
// the PR/FAQs on disk (version null), not other Markdown; a second pull
// with the resultIds is all unchanged; a PR/FAQ deleted from disk gets an
// empty report.
func TestWorkspaceDiagnostic(t *testing.T) {
	root := t.TempDir()
	launch := readTestdata(t, "launch.prfaq.md")
	write := func(name, text string) string {
		path := filepath.Join(root, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return string(fileURI(path))
	}
	diskURI := write("disk.prfaq.md", launch)
	write("notes.md", "# Notes\n\nNothing to see.\n")
	openURI := write("open.prfaq.md", "# Stale text on disk\n")

	c := newClient(t, withSettings(map[string]any{}))
	c.initializeRaw(clientInit(t, "zed-initialize.reconstructed.json", root))
	c.open(openURI, launch, 7)

	var first workspaceReport
	c.mustCall("workspace/diagnostic", map[string]any{"previousResultIds": []any{}}, &first)
	byURI := map[string]workspaceDocumentReport{}
	for _, it := range first.Items {
		byURI[it.URI] = it
	}
	if len(first.Items) != 2 {
		t.Fatalf("reported %d documents, want the open one and the PR/FAQ on disk: %+v", len(first.Items), first.Items)
	}
	open, disk := byURI[openURI], byURI[diskURI]
	if open.Version == nil || *open.Version != 7 || open.Kind != reportFull || !hasRule(reportItems(t, open.documentReport), "missing-section") {
		t.Errorf("open document: %+v", open)
	}
	if disk.Version != nil || disk.Kind != reportFull || !hasRule(reportItems(t, disk.documentReport), "missing-section") {
		t.Errorf("document on disk: %+v", disk)
	}
	// Same text, same findings, same resultId, open or not.
	if open.ResultID != disk.ResultID {
		t.Errorf("resultIds differ for the same text: %s %s", open.ResultID, disk.ResultID)
	}

	previous := []any{}
	for _, it := range first.Items {
		previous = append(previous, map[string]any{"uri": it.URI, "value": it.ResultID})
	}
	var second workspaceReport
	c.mustCall("workspace/diagnostic", map[string]any{"previousResultIds": previous}, &second)
	for _, it := range second.Items {
		if it.Kind != reportUnchanged || it.Items != nil {
			t.Errorf("second pull of %s: %+v, want unchanged", it.URI, it)
		}
	}

	if err := os.Remove(filepath.Join(root, "disk.prfaq.md")); err != nil {
		t.Fatal(err)
	}
	var third workspaceReport
	c.mustCall("workspace/diagnostic", map[string]any{"previousResultIds": previous}, &third)
	cleared := false
	for _, it := range third.Items {
		if it.URI == diskURI {
			cleared = it.Kind == reportFull && len(reportItems(t, it.documentReport)) == 0
		}
	}
	if !cleared {
		t.Errorf("deleted file not cleared: %+v", third.Items)
	}
}

// A client that pulls is asked to pull again when a check over its time
// budget ends, and then gets the real findings in place of the one that
// said the check takes too long.
func TestPullAfterSlowCheck(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	c := newClient(t, withServer(func(s *Server) {
		s.checkBudget = time.Millisecond
		s.beforeCheck = func(string) { once.Do(func() { <-release }) }
	}))
	c.initializeRaw(clientInit(t, "zed-initialize.reconstructed.json", t.TempDir()))
	const uri = "file:///slow/launch.prfaq.md"
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	first := c.pull(uri, "")
	if items := reportItems(t, first); len(items) != 1 || items[0].Code != tooComplexRule {
		t.Fatalf("pull during the slow check: %v", items)
	}
	c.sync()
	if c.sent("workspace/diagnostic/refresh") {
		t.Fatal("refresh sent before the slow check ended")
	}
	close(release)
	c.waitAnswered("workspace/diagnostic/refresh")
	late := c.pull(uri, first.ResultID)
	if late.Kind != reportFull || hasRule(reportItems(t, late), tooComplexRule) || !hasRule(reportItems(t, late), "missing-section") {
		t.Errorf("pull after the slow check: %+v", late)
	}
}

// A pull report is written by hand (appendJSON) and framed by
// writeResult: byte for byte what encoding/json and write give.
func TestPreEncodedReportMatchesEncodingJSON(t *testing.T) {
	items := json.RawMessage(`[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},"code":"placeholder","source":"prfaq","message":"say \"what\"","data":{"rule":"placeholder"}}]`)
	for _, r := range []documentReport{
		{Kind: reportFull, ResultID: "abc123", Items: items},
		{Kind: reportFull, ResultID: "x", Items: noItems},
		{Kind: reportUnchanged, ResultID: "abc123"},
		{Kind: reportFull, Items: noItems},
	} {
		for _, id := range []json.RawMessage{json.RawMessage(`7`), json.RawMessage(`"req-1"`)} {
			var want, got bytes.Buffer
			if err := (&frameWriter{w: &want}).write(responseMsg{JSONRPC: "2.0", ID: id, Result: r}); err != nil {
				t.Fatal(err)
			}
			fw := &frameWriter{w: &got}
			for range 2 { // the second frame reuses the first one's buffer
				got.Reset()
				if err := fw.writeResult(id, r); err != nil {
					t.Fatal(err)
				}
			}
			if got.String() != want.String() {
				t.Errorf("report %+v, id %s:\n got %q\nwant %q", r, id, got.String(), want.String())
			}
		}
	}
}

// logBuffer collects what the server logs, for tests that read it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// withLog copies the server's log to w as well as to the test's log.
func withLog(w io.Writer) clientOption {
	return withServer(func(s *Server) { s.log.SetOutput(io.MultiWriter(s.log.Writer(), w)) })
}

// A pull of a version not read yet is answered off the handler goroutine
// even when no check of it runs yet (the linter has not got to it), so
// the requests VS Code sends after it are answered meanwhile from the last
// finished reading. Here the linter is held at its gate and the check the
// pull starts is held too: a pull that checked on the handler goroutine
// would hold up the outline for ever.
func TestPullNeverHoldsTheSession(t *testing.T) {
	gate := make(chan struct{})
	h := newCheckHold(t)
	holding, held, release, deferred := &h.holding, h.held, h.release, h.deferred
	c := newClient(t, withServer(func(s *Server) {
		s.lint.gate = gate
		h.install(s)
	}))
	t.Cleanup(func() { close(gate) })
	c.initializeRaw(clientInit(t, "zed-initialize.reconstructed.json", t.TempDir()))
	const uri = "file:///pull/launch.prfaq.md"
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	first := c.pull(uri, "") // checked by the pull: the linter is held
	if len(reportItems(t, first)) == 0 {
		t.Fatal("version 1 has no findings")
	}

	holding.Store(true)
	c.change(uri, 2, ranged(0, 0, 0, 0, "\n"))
	pulled := make(chan documentReport, 1)
	go func() { pulled <- c.pull(uri, first.ResultID) }()
	waitDeferred(t, deferred, "textDocument/diagnostic")
	waitHeld(t, held, uri) // version 2's check, started by the pull, is held
	var symbols json.RawMessage
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &symbols)
	if !strings.Contains(string(symbols), "How much does it cost?") {
		t.Errorf("outline from the last reading: %s", symbols)
	}
	select {
	case <-pulled:
		t.Fatal("the pull was answered while version 2's check is held")
	default:
	}
	release <- struct{}{}
	holding.Store(false)
	select {
	case r := <-pulled:
		if r.Kind != reportFull || len(reportItems(t, r)) == 0 {
			t.Errorf("version 2's report: %+v", r)
		}
	case <-time.After(watchdog):
		t.Fatal("no answer to the pull after the check was released")
	}
}
