package server

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// column counts prefix in an encoding without the server's Mapper.
func column(prefix, enc string) int {
	switch enc {
	case "utf-8":
		return len(prefix)
	case "utf-32":
		return utf8.RuneCountInString(prefix)
	}
	return len(utf16.Encode([]rune(prefix)))
}

// byteOffset is the inverse of column on text whose lines end in "\n".
func byteOffset(t *testing.T, text string, enc string, p protocol.Position) int {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	if int(p.Line) >= len(lines) {
		return len(text)
	}
	off := 0
	for _, l := range lines[:p.Line] {
		off += len(l)
	}
	line := strings.TrimSuffix(lines[p.Line], "\n")
	for i := range line {
		if c := column(line[:i], enc); c == int(p.Character) {
			return off + i
		} else if c > int(p.Character) {
			t.Fatalf("%s column %d of line %d is inside a character", enc, p.Character, p.Line)
		}
	}
	if column(line, enc) != int(p.Character) {
		t.Fatalf("%s column %d is past the end of line %d (%q)", enc, p.Character, p.Line, line)
	}
	return off + len(line)
}

func spanOf(t *testing.T, text, enc string, r protocol.Range) string {
	return fmt.Sprintf("%d-%d", byteOffset(t, text, enc, r.Start), byteOffset(t, text, enc, r.End))
}

// encodingSession is what one client sees of the same edits and requests,
// every range turned back into byte offsets with the client's encoding.
type encodingSession struct {
	text                   string
	pushed, pulled, others []string
	raw                    []protocol.Range // the diagnostics' ranges as sent
	hover                  string
}

// Three clients, one per encoding, make the same two edits on the same line
// (with an em dash and an emoji on it) and ask the same things: the
// negotiated encoding is answered, the edits land on the same bytes, and
// every range that comes back (pushed and pulled diagnostics, symbols, code
// lens, hover, quick-fix edits) names the same bytes in all three.
func TestPositionEncodings(t *testing.T) {
	launch := readTestdata(t, "launch.prfaq.md")
	lines := strings.SplitAfter(launch, "\n")
	const headline = 4 // "# Acme Ledger — shared budgets for small teams 🚀"
	head := strings.TrimSuffix(lines[headline], "\n")
	dash := strings.Index(head, "—")
	want := strings.Replace(launch, head, strings.Replace(head, "—", "-", 1)+" now", 1)

	sessions := map[string]encodingSession{}
	for _, enc := range []string{"utf-8", "utf-16", "utf-32"} {
		root := t.TempDir()
		p := clientInit(t, "neovim-initialize.json", root)
		p["capabilities"].(map[string]any)["general"] = map[string]any{"positionEncodings": []string{enc}}
		c := newClient(t)
		caps := c.initializeRaw(p)
		if got := string(caps["positionEncoding"]); got != `"`+enc+`"` {
			t.Fatalf("offered %s, positionEncoding %s", enc, got)
		}
		uri := string(fileURI(filepath.Join(root, "launch.prfaq.md")))
		c.open(uri, launch, 1)
		// One notification, two changes: the second one's positions are in
		// the text after the first.
		afterDash := strings.Replace(head, "—", "-", 1)
		c.change(uri, 2,
			ranged(headline, column(head[:dash], enc), headline, column(head[:dash+len("—")], enc), "-"),
			ranged(headline, column(afterDash, enc), headline, column(afterDash, enc), " now"))
		c.sync()
		d, _ := c.srv.store.get(uri)
		es := encodingSession{text: string(d.text)}
		if es.text != want {
			t.Fatalf("%s: synced text differs:\n%s", enc, lineDiff(want, es.text))
		}

		for _, dg := range c.waitVersion(uri, 2).Diagnostics {
			es.pushed = append(es.pushed, fmt.Sprintf("%v %s", dg.Code, spanOf(t, want, enc, dg.Range)))
			es.raw = append(es.raw, dg.Range)
		}
		for _, dg := range reportItems(t, c.pull(uri, "")) {
			es.pulled = append(es.pulled, fmt.Sprintf("%v %s", dg.Code, spanOf(t, want, enc, dg.Range)))
		}

		var syms []protocol.DocumentSymbol
		c.mustCall("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}}, &syms)
		var walk func([]protocol.DocumentSymbol)
		walk = func(ss []protocol.DocumentSymbol) {
			for _, s := range ss {
				es.others = append(es.others, "symbol "+s.Name+" "+spanOf(t, want, enc, s.Range)+" "+spanOf(t, want, enc, s.SelectionRange))
				walk(s.Children)
			}
		}
		walk(syms)
		var lenses []protocol.CodeLens
		c.mustCall("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": uri}}, &lenses)
		for _, l := range lenses {
			es.others = append(es.others, "lens "+spanOf(t, want, enc, l.Range))
		}
		// Quick fixes for the whole headline line.
		newHead := strings.TrimSuffix(strings.SplitAfter(want, "\n")[headline], "\n")
		lineRange := map[string]any{"start": map[string]any{"line": headline, "character": 0}, "end": map[string]any{"line": headline, "character": column(newHead, enc)}}
		var actions []protocol.CodeAction
		c.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": lineRange, "context": map[string]any{"diagnostics": []any{}}}, &actions)
		for _, a := range actions {
			if a.Edit == nil {
				continue
			}
			for _, edits := range a.Edit.Changes {
				for _, e := range edits {
					es.others = append(es.others, "edit "+a.Title+" "+spanOf(t, want, enc, e.Range))
				}
			}
		}
		// Hover just after the emoji.
		var hover json.RawMessage
		c.mustCall("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri},
			"position": map[string]any{"line": headline, "character": column(newHead[:strings.Index(newHead, " now")], enc)}}, &hover)
		var h struct {
			Contents any             `json:"contents"`
			Range    *protocol.Range `json:"range"`
		}
		if string(hover) != "null" {
			_ = json.Unmarshal(hover, &h)
			es.hover = fmt.Sprint(h.Contents)
			if h.Range != nil {
				es.hover += " " + spanOf(t, want, enc, *h.Range)
			}
		}
		for _, l := range [][]string{es.pushed, es.pulled, es.others} {
			slices.Sort(l)
		}
		sessions[enc] = es
	}

	ref := sessions["utf-16"]
	if len(ref.pushed) == 0 || len(ref.others) == 0 || ref.hover == "" {
		t.Fatalf("nothing to compare: %+v", ref)
	}
	if !slices.Equal(ref.pushed, ref.pulled) {
		t.Errorf("pushed and pulled diagnostics differ:\n%v\n%v", ref.pushed, ref.pulled)
	}
	for _, enc := range []string{"utf-8", "utf-32"} {
		got := sessions[enc]
		for what, pair := range map[string][2][]string{"pushed": {ref.pushed, got.pushed}, "pulled": {ref.pulled, got.pulled}, "others": {ref.others, got.others}} {
			if !slices.Equal(pair[0], pair[1]) {
				t.Errorf("%s %s differ from utf-16's:\n got %v\nwant %v", enc, what, pair[1], pair[0])
			}
		}
		if got.hover != ref.hover {
			t.Errorf("%s hover %q, utf-16 %q", enc, got.hover, ref.hover)
		}
		// The same bytes, in other numbers: the headline's finding ends
		// after the dash and the emoji.
		if slices.Equal(got.raw, ref.raw) {
			t.Errorf("%s ranges are the utf-16 ones: the encoding was not applied", enc)
		}
	}
}
