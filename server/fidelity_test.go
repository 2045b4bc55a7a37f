package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// refPosition is the client's own offset → LSP position conversion (UTF-16
// columns; "\n", "\r\n" and a lone "\r" end lines), written independently of
// the server's Mapper.
func refPosition(text []byte, off int) protocol.Position {
	line, col := 0, 0
	for i := 0; i < off; {
		switch {
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			line, col = line+1, 0
			i += 2
		case text[i] == '\r' || text[i] == '\n':
			line, col = line+1, 0
			i++
		default:
			r, size := utf8.DecodeRune(text[i:])
			col++
			if r > 0xFFFF {
				col++
			}
			i += size
		}
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

// fidelityDoc is a PR/FAQ made of protected marker paragraphs, which edits
// never touch, and zones between them, which take all the edits. A fixed
// part starts with CRLF so that a zone ending in a lone CR never forms a
// CRLF with it (LSP cannot address the point between CR and LF). Each
// marker is a word the engine flags (jargon, a placeholder) and appears once.
type fidelityDoc struct {
	fixed []string // fixed[i] precedes zones[i]
	zones []string
	tail  string
}

type marker struct{ word, rule string }

var fidelityMarkers = []marker{
	{"leverage", "jargon"},
	{"TBD", "placeholder"},
	{"dramatically", "weasel-word"}, // jargon is read in the press release only
	{"substantially", "weasel-word"},
}

func newFidelityDoc() *fidelityDoc {
	return &fidelityDoc{
		fixed: []string{
			"---\nprfaq: true\n---\n# Acme Ledger shares budgets for small teams\n\n",
			"\r\n\r\nTeams leverage the ledger every week.\n\n",
			"\r\n\r\nThe monthly price is TBD today.\n\n",
			"\r\n\r\n## FAQ\n\n### How much does it cost?\n\nFive dollars, dramatically less than a spreadsheet consultant.\n\n",
			"\r\n\r\n### Who is it for?\n\nSmall teams; it saves them substantially more time.\n\n",
		},
		zones: []string{"Zone text 😀 漢字.", "Second\tzone\r\nwith CRLF.", "Third zone\rlone CR.", "Fourth zone.", "Last zone."},
	}
}

func (d *fidelityDoc) text() string {
	var b strings.Builder
	for i, z := range d.zones {
		b.WriteString(d.fixed[i])
		b.WriteString(z)
	}
	b.WriteString(d.tail)
	return b.String()
}

// zoneStart is the byte offset of zone i in the whole text.
func (d *fidelityDoc) zoneStart(i int) int {
	n := 0
	for j := 0; j < i; j++ {
		n += len(d.fixed[j]) + len(d.zones[j])
	}
	return n + len(d.fixed[i])
}

// boundaries are the offsets in z where an edit may start or end: between
// characters, never between the \r and \n of a CRLF.
func boundaries(z string) []int {
	out := []int{0}
	for i := 0; i < len(z); {
		_, size := utf8.DecodeRuneInString(z[i:])
		if z[i] == '\r' && i+1 < len(z) && z[i+1] == '\n' {
			size = 2
		}
		i += size
		out = append(out, i)
	}
	return out
}

// Inserted text: emoji, CJK, CRLF, lone CR and LF, tabs, accents; nothing
// Markdown gives a meaning to and no letters that spell a flagged word.
var fidelityInserts = []string{"a", "o ", "😀", "漢字", "\r\n", "\n", "\r", "\t", "é", "ü🎉", " ", "oo\r\naa", "👩‍👩‍👧"}

// edit makes one random edit in a zone and returns it as a ranged change
// computed on the text before the edit.
func (d *fidelityDoc) edit(rng *rand.Rand) map[string]any {
	zi := rng.Intn(len(d.zones))
	z := d.zones[zi]
	bs := boundaries(z)
	a, b := bs[rng.Intn(len(bs))], bs[rng.Intn(len(bs))]
	if a > b {
		a, b = b, a
	}
	insert := ""
	switch {
	case len(z) > 400: // keep zones small: delete a stretch, often across lines
		insert = ""
	case rng.Intn(3) == 0: // a deletion
	default:
		a = b // an insertion
		for n := rng.Intn(3) + 1; n > 0; n-- {
			insert += fidelityInserts[rng.Intn(len(fidelityInserts))]
		}
	}
	before := []byte(d.text())
	base := d.zoneStart(zi)
	start, end := refPosition(before, base+a), refPosition(before, base+b)
	d.zones[zi] = z[:a] + insert + z[b:]
	return ranged(int(start.Line), int(start.Character), int(end.Line), int(end.Character), insert)
}

// Edit fidelity: thousands of random incremental edits through the server;
// then every marker's finding points at exactly the marker in the client's
// text, and closing and reopening the same text gives the same findings.
func TestEditFidelity(t *testing.T) {
	edits := 10000
	if raceEnabled || testing.Short() {
		edits = 3000 // the race detector makes each message ~10× dearer
	}
	c := newClient(t)
	c.initialize(nil)
	const uri = "file:///fidelity/launch.prfaq.md"
	d := newFidelityDoc()
	c.open(uri, d.text(), 1)
	rng := rand.New(rand.NewSource(3))
	version := int32(1)
	for sent := 0; sent < edits; {
		// One to three changes per notification, each relative to the
		// text after the previous one, as LSP says.
		var changes []map[string]any
		for n := rng.Intn(3) + 1; n > 0 && sent < edits; n-- {
			changes = append(changes, d.edit(rng))
			sent++
		}
		version++
		c.change(uri, version, changes...)
	}
	text := []byte(d.text())
	for _, m := range fidelityMarkers {
		if bytes.Count(text, []byte(m.word)) != 1 {
			t.Fatalf("marker %q is not unique in the client's text", m.word)
		}
	}
	pub := c.waitVersion(uri, version)
	for _, m := range fidelityMarkers {
		off := bytes.Index(text, []byte(m.word))
		want := protocol.Range{Start: refPosition(text, off), End: refPosition(text, off+len(m.word))}
		found := 0
		for _, dg := range pub.Diagnostics {
			if dg.Code == m.rule && dg.Range == want {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%s %q: %d findings at %v, want 1; findings: %v", m.rule, m.word, found, want, summarize(pub.Diagnostics))
		}
	}
	// Every finding lies inside the client's text.
	last := refPosition(text, len(text))
	for _, dg := range pub.Diagnostics {
		if dg.Range.End.Line > last.Line || dg.Range.End.Line == last.Line && dg.Range.End.Character > last.Character {
			t.Errorf("%s at %v is past the end of the text (%v)", dg.Code, dg.Range, last)
		}
	}

	// A full reopen of the client's text gives the very same findings.
	c.notify("textDocument/didClose", protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}})
	c.open(uri, string(text), version+1)
	again := c.waitVersion(uri, version+1)
	a, _ := json.Marshal(pub.Diagnostics)
	b, _ := json.Marshal(again.Diagnostics)
	if !bytes.Equal(a, b) {
		t.Errorf("findings after %d edits differ from a fresh open of the same text:\nedited: %s\nreopen: %s", edits, a, b)
	}
	t.Logf("%d edits in %d notifications; %d bytes; %d findings", edits, version-1, len(text), len(again.Diagnostics))
}

func summarize(diags []protocol.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\n  %v %d:%d-%d:%d", d.Code, d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character)
	}
	return b.String()
}
