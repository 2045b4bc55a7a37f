package server

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// watchdog bounds every wait in the tests. It is a deadlock guard, not a
// timing assertion: nothing here measures how fast the server is.
const watchdog = 30 * time.Second

// client is an in-process LSP client over net.Pipe, built on go.lsp.dev's
// jsonrpc2 connection. It records what the server pushes and answers the
// server's own requests.
type client struct {
	t    testing.TB
	conn jsonrpc2.Conn
	srv  *Server
	exit chan int

	mu       sync.Mutex
	cond     *sync.Cond
	publish  []publishParams
	messages []protocol.ShowMessageParams
	requests []string // methods of requests the server sent us
	// settings answers workspace/configuration; nil means never answer,
	// as Vim ALE does.
	settings any
	setup    []func(*Server)
}

type clientOption func(*client)

func withSettings(v any) clientOption { return func(c *client) { c.settings = v } }

// withServer adjusts the server before it starts serving (test hooks).
func withServer(f func(*Server)) clientOption {
	return func(c *client) { c.setup = append(c.setup, f) }
}

// newClient starts a server and connects a client to it, without
// initializing.
func newClient(t testing.TB, opts ...clientOption) *client {
	t.Helper()
	sconn, cconn := net.Pipe()
	c := &client{t: t, exit: make(chan int, 1)}
	c.cond = sync.NewCond(&c.mu)
	for _, o := range opts {
		o(c)
	}
	c.srv = New(Options{Version: "test", Log: newTestLog(t)})
	for _, f := range c.setup {
		f(c.srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		code := c.srv.Serve(ctx, sconn, sconn)
		sconn.Close()
		c.exit <- code
	}()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(cconn))
	c.conn.Go(ctx, c.handle)
	t.Cleanup(func() {
		cancel()
		c.conn.Close()
		select {
		case <-c.exit:
		case <-time.After(watchdog):
			t.Error("server did not stop")
		}
	})
	return c
}

// testLog sends the server's log to the test log until the test ends; the
// reader goroutine may still log after Serve returns, when t.Log is no
// longer allowed.
type testLog struct {
	t    testing.TB
	mu   *sync.Mutex
	done *bool
}

func newTestLog(t testing.TB) testLog {
	l := testLog{t: t, mu: new(sync.Mutex), done: new(bool)}
	t.Cleanup(func() { l.mu.Lock(); *l.done = true; l.mu.Unlock() })
	return l
}

func (l testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !*l.done {
		l.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

func (c *client) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.cond.Broadcast()
	switch req.Method() {
	case "textDocument/publishDiagnostics":
		var p publishParams
		if err := json.Unmarshal(req.Params(), &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		if p.Diagnostics == nil {
			c.t.Errorf("publishDiagnostics with null diagnostics: %s", req.Params())
		}
		c.publish = append(c.publish, p)
	case "window/showMessage", "window/logMessage":
		var p protocol.ShowMessageParams
		_ = json.Unmarshal(req.Params(), &p)
		c.messages = append(c.messages, p)
	case "workspace/configuration":
		c.requests = append(c.requests, req.Method())
		if c.settings != nil {
			return reply(ctx, []any{c.settings}, nil)
		}
		return nil // never answer
	default:
		if _, isCall := req.(*jsonrpc2.Call); isCall {
			c.requests = append(c.requests, req.Method())
			return reply(ctx, nil, nil)
		}
	}
	return nil
}

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), watchdog)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *client) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), watchdog)
	defer cancel()
	if err := c.conn.Notify(ctx, method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize sends initialize (with the given capabilities) and initialized.
func (c *client) initialize(params *protocol.InitializeParams) protocol.InitializeResult {
	c.t.Helper()
	if params == nil {
		params = defaultInit()
	}
	var res protocol.InitializeResult
	c.mustCall("initialize", params, &res)
	c.notify("initialized", struct{}{})
	return res
}

// defaultInit is a modern client: hierarchical symbols, snippets, markdown.
func defaultInit() *protocol.InitializeParams {
	return &protocol.InitializeParams{
		Capabilities: protocol.ClientCapabilities{
			TextDocument: &protocol.TextDocumentClientCapabilities{
				DocumentSymbol: &protocol.DocumentSymbolClientCapabilities{HierarchicalDocumentSymbolSupport: true},
				Completion:     &protocol.CompletionTextDocumentClientCapabilities{CompletionItem: &protocol.CompletionTextDocumentClientCapabilitiesItem{SnippetSupport: true}},
				Hover:          &protocol.HoverTextDocumentClientCapabilities{ContentFormat: []protocol.MarkupKind{protocol.Markdown, protocol.PlainText}},
			},
			Workspace: &protocol.WorkspaceClientCapabilities{Configuration: true},
		},
	}
}

func (c *client) open(uri, text string, version int32) {
	c.t.Helper()
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: protocol.DocumentURI(uri), LanguageID: "markdown", Version: version, Text: text,
	}})
}

// change sends raw content changes (so tests can send ranged and full
// changes exactly as clients do).
func (c *client) change(uri string, version int32, changes ...map[string]any) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": changes,
	})
}

func ranged(l1, c1, l2, c2 int, text string) map[string]any {
	return map[string]any{"range": map[string]any{
		"start": map[string]any{"line": l1, "character": c1},
		"end":   map[string]any{"line": l2, "character": c2},
	}, "text": text}
}

func full(text string) map[string]any { return map[string]any{"text": text} }

// waitPublish waits for a publish for uri that satisfies ok and returns it.
func (c *client) waitPublish(uri string, ok func(publishParams) bool) publishParams {
	c.t.Helper()
	deadline := time.Now().Add(watchdog)
	timer := time.AfterFunc(watchdog, func() { c.cond.Broadcast() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i := len(c.publish) - 1; i >= 0; i-- {
			if p := c.publish[i]; string(p.URI) == uri && ok(p) {
				return p
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no matching publishDiagnostics for %s; got %d publishes", uri, len(c.publish))
		}
		c.cond.Wait()
	}
}

func (c *client) waitVersion(uri string, version int32) publishParams {
	c.t.Helper()
	return c.waitPublish(uri, func(p publishParams) bool { return p.Version != nil && *p.Version == version })
}

// publishes returns a copy of what was published for uri.
func (c *client) publishes(uri string) []publishParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []publishParams
	for _, p := range c.publish {
		if string(p.URI) == uri {
			out = append(out, p)
		}
	}
	return out
}

// sync makes sure every notification sent so far was handled: handlers run
// in order, so the answer to a request sent now comes after them.
func (c *client) sync() {
	c.t.Helper()
	var r any
	c.mustCall("workspace/symbol", protocol.WorkspaceSymbolParams{Query: "\x00no such symbol"}, &r)
}

func hasRule(diags []protocol.Diagnostic, rule string) bool {
	for _, d := range diags {
		if d.Code == rule {
			return true
		}
	}
	return false
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// waitAnswered waits until the client has answered a server request of
// method. handle replies while holding c.mu, so once the request is seen
// here the reply is on the wire, and anything sent afterwards reaches the
// server after it.
func (c *client) waitAnswered(method string) {
	c.t.Helper()
	deadline := time.Now().Add(watchdog)
	timer := time.AfterFunc(watchdog, func() { c.cond.Broadcast() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for _, m := range c.requests {
			if m == method {
				return
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("the server never sent %s", method)
		}
		c.cond.Wait()
	}
}
