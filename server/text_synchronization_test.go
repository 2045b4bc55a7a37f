package server

import (
	"testing"
)

func (c *client) text(uri string) string {
	c.t.Helper()
	c.sync()
	d, ok := c.srv.store.get(uri)
	if !ok {
		c.t.Fatalf("%s is not open", uri)
	}
	return string(d.text)
}

// Ranged edits are UTF-16 positions: the emoji is two code units, and CRLF
// ends a line without being part of it.
func TestIncrementalRangedEdits(t *testing.T) {
	const uri = "file:///ws/a.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, "# Go 🚀 fast\r\nsecond line\r\n", 1)
	// Insert after the emoji: "# Go 🚀" is 7 UTF-16 units.
	c.change(uri, 2, ranged(0, 7, 0, 7, " now"))
	if got, want := c.text(uri), "# Go 🚀 now fast\r\nsecond line\r\n"; got != want {
		t.Fatalf("after insert: %q, want %q", got, want)
	}
	// Replace "second" on line 1 and delete across the CRLF in one
	// notification: the second change sees the result of the first.
	c.change(uri, 3, ranged(1, 0, 1, 6, "2nd"), ranged(0, 16, 1, 0, " "))
	if got, want := c.text(uri), "# Go 🚀 now fast 2nd line\r\n"; got != want {
		t.Fatalf("after replace: %q, want %q", got, want)
	}
	// Neovim's `o` on the last line: the range ends on the line after the
	// last one.
	c.change(uri, 4, ranged(0, 25, 1, 0, "\r\nthird\r\n"))
	if got, want := c.text(uri), "# Go 🚀 now fast 2nd line\r\nthird\r\n"; got != want {
		t.Fatalf("after append: %q, want %q", got, want)
	}
}

// A change without a range replaces the whole text. protocol v0.12.0's
// TextDocumentContentChangeEvent cannot tell it from an insert at 0:0.
func TestFullTextChange(t *testing.T) {
	const uri = "file:///ws/b.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, "old text\n", 1)
	c.change(uri, 2, full("new text\n"))
	if got := c.text(uri); got != "new text\n" {
		t.Fatalf("full change gave %q", got)
	}
	// A ranged change then a full one in the same notification.
	c.change(uri, 3, ranged(0, 0, 0, 3, "NEW"), full("replaced\n"))
	if got := c.text(uri); got != "replaced\n" {
		t.Fatalf("mixed changes gave %q", got)
	}
}

// Documents are keyed by the URI string: untitled: buffers work, and a
// document whose content is a PR/FAQ gets diagnostics without a path.
func TestUntitledDocument(t *testing.T) {
	const uri = "untitled:Untitled-1"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "launch.prfaq.md"), 1)
	p := c.waitVersion(uri, 1)
	if !hasRule(p.Diagnostics, "missing-section") {
		t.Errorf("untitled PR/FAQ: want missing-section, got %v", p.Diagnostics)
	}
}

// didSave with text (eglot sends it although asked not to) that differs
// from the synced text wins; didSave without text changes nothing.
func TestDidSave(t *testing.T) {
	const uri = "file:///ws/c.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, "one\n", 1)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if got := c.text(uri); got != "one\n" {
		t.Fatalf("didSave without text changed the text to %q", got)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}, "text": "one\ntwo\n"})
	if got := c.text(uri); got != "one\ntwo\n" {
		t.Fatalf("didSave with text: %q", got)
	}
}
