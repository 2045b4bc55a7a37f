// Package server is the prfaq language server: it speaks LSP over a byte
// stream and translates between the protocol and the engine (document and
// diagnostics). It holds no rule logic: everything it shows comes from the
// engine's Document and Findings, converted to LSP positions through the
// Document's Mapper.
//
// One goroutine reads frames, answers $/cancelRequest and routes replies to
// the server's own requests; one goroutine runs handlers one at a time in
// arrival order; one goroutine lints the newest version of changed documents
// and publishes diagnostics. Linting mostly happens off the handlers'
// goroutine, but a handler that needs a version the linter has not reached
// yet checks it itself (or waits for the check already running), so that
// its answer matches the client's text; store.go says how the documents'
// state changes and which lock guards what.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Options configure a Server.
type Options struct {
	// Version is reported in serverInfo.
	Version string
	// Log receives the server's log; nil discards it. It must never be
	// stdout: stdout carries the protocol.
	Log io.Writer
}

// handlerFunc handles one request or notification. The result of a
// notification is ignored.
type handlerFunc func(ctx context.Context, params json.RawMessage) (any, error)

// Server is one LSP session.
type Server struct {
	opts Options
	log  *log.Logger
	out  *frameWriter

	handlers map[string]handlerFunc

	// queue feeds the handler goroutine; the reader never blocks on it so
	// that cancellations and replies are seen while a handler runs.
	qmu   sync.Mutex
	qcond *sync.Cond
	queue []queued

	// Cancellation state, keyed by idKey.
	cmu       sync.Mutex
	waiting   map[string]bool               // requests queued, not started
	cancelled map[string]bool               // queued requests cancelled early
	running   map[string]context.CancelFunc // the request being handled

	// Replies to the server's own requests.
	pmu     sync.Mutex
	nextID  int
	pending map[string]func(result json.RawMessage, err *wireError)
	// pendingOrder lists pending keys oldest first, so that a client that
	// never answers (Vim ALE) cannot grow pending without bound.
	pendingOrder []string

	// Lifecycle, touched only by the handler goroutine.
	initialized  bool
	shutdown     bool
	exitCode     int
	exitReceived bool

	caps clientCaps
	// enc is the position encoding agreed at initialize, before any
	// document opens; every position in and out is in it.
	enc document.Encoding
	// clientReady: initialized was received, so the server may send the
	// client requests (workspace/diagnostic/refresh) from any goroutine.
	clientReady atomic.Bool
	// pulled: a textDocument/diagnostic came (logged once).
	pulled atomic.Bool

	store *store
	lint  *linter
	// beforeCheck is a test hook run before the engine checks a version
	// of a document; nil in production.
	beforeCheck func(uri string)
	// deferred is a test hook run when a request's answer is moved off the
	// handler goroutine; nil in production.
	deferred func(method string)
	// asyncWG counts requests being answered off the handler goroutine.
	asyncWG sync.WaitGroup
	// checkBudget bounds the wait for one check (tests change it).
	checkBudget time.Duration
	config      *configState
	ws          *workspace
}

type queued struct {
	msg *wireMessage
	fn  func() // internal work (replies to our requests) run in order
	eof bool
	// broken: the input ended in a state that cannot be recovered from;
	// the exit code is 1 even after shutdown.
	broken bool
	errf   *wireError // a frame that could not be decoded
}

// New returns a server ready to Serve one connection.
func New(opts Options) *Server {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	s := &Server{
		opts:      opts,
		log:       log.New(logw, "prfaq-lsp: ", log.LstdFlags|log.Lmicroseconds),
		waiting:   map[string]bool{},
		cancelled: map[string]bool{},
		running:   map[string]context.CancelFunc{},
		pending:   map[string]func(json.RawMessage, *wireError){},
		exitCode:  1,

		checkBudget: checkBudget,
	}
	s.qcond = sync.NewCond(&s.qmu)
	s.store = newStore()
	s.config = newConfigState()
	s.ws = newWorkspace()
	s.lint = newLinter(s)
	s.handlers = s.routes()
	return s
}

// Serve runs the session on r and w until exit or end of input and returns
// the process exit code: 0 after shutdown then exit, 1 otherwise.
func (s *Server) Serve(ctx context.Context, r io.Reader, w io.Writer) int {
	s.out = &frameWriter{w: w}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	go s.lint.run(ctx)
	go s.readLoop(r)

	go func() { // unblock the handler loop when the caller gives up
		<-ctx.Done()
		s.enqueue(queued{eof: true})
	}()
	code := s.handleLoop(ctx)
	// Requests still working off the handler goroutine get a moment to
	// answer: a client that closes its input (Vim ALE) may still read.
	s.waitAsync(asyncGrace)
	// After exit nothing more goes out. The linter is not waited for: it
	// may be blocked writing to a client that stopped reading (eglot kills
	// the process at once); it ends when the stream is closed.
	s.out.close()
	cancel()
	return code
}

// readLoop decodes frames and feeds the queue. A malformed frame is answered
// with a parse error and skipped; only the end of the stream stops reading.
func (s *Server) readLoop(r io.Reader) {
	fr := newFrameReader(r)
	for {
		body, err := fr.read()
		if errors.Is(err, errBadHeader) {
			s.log.Printf("skipping a frame: %v", err)
			continue
		}
		if err != nil {
			// A clean end of input ends the session as the client wants; a
			// frame cut short, a header line without end or a read error
			// cannot be recovered from: say why and end with code 1.
			broken := !errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
			if broken {
				s.log.Printf("stopping: the input stream is broken: %v", err)
			}
			s.enqueue(queued{eof: true, broken: broken})
			return
		}
		msg := new(wireMessage)
		if err := json.Unmarshal(body, msg); err != nil {
			// A message nested deeper than the decoder allows is still
			// routed (its handler refuses the params, under its id), so
			// that the client is not left waiting for an answer.
			if msg = salvage(body); msg == nil {
				s.log.Printf("bad message: %v", err)
				s.enqueue(queued{errf: rpcErr(jsonrpc2.ParseError, "parse error: %v", err)})
				continue
			}
			s.log.Printf("message nested too deep: %v; its parts are passed on raw", err)
		}
		switch {
		case msg.Method == "" && msg.hasID():
			s.reply(msg)
		case msg.Method == "$/cancelRequest":
			s.cancelRequest(msg.Params)
		case msg.Method != "":
			if msg.hasID() {
				s.cmu.Lock()
				s.waiting[idKey(msg.ID)] = true
				s.cmu.Unlock()
			}
			s.enqueue(queued{msg: msg})
		default:
			s.enqueue(queued{msg: msg, errf: rpcErr(jsonrpc2.InvalidRequest, "not a request, notification or response")})
		}
	}
}

func (s *Server) enqueue(q queued) {
	s.qmu.Lock()
	s.queue = append(s.queue, q)
	s.qmu.Unlock()
	s.qcond.Signal()
}

func (s *Server) dequeue() queued {
	s.qmu.Lock()
	defer s.qmu.Unlock()
	for len(s.queue) == 0 {
		s.qcond.Wait()
	}
	q := s.queue[0]
	s.queue[0] = queued{}
	s.queue = s.queue[1:]
	return q
}

// handleLoop runs handlers one at a time, in order.
func (s *Server) handleLoop(ctx context.Context) int {
	for {
		q := s.dequeue()
		switch {
		case q.eof:
			if s.shutdown && !q.broken {
				return 0
			}
			return 1
		case q.fn != nil:
			s.safely("internal", q.fn)
		case q.errf != nil:
			id := json.RawMessage("null")
			if q.msg != nil && q.msg.hasID() {
				id = q.msg.ID
			}
			s.send(errorMsg{JSONRPC: "2.0", ID: id, Error: q.errf})
		default:
			s.dispatch(ctx, q.msg)
			if s.exitReceived {
				return s.exitCode
			}
		}
	}
}

// safely runs fn and turns a panic into a log line.
func (s *Server) safely(what string, fn func()) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic in %s: %v\n%s", what, p, debug.Stack())
		}
	}()
	fn()
}

// dispatch runs one request or notification and answers requests.
func (s *Server) dispatch(ctx context.Context, msg *wireMessage) {
	isCall := msg.hasID()
	hctx, cancel := context.WithCancel(ctx)
	key := ""
	if isCall {
		// Leaving "waiting" and entering "running" happen under one lock,
		// so a $/cancelRequest is never lost between the two.
		key = idKey(msg.ID)
		s.cmu.Lock()
		delete(s.waiting, key)
		early := s.cancelled[key]
		delete(s.cancelled, key)
		if !early {
			s.running[key] = cancel
		}
		s.cmu.Unlock()
		if early {
			cancel()
			s.send(errorMsg{JSONRPC: "2.0", ID: msg.ID, Error: rpcErr(protocol.CodeRequestCancelled, "request cancelled")})
			return
		}
	}
	h, known := s.handlers[msg.Method]
	var refuse *wireError
	if gerr := s.gate(msg.Method); gerr != nil {
		refuse = gerr
	} else if !known {
		// Unknown notifications ($/setTrace, willSave, …) are ignored, as
		// the specification asks; unknown requests get MethodNotFound.
		refuse = rpcErr(jsonrpc2.MethodNotFound, "method not found: %s", msg.Method)
	}
	if !isCall {
		defer cancel()
		if refuse != nil {
			return
		}
		if _, err := s.call(hctx, h, msg); err != nil {
			s.log.Printf("%s: %v", msg.Method, err)
		}
		return
	}
	if refuse != nil {
		s.finish(ctx, hctx, cancel, key, msg, nil, refuse)
		return
	}
	result, err := s.call(hctx, h, msg)
	if a, ok := result.(async); ok && err == nil {
		// The slow part runs off the handler goroutine; the request stays
		// cancellable until it answers.
		s.asyncWG.Add(1)
		if s.deferred != nil {
			s.deferred(msg.Method)
		}
		go func() {
			defer s.asyncWG.Done()
			result, err := s.call(hctx, func(ctx context.Context, _ json.RawMessage) (any, error) { return a(ctx) }, msg)
			s.finish(ctx, hctx, cancel, key, msg, result, err)
		}()
		return
	}
	s.finish(ctx, hctx, cancel, key, msg, result, err)
}

// asyncGrace bounds the wait for requests answered off the handler
// goroutine, at shutdown and at the end of the session.
const asyncGrace = 3 * time.Second

// waitAsync waits up to d for the requests answered off the handler
// goroutine.
func (s *Server) waitAsync(d time.Duration) {
	done := make(chan struct{})
	go func() { s.asyncWG.Wait(); close(done) }()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		s.log.Printf("requests still running after %v; not waiting for them", d)
	}
}

// async is a handler result whose work continues off the handler
// goroutine (a bounded disk scan); its answer may overtake later requests,
// which LSP allows.
type async func(ctx context.Context) (any, error)

// finish answers a request and forgets its cancellation state.
func (s *Server) finish(ctx, hctx context.Context, cancel context.CancelFunc, key string, msg *wireMessage, result any, err error) {
	s.cmu.Lock()
	delete(s.running, key)
	s.cmu.Unlock()
	defer cancel()
	if hctx.Err() != nil && ctx.Err() == nil {
		s.send(errorMsg{JSONRPC: "2.0", ID: msg.ID, Error: rpcErr(protocol.CodeRequestCancelled, "request cancelled")})
		return
	}
	if err != nil {
		var we *wireError
		if !errors.As(err, &we) {
			we = rpcErr(jsonrpc2.InternalError, "%v", err)
		}
		s.send(errorMsg{JSONRPC: "2.0", ID: msg.ID, Error: we})
		return
	}
	if r, ok := result.(preEncoded); ok {
		if err := s.out.writeResult(msg.ID, r); err != nil {
			s.log.Printf("write: %v", err)
		}
		return
	}
	s.send(responseMsg{JSONRPC: "2.0", ID: msg.ID, Result: result})
}

// call runs a handler; a panic becomes an internal error so the session
// survives one bad request.
func (s *Server) call(ctx context.Context, h handlerFunc, msg *wireMessage) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("panic in %s: %v\n%s", msg.Method, p, debug.Stack())
			result, err = nil, rpcErr(jsonrpc2.InternalError, "internal error in %s: %v", msg.Method, p)
		}
	}()
	return h(ctx, msg.Params)
}

// gate applies the lifecycle rules to a message before its handler runs.
func (s *Server) gate(method string) *wireError {
	switch {
	case method == "exit":
		return nil
	case s.shutdown:
		return rpcErr(jsonrpc2.InvalidRequest, "server is shut down")
	case method == "initialize":
		if s.initialized {
			return rpcErr(jsonrpc2.InvalidRequest, "initialize was already received")
		}
		return nil
	case !s.initialized:
		return rpcErr(jsonrpc2.ServerNotInitialized, "server not initialized")
	}
	return nil
}

func (s *Server) cancelRequest(params json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(params, &p) != nil || len(p.ID) == 0 {
		return
	}
	key := idKey(p.ID)
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if c, ok := s.running[key]; ok {
		c()
	} else if s.waiting[key] {
		s.cancelled[key] = true
	}
}

// send writes a message; a write error (client gone) is logged once.
func (s *Server) send(v any) {
	if err := s.out.write(v); err != nil {
		s.log.Printf("write: %v", err)
	}
}

func (s *Server) notify(method string, params any) {
	s.send(notificationMsg{JSONRPC: "2.0", Method: method, Params: params})
}

// request sends a request to the client. It never waits: the reply, if one
// ever comes (Vim ALE never answers workspace/configuration), runs onReply
// on the handler goroutine.
func (s *Server) request(method string, params any, onReply func(json.RawMessage, *wireError)) {
	s.pmu.Lock()
	s.nextID++
	id := fmt.Sprintf("prfaq-%d", s.nextID)
	s.pending["s:"+id] = onReply
	s.pendingOrder = append(s.pendingOrder, "s:"+id)
	// Forget the oldest unanswered requests beyond maxPending; a late
	// reply to one is logged and dropped.
	for len(s.pendingOrder) > maxPending || (len(s.pendingOrder) > 0 && s.pending[s.pendingOrder[0]] == nil) {
		delete(s.pending, s.pendingOrder[0])
		s.pendingOrder = s.pendingOrder[1:]
	}
	s.pmu.Unlock()
	s.send(requestMsg{JSONRPC: "2.0", ID: id, Method: method, Params: params})
}

// maxPending bounds the server's own requests waiting for a reply.
const maxPending = 64

// reply routes a client's response to the request it answers.
func (s *Server) reply(msg *wireMessage) {
	key := idKey(msg.ID)
	s.pmu.Lock()
	cb := s.pending[key]
	delete(s.pending, key)
	s.pmu.Unlock()
	if cb == nil {
		s.log.Printf("reply to unknown request %s", msg.ID)
		return
	}
	s.enqueue(queued{fn: func() { cb(msg.Result, msg.Error) }})
}

// decode reads params into v; absent or null params leave v as is.
func decode(params json.RawMessage, v any) error {
	if len(params) == 0 || string(params) == "null" {
		return nil
	}
	if err := json.Unmarshal(params, v); err != nil {
		return rpcErr(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

func (s *Server) routes() map[string]handlerFunc {
	return map[string]handlerFunc{
		"initialize":                          s.initialize,
		"initialized":                         s.initializedNotification,
		"shutdown":                            s.shutdownRequest,
		"exit":                                s.exit,
		"textDocument/didOpen":                s.didOpen,
		"textDocument/didChange":              s.didChange,
		"textDocument/didSave":                s.didSave,
		"textDocument/didClose":               s.didClose,
		"textDocument/documentSymbol":         s.documentSymbol,
		"textDocument/completion":             s.completion,
		"textDocument/hover":                  s.hover,
		"textDocument/codeAction":             s.codeAction,
		"codeAction/resolve":                  s.resolveCodeAction,
		"textDocument/foldingRange":           s.foldingRange,
		"textDocument/codeLens":               s.codeLens,
		"workspace/symbol":                    s.workspaceSymbol,
		"textDocument/diagnostic":             s.documentDiagnostic,
		"workspace/diagnostic":                s.workspaceDiagnostic,
		"workspace/didChangeConfiguration":    s.didChangeConfiguration,
		"workspace/didChangeWatchedFiles":     s.didChangeWatchedFiles,
		"workspace/didChangeWorkspaceFolders": s.didChangeWorkspaceFolders,
	}
}
