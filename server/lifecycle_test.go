package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// rawConn drives the server with hand-written frames, for the cases where
// the exact bytes matter ({} or null params, missing params, bad frames).
type rawConn struct {
	t    *testing.T
	w    net.Conn
	r    *frameReader
	exit chan int
	srv  *Server
}

func newRaw(t *testing.T) *rawConn {
	t.Helper()
	sconn, cconn := net.Pipe()
	rc := &rawConn{t: t, w: cconn, r: newFrameReader(cconn), exit: make(chan int, 1)}
	rc.srv = New(Options{Version: "test", Log: newTestLog(t)})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		code := rc.srv.Serve(ctx, sconn, sconn)
		sconn.Close()
		rc.exit <- code
	}()
	t.Cleanup(func() {
		cancel()
		cconn.Close()
		select {
		case <-rc.exit:
		case <-time.After(watchdog):
			t.Error("server did not stop")
		}
	})
	return rc
}

func (rc *rawConn) sendRaw(body string) {
	rc.t.Helper()
	frame := fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
	done := make(chan error, 1)
	go func() { _, err := io.WriteString(rc.w, frame); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			rc.t.Fatalf("write: %v", err)
		}
	case <-time.After(watchdog):
		rc.t.Fatal("write blocked")
	}
}

// next reads the next message from the server.
func (rc *rawConn) next() map[string]json.RawMessage {
	rc.t.Helper()
	type res struct {
		body []byte
		err  error
	}
	ch := make(chan res, 1)
	go func() { b, err := rc.r.read(); ch <- res{b, err} }()
	select {
	case r := <-ch:
		if r.err != nil {
			rc.t.Fatalf("read: %v", r.err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(r.body, &m); err != nil {
			rc.t.Fatalf("server sent invalid JSON %q: %v", r.body, err)
		}
		return m
	case <-time.After(watchdog):
		rc.t.Fatal("no message from server")
		return nil
	}
}

// response reads messages until the response with id, skipping
// notifications and server requests (answering none of them).
func (rc *rawConn) response(id string) map[string]json.RawMessage {
	rc.t.Helper()
	for {
		m := rc.next()
		if _, isMethod := m["method"]; isMethod {
			continue
		}
		if string(m["id"]) == id {
			return m
		}
		rc.t.Fatalf("unexpected response %v while waiting for id %s", m, id)
	}
}

func errorCode(t *testing.T, m map[string]json.RawMessage) int {
	t.Helper()
	var e struct{ Code int }
	if err := json.Unmarshal(m["error"], &e); err != nil || m["error"] == nil {
		t.Fatalf("want an error response, got %v", m)
	}
	return e.Code
}

func (rc *rawConn) waitExit() int {
	rc.t.Helper()
	select {
	case code := <-rc.exit:
		rc.exit <- code // for Cleanup
		return code
	case <-time.After(watchdog):
		rc.t.Fatal("server did not exit")
		return -1
	}
}

const minimalInit = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`

func TestRequestBeforeInitialize(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(`{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.md"},"position":{"line":0,"character":0}}}`)
	if got := errorCode(t, rc.response("7")); got != int(jsonrpc2.ServerNotInitialized) {
		t.Errorf("code = %d, want ServerNotInitialized (-32002)", got)
	}
	rc.sendRaw(minimalInit)
	if m := rc.response("1"); m["result"] == nil {
		t.Errorf("initialize failed after an early request: %v", m)
	}
}

func TestUnknownMethod(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(minimalInit)
	rc.response("1")
	rc.sendRaw(`{"jsonrpc":"2.0","id":"x","method":"textDocument/prepareTypeHierarchy","params":{}}`)
	if got := errorCode(t, rc.response(`"x"`)); got != int(jsonrpc2.MethodNotFound) {
		t.Errorf("code = %d, want MethodNotFound", got)
	}
	// An unknown notification is ignored and the server goes on.
	rc.sendRaw(`{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}`)
	rc.sendRaw(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	if m := rc.response("2"); string(m["result"]) != "null" {
		t.Errorf("shutdown result = %s", m["result"])
	}
}

// Every way clients send shutdown and exit: no params key (VS Code, Neovim,
// Helix, Zed, the MS library), "params": null (eglot) and "params": {}
// (rejected by the stock jsonrpc2 handlers).
func TestShutdownExitParamsForms(t *testing.T) {
	for name, params := range map[string]string{"absent": ``, "null": `,"params":null`, "empty object": `,"params":{}`} {
		t.Run(name, func(t *testing.T) {
			rc := newRaw(t)
			rc.sendRaw(minimalInit)
			rc.response("1")
			rc.sendRaw(`{"jsonrpc":"2.0","id":2,"method":"shutdown"` + params + `}`)
			m := rc.response("2")
			if _, hasErr := m["error"]; hasErr {
				t.Fatalf("shutdown: %s", m["error"])
			}
			if string(m["result"]) != "null" {
				t.Errorf("shutdown result = %s, want null", m["result"])
			}
			rc.sendRaw(`{"jsonrpc":"2.0","method":"exit"` + params + `}`)
			if code := rc.waitExit(); code != 0 {
				t.Errorf("exit code after shutdown = %d, want 0", code)
			}
		})
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(minimalInit)
	rc.response("1")
	rc.sendRaw(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := rc.waitExit(); code != 1 {
		t.Errorf("exit code without shutdown = %d, want 1", code)
	}
}

func TestRequestAfterShutdown(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(minimalInit)
	rc.response("1")
	rc.sendRaw(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
	rc.response("2")
	rc.sendRaw(`{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{"query":""}}`)
	if got := errorCode(t, rc.response("3")); got != int(jsonrpc2.InvalidRequest) {
		t.Errorf("code = %d, want InvalidRequest", got)
	}
}

func TestEOFEndsServer(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(minimalInit)
	rc.response("1")
	rc.w.Close()
	if code := rc.waitExit(); code != 1 {
		t.Errorf("exit code at EOF without shutdown = %d, want 1", code)
	}
}

// One bad frame must not close the connection (it does with stock jsonrpc2).
func TestBadFrameKeepsServing(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}`) // truncated JSON
	if got := errorCode(t, rc.response("null")); got != int(jsonrpc2.ParseError) {
		t.Errorf("code = %d, want ParseError", got)
	}
	// A header without Content-Length is skipped too.
	if _, err := io.WriteString(rc.w, "Content-Type: application/vscode-jsonrpc\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	rc.sendRaw(minimalInit)
	if m := rc.response("1"); m["result"] == nil {
		t.Errorf("initialize after bad frames: %v", m)
	}
}

// A panic in a handler becomes -32603 and the server keeps serving.
func TestPanicBecomesInternalError(t *testing.T) {
	rc := newRaw(t)
	rc.srv.handlers["prfaq/boom"] = func(context.Context, json.RawMessage) (any, error) { panic("boom") }
	rc.sendRaw(minimalInit)
	rc.response("1")
	rc.sendRaw(`{"jsonrpc":"2.0","id":2,"method":"prfaq/boom"}`)
	if got := errorCode(t, rc.response("2")); got != int(jsonrpc2.InternalError) {
		t.Errorf("code = %d, want InternalError (-32603)", got)
	}
	rc.sendRaw(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`)
	if m := rc.response("3"); string(m["result"]) != "null" {
		t.Errorf("server stopped serving after a panic: %v", m)
	}
}

// $/cancelRequest works for numeric and string ids. The request is held
// behind a blocking handler so that the cancel arrives while it is queued.
func TestCancelRequestNumericAndStringIDs(t *testing.T) {
	for _, id := range []string{`42`, `"req-42"`} {
		t.Run(id, func(t *testing.T) {
			rc := newRaw(t)
			release := make(chan struct{})
			started := make(chan struct{})
			rc.srv.handlers["prfaq/block"] = func(ctx context.Context, _ json.RawMessage) (any, error) {
				close(started)
				<-release
				return "done", nil
			}
			rc.srv.handlers["prfaq/wait"] = func(ctx context.Context, _ json.RawMessage) (any, error) {
				select {
				case <-ctx.Done():
					return nil, ctx.Err()
				case <-time.After(watchdog):
					return "not cancelled", nil
				}
			}
			rc.sendRaw(minimalInit)
			rc.response("1")
			rc.sendRaw(`{"jsonrpc":"2.0","id":2,"method":"prfaq/block"}`)
			<-started
			rc.sendRaw(`{"jsonrpc":"2.0","id":` + id + `,"method":"workspace/symbol","params":{"query":""}}`)
			rc.sendRaw(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":` + id + `}}`)
			// Release the blocker only once the reader has recorded the
			// cancel, so the request is still queued when it is cancelled.
			deadline := time.Now().Add(watchdog)
			for {
				rc.srv.cmu.Lock()
				n := len(rc.srv.cancelled)
				rc.srv.cmu.Unlock()
				if n > 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("cancel was never recorded")
				}
				time.Sleep(time.Millisecond)
			}
			close(release)
			if m := rc.response("2"); string(m["result"]) != `"done"` {
				t.Fatalf("blocker: %v", m)
			}
			if got := errorCode(t, rc.response(id)); got != int(protocol.CodeRequestCancelled) {
				t.Errorf("code = %d, want RequestCancelled (-32800)", got)
			}
			// A running request is cancelled through its context.
			rc.sendRaw(`{"jsonrpc":"2.0","id":` + strings.Replace(id, "42", "43", 1) + `,"method":"prfaq/wait"}`)
			rc.sendRaw(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":` + strings.Replace(id, "42", "43", 1) + `}}`)
			if got := errorCode(t, rc.response(strings.Replace(id, "42", "43", 1))); got != int(protocol.CodeRequestCancelled) {
				t.Errorf("running request: code = %d, want RequestCancelled", got)
			}
		})
	}
}

// The result of a request that yields nothing is [] (never null) for list
// methods, as nil slices marshal to null.
func TestEmptyResultsAreArrays(t *testing.T) {
	c := newClient(t)
	c.initialize(nil)
	c.open("file:///tmp/notes.md", "just some notes\n", 1)
	for _, m := range []struct {
		method string
		params any
	}{
		{"textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/notes.md"}}},
		{"textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/notes.md"}}}},
		{"textDocument/codeLens", protocol.CodeLensParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/notes.md"}}},
		{"textDocument/codeAction", protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/notes.md"}}},
		{"workspace/symbol", protocol.WorkspaceSymbolParams{Query: "zzz"}},
	} {
		var raw json.RawMessage
		c.mustCall(m.method, m.params, &raw)
		if !bytes.Equal(bytes.TrimSpace(raw), []byte("[]")) {
			t.Errorf("%s = %s, want []", m.method, raw)
		}
	}
	p := c.waitPublish("file:///tmp/notes.md", func(publishParams) bool { return true })
	if len(p.Diagnostics) != 0 {
		t.Errorf("non-PR/FAQ markdown got diagnostics: %v", p.Diagnostics)
	}
}

func TestInitializeResult(t *testing.T) {
	c := newClient(t)
	var raw json.RawMessage
	c.mustCall("initialize", defaultInit(), &raw)
	var res map[string]any
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	caps := res["capabilities"].(map[string]any)
	// A client that offers no encoding gets UTF-16, said outright.
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("positionEncoding = %v, want utf-16", caps["positionEncoding"])
	}
	sync := caps["textDocumentSync"].(map[string]any)
	if sync["change"] != float64(2) || sync["openClose"] != true {
		t.Errorf("textDocumentSync = %v, want incremental with open/close", sync)
	}
	for _, k := range []string{"completionProvider", "hoverProvider", "documentSymbolProvider", "codeActionProvider", "foldingRangeProvider", "codeLensProvider", "workspaceSymbolProvider"} {
		if caps[k] == nil {
			t.Errorf("missing capability %s", k)
		}
	}
	// A second initialize is an error.
	err := c.call("initialize", defaultInit(), nil)
	var je *jsonrpc2.Error
	if !errors.As(err, &je) || je.Code != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: %v, want InvalidRequest", err)
	}
}

// Helix sends shutdown and exit back to back without waiting for the reply;
// the order is kept, so the exit code is still 0.
func TestShutdownExitBackToBack(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(minimalInit)
	rc.response("1")
	body := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	frames := fmt.Sprintf("Content-Length: %d\r\n\r\n%sContent-Length: %d\r\n\r\n%s", len(body), body, len(exit), exit)
	go func() { _, _ = io.WriteString(rc.w, frames) }()
	if m := rc.response("2"); string(m["result"]) != "null" {
		t.Errorf("shutdown: %v", m)
	}
	if code := rc.waitExit(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
}

func TestExitBeforeInitialize(t *testing.T) {
	rc := newRaw(t)
	rc.sendRaw(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := rc.waitExit(); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
}
