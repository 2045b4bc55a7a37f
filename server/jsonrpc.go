package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"go.lsp.dev/jsonrpc2"
)

// The server speaks JSON-RPC itself instead of through jsonrpc2.Conn: the
// pinned v0.10.0 closes the connection on one bad frame, ignores numeric ids
// in $/cancelRequest, rejects shutdown/exit with `{}` or `null` params and
// dies on a handler panic. Framing and dispatch are small enough to own; the
// error codes and every LSP type still come from go.lsp.dev.

// maxFrame bounds one message body; a larger frame is skipped, not buffered.
// A 20 MB document, JSON-escaped, fits.
const maxFrame = 64 << 20

// maxHeaderLine bounds one header line. A longer one is not a header: the
// stream has lost its framing for good (a body sent without a usable
// Content-Length is read as headers), and reading on would buffer without
// end, so the session stops with errUnsyncable.
const maxHeaderLine = 64 << 10

// wireMessage is any JSON-RPC 2.0 message as read from the client.
type wireMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *wireError      `json:"error,omitempty"`
}

// hasID reports whether the message carries a non-null id.
func (m *wireMessage) hasID() bool {
	return len(m.ID) > 0 && !bytes.Equal(bytes.TrimSpace(m.ID), []byte("null"))
}

type wireError struct {
	Code    jsonrpc2.Code   `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

func (e *wireError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

// rpcErr builds an error response with a code.
func rpcErr(code jsonrpc2.Code, format string, args ...any) *wireError {
	return &wireError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// idKey canonicalises a request id so that cancellation matches it whether
// the client wrote 7, 7.0 or "7" consistently: numbers and strings live in
// different key spaces, as JSON-RPC says they are different ids.
func idKey(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return "s:" + s
		}
	}
	if f, err := strconv.ParseFloat(string(raw), 64); err == nil {
		return "n:" + strconv.FormatFloat(f, 'g', -1, 64)
	}
	return "r:" + string(raw)
}

// salvage rebuilds a message that json.Unmarshal refused only because it is
// nested deeper than the decoder allows, by walking its top level token by
// token (the tokenizer has no depth limit and builds nothing): id, method
// and jsonrpc are read, params and result kept as raw bytes for the
// handler to refuse. It returns nil for anything else.
func salvage(body []byte) *wireMessage {
	if json.Valid(body) || !deepButValid(body) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	msg := new(wireMessage)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		from := dec.InputOffset()
		if err := skipValue(dec); err != nil {
			return nil
		}
		raw := bytes.TrimLeft(body[from:dec.InputOffset()], " \t\r\n:")
		switch key, _ := t.(string); key {
		case "id":
			msg.ID = json.RawMessage(raw)
		case "method":
			if json.Unmarshal(raw, &msg.Method) != nil {
				return nil
			}
		case "jsonrpc":
			_ = json.Unmarshal(raw, &msg.JSONRPC)
		case "params":
			msg.Params = json.RawMessage(raw)
		case "result":
			msg.Result = json.RawMessage(raw)
		}
	}
	if len(msg.ID) > 0 && !json.Valid(msg.ID) {
		return nil // an id nested too deep is no id
	}
	return msg
}

// deepButValid reports whether body is JSON that only json.Valid's depth
// limit refuses: the tokenizer reads it to its end.
func deepButValid(body []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	if skipValue(dec) != nil {
		return false
	}
	_, err := dec.Token()
	return err == io.EOF
}

// skipValue consumes one value of any depth.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

var errBadHeader = errors.New("bad frame header")

// errUnsyncable means the stream cannot be read on: the session ends.
var errUnsyncable = errors.New("cannot resynchronise")

// frameReader reads Content-Length framed messages.
type frameReader struct{ r *bufio.Reader }

func newFrameReader(r io.Reader) *frameReader { return &frameReader{r: bufio.NewReaderSize(r, 64<<10)} }

// readLine reads one header line of at most maxHeaderLine bytes.
func (f *frameReader) readLine() (string, error) {
	var buf []byte
	for {
		chunk, err := f.r.ReadSlice('\n')
		if len(buf)+len(chunk) > maxHeaderLine {
			return "", fmt.Errorf("%w: a header line is longer than %d bytes", errUnsyncable, maxHeaderLine)
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		return string(buf), err
	}
}

// contentLength is the name of the one header that matters, lower case.
const contentLength = "content-length:"

// read returns the next frame's body. errBadHeader means the frame was
// unusable but the stream can go on; errUnsyncable, io.ErrUnexpectedEOF
// (a frame cut short) or another error ends it; io.EOF is a clean end.
func (f *frameReader) read() ([]byte, error) {
	length := -1
	sawHeader := false
	for {
		line, err := f.readLine()
		if err != nil {
			if err == io.EOF && (sawHeader || line != "") {
				return nil, fmt.Errorf("%w: the stream ended inside a frame header", io.ErrUnexpectedEOF)
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // stray blank line between frames
			}
			break
		}
		sawHeader = true
		// Resynchronise: the rest of a frame whose length was wrong or
		// unusable runs into the next frame's header line, as in
		// `{"a":1}Content-Length: 42`. The header starts where its name does.
		if i := strings.Index(asciiLower(line), contentLength); i > 0 {
			line = line[i:]
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, errBadHeader
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errBadHeader
	}
	if length > maxFrame {
		if n, err := io.CopyN(io.Discard, f.r, int64(length)); err != nil {
			return nil, truncated(length, int(n), err)
		}
		return nil, errBadHeader
	}
	body := make([]byte, length)
	if n, err := io.ReadFull(f.r, body); err != nil {
		return nil, truncated(length, n, err)
	}
	return body, nil
}

// asciiLower lowers ASCII letters only, so that byte offsets stay those of
// s (strings.ToLower turns an invalid byte into three).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// truncated explains a body cut short by the end of the stream.
func truncated(length, got int, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("%w: Content-Length was %d but the stream ended after %d bytes of the body", io.ErrUnexpectedEOF, length, got)
	}
	return err
}

// frameWriter writes whole frames; one mutex keeps frames from interleaving.
type frameWriter struct {
	mu     sync.Mutex
	w      io.Writer
	err    error
	closed atomic.Bool
	// frame is reused for every frame (header and body, one write): a
	// publish at 40,000 words is half a megabyte.
	frame []byte
}

// maxKeptBuffer bounds a buffer kept for reuse, so that one huge message
// does not pin its memory for the rest of the session.
const maxKeptBuffer = 4 << 20

var errWriterClosed = errors.New("session ended")

// close drops every later write without waiting for one in progress.
func (f *frameWriter) close() { f.closed.Store(true) }

func (f *frameWriter) write(v any) error {
	if f.closed.Load() {
		return errWriterClosed
	}
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return f.writeBody(body)
}

// writeBody writes one message already encoded as JSON.
func (f *frameWriter) writeBody(body []byte) error {
	return f.writeEncoded(func(buf []byte) []byte { return append(buf, body...) })
}

// headerRoom is the room left in front of a body for its header.
const headerRoom = len("Content-Length: ") + 20 + len("\r\n\r\n")

// writeEncoded writes one message that encode appends to the frame buffer,
// which is reused: the header goes into room left in front of the body, so
// the frame is one write and the body is never copied. encode runs under
// the writer's lock: it must only copy what is already encoded.
func (f *frameWriter) writeEncoded(encode func(buf []byte) []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed.Load() {
		return errWriterClosed
	}
	if f.err != nil {
		return f.err
	}
	buf := encode(append(f.frame[:0], make([]byte, headerRoom)...))
	var head [headerRoom]byte
	h := append(head[:0], "Content-Length: "...)
	h = strconv.AppendInt(h, int64(len(buf)-headerRoom), 10)
	h = append(h, "\r\n\r\n"...)
	start := headerRoom - len(h)
	copy(buf[start:], h)
	_, f.err = f.w.Write(buf[start:])
	f.frame = nil
	if cap(buf) <= maxKeptBuffer {
		f.frame = buf[:0]
	}
	return f.err
}

// preEncoded is a result that writes its own JSON (a pull report carries
// its items already encoded; encoding/json would validate and copy them
// again, a millisecond at 40,000 words).
type preEncoded interface {
	appendJSON(buf []byte) []byte
}

// writeResult answers request id with a pre-encoded result.
func (f *frameWriter) writeResult(id json.RawMessage, result preEncoded) error {
	if f.closed.Load() {
		return errWriterClosed
	}
	idJSON, err := json.Marshal(id) // compact, as the other answers
	if err != nil {
		return err
	}
	return f.writeEncoded(func(buf []byte) []byte {
		buf = append(buf, `{"jsonrpc":"2.0","id":`...)
		buf = append(buf, idJSON...)
		buf = append(buf, `,"result":`...)
		buf = result.appendJSON(buf)
		return append(buf, '}')
	})
}

// Outgoing message shapes. A response always has "result" (null included)
// or "error", never both.
type responseMsg struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

type errorMsg struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *wireError      `json:"error"`
}

type notificationMsg struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// requestMsg leaves out params that are nil (workspace/diagnostic/refresh
// has none; JSON-RPC allows only an object or an array).
type requestMsg struct {
	JSONRPC string `json:"jsonrpc"`
	ID      string `json:"id"`
	Method  string `json:"method"`
	Params  any    `json:"params,omitempty"`
}
