package server

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
)

func TestPublishDiagnosticsShape(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	// Neovim opens with version 0: it must still go out as "version": 0.
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 0)
	p := c.waitPublish(uri, func(p publishParams) bool { return true })
	if p.Version == nil || *p.Version != 0 {
		t.Fatalf("version = %v, want 0", p.Version)
	}
	found := false
	for _, d := range p.Diagnostics {
		if d.Source != "prfaq" {
			t.Errorf("source = %q", d.Source)
		}
		code, ok := d.Code.(string)
		if !ok || code == "" {
			t.Errorf("code = %v, want the rule id", d.Code)
		}
		if d.Severity < 1 || d.Severity > 4 {
			t.Errorf("severity = %v", d.Severity)
		}
		data, _ := d.Data.(map[string]any)
		if data["rule"] != code {
			t.Errorf("data.rule = %v, want %s", data["rule"], code)
		}
		if code == "missing-section" && data["section"] == "subheading" {
			found = true
			// The finding sits on the headline line (line 4, 0-based).
			if d.Range.Start.Line != 4 {
				t.Errorf("missing subheading on line %d, want 4", d.Range.Start.Line)
			}
		}
	}
	if !found {
		t.Errorf("no missing-section finding with data.section=subheading in %v", p.Diagnostics)
	}

	// Closing clears the diagnostics with [] (never null: the harness
	// fails on null).
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.waitPublish(uri, func(p publishParams) bool { return len(p.Diagnostics) == 0 && p.Version == nil })
}

// A burst of changes is linted once, for the newest version. The linter is
// held at its gate until every change has been handled, so the test does
// not depend on timing.
func TestBurstLintedOnceForNewestVersion(t *testing.T) {
	const uri = "file:///ws/burst.prfaq.md"
	gate := make(chan struct{})
	c := newClient(t, withServer(func(s *Server) { s.lint.gate = gate }))
	c.initialize(nil)
	text := readTestdata(t, "launch.prfaq.md")
	c.open(uri, text, 1)
	for v := int32(2); v <= 40; v++ {
		c.change(uri, v, ranged(0, 0, 0, 0, "x"))
	}
	c.sync() // every change handled
	close(gate)
	c.waitVersion(uri, 40)
	c.sync()
	pubs := c.publishes(uri)
	if len(pubs) != 1 {
		versions := []int32{}
		for _, p := range pubs {
			versions = append(versions, *p.Version)
		}
		t.Fatalf("published versions %v, want only 40", versions)
	}
}

// A result computed for a version that changed before it could be
// published is dropped; the newer version is published instead.
func TestStaleResultNeverPublished(t *testing.T) {
	const uri = "file:///ws/stale.prfaq.md"
	var c *client
	changed := false
	hook := func(snap *snapshot) {
		if snap.version != 1 || changed {
			return
		}
		changed = true
		// A keystroke arrives while version 1's result is on its way out.
		c.change(uri, 2, ranged(0, 0, 0, 0, "y"))
		deadline := time.Now().Add(watchdog)
		for {
			d, _ := c.srv.store.get(uri)
			if d.version == 2 || time.Now().After(deadline) {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}
	c = newClient(t, withServer(func(s *Server) { s.lint.beforePublish = hook }))
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	c.waitVersion(uri, 2)
	for _, p := range c.publishes(uri) {
		if *p.Version == 1 {
			t.Errorf("stale diagnostics for version 1 were published after version 2 existed")
		}
	}
}

// Non-PR/FAQ Markdown gets an empty list, not findings.
func TestNonPRFAQHasNoDiagnostics(t *testing.T) {
	const uri = "file:///ws/README.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, "# My project\n\nSome very leveraged synergy TBD.\n", 3)
	p := c.waitVersion(uri, 3)
	if len(p.Diagnostics) != 0 {
		t.Errorf("README got %v", p.Diagnostics)
	}
}

// A request right after a change answers for the new text, whether or not
// the background lint has caught up; while the linter is held, the handler
// lints the version itself and the linter then publishes that same result.
func TestRequestsSeeNewestText(t *testing.T) {
	const uri = "file:///ws/ledger.prfaq.md"
	gate := make(chan struct{})
	c := newClient(t, withServer(func(s *Server) { s.lint.gate = gate }))
	c.initialize(nil)
	src := readTestdata(t, "ledger.prfaq.md")
	c.open(uri, src, 1)
	lines := strings.Count(src[:strings.Index(src, "\n## Visuals")], "\n") // the end of the FAQ
	c.change(uri, 2, ranged(lines, 0, lines, 0, "\n#### Is there a fresh question?\n\nYes.\n"))
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
	if !strings.Contains(fmt.Sprint(syms), "Is there a fresh question?") {
		t.Fatalf("outline does not have the question typed just before: %v", syms)
	}
	d, _ := c.srv.store.get(uri)
	if d.snap == nil || d.snap.version != 2 {
		t.Fatalf("the handler's lint of version 2 was not kept")
	}
	first := d.snap
	close(gate)
	c.waitVersion(uri, 2)
	if d, _ := c.srv.store.get(uri); d.snap != first {
		t.Errorf("the linter linted version 2 again instead of publishing the handler's result")
	}
}

// A panic while linting (an engine bug) is logged; the session goes on and
// the next version is published.
func TestLinterPanicKeepsServing(t *testing.T) {
	const uri = "file:///ws/panic.prfaq.md"
	panicked := make(chan struct{})
	c := newClient(t, withServer(func(s *Server) {
		s.lint.beforePublish = func(snap *snapshot) {
			if snap.version == 1 {
				close(panicked)
				panic("engine bug")
			}
		}
	}))
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	select {
	case <-panicked:
	case <-time.After(watchdog):
		t.Fatal("version 1 was never linted")
	}
	c.change(uri, 2, ranged(0, 0, 0, 0, "\n"))
	c.waitVersion(uri, 2)
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
	if len(syms) == 0 {
		t.Error("no outline after a linter panic")
	}
}

// Every diagnostic links to its rule's section of the rule reference,
// pushed or pulled; the editor's rulesUrl setting moves the links to a
// team's own copy.
func TestDiagnosticsLinkToTheirRule(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	check := func(diags []protocol.Diagnostic, base string) {
		t.Helper()
		if len(diags) == 0 {
			t.Fatal("no diagnostics")
		}
		for _, d := range diags {
			want := base + "#" + fmt.Sprint(d.Code)
			if d.CodeDescription == nil || string(d.CodeDescription.Href) != want {
				t.Errorf("%v: codeDescription %+v, want href %s", d.Code, d.CodeDescription, want)
			}
		}
	}
	check(c.waitVersion(uri, 1).Diagnostics, diagnostics.DefaultRulesURL)
	check(reportItems(t, c.pull(uri, "")), diagnostics.DefaultRulesURL)

	const ours = "https://wiki.example.com/prfaq/rules"
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"rulesUrl": ours}}})
	check(c.waitPublish(uri, func(p publishParams) bool {
		return len(p.Diagnostics) > 0 && p.Diagnostics[0].CodeDescription != nil && strings.HasPrefix(string(p.Diagnostics[0].CodeDescription.Href), ours)
	}).Diagnostics, ours)
	check(reportItems(t, c.pull(uri, "")), ours)
}

// The server publishes what the engine's cap leaves: max-findings from the
// editor's settings applies per rule, with one finding for the rest.
func TestPublishedFindingsAreCapped(t *testing.T) {
	const uri = "file:///ws/many.prfaq.md"
	var b strings.Builder
	b.WriteString("# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n### How fast is it?\n\n")
	for i := 0; i < 20; i++ {
		b.WriteString("It is very fast.\n\n")
	}
	c := newClient(t)
	p := defaultInit()
	p.InitializationOptions = map[string]any{"prfaq": map[string]any{"maxFindings": 3}}
	c.initialize(p)
	c.open(uri, b.String(), 1)
	n, last := 0, ""
	for _, d := range c.waitVersion(uri, 1).Diagnostics {
		if d.Code == "weasel-word" {
			n++
			last = d.Message
		}
	}
	if n != 4 || !strings.Contains(last, "17 more weasel-word findings") {
		t.Errorf("%d weasel-word diagnostics, last %q; want 3 and one for the 17 more", n, last)
	}
}
