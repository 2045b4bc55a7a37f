package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

var update = flag.Bool("update", false, "rewrite the expected saved texts of the replayed sessions")

// captured is one line of a recorded session (testdata/clients/*.jsonl,
// copied from shared/clients; see its README).
type captured struct {
	Seq     int             `json:"seq"`
	Dir     string          `json:"dir"`
	Message json.RawMessage `json:"message"`
}

func loadCapture(t *testing.T, name string) []captured {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "clients", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []captured
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var c captured
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, c)
	}
	return out
}

// replayer plays a captured client against the server over net.Pipe with
// the exact bytes the client sent, answering the server's own requests the
// way the captured client answered the stand-in (or never, like ALE).
type replayer struct {
	t    *testing.T
	conn net.Conn
	srv  *Server
	exit chan int
	wmu  sync.Mutex
	// answering counts the answers to the server's requests being written,
	// so that none logs after the test has ended.
	answering sync.WaitGroup
	readDone  chan struct{}
	answers   map[string]json.RawMessage // method → the client's captured result

	mu        sync.Mutex
	cond      *sync.Cond
	responses map[string]map[string]json.RawMessage // idKey → response
	publishes []publishParams
	closed    bool
}

func newReplayer(t *testing.T, capture []captured) *replayer {
	sconn, cconn := net.Pipe()
	r := &replayer{t: t, conn: cconn, exit: make(chan int, 1), readDone: make(chan struct{}), answers: map[string]json.RawMessage{}, responses: map[string]map[string]json.RawMessage{}}
	r.cond = sync.NewCond(&r.mu)
	// What did the client answer to the stand-in's requests?
	methods := map[string]string{}
	for _, c := range capture {
		var m wireMessage
		_ = json.Unmarshal(c.Message, &m)
		if c.Dir == "server->client" && m.Method != "" && m.hasID() {
			methods[idKey(m.ID)] = m.Method
		}
		if c.Dir == "client->server" && m.Method == "" && m.hasID() {
			if method := methods[idKey(m.ID)]; method != "" {
				r.answers[method] = m.Result
			}
		}
	}
	r.srv = New(Options{Version: "test", Log: newTestLog(t)})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		code := r.srv.Serve(ctx, sconn, sconn)
		sconn.Close()
		r.exit <- code
	}()
	go r.read()
	t.Cleanup(func() {
		cancel()
		cconn.Close()
		defer func() {
			<-r.readDone // no answer starts after this
			r.answering.Wait()
		}()
		select {
		case <-r.exit:
		case <-time.After(watchdog):
			t.Error("server did not stop")
		}
	})
	return r
}

func (r *replayer) write(body []byte) {
	r.wmu.Lock()
	defer r.wmu.Unlock()
	fmt.Fprintf(r.conn, "Content-Length: %d\r\n\r\n", len(body))
	// A request the server sent as the session ended finds the pipe
	// closed: nobody is left to read the answer.
	if _, err := r.conn.Write(body); err != nil && !errors.Is(err, io.ErrClosedPipe) {
		r.t.Errorf("write: %v", err)
	}
}

func (r *replayer) read() {
	defer close(r.readDone)
	fr := newFrameReader(r.conn)
	for {
		body, err := fr.read()
		if err != nil {
			r.mu.Lock()
			r.closed = true
			r.mu.Unlock()
			r.cond.Broadcast()
			return
		}
		var m wireMessage
		if err := json.Unmarshal(body, &m); err != nil {
			r.t.Errorf("server sent invalid JSON: %q", body)
			continue
		}
		switch {
		case m.Method != "" && m.hasID(): // the server asks the client
			if res, ok := r.answers[m.Method]; ok {
				r.answering.Add(1)
				go func() {
					defer r.answering.Done()
					r.write([]byte(fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"result":%s}`, m.ID, res)))
				}()
			}
		case m.Method == "textDocument/publishDiagnostics":
			var p publishParams
			if err := json.Unmarshal(m.Params, &p); err != nil || p.Diagnostics == nil {
				r.t.Errorf("bad publishDiagnostics %s", m.Params)
			}
			r.mu.Lock()
			r.publishes = append(r.publishes, p)
			r.mu.Unlock()
			r.cond.Broadcast()
		case m.Method == "":
			var full map[string]json.RawMessage
			_ = json.Unmarshal(body, &full)
			r.mu.Lock()
			r.responses[idKey(m.ID)] = full
			r.mu.Unlock()
			r.cond.Broadcast()
		}
	}
}

// wait blocks until ok holds (under r.mu) or the watchdog fires.
func (r *replayer) wait(what string, ok func() bool) {
	r.t.Helper()
	timer := time.AfterFunc(watchdog, r.cond.Broadcast)
	defer timer.Stop()
	deadline := time.Now().Add(watchdog)
	r.mu.Lock()
	defer r.mu.Unlock()
	for !ok() {
		if time.Now().After(deadline) || r.closed {
			r.t.Fatalf("gave up waiting for %s", what)
		}
		r.cond.Wait()
	}
}

func (r *replayer) syncText(uri string) string {
	r.t.Helper()
	r.write([]byte(`{"jsonrpc":"2.0","id":"replay-sync","method":"workspace/symbol","params":{"query":"\u0000"}}`))
	r.wait("sync", func() bool { return r.responses[idKey(json.RawMessage(`"replay-sync"`))] != nil })
	r.mu.Lock()
	delete(r.responses, idKey(json.RawMessage(`"replay-sync"`)))
	r.mu.Unlock()
	d, ok := r.srv.store.get(uri)
	if !ok {
		r.t.Fatalf("%s not open", uri)
	}
	return string(d.text)
}

// TestReplayCapturedSessions replays each real client's session: every
// request is answered (no internal errors), the synced text before didClose
// is the file as the client saved it, the last diagnostics before close are
// for the last version, the close clears them, and the session ends with
// the right exit code.
func TestReplayCapturedSessions(t *testing.T) {
	for _, name := range []string{"vscode", "neovim", "emacs-eglot", "vim-ale", "vscode-languageserver-protocol"} {
		t.Run(name, func(t *testing.T) {
			capture := loadCapture(t, name+".jsonl")
			r := newReplayer(t, capture)
			var uri string
			var lastVersion int32
			var savedText *string
			requests := map[string]string{}
			hasExit := false
			for _, c := range capture {
				if c.Dir != "client->server" {
					continue
				}
				var m wireMessage
				if err := json.Unmarshal(c.Message, &m); err != nil {
					t.Fatal(err)
				}
				if m.Method == "" {
					continue // answers to the stand-in's requests; ours get their own
				}
				if m.hasID() {
					requests[idKey(m.ID)] = m.Method
				}
				switch m.Method {
				case "textDocument/didOpen":
					var p protocol.DidOpenTextDocumentParams
					_ = json.Unmarshal(m.Params, &p)
					uri, lastVersion = string(p.TextDocument.URI), p.TextDocument.Version
				case "textDocument/didChange":
					var p didChangeParams
					_ = json.Unmarshal(m.Params, &p)
					lastVersion = p.TextDocument.Version
				case "textDocument/didSave":
					var p struct{ Text *string }
					_ = json.Unmarshal(m.Params, &p)
					savedText = p.Text
				case "textDocument/didClose":
					r.checkBeforeClose(name, uri, lastVersion, savedText)
				case "exit":
					hasExit = true
				}
				r.write(c.Message)
			}
			// The close cleared the diagnostics; VS Code pulls, so
			// nothing is pushed to it, not even that.
			if !r.srv.caps.pull {
				r.wait("cleared diagnostics", func() bool {
					n := len(r.publishes)
					return n > 0 && string(r.publishes[n-1].URI) == uri && len(r.publishes[n-1].Diagnostics) == 0 && r.publishes[n-1].Version == nil
				})
			}
			if !hasExit {
				// ALE: no shutdown, no exit; the pipe closes. A real
				// client reads on until then; here the answers that may
				// overtake (workspace/symbol works off the handler
				// goroutine) are read before the pipe is closed.
				r.wait("every answer before the pipe closes", func() bool {
					for id := range requests {
						if r.responses[id] == nil {
							return false
						}
					}
					return true
				})
				r.conn.Close()
			}
			select {
			case code := <-r.exit:
				r.exit <- code
				want := 0
				if !hasExit {
					want = 1
				}
				if code != want {
					t.Errorf("exit code %d, want %d", code, want)
				}
			case <-time.After(watchdog):
				t.Fatal("server did not exit")
			}
			// The server closed its end: everything it sent has been read.
			r.wait("end of the session", func() bool { return r.closed })
			r.mu.Lock()
			defer r.mu.Unlock()
			if n := len(r.publishes); r.srv.caps.pull && n > 0 {
				t.Errorf("%d publishes to a client that pulls", n)
			}
			for id, method := range requests {
				resp := r.responses[id]
				if resp == nil {
					t.Errorf("%s (%s) got no response", method, id)
					continue
				}
				if e := resp["error"]; e != nil {
					t.Errorf("%s (%s) failed: %s", method, id, e)
				}
			}
		})
	}
}

// checkBeforeClose compares the synced text with the saved file and waits
// for the diagnostics of the last version.
func (r *replayer) checkBeforeClose(name, uri string, lastVersion int32, savedText *string) {
	t := r.t
	t.Helper()
	text := r.syncText(uri)
	golden := filepath.Join("testdata", "clients", name+".saved.md")
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update and review the file)", err)
	}
	if text != string(want) {
		t.Errorf("synced text differs from %s:\n%s", golden, lineDiff(string(want), text))
	}
	if savedText != nil && *savedText != text {
		t.Errorf("synced text differs from the text in didSave:\n%s", lineDiff(*savedText, text))
	}
	if r.srv.caps.pull {
		// The client that pulls gets the last version's findings when it
		// asks, and an unchanged report when it asks again.
		r.write([]byte(`{"jsonrpc":"2.0","id":"replay-pull","method":"textDocument/diagnostic","params":{"textDocument":{"uri":"` + uri + `"}}}`))
		key := idKey(json.RawMessage(`"replay-pull"`))
		r.wait("the pull report", func() bool { return r.responses[key] != nil })
		r.mu.Lock()
		var rep documentReport
		err := json.Unmarshal(r.responses[key]["result"], &rep)
		delete(r.responses, key)
		r.mu.Unlock()
		var items []protocol.Diagnostic
		if err != nil || rep.Kind != reportFull || rep.ResultID == "" || json.Unmarshal(rep.Items, &items) != nil || len(items) == 0 {
			t.Fatalf("pull report: %+v %v", rep, err)
		}
		r.write([]byte(`{"jsonrpc":"2.0","id":"replay-pull","method":"textDocument/diagnostic","params":{"textDocument":{"uri":"` + uri + `"},"previousResultId":"` + rep.ResultID + `"}}`))
		r.wait("the second pull report", func() bool { return r.responses[key] != nil })
		r.mu.Lock()
		var again documentReport
		_ = json.Unmarshal(r.responses[key]["result"], &again)
		delete(r.responses, key)
		r.mu.Unlock()
		if again.Kind != reportUnchanged || again.ResultID != rep.ResultID {
			t.Errorf("second pull: %+v, want unchanged %s", again, rep.ResultID)
		}
		return
	}
	r.wait(fmt.Sprintf("diagnostics for version %d", lastVersion), func() bool {
		for i := len(r.publishes) - 1; i >= 0; i-- {
			if p := r.publishes[i]; string(p.URI) == uri && p.Version != nil && *p.Version == lastVersion {
				return true
			}
		}
		return false
	})
	// Versions only go up.
	r.mu.Lock()
	last := int32(-1)
	for _, p := range r.publishes {
		if p.Version != nil {
			if *p.Version < last {
				t.Errorf("published version %d after %d", *p.Version, last)
			}
			last = *p.Version
		}
	}
	r.mu.Unlock()
}

func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b bytes.Buffer
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, w, g)
		}
	}
	return b.String()
}

// TestInitializeFixtures initializes with each client's exact initialize
// params (LSP 3.17 fields, sorted keys, no synchronization capability…) and
// checks that the answers follow what the client declared: hierarchical
// symbols or SymbolInformation, snippets or plain text.
func TestInitializeFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "clients", "*-initialize*.json"))
	if err != nil || len(files) < 7 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			params, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var declared protocol.InitializeParams
			if err := json.Unmarshal(params, &declared); err != nil {
				t.Fatal(err)
			}
			caps := readCaps(declared.Capabilities)
			rc := newRaw(t)
			rc.sendRaw(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":` + string(params) + `}`)
			resp := rc.response("0")
			var res protocol.InitializeResult
			if err := json.Unmarshal(resp["result"], &res); err != nil || res.ServerInfo == nil {
				t.Fatalf("initialize: %s %v", resp["error"], err)
			}
			// Helix offers UTF-8 first; the others UTF-16 or nothing.
			wantEnc := `"positionEncoding":"utf-16"`
			if strings.HasPrefix(filepath.Base(file), "helix") {
				wantEnc = `"positionEncoding":"utf-8"`
			}
			if !bytes.Contains(resp["result"], []byte(wantEnc)) {
				t.Errorf("want %s in %s", wantEnc, resp["result"])
			}
			rc.sendRaw(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
			src, _ := json.Marshal(readTestdata(t, "ledger.prfaq.md"))
			rc.sendRaw(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///home/user/project/ledger.prfaq.md","languageId":"markdown","version":1,"text":` + string(src) + `}}}`)
			rc.sendRaw(`{"jsonrpc":"2.0","id":1,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///home/user/project/ledger.prfaq.md"}}}`)
			syms := rc.response("1")["result"]
			if hier := bytes.Contains(syms, []byte(`"selectionRange"`)); hier != caps.hierarchicalSymbols {
				t.Errorf("hierarchical client=%v, got DocumentSymbol=%v", caps.hierarchicalSymbols, hier)
			}
			rc.sendRaw(`{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///home/user/project/ledger.prfaq.md"},"position":{"line":69,"character":0}}}`)
			var list protocol.CompletionList
			if err := json.Unmarshal(rc.response("2")["result"], &list); err != nil || len(list.Items) == 0 {
				t.Fatalf("completion: %v %v", list, err)
			}
			want := protocol.InsertTextFormatPlainText
			if caps.snippets {
				want = protocol.InsertTextFormatSnippet
			}
			for _, it := range list.Items {
				if it.InsertTextFormat != want {
					t.Errorf("%s: format %v, client snippets=%v", it.Label, it.InsertTextFormat, caps.snippets)
				}
			}
			rc.sendRaw(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`)
			rc.response("3")
			rc.sendRaw(`{"jsonrpc":"2.0","method":"exit"}`)
			if code := rc.waitExit(); code != 0 {
				t.Errorf("exit code %d", code)
			}
		})
	}
}
