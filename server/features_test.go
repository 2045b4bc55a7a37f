package server

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func docID(uri string) protocol.TextDocumentIdentifier {
	return protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)}
}

func pos(line, char int) protocol.Position {
	return protocol.Position{Line: uint32(line), Character: uint32(char)}
}

func within(inner, outer protocol.Range) bool {
	before := func(a, b protocol.Position) bool {
		return a.Line < b.Line || a.Line == b.Line && a.Character <= b.Character
	}
	return before(outer.Start, inner.Start) && before(inner.End, outer.End)
}

func TestDocumentSymbolHierarchical(t *testing.T) {
	const uri = "file:///ws/ledger.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "ledger.prfaq.md"), 1)
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
	if len(syms) != 2 || syms[0].Name != "Press release" || syms[1].Name != "FAQ" {
		t.Fatalf("top level = %v, want Press release and FAQ", names(syms))
	}
	var parts []string
	for _, p := range syms[0].Children {
		parts = append(parts, p.Name)
	}
	wantParts := []string{"Headline", "Subheading", "Summary", "Problem", "Solution", "Leader quote", "Customer quote", "Call to action"}
	if strings.Join(parts, ",") != strings.Join(wantParts, ",") {
		t.Errorf("press release parts = %v, want %v", parts, wantParts)
	}
	faq := syms[1]
	if len(faq.Children) != 2 || faq.Children[0].Name != "External FAQ" || faq.Children[1].Name != "Internal FAQ" {
		t.Fatalf("FAQ groups = %v", names(faq.Children))
	}
	if n := len(faq.Children[0].Children); n != 4 {
		t.Errorf("external questions = %d, want 4", n)
	}
	if n := len(faq.Children[1].Children); n != 8 {
		t.Errorf("internal questions = %d, want 8", n)
	}
	q := faq.Children[0].Children[0]
	if q.Name != "How much does Ledger cost?" || q.Detail != "answered" {
		t.Errorf("first question = %q (%q)", q.Name, q.Detail)
	}
	// Every selection range lies inside its range, and children inside
	// their parent, or VS Code drops the outline.
	var walk func(parent *protocol.DocumentSymbol, syms []protocol.DocumentSymbol)
	walk = func(parent *protocol.DocumentSymbol, syms []protocol.DocumentSymbol) {
		for i := range syms {
			s := &syms[i]
			if !within(s.SelectionRange, s.Range) {
				t.Errorf("%s: selection %v outside range %v", s.Name, s.SelectionRange, s.Range)
			}
			if parent != nil && !within(s.Range, parent.Range) {
				t.Errorf("%s: range %v outside parent %s %v", s.Name, s.Range, parent.Name, parent.Range)
			}
			walk(s, s.Children)
		}
	}
	walk(nil, syms)
}

func names(syms []protocol.DocumentSymbol) []string {
	var out []string
	for _, s := range syms {
		out = append(out, s.Name)
	}
	return out
}

// Question status in the outline detail follows the engine: a deferred
// answer says deferred.
func TestDocumentSymbolQuestionStatus(t *testing.T) {
	const uri = "file:///ws/fixes.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "fixes.prfaq.md"), 1)
	var syms []protocol.DocumentSymbol
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &syms)
	status := map[string]string{}
	var walk func([]protocol.DocumentSymbol)
	walk = func(ss []protocol.DocumentSymbol) {
		for _, s := range ss {
			if s.Kind == protocol.SymbolKindEvent {
				status[s.Name] = s.Detail
			}
			walk(s.Children)
		}
	}
	walk(syms)
	for q, want := range map[string]string{
		"How much does Ledger cost?":  "deferred",
		"Is there a desktop version?": "unanswered",
		"How will we know it works?":  "answered",
	} {
		if status[q] != want {
			t.Errorf("%q: detail %q, want %q (all: %v)", q, status[q], want, status)
		}
	}
}

// Clients without hierarchical support (Vim ALE, Helix) get
// SymbolInformation with the parent as container.
func TestDocumentSymbolFlat(t *testing.T) {
	const uri = "file:///ws/ledger.prfaq.md"
	c := newClient(t)
	c.initialize(&protocol.InitializeParams{})
	c.open(uri, readTestdata(t, "ledger.prfaq.md"), 1)
	var raw json.RawMessage
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: docID(uri)}, &raw)
	var infos []protocol.SymbolInformation
	if err := json.Unmarshal(raw, &infos); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), `"children"`) || strings.Contains(string(raw), `"selectionRange"`) {
		t.Fatalf("flat client got DocumentSymbols: %s", raw)
	}
	containers := map[string]string{}
	for _, si := range infos {
		if si.Location.URI != uri {
			t.Errorf("%s: uri %s", si.Name, si.Location.URI)
		}
		containers[si.Name] = si.ContainerName
	}
	if containers["How will we know it works?"] != "Internal FAQ" || containers["Headline"] != "Press release" {
		t.Errorf("containers = %v", containers)
	}
}

func completionAt(t *testing.T, c *client, uri string, line, char int) protocol.CompletionList {
	t.Helper()
	var list protocol.CompletionList
	c.mustCall("textDocument/completion", protocol.CompletionParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(uri), Position: pos(line, char)},
	}, &list)
	return list
}

var tabStopRe = regexp.MustCompile(`\$\{\d+:`)

func TestCompletionEmptyDocumentSkeleton(t *testing.T) {
	const uri = "file:///ws/new.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, "", 1)
	list := completionAt(t, c, uri, 0, 0)
	if len(list.Items) == 0 || list.Items[0].Label != "PR/FAQ document" {
		t.Fatalf("first item = %v, want the whole skeleton", list.Items)
	}
	sk := list.Items[0]
	if sk.InsertTextFormat != protocol.InsertTextFormatSnippet || !tabStopRe.MatchString(sk.TextEdit.NewText) {
		t.Errorf("skeleton is not a snippet with tab stops: %q", sk.TextEdit.NewText)
	}
	// The inserted skeleton, placeholders filled with their defaults, is a
	// PR/FAQ with every part.
	doc := document.Parse("new.prfaq.md", []byte(diagnostics.PlainText(sk.TextEdit.NewText)))
	for _, k := range document.PressReleaseParts {
		if doc.Parts[k] == nil {
			t.Errorf("skeleton lacks %s", k)
		}
	}
}

// After "#" on a line, sections come with missing ones first; the item
// replaces the typed "#".
func TestCompletionSectionsMissingFirst(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	src := readTestdata(t, "launch.prfaq.md")
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, src+"\n#", 1)
	lines := strings.Count(src, "\n") + 1
	list := completionAt(t, c, uri, lines, 1)
	if len(list.Items) == 0 {
		t.Fatal("no completions after #")
	}
	sorted := append([]protocol.CompletionItem(nil), list.Items...)
	sortItems(sorted)
	missing := map[string]bool{"Subheading": true, "Leader quote": true, "Customer quote": true, "Call to action": true}
	// The cursor is inside the FAQ: the FAQ entry comes first, then the
	// missing sections, then the rest.
	if sorted[0].Label != "FAQ entry" {
		t.Errorf("first = %q, want FAQ entry", sorted[0].Label)
	}
	for i, it := range sorted[1 : 1+len(missing)] {
		if !missing[it.Label] {
			t.Errorf("item %d = %q, want a missing section first", i+1, it.Label)
		}
	}
	for _, it := range list.Items {
		r := it.TextEdit.Range
		if r.Start != pos(lines, 0) || r.End != pos(lines, 1) {
			t.Errorf("%s: edit range %v, want the typed # (line %d, 0-1)", it.Label, r, lines)
		}
		if it.InsertTextFormat != protocol.InsertTextFormatSnippet {
			t.Errorf("%s: not a snippet", it.Label)
		}
	}
	// The FAQ entry uses the level of the questions around it: these are
	// bold Q lines, so it falls back to one below the group heading (###).
	if !strings.HasPrefix(sorted[0].TextEdit.NewText, "#### ") {
		t.Errorf("FAQ entry = %q, want a level-4 heading", sorted[0].TextEdit.NewText)
	}
	// Mid-sentence, or a "#" inside a heading's text, there is nothing to
	// offer.
	if l := completionAt(t, c, uri, 6, 10); len(l.Items) != 0 {
		t.Errorf("completion inside a paragraph: %d items", len(l.Items))
	}
	c.change(uri, 2, ranged(lines, 0, lines, 1, "## Problem #"))
	if l := completionAt(t, c, uri, lines, 12); len(l.Items) != 0 {
		t.Errorf("completion after a # inside a heading: %d items", len(l.Items))
	}
	// After "## Pro" the sections are still offered, replacing what was typed.
	c.change(uri, 3, ranged(lines, 0, lines, 12, "## Pro"))
	if l := completionAt(t, c, uri, lines, 6); len(l.Items) == 0 || l.Items[0].TextEdit.Range.End != pos(lines, 6) {
		t.Errorf("completion after ## Pro: %v", l.Items)
	}
}

func sortItems(items []protocol.CompletionItem) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].SortText < items[j-1].SortText; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

// Neovim 0.7, eglot and ALE have no snippet support: plain text, no tab
// stops.
func TestCompletionPlainText(t *testing.T) {
	const uri = "file:///ws/new.prfaq.md"
	c := newClient(t)
	c.initialize(&protocol.InitializeParams{})
	c.open(uri, "", 1)
	list := completionAt(t, c, uri, 0, 0)
	if len(list.Items) == 0 {
		t.Fatal("no items")
	}
	for _, it := range list.Items {
		if it.InsertTextFormat != protocol.InsertTextFormatPlainText || strings.Contains(it.TextEdit.NewText, "${") {
			t.Errorf("%s: %v %q", it.Label, it.InsertTextFormat, it.TextEdit.NewText)
		}
	}
}

func hoverAt(t *testing.T, c *client, uri string, line, char int) *protocol.Hover {
	t.Helper()
	var h *protocol.Hover
	c.mustCall("textDocument/hover", protocol.HoverParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(uri), Position: pos(line, char)},
	}, &h)
	return h
}

func TestHover(t *testing.T) {
	const uri = "file:///ws/fixes.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, readTestdata(t, "fixes.prfaq.md"), 1)
	diags := c.waitVersion(uri, 1).Diagnostics
	var jargon protocol.Diagnostic
	for _, d := range diags {
		if d.Code == "jargon" {
			jargon = d
		}
	}
	if jargon.Code == nil {
		t.Fatal("no jargon finding")
	}
	h := hoverAt(t, c, uri, int(jargon.Range.Start.Line), int(jargon.Range.Start.Character)+1)
	if h == nil {
		t.Fatal("no hover on a finding")
	}
	rule := diagnostics.Lookup("jargon")
	if h.Contents.Kind != protocol.Markdown || !strings.Contains(h.Contents.Value, rule.Why[:40]) || !strings.Contains(h.Contents.Value, "Suggested change") {
		t.Errorf("hover = %q", h.Contents.Value)
	}
	// On a question: its status.
	h = hoverAt(t, c, uri, 43, 8) // "#### Is there a desktop version?"
	if h == nil || !strings.Contains(h.Contents.Value, "unanswered") {
		t.Errorf("hover on an unanswered question = %+v", h)
	}
	// Nowhere special: null.
	if h := hoverAt(t, c, uri, 0, 0); h != nil {
		t.Errorf("hover on front matter = %+v, want null", h)
	}
}

// ALE asks for plaintext only.
func TestHoverPlainText(t *testing.T) {
	const uri = "file:///ws/fixes.prfaq.md"
	c := newClient(t)
	c.initialize(&protocol.InitializeParams{Capabilities: protocol.ClientCapabilities{TextDocument: &protocol.TextDocumentClientCapabilities{
		Hover: &protocol.HoverTextDocumentClientCapabilities{ContentFormat: []protocol.MarkupKind{protocol.PlainText}},
	}}})
	c.open(uri, readTestdata(t, "fixes.prfaq.md"), 1)
	h := hoverAt(t, c, uri, 43, 8)
	if h == nil || h.Contents.Kind != protocol.PlainText || strings.Contains(h.Contents.Value, "**") {
		t.Errorf("hover = %+v, want plain text", h)
	}
}

func TestFoldingRanges(t *testing.T) {
	const uri = "file:///ws/ledger.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	src := readTestdata(t, "ledger.prfaq.md")
	c.open(uri, src, 1)
	var folds []protocol.FoldingRange
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: docID(uri)}}, &folds)
	lines := strings.Split(src, "\n")
	starts := map[string]protocol.FoldingRange{}
	for _, f := range folds {
		if f.EndLine <= f.StartLine {
			t.Errorf("empty fold %v", f)
		}
		if strings.TrimSpace(lines[f.EndLine]) == "" {
			t.Errorf("fold %d-%d ends on a blank line", f.StartLine, f.EndLine)
		}
		starts[lines[f.StartLine]] = f
	}
	// Sections and FAQ entries fold (0-based lines).
	for _, want := range []string{"## The problem", "## FAQ", "### External FAQ", "#### How much does Ledger cost?", "#### How will we know it works?"} {
		if _, ok := starts[want]; !ok {
			t.Errorf("no fold starting at %q", want)
		}
	}
	if f := starts["#### How much does Ledger cost?"]; lines[f.EndLine] != "$5 a month per shop, billed monthly, with no setup fee. The first month is free and you can cancel in the app." {
		t.Errorf("question fold ends at %q", lines[f.EndLine])
	}
}

func TestCodeLensReadiness(t *testing.T) {
	const uri = "file:///ws/launch.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	src := readTestdata(t, "launch.prfaq.md")
	c.open(uri, src, 1)
	var lenses []protocol.CodeLens
	c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: docID(uri)}, &lenses)
	if len(lenses) != 2 || lenses[0].Command == nil {
		t.Fatalf("lenses = %+v", lenses)
	}
	l := lenses[0]
	if l.Range.Start.Line != 4 {
		t.Errorf("lens on line %d, want the headline (4)", l.Range.Start.Line)
	}
	// The numbers come from the engine's model of the same text.
	doc := document.Parse("launch.prfaq.md", []byte(src))
	words := diagnostics.WordCount(doc, doc.PressRelease)
	want := regexp.MustCompile(`^7/11 parts · 2 questions, \d+ deferred · (\d+) words ≈ \d+\.\d pages$`)
	m := want.FindStringSubmatch(l.Command.Title)
	if m == nil {
		t.Fatalf("lens title %q does not match %v", l.Command.Title, want)
	}
	if m[1] != itoa(words) {
		t.Errorf("lens says %s words, engine counts %d", m[1], words)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
