package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/benchdoc"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The benchmarks in this file run prfaq-lsp and VS Code's Markdown language
// server side by side, through the same client over stdio, so that their
// ratios come from one run on one machine:
//
//	npm ci --prefix editors/bench   # VS Code's server, once
//	go test ./cmd/prfaq-lsp -run '^$' -bench 'Compare' -benchtime 400x
//
// Without editors/bench/node_modules (or node) the VS Code rows are skipped.
// They are benchmarks: nothing fails on a slow machine. docs/performance.md
// has the figures and the budgets.

// benchServer is one server under test and how its client talks to it.
type benchServer struct {
	name string
	// pull: the client asks for diagnostics (textDocument/diagnostic)
	// after each change; otherwise it waits for them to be pushed.
	pull   bool
	vscode bool
	// bin is another build of prfaq-lsp to run instead of this one.
	bin string
}

var benchServers = append([]benchServer{
	{name: "prfaq-lsp/push"},
	{name: "prfaq-lsp/pull", pull: true},
	{name: "vscode-markdown/pull", pull: true, vscode: true},
}, baseServers()...)

// baseServers are the rows of an earlier build named in PRFAQ_BENCH_BASE
// (a prfaq-lsp binary), so that a change is measured against the code
// before it in the same run, the two alternating:
//
//	git worktree add /tmp/base main && (cd /tmp/base && go build -o /tmp/prfaq-lsp-base ./cmd/prfaq-lsp)
//	PRFAQ_BENCH_BASE=/tmp/prfaq-lsp-base go test ./cmd/prfaq-lsp -run '^$' -bench CompareKeystroke -count 3
func baseServers() []benchServer {
	bin := os.Getenv("PRFAQ_BENCH_BASE")
	if bin == "" {
		return nil
	}
	return []benchServer{{name: "base/push", bin: bin}, {name: "base/pull", pull: true, bin: bin}}
}

// vscodeShim is the shim that runs VS Code's Markdown server, or "" when it
// is not installed.
func vscodeShim() string {
	shim, err := filepath.Abs("../../editors/bench/vscode-markdown-shim.js")
	if err != nil {
		return ""
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(shim), "node_modules", "vscode-markdown-languageserver")); err != nil {
		return ""
	}
	if _, err := exec.LookPath("node"); err != nil {
		return ""
	}
	return shim
}

func (s benchServer) command(b *testing.B) *exec.Cmd {
	if s.bin != "" {
		return exec.Command(s.bin, "--log", "/dev/null")
	}
	if !s.vscode {
		return exec.Command(binary(b), "--log", "/dev/null")
	}
	shim := vscodeShim()
	if shim == "" {
		b.Skip("VS Code's Markdown server is not installed: npm ci --prefix editors/bench")
	}
	return exec.Command("node", shim, "--stdio")
}

// initializeParams: pull clients say so, as VS Code 1.100 does.
func (s benchServer) initializeParams() string {
	caps := `{}`
	if s.pull {
		caps = `{"textDocument":{"diagnostic":{"dynamicRegistration":false}}}`
	}
	return `{"processId":null,"rootUri":"file:///bench","workspaceFolders":[{"uri":"file:///bench","name":"bench"}],"capabilities":` + caps + `}`
}

// vscodeSettings are VS Code's defaults for the Markdown server, link
// validation on (off, the server computes no diagnostics at all).
const vscodeSettings = `{"markdown":{"server":{"log":"off"},"preferredMdPathExtensionStyle":"auto",` +
	`"suggest":{"paths":{"enabled":true,"includeWorkspaceHeaderCompletions":"never"}},` +
	`"validate":{"enabled":true,"referenceLinks":{"enabled":"warning"},"fragmentLinks":{"enabled":"warning"},` +
	`"fileLinks":{"enabled":"warning","markdownFragmentLinks":"inherit"},"ignoredLinks":[],` +
	`"unusedLinkDefinitions":{"enabled":"hint"},"duplicateLinkDefinitions":{"enabled":"warning"}}}}`

// frame is one message from the server and when it was read.
type frame struct {
	body []byte
	at   time.Time
}

// benchClient is leanClient that also answers the server's own requests
// (configuration, VS Code's file-system requests) so neither server waits.
type benchClient struct {
	server benchServer
	cmd    *exec.Cmd
	mu     sync.Mutex // serialises writes to stdin
	stdin  io.WriteCloser
	frames chan frame
	errs   chan error
	out    []byte
	nextID int
}

func startBench(b *testing.B, s benchServer) *benchClient {
	b.Helper()
	cmd := s.command(b)
	stdin, stdout := startPiped(b, cmd)
	c := &benchClient{server: s, cmd: cmd, stdin: stdin, frames: make(chan frame, 64), errs: make(chan error, 1), nextID: 100}
	go c.read(bufio.NewReaderSize(stdout, 1<<20))
	return c
}

func (c *benchClient) read(br *bufio.Reader) {
	defer close(c.frames)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			c.errs <- err
			return
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(line, "Content-Length: ") {
			if strings.HasPrefix(line, "Content-Type:") {
				continue
			}
			c.errs <- fmt.Errorf("not a frame header: %q", line)
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Content-Length: ")))
		if err != nil {
			c.errs <- err
			return
		}
		for { // further headers, then the blank line
			h, err := br.ReadString('\n')
			if err != nil {
				c.errs <- err
				return
			}
			if h == "\r\n" {
				break
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			c.errs <- err
			return
		}
		at := time.Now()
		if c.answer(body) {
			continue
		}
		c.frames <- frame{body, at}
	}
}

// answer replies to a request from the server; false for anything else.
func (c *benchClient) answer(body []byte) bool {
	if !bytes.Contains(body, []byte(`"method":"`)) || bytes.Contains(body, []byte(`"method":"textDocument/publishDiagnostics"`)) {
		return false
	}
	var req struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params struct {
			Items []json.RawMessage `json:"items"`
		} `json:"params"`
	}
	if json.Unmarshal(body, &req) != nil || req.ID == nil {
		return false
	}
	result := "null"
	switch req.Method {
	case "workspace/configuration":
		result = "[" + strings.TrimSuffix(strings.Repeat("null,", len(req.Params.Items)), ",") + "]"
	case "markdown/findMarkdownFilesInWorkspace", "markdown/fs/readDirectory":
		result = "[]"
	}
	c.send(`{"jsonrpc":"2.0","id":` + string(req.ID) + `,"result":` + result + `}`)
	return true
}

func (c *benchClient) send(body string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.out = append(c.out[:0], "Content-Length: "...)
	c.out = strconv.AppendInt(c.out, int64(len(body)), 10)
	c.out = append(c.out, "\r\n\r\n"...)
	c.out = append(c.out, body...)
	_, _ = c.stdin.Write(c.out)
}

// request sends a request and returns its id.
func (c *benchClient) request(method, params string) int {
	c.nextID++
	c.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":%s}`, c.nextID, method, params))
	return c.nextID
}

func (c *benchClient) nextFrame(b *testing.B) frame {
	b.Helper()
	select {
	case f, ok := <-c.frames:
		if !ok {
			b.Fatalf("%s: stdout ended: %v", c.server.name, <-c.errs)
		}
		return f
	case <-time.After(watchdog):
		b.Fatalf("%s: no answer", c.server.name)
	}
	return frame{}
}

// responseID is the id of a response frame, or -1.
func responseID(body []byte) int {
	if bytes.Contains(body, []byte(`"method":"`)) {
		return -1
	}
	i := bytes.Index(body, []byte(`"id":`))
	if i < 0 {
		return -1
	}
	rest := body[i+5:]
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(rest[:j]))
	if err != nil {
		return -1
	}
	return n
}

// pushedVersion is the version of a publishDiagnostics frame, or -1.
func pushedVersion(body []byte) int {
	if !bytes.Contains(body, []byte(`"method":"textDocument/publishDiagnostics"`)) {
		return -1
	}
	i := bytes.Index(body, []byte(`"version":`))
	d := bytes.Index(body, []byte(`"diagnostics":`))
	if i < 0 || (d >= 0 && i > d) {
		return -1
	}
	rest := body[i+10:]
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	n, _ := strconv.Atoi(string(rest[:j]))
	return n
}

// initialize runs the handshake and returns how long initialize took.
func (c *benchClient) initialize(b *testing.B) time.Duration {
	t0 := time.Now()
	id := c.request("initialize", c.server.initializeParams())
	for {
		f := c.nextFrame(b)
		if responseID(f.body) == id {
			d := f.at.Sub(t0)
			c.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
			if c.server.vscode {
				c.send(`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":` + vscodeSettings + `}}`)
			}
			return d
		}
	}
}

func (c *benchClient) open(uri, text string) {
	body, _ := json.Marshal(text)
	c.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"` + uri + `","languageId":"markdown","version":1,"text":` + string(body) + `}}}`)
}

// await reads frames until every id in want is answered and, if version is
// positive, the diagnostics for it are pushed; it records each answer's
// time since sent[id] (and the push's since pushSent) in lat by kind.
func (c *benchClient) await(b *testing.B, want map[int]string, sent map[int]time.Time, version int, pushSent time.Time, lat map[string][]time.Duration) {
	for len(want) > 0 || version > 0 {
		f := c.nextFrame(b)
		if id := responseID(f.body); id >= 0 {
			if kind, ok := want[id]; ok {
				if bytes.Contains(f.body, []byte(`"error":`)) {
					b.Fatalf("%s: %s failed: %.300s", c.server.name, kind, f.body)
				}
				lat[kind] = append(lat[kind], f.at.Sub(sent[id]))
				delete(want, id)
			}
			continue
		}
		if v := pushedVersion(f.body); version > 0 && v == version {
			lat["diagnostics"] = append(lat["diagnostics"], f.at.Sub(pushSent))
			version = 0
		}
	}
}

// processCPU is the user and system time the process has used so far, from
// the kernel's accounting (/proc/PID/stat, clock ticks of 10 ms).
func processCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// residentKiB reads VmRSS (now) or VmHWM (at the peak) of the process.
func residentKiB(pid int, field string) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}

func percentile(d []time.Duration, q float64) float64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return float64(s[int(q*float64(len(s)-1))].Microseconds()) / 1000
}

// BenchmarkCompareKeystroke: one keystroke per iteration, typed into the
// problem paragraph; the time from the didChange to its diagnostics
// (pushed, or the answer to the pull sent right after the change), and the
// server's CPU per keystroke.
func BenchmarkCompareKeystroke(b *testing.B) {
	benchTyping(b, false)
}

// BenchmarkCompareTyping: the traffic VS Code sends while typing, from the
// capture in shared/clients/vscode.jsonl: a didChange per key and a
// codeAction at the cursor right after it, and at the end of each burst of
// ten keys documentSymbol, codeLens (prfaq-lsp offers it), foldingRange and
// documentSymbol again; every answer's time is kept by its method. All are
// sent without waiting, as VS Code does.
func BenchmarkCompareTyping(b *testing.B) {
	benchTyping(b, true)
}

func benchTyping(b *testing.B, traffic bool) {
	for _, words := range []int{4000, 40000} {
		text := benchdoc.PRFAQ(words)
		for _, s := range benchServers {
			b.Run(fmt.Sprintf("server=%s/words=%d", s.name, words), func(b *testing.B) {
				c := startBench(b, s)
				c.initialize(b)
				const uri = "file:///bench/launch.prfaq.md"
				c.open(uri, text)
				lat := map[string][]time.Duration{}
				keystroke(b, c, uri, 1, 0, traffic, lat) // the first check
				clear(lat)
				version, col := 1, 0
				cpu0 := processCPU(c.cmd.Process.Pid)
				keys := 0
				for b.Loop() {
					version++
					keystroke(b, c, uri, version, col, traffic, lat)
					col++
					keys++
				}
				cpu := processCPU(c.cmd.Process.Pid) - cpu0
				for _, kind := range slices.Sorted(maps.Keys(lat)) {
					name := strings.TrimPrefix(kind, "textDocument/")
					b.ReportMetric(percentile(lat[kind], 0.50), name+"-p50-ms")
					b.ReportMetric(percentile(lat[kind], 0.99), name+"-p99-ms")
				}
				if !traffic {
					b.ReportMetric(float64(cpu.Microseconds())/1000/float64(keys), "server-cpu-ms/keystroke")
				}
				b.ReportMetric(float64(residentKiB(c.cmd.Process.Pid, "VmHWM"))/1024, "peak-rss-MiB")
			})
		}
	}
}

// keystroke types the col-th character at the end of the problem paragraph
// (version 1: none, only waits for the first diagnostics) and waits for
// every answer.
func keystroke(b *testing.B, c *benchClient, uri string, version, col int, traffic bool, lat map[string][]time.Duration) {
	want, sent := map[int]string{}, map[int]time.Time{}
	req := func(method, params string) {
		t := time.Now()
		id := c.request(method, params)
		want[id], sent[id] = method, t
	}
	doc := `{"textDocument":{"uri":"` + uri + `"}`
	line, at := benchdoc.TypingLine, benchdoc.TypingColumn+col
	t0 := time.Now()
	if version > 1 {
		c.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"%s","version":%d},"contentChanges":[{"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}},"text":"%c"}]}}`, uri, version, line, at, line, at, typing[col%len(typing)]))
	}
	if traffic && version > 1 {
		req("textDocument/codeAction", fmt.Sprintf(`{"textDocument":{"uri":"%s"},"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}},"context":{"diagnostics":[],"triggerKind":2}}`, uri, line, at+1, line, at+1))
		if version%10 == 0 {
			req("textDocument/documentSymbol", doc+`}`)
			if !c.server.vscode {
				req("textDocument/codeLens", doc+`}`)
			}
			req("textDocument/foldingRange", doc+`}`)
			req("textDocument/documentSymbol", doc+`}`)
		}
	}
	pushVersion := version
	if c.server.pull {
		pushVersion = 0
		t := time.Now()
		id := c.request("textDocument/diagnostic", doc+`}`)
		want[id], sent[id] = "diagnostics", t
	}
	c.await(b, want, sent, pushVersion, t0, lat)
}

// BenchmarkCompareFootprint: resident memory with 20 open 4,000-word
// documents and with one 40,000-word one, once each has been checked, and
// the time initialize takes. One iteration is one server started.
func BenchmarkCompareFootprint(b *testing.B) {
	for _, load := range []struct{ docs, words int }{{20, 4000}, {1, 40000}} {
		text := benchdoc.PRFAQ(load.words)
		for _, s := range benchServers {
			b.Run(fmt.Sprintf("server=%s/docs=%d/words=%d", s.name, load.docs, load.words), func(b *testing.B) {
				var inits []time.Duration
				var rss []float64
				for b.Loop() {
					c := startBench(b, s)
					inits = append(inits, c.initialize(b))
					lat := map[string][]time.Duration{}
					for i := range load.docs {
						uri := fmt.Sprintf("file:///bench/doc%d.prfaq.md", i)
						c.open(uri, text)
						keystroke(b, c, uri, 1, 0, false, lat)
					}
					time.Sleep(200 * time.Millisecond) // background checks settle
					rss = append(rss, float64(residentKiB(c.cmd.Process.Pid, "VmRSS"))/1024)
					_ = c.cmd.Process.Kill()
					_, _ = c.cmd.Process.Wait()
				}
				slices.Sort(rss)
				b.ReportMetric(percentile(inits, 0.5), "initialize-ms")
				b.ReportMetric(rss[len(rss)/2], "rss-MiB")
			})
		}
	}
}
