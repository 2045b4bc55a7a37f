package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// readAs is the hover line for a part, built from the engine's own reason.
func readAs(p *document.Part) string {
	return "Read as the " + p.Kind.Title() + ": " + strings.TrimSuffix(diagnostics.PartReason(p), ".") + "."
}

// On a press-release part's heading or first line, the hover says how the
// part was read, in the engine's words; elsewhere in the part, and on the
// front matter, there is nothing to say.
func TestHoverSaysHowAPartWasRead(t *testing.T) {
	const uri = "file:///ws/ledger.prfaq.md"
	src := readTestdata(t, "ledger.prfaq.md")
	doc := document.Parse("ledger.prfaq.md", []byte(src))
	c := newClient(t)
	c.initialize(&protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{TextDocument: &protocol.TextDocumentClientCapabilities{
		Hover: &protocol.HoverTextDocumentClientCapabilities{ContentFormat: []protocol.MarkupKind{protocol.PlainText}},
	}}})
	c.open(uri, src, 1)
	if diags := c.waitVersion(uri, 1).Diagnostics; len(diags) != 0 {
		t.Fatalf("ledger.prfaq.md has findings %v; the hovers below must show the reading alone", diags)
	}
	lines := strings.Split(src, "\n")
	lineOf := func(text string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, text) {
				return i
			}
		}
		t.Fatalf("no line starts with %q", text)
		return -1
	}
	problem, quote := doc.Parts[document.Problem], doc.Parts[document.LeaderQuote]
	if problem == nil || quote == nil {
		t.Fatal("ledger.prfaq.md: problem or leader quote not recognised")
	}
	for _, c2 := range []struct {
		line int
		want string
	}{
		{lineOf("## The problem"), readAs(problem)},
		{lineOf("Small shops spend four hours"), readAs(problem)},
		{lineOf("“We built Ledger"), readAs(quote)},
	} {
		h := hoverAt(t, c, uri, c2.line, 4)
		if h == nil {
			t.Errorf("line %d: no hover, want %q", c2.line+1, c2.want)
			continue
		}
		if h.Contents.Value != c2.want || h.Contents.Kind != protocol.PlainText {
			t.Errorf("line %d: hover %q (%s), want %q", c2.line+1, h.Contents.Value, h.Contents.Kind, c2.want)
		}
		if h.Range == nil || h.Range.Start.Line != uint32(c2.line) || h.Range.End.Line > uint32(c2.line+1) {
			t.Errorf("line %d: hover range %v, want that line", c2.line+1, h.Range)
		}
	}
	if !strings.Contains(readAs(problem), "Read as the Problem: ") {
		t.Errorf("problem hover = %q", readAs(problem))
	}
	// The second line of a paragraph, a blank line between parts and the
	// front matter are not where a part starts.
	for _, line := range []int{lineOf("prfaq: true"), lineOf("## The problem") + 1} {
		if h := hoverAt(t, c, uri, line, 0); h != nil {
			t.Errorf("line %d: hover %q, want null", line+1, h.Contents.Value)
		}
	}
}

// A finding on a part's first line keeps its explanation, and the reading
// of the part follows it.
func TestHoverFindingAndPartReading(t *testing.T) {
	const uri = "file:///ws/fixes.prfaq.md"
	src := readTestdata(t, "fixes.prfaq.md")
	doc := document.Parse("fixes.prfaq.md", []byte(src))
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, src, 1)
	diags := c.waitVersion(uri, 1).Diagnostics
	for _, d := range diags {
		for _, k := range document.PressReleaseParts {
			p := doc.Parts[k]
			if p == nil || p.Heading != nil || doc.Mapper.Line(p.Span.Start) != int(d.Range.Start.Line) {
				continue
			}
			h := hoverAt(t, c, uri, int(d.Range.Start.Line), int(d.Range.Start.Character))
			if h == nil {
				t.Fatalf("no hover on the %v finding at %v", d.Code, d.Range.Start)
			}
			rule := diagnostics.Lookup(d.Code.(string))
			v := h.Contents.Value
			finding, reading := strings.Index(v, rule.Why[:30]), strings.Index(v, readAs(p))
			if finding < 0 || reading < finding || !strings.Contains(v, "\n\n---\n\n") {
				t.Errorf("hover on the %v finding on the %s's first line = %q; want the rule's why, then %q", d.Code, k, v, readAs(p))
			}
			if h.Range == nil || !within(d.Range, *h.Range) {
				t.Errorf("hover range %v does not cover the finding %v", h.Range, d.Range)
			}
			return
		}
	}
	t.Fatalf("no finding on the first line of a press-release part read without a heading: %v", diags)
}
