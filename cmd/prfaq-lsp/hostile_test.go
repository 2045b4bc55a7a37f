package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A hostile client over real stdio: batches of bad messages, each followed
// by a valid request that must get the right answer, then streams that
// cannot be recovered, which must end the process with a reason in the log
// and a non-zero code, never a hang. The watchdogs are hang guards only.

// hostile is a session with the built binary and a known-good document.
type hostile struct {
	*proc
	t      *testing.T
	log    string
	nextID int
}

const goodURI = "untitled:good-prfaq"

func startHostile(t *testing.T) *hostile {
	t.Helper()
	logFile := filepath.Join(t.TempDir(), "lsp.log")
	h := &hostile{proc: start(t, "--log", logFile), t: t, log: logFile, nextID: 1000}
	return h
}

func (h *hostile) raw(s string) {
	h.t.Helper()
	if _, err := io.WriteString(h.stdin, s); err != nil {
		h.t.Fatalf("write: %v", err)
	}
}

func (h *hostile) initialize() {
	h.t.Helper()
	h.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}}}`)
	h.until("initialize response", isResponse("1"))
	h.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	h.open(goodURI, 1, launch)
}

func (h *hostile) open(uri string, version int, text string) {
	h.t.Helper()
	js, _ := json.Marshal(text)
	h.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"markdown","version":%d,"text":%s}}}`, uri, version, js))
}

// collect reads every message up to and including the answer to a valid
// documentSymbol request on the good document, checks that answer and
// returns what came before it. Handlers run in order, so everything the
// batch caused that is answered synchronously comes first.
// await reads frames until the response with id (as JSON) arrives.
func (h *hostile) await(id string) map[string]json.RawMessage {
	h.t.Helper()
	timeout := time.After(watchdog)
	for {
		select {
		case m, open := <-h.frames:
			if !open {
				h.t.Fatalf("waiting for %s: stdout ended: %v", id, <-h.readErr)
			}
			if _, isMethod := m["method"]; !isMethod && string(m["id"]) == id {
				return m
			}
		case <-timeout:
			h.t.Fatalf("no answer to %s", id)
		}
	}
}

func (h *hostile) collect(batch string) []map[string]json.RawMessage {
	h.t.Helper()
	h.nextID++
	id := fmt.Sprint(h.nextID)
	h.send(`{"jsonrpc":"2.0","id":` + id + `,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"` + goodURI + `"}}}`)
	var before []map[string]json.RawMessage
	timeout := time.After(watchdog)
	for {
		select {
		case m, open := <-h.frames:
			if !open {
				h.t.Fatalf("after %s: stdout ended: %v", batch, <-h.readErr)
			}
			if isResponse(id)(m) {
				if !bytes.Contains(m["result"], []byte("How much does it cost?")) {
					h.t.Fatalf("after %s: documentSymbol = %s %s", batch, m["result"], m["error"])
				}
				return before
			}
			before = append(before, m)
		case <-timeout:
			h.t.Fatalf("after %s: no answer to the probe", batch)
		}
	}
}

// errorCodes counts error responses by code; ids records their ids.
func errorCodes(msgs []map[string]json.RawMessage) (codes map[int]int, ids map[string]int) {
	codes, ids = map[int]int{}, map[string]int{}
	for _, m := range msgs {
		if _, isMethod := m["method"]; isMethod {
			continue
		}
		ids[string(m["id"])]++
		var e struct{ Code int }
		if json.Unmarshal(m["error"], &e) == nil && len(m["error"]) > 0 {
			codes[e.Code]++
		}
	}
	return codes, ids
}

func TestHostileClient(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and drives the binary with thousands of messages")
	}
	h := startHostile(t)
	rng := rand.New(rand.NewSource(5))

	// Requests before initialize: each gets ServerNotInitialized, and
	// notifications are dropped without an answer.
	for i := 0; i < 200; i++ {
		h.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":"pre-%d","method":"textDocument/hover","params":{}}`, i))
		h.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:pre","text":"x"}}}`)
	}
	for i := 0; i < 200; i++ {
		m := h.until("pre-initialize answer", func(m map[string]json.RawMessage) bool { _, ok := m["id"]; return ok })
		if want := fmt.Sprintf(`"pre-%d"`, i); string(m["id"]) != want || !bytes.Contains(m["error"], []byte("-32002")) {
			t.Fatalf("before initialize: got %s %s, want ServerNotInitialized for %s", m["id"], m["error"], want)
		}
	}
	h.initialize()
	h.collect("initialize")

	// Subtests fail through their own t.
	run := func(name string, f func(t *testing.T)) {
		t.Run(name, func(st *testing.T) {
			h.t, h.proc.t = st, st
			defer func() { h.t, h.proc.t = t, t }()
			f(st)
		})
	}

	run("framing", func(t *testing.T) {
		const n = 300
		for i := 0; i < n; i++ {
			body := fmt.Sprintf(`{"jsonrpc":"2.0","id":"f%d","method":"no/such"}`, i)
			switch i % 6 {
			case 0: // Content-Length too short: the head is invalid JSON, the rest runs into the next header
				h.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body)-7, body))
			case 1: // no Content-Length
				h.raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body)
			case 2: // negative and non-numeric lengths
				h.raw("Content-Length: -12\r\n\r\n" + body)
			case 3:
				h.raw("Content-Length: twelve\r\n\r\n" + body)
			case 4: // lowercase header, LF only: accepted
				h.raw(fmt.Sprintf("content-length: %d\n\n%s", len(body), body))
			case 5: // too long, filled with junk: one parse error
				h.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s@@@@", len(body)+4, body))
			}
		}
		msgs := h.collect("bad framing")
		codes, ids := errorCodes(msgs)
		for i := 4; i < n; i += 6 {
			if ids[fmt.Sprintf(`"f%d"`, i)] != 1 {
				t.Errorf("lowercase-header request f%d answered %d times", i, ids[fmt.Sprintf(`"f%d"`, i)])
			}
		}
		if codes[-32601] != n/6 {
			t.Errorf("%d MethodNotFound answers, want %d (only the well-framed requests)", codes[-32601], n/6)
		}
		if codes[-32700] < n/6 {
			t.Errorf("%d parse errors, want at least %d", codes[-32700], n/6)
		}
	})

	run("invalid JSON", func(t *testing.T) {
		bodies := []string{`{`, `{"jsonrpc":"2.0","id":1,"method":}`, `nul`, "\xff\xfe\x00", `{"jsonrpc":"2.0","id":2,"method":"x","params":{"a":"\ud800"`, `[]`, `"s"`}
		const n = 700
		for i := 0; i < n; i++ {
			h.send(bodies[i%len(bodies)])
		}
		msgs := h.collect("invalid JSON")
		codes, _ := errorCodes(msgs)
		// Five bodies are not JSON; [] and "s" are JSON but not messages
		// (parse error or invalid request): each gets exactly one error.
		if codes[-32700] < n*5/len(bodies) || codes[-32700]+codes[-32600] != n {
			t.Errorf("error answers %v, want %d in all, at least %d parse errors", codes, n, n*5/len(bodies))
		}
	})

	run("wrong params and ids", func(t *testing.T) {
		wrong := []string{
			`{"textDocument":{"uri":7}}`,
			`{"textDocument":{"uri":"` + goodURI + `"},"position":{"line":"one","character":0}}`,
			`{"textDocument":{"uri":"` + goodURI + `"},"position":{"line":-1,"character":-5}}`,
			`[1,2,3]`, `"params"`, `42`,
		}
		const n = 600
		for i := 0; i < n; i++ {
			h.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":"w%d","method":"textDocument/hover","params":%s}`, i, wrong[i%len(wrong)]))
		}
		ids := []string{`1e400`, `-1`, `-9223372036854775809`, `123456789012345678901234567890`, `0.5`, `""`, `"` + strings.Repeat("long-id", 2000) + `"`, `"\u00e9\ud83d\ude00"`}
		for _, id := range ids {
			h.send(`{"jsonrpc":"2.0","id":` + id + `,"method":"no/such/method","params":{}}`)
			h.send(`{"jsonrpc":"2.0","method":"no/such/notification","params":{}}`)
		}
		msgs := h.collect("wrong params")
		codes, got := errorCodes(msgs)
		// A position that does not decode is invalid params; one that
		// decodes (negative numbers into unsigned fields do not) is
		// answered, null when there is nothing to show.
		answered := 0
		for i := 0; i < n; i++ {
			answered += got[fmt.Sprintf(`"w%d"`, i)]
		}
		if answered != n {
			t.Errorf("%d of %d bad hover requests answered", answered, n)
		}
		if codes[-32602] == 0 {
			t.Errorf("no InvalidParams among %v", codes)
		}
		for _, id := range ids {
			if got[id] != 1 {
				t.Errorf("id %.40s answered %d times, want once with the same id", id, got[id])
			}
		}
		if codes[-32601] != len(ids) {
			t.Errorf("%d MethodNotFound, want %d (notifications get no answer)", codes[-32601], len(ids))
		}
	})

	run("documents", func(t *testing.T) {
		// didChange for a document never opened, didClose twice.
		for i := 0; i < 200; i++ {
			h.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:never-%d","version":2},"contentChanges":[{"text":"x"}]}}`, i))
			h.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"untitled:never-%d"}}}`, i))
		}
		// Edits past the end and inverted ranges on a scratch document,
		// then one replacement from 0:0 to far past the end must leave
		// exactly the new text: the symbols show it (workspace/symbol,
		// which reads the current version; documentSymbol may answer
		// from the last finished reading while the burst is checked).
		h.open("untitled:scratch.prfaq.md", 1, "# Scratch\n")
		for i := 0; i < 1000; i++ {
			l1, c1, l2, c2 := rng.Intn(50), rng.Intn(300), rng.Intn(50), rng.Intn(300)
			text := []string{`""`, `"x"`, `"\r\n"`, `"😀"`, `"漢字\t"`, `"\ud83d"`}[rng.Intn(6)]
			h.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:scratch.prfaq.md","version":%d},"contentChanges":[{"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}},"text":%s}]}}`, i+2, l1, c1, l2, c2, text))
		}
		final, _ := json.Marshal(strings.Replace(launch, "How much does it cost?", "Is the scratch intact?", 1))
		h.send(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:scratch.prfaq.md","version":5000},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":100000,"character":0}},"text":` + string(final) + `}]}}`)
		h.send(`{"jsonrpc":"2.0","id":"scratch","method":"workspace/symbol","params":{"query":"scratch"}}`)
		// Duplicate didOpen: the second text wins.
		h.open("untitled:dup", 1, "# One\n")
		h.open("untitled:dup", 2, strings.Replace(launch, "How much does it cost?", "Second open?", 1))
		h.send(`{"jsonrpc":"2.0","id":"dup","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"untitled:dup"}}}`)
		// Invalid UTF-8 in the text (the JSON decoder makes it U+FFFD)
		// and a lone surrogate escape.
		h.raw(frameRaw(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:bad-utf8.prfaq.md","version":1,"text":"# A \xff\xfe\xc3 TBD \ud800\n\n## FAQ\n\n### Q\xe2?\n"}}}`))
		h.send(`{"jsonrpc":"2.0","id":"utf8","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"untitled:bad-utf8.prfaq.md"}}}`)
		msgs := h.collect("document abuse")
		answers := map[string]json.RawMessage{}
		for _, m := range msgs {
			if _, isMethod := m["method"]; !isMethod {
				answers[string(m["id"])] = append(m["result"], m["error"]...)
			}
		}
		// the probe's outline may come from the last finished reading, ahead
		// of an answer read with a check still running: wait for those too
		for _, id := range []string{`"scratch"`, `"dup"`, `"utf8"`} {
			if _, ok := answers[id]; !ok {
				m := h.await(id)
				answers[id] = append(m["result"], m["error"]...)
			}
		}
		if a := answers[`"scratch"`]; !bytes.Contains(a, []byte("Is the scratch intact?")) || bytes.Contains(a, []byte("Scratch")) {
			t.Errorf("scratch after a replacement past the end: %s", a)
		}
		if a := answers[`"dup"`]; !bytes.Contains(a, []byte("Second open?")) {
			t.Errorf("duplicate didOpen: %s", a)
		}
		if a := answers[`"utf8"`]; len(a) == 0 || bytes.Contains(a, []byte(`"code"`)) {
			t.Errorf("invalid UTF-8 document: %s", a)
		}
	})

	run("20 MB document", func(t *testing.T) {
		big := "---\nprfaq: true\n---\n# Acme ships a very big thing\n\n" + strings.Repeat("All work and no play makes TBD a dull launch.\n", 20<<20/46)
		h.open("untitled:big.prfaq.md", 1, big)
		h.send(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:big.prfaq.md","version":2},"contentChanges":[{"range":{"start":{"line":3,"character":2},"end":{"line":3,"character":6}},"text":"Zenith"}]}}`)
		isBig := func(m map[string]json.RawMessage) bool {
			return string(m["method"]) == `"textDocument/publishDiagnostics"` && bytes.Contains(m["params"], []byte(`"uri":"untitled:big.prfaq.md"`)) && bytes.Contains(m["params"], []byte(`"version":2`))
		}
		var pub map[string]json.RawMessage
		for _, m := range h.collect("a 20 MB document") {
			if isBig(m) {
				pub = m
			}
		}
		if pub == nil {
			pub = h.until("publish for the big document", isBig)
		}
		var p struct {
			Diagnostics []struct {
				Code    string
				Message string
			}
		}
		if err := json.Unmarshal(pub["params"], &p); err != nil || len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "document-too-large" {
			t.Errorf("big document: %s", pub["params"])
		}
		h.send(`{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"untitled:big.prfaq.md"}}}`)
		h.collect("closing the big document")
	})

	run("cancel storm", func(t *testing.T) {
		const n = 300
		for i := 0; i < n; i++ {
			h.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"textDocument/foldingRange","params":{"textDocument":{"uri":"%s"}}}`, 10000+i, goodURI))
			for _, id := range []string{fmt.Sprint(10000 + i), fmt.Sprintf(`"%d"`, 10000+i), `null`, `{}`, `[1]`, fmt.Sprint(rng.Int63())} {
				h.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":` + id + `}}`)
			}
			h.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":"nonsense"}`)
		}
		msgs := h.collect("cancel storm")
		_, ids := errorCodes(msgs)
		for i := 0; i < n; i++ {
			if c := ids[fmt.Sprint(10000+i)]; c != 1 {
				t.Errorf("request %d answered %d times, want once (result or cancelled)", 10000+i, c)
			}
		}
	})

	// The session still ends cleanly.
	h.send(`{"jsonrpc":"2.0","id":"bye","method":"shutdown"}`)
	h.until("shutdown answer", isResponse(`"bye"`))
	h.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := h.wait(); code != 0 {
		t.Errorf("exit code %d after shutdown and exit, want 0", code)
	}
}

// frameRaw frames a body whose bytes are sent as they are.
func frameRaw(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// Streams that cannot be resynchronised end the process at once, with a
// reason in the log and exit code 1.
func TestHostileUnrecoverable(t *testing.T) {
	cases := []struct {
		name  string
		feed  func(h *hostile)
		inLog string
	}{
		{"body shorter than its Content-Length, then EOF", func(h *hostile) {
			h.raw("Content-Length: 1000\r\n\r\n" + `{"jsonrpc":"2.0"`)
			h.stdin.Close()
		}, "Content-Length was 1000 but the stream ended after 16 bytes"},
		{"EOF inside a header", func(h *hostile) {
			h.raw("Content-Length: 10\r\nContent-Ty")
			h.stdin.Close()
		}, "ended inside a frame header"},
		{"a header line that never ends (stdin stays open)", func(h *hostile) {
			h.raw("Content-Length: 10\r\n")
			chunk := strings.Repeat("x", 32<<10)
			for i := 0; i < 4; i++ {
				// The server may be gone before the last chunk: a
				// broken pipe here is the expected outcome.
				_, _ = io.WriteString(h.stdin, chunk)
			}
		}, "header line is longer than"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := startHostile(t)
			h.initialize()
			h.collect("initialize")
			tc.feed(h)
			if code := h.wait(); code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			log, _ := os.ReadFile(h.log)
			if !strings.Contains(string(log), tc.inLog) {
				t.Errorf("log does not say %q:\n%s", tc.inLog, log)
			}
		})
	}
}
