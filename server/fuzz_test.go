package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Fuzz targets for the server's own code: applying incremental edits, the
// frame reader, and the whole session (framing, decoding, dispatch and
// handlers) fed arbitrary bytes. `go test` runs the seeds (f.Add and
// testdata/fuzz/<Name>); SECURITY.md has the command for a long run.

// refOffset is a reference for Mapper.Offset written another way: it lists
// every character boundary of the text with its line and UTF-16 column and
// picks the last boundary at or before the position on that line. Lines end
// at "\n", "\r\n" or a lone "\r"; invalid bytes are one unit each.
func refOffset(text []byte, line, char int) int {
	if line < 0 {
		return 0
	}
	type boundary struct{ col, off int }
	lines := [][]boundary{{{0, 0}}}
	col := 0
	for i := 0; i < len(text); {
		switch {
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
		case text[i] == '\r' || text[i] == '\n':
			i++
		default:
			r, size := utf8.DecodeRune(text[i:])
			if size == 4 && r > 0xFFFF {
				col += 2
			} else {
				col++
			}
			i += size
			cur := &lines[len(lines)-1]
			*cur = append(*cur, boundary{col, i})
			continue
		}
		col = 0
		lines = append(lines, []boundary{{0, i}})
	}
	if line >= len(lines) {
		return len(text)
	}
	best := lines[line][0].off
	for _, b := range lines[line] {
		if b.col <= char {
			best = b.off
		}
	}
	return best
}

// refApply applies one ranged change the slow, obvious way.
func refApply(text []byte, l1, c1, l2, c2 int, insert string) []byte {
	a, b := refOffset(text, l1, c1), refOffset(text, l2, c2)
	if b < a {
		a, b = b, a
	}
	return []byte(string(text[:a]) + insert + string(text[b:]))
}

// editsFromBytes turns fuzz bytes into a list of changes: each change takes
// 5 bytes (two positions and an insert length) and that many bytes of text.
// Positions may be past the end of a line or the document, and ranges
// inverted; inserted text may be invalid UTF-8, CR, LF or half a CRLF.
func editsFromBytes(ops []byte) []changeEvent {
	var out []changeEvent
	for len(ops) >= 5 {
		l1, c1, l2, c2, n := int(ops[0]%16), int(ops[1]%64), int(ops[2]%16), int(ops[3]%64), int(ops[4]%16)
		ops = ops[5:]
		n = min(n, len(ops))
		text := string(ops[:n])
		ops = ops[n:]
		if l1 == 15 && c1 == 63 {
			out = append(out, changeEvent{Text: text}) // a full replacement
			continue
		}
		out = append(out, changeEvent{Range: &protocol.Range{
			Start: protocol.Position{Line: uint32(l1), Character: uint32(c1)},
			End:   protocol.Position{Line: uint32(l2), Character: uint32(c2)},
		}, Text: text})
	}
	return out
}

func FuzzApplyChanges(f *testing.F) {
	f.Add([]byte("# Head 😀\r\n\r\n漢字\tTBD\rlast"), []byte{0, 3, 0, 9, 2, 'x', 'y', 2, 0, 1, 63, 0})
	f.Add([]byte("a\r\nb"), []byte{0, 1, 1, 0, 1, '\n', 0, 2, 0, 0, 1, '\r'})
	f.Add([]byte("\xff\xfe😀\n"), []byte{0, 1, 0, 2, 4, 0xf0, 0x9f, 0x98, 0x80, 9, 9, 0, 0, 0})
	f.Add([]byte(""), []byte{15, 63, 0, 0, 3, 'n', 'e', 'w', 3, 3, 0, 0, 0})
	f.Fuzz(func(t *testing.T, text, ops []byte) {
		changes := editsFromBytes(ops)
		orig := append([]byte(nil), text...)
		got := applyChanges(document.UTF16, text, nil, changes)
		// With the last check's Mapper of text, the same edit.
		if known := applyChanges(document.UTF16, text, document.NewMapper(text), changes); !bytes.Equal(known, got) {
			t.Fatalf("applyChanges with a known Mapper: %q, without: %q", known, got)
		}
		want := append([]byte(nil), text...)
		for _, c := range changes {
			if c.Range == nil {
				want = []byte(c.Text)
				continue
			}
			want = refApply(want, int(c.Range.Start.Line), int(c.Range.Start.Character), int(c.Range.End.Line), int(c.Range.End.Character), c.Text)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("applyChanges(%q, %+v)\n got %q\nwant %q", text, changes, got, want)
		}
		// The input is never modified in place (snapshots share it).
		if !bytes.Equal(text, orig) {
			t.Fatalf("applyChanges modified its input: %q became %q", orig, text)
		}
	})
}

func FuzzFrameReader(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("content-length: 2\n\n{}Content-Length: 3\r\n\r\n[1]"))
	f.Add([]byte("Content-Length: -1\r\n\r\n{}\r\nContent-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Type: x\r\nContent-Length: 99\r\n\r\n{}"))
	f.Add([]byte("\r\n\r\nContent-Length: 1e3\r\n\r\n"))
	f.Add([]byte("Content-Length: 999999999999999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fr := newFrameReader(bytes.NewReader(data))
		// Every read consumes at least one byte or ends the stream, so a
		// finite input ends in at most len(data)+1 reads.
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatalf("no end after %d reads of %d bytes", i, len(data))
			}
			body, err := fr.read()
			if errors.Is(err, errBadHeader) {
				continue
			}
			if err != nil {
				return
			}
			if len(body) > len(data) {
				t.Fatalf("body of %d bytes from %d bytes of input", len(body), len(data))
			}
		}
	})
}

// lockedBuffer collects what a server writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]byte(nil), l.b.Bytes()...)
}

// frame wraps a body in a Content-Length header.
func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

// checkOutput parses everything a server wrote: only well-formed frames
// holding JSON-RPC 2.0 messages, never null diagnostics.
func checkOutput(t testing.TB, out []byte) []map[string]json.RawMessage {
	t.Helper()
	var msgs []map[string]json.RawMessage
	fr := newFrameReader(bytes.NewReader(out))
	for {
		body, err := fr.read()
		if err == io.EOF {
			return msgs
		}
		if err != nil {
			t.Fatalf("server output is not framed: %v\n%q", err, out)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil || string(m["jsonrpc"]) != `"2.0"` {
			t.Fatalf("server wrote a bad message: %q", body)
		}
		if string(m["method"]) == `"textDocument/publishDiagnostics"` && bytes.Contains(m["params"], []byte(`"diagnostics":null`)) {
			t.Fatalf("null diagnostics: %s", m["params"])
		}
		if bytes.Contains(m["params"], []byte(`"code":"internal-error"`)) {
			t.Fatalf("a rule failed: %s", m["params"])
		}
		if bytes.Contains(m["error"], []byte(`"code":-32603`)) {
			t.Fatalf("internal error: %s", m["error"])
		}
		msgs = append(msgs, m)
	}
}

// serveBytes runs one session on input and returns its exit code and output;
// the watchdog is a hang guard.
// A handler or lint panic is recovered by the server (the session goes on)
// but is still a bug: the log is checked for its stack trace.
func serveBytes(t testing.TB, input []byte) (int, []byte) {
	t.Helper()
	out, logs := new(lockedBuffer), new(lockedBuffer)
	s := New(Options{Version: "fuzz", Log: logs})
	done := make(chan int, 1)
	go func() { done <- s.Serve(context.Background(), bytes.NewReader(input), out) }()
	select {
	case code := <-done:
		if l := logs.Bytes(); bytes.Contains(l, []byte("runtime/debug.Stack(")) {
			t.Fatalf("a handler panicked on %q:\n%s", input, l)
		}
		return code, out.Bytes()
	case <-time.After(watchdog):
		t.Fatalf("the session did not end on %q", input)
		return 0, nil
	}
}

const fuzzInit = `{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}`

// FuzzSession feeds a whole session: when framed, each line of data is one
// message body after a valid initialize (so the bytes reach the handlers);
// otherwise data is the raw stream. The session must end at end of input,
// write only valid frames, and answer a well-formed request that has an id
// the fuzz input does not reuse.
func FuzzSession(f *testing.F) {
	doc := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.prfaq.md","version":1,"text":"# Acme TBD\n\n## FAQ\n\n### Why?\n"}}}`
	for _, seed := range []string{
		doc + "\n" + `{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x.prfaq.md","version":2},"contentChanges":[{"range":{"start":{"line":9,"character":0},"end":{"line":0,"character":99}},"text":"\u00e9\r"}]}}`,
		doc + "\n" + `{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.prfaq.md"},"position":{"line":0,"character":8}}}`,
		doc + "\n" + `{"jsonrpc":"2.0","id":6,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///x.prfaq.md"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}`,
		doc + "\n" + `{"jsonrpc":"2.0","id":7,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///x.prfaq.md"},"position":{"line":4,"character":1}}}`,
		`{"jsonrpc":"2.0","id":"a","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":7}}}` + "\n" + `{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"a"}}`,
		`{"jsonrpc":"2.0","id":1e400,"method":"shutdown"}` + "\n" + `{"jsonrpc":"2.0","id":-1,"method":"x"}` + "\n" + `[1,2]` + "\n" + `{"id":{}}`,
		`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"prfaq":{"rules":{"jargon":{"words":[[[[]]]]}},"severity":7}}}}`,
		`{"jsonrpc":"2.0","id":8,"method":"textDocument/foldingRange","params":{"textDocument":{"uri":"file:///x.prfaq.md"}}}` + "\n" + `{"jsonrpc":"2.0","id":9,"method":"textDocument/codeLens","params":null}`,
	} {
		f.Add([]byte(seed), true)
	}
	f.Add([]byte(`{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":`+strings.Repeat("[", 10001)+strings.Repeat("]", 10001)+`}`), true)
	f.Add([]byte(frame(fuzzInit)+"Content-Length: 5\r\n\r\n{}"), false)
	f.Add([]byte("content-length: 2\n\n{}Content-Length: -4\r\n\r\n"+frame(`{"jsonrpc":"2.0","id":1,"method":"shutdown"}`)), false)
	f.Fuzz(func(t *testing.T, data []byte, framed bool) {
		input := string(data)
		probe := ""
		if framed {
			var b strings.Builder
			b.WriteString(frame(fuzzInit))
			for _, line := range strings.Split(input, "\n") {
				b.WriteString(frame(line))
			}
			// A request with an id no fuzz line can have (ids there are
			// at most a few bytes long): it must be answered, after
			// shutdown with an error, before it with a result.
			probe = `"probe-` + strings.Repeat("p", 20) + `"`
			b.WriteString(frame(`{"jsonrpc":"2.0","id":` + probe + `,"method":"textDocument/foldingRange","params":{"textDocument":{"uri":"untitled:probe"}}}`))
			input = b.String()
		}
		_, out := serveBytes(t, []byte(input))
		msgs := checkOutput(t, out)
		if probe == "" {
			return
		}
		exited := false
		for _, line := range strings.Split(string(data), "\n") {
			var m wireMessage
			if json.Unmarshal([]byte(line), &m) == nil && m.Method == "exit" {
				exited = true // a fuzz line may have ended the session
			}
		}
		for _, m := range msgs {
			if string(m["id"]) == probe {
				return
			}
		}
		if !exited {
			t.Fatalf("the probe request was not answered; output:\n%s", out)
		}
	})
}
