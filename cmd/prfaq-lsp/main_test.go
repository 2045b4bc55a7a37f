package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const watchdog = 60 * time.Second

func TestVersionFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--version"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "prfaq-lsp ") {
		t.Errorf("--version printed %q", out.String())
	}
	if code := run([]string{"--no-such-flag"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds prfaq-lsp once for the tests that drive it over stdio.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "prfaq-lsp-test")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "prfaq-lsp")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		out, err := exec.Command(goTool, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// proc is the built server on real pipes.
type proc struct {
	t       testing.TB
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	frames  chan map[string]json.RawMessage
	raw     *bytes.Buffer // every byte the server wrote to stdout
	rawMu   *sync.Mutex
	readErr chan error
}

func start(t testing.TB, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{t: t, cmd: cmd, stdin: stdin, frames: make(chan map[string]json.RawMessage, 1000), raw: new(bytes.Buffer), rawMu: new(sync.Mutex), readErr: make(chan error, 1)}
	go p.read(stdout)
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_, _ = cmd.Process.Wait()
		if t.Failed() {
			t.Logf("stderr:\n%s", stderr.String())
		}
	})
	return p
}

// read parses stdout strictly: anything that is not a Content-Length frame
// holding a JSON-RPC message fails the test. The protocol owns stdout.
func (p *proc) read(stdout io.Reader) {
	br := bufio.NewReader(io.TeeReader(stdout, lockedWriter{p.rawMu, p.raw}))
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			p.readErr <- err
			close(p.frames)
			return
		}
		if !strings.HasPrefix(line, "Content-Length: ") || !strings.HasSuffix(line, "\r\n") {
			p.readErr <- fmt.Errorf("stdout is not a frame header: %q", line)
			close(p.frames)
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Content-Length: ")))
		if err != nil {
			p.readErr <- err
			close(p.frames)
			return
		}
		if blank, _ := br.ReadString('\n'); blank != "\r\n" {
			p.readErr <- fmt.Errorf("header not followed by a blank line: %q", blank)
			close(p.frames)
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			p.readErr <- err
			close(p.frames)
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil || string(m["jsonrpc"]) != `"2.0"` {
			p.readErr <- fmt.Errorf("bad message on stdout: %q", body)
			close(p.frames)
			return
		}
		p.frames <- m
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func (p *proc) send(body string) {
	p.t.Helper()
	if _, err := fmt.Fprintf(p.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		p.t.Fatalf("write: %v", err)
	}
}

// until reads messages until one satisfies ok.
func (p *proc) until(what string, ok func(map[string]json.RawMessage) bool) map[string]json.RawMessage {
	p.t.Helper()
	timeout := time.After(watchdog)
	for {
		select {
		case m, open := <-p.frames:
			if !open {
				p.t.Fatalf("stdout ended while waiting for %s: %v", what, <-p.readErr)
			}
			if ok(m) {
				return m
			}
		case <-timeout:
			p.t.Fatalf("no %s", what)
		}
	}
}

// wait reads stdout to its end, then reaps the process: exec.Cmd.Wait
// closes the pipe, so calling it while a read is pending loses the end of
// the output (a flaky "file already closed" instead of EOF).
func (p *proc) wait() int {
	p.t.Helper()
	timeout := time.After(watchdog)
drain:
	for {
		select {
		case _, open := <-p.frames:
			if !open {
				break drain
			}
		case <-timeout:
			p.t.Fatal("stdout did not end")
		}
	}
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0
	case <-time.After(watchdog):
		p.t.Fatal("process did not exit")
		return -1
	}
}

func isResponse(id string) func(map[string]json.RawMessage) bool {
	return func(m map[string]json.RawMessage) bool {
		_, isMethod := m["method"]
		return !isMethod && string(m["id"]) == id
	}
}

const launch = "---\nprfaq: true\n---\n# Acme Ledger shares budgets for small teams 🚀\n\n## Problem\n\nSmall teams track spend in spreadsheets.\n\n## FAQ\n\n### How much does it cost?\n\nFive dollars.\n"

// The built binary over real stdio: a whole session, with a log file, and
// nothing but frames on stdout.
func TestStdioSession(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "lsp.log")
	p := start(t, "--stdio", "--log", logFile)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"clientInfo":{"name":"stdio-test"},"capabilities":{"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}}}`)
	res := p.until("initialize response", isResponse("1"))
	if !bytes.Contains(res["result"], []byte(`"name":"prfaq-lsp"`)) {
		t.Errorf("serverInfo missing: %s", res["result"])
	}
	p.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	text, _ := json.Marshal(launch)
	p.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:Untitled-1","languageId":"markdown","version":3,"text":` + string(text) + `}}}`)
	pub := p.until("publishDiagnostics", func(m map[string]json.RawMessage) bool {
		return string(m["method"]) == `"textDocument/publishDiagnostics"`
	})
	var params struct {
		Version     *int
		Diagnostics []struct{ Code string }
	}
	if err := json.Unmarshal(pub["params"], &params); err != nil || params.Version == nil || *params.Version != 3 {
		t.Fatalf("publish %s: %v", pub["params"], err)
	}
	if len(params.Diagnostics) == 0 {
		t.Errorf("no diagnostics for an incomplete PR/FAQ")
	}
	p.send(`{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"untitled:Untitled-1"}}}`)
	if m := p.until("documentSymbol", isResponse("2")); !bytes.Contains(m["result"], []byte(`How much does it cost?`)) {
		t.Errorf("documentSymbol = %s", m["result"])
	}
	p.send(`{"jsonrpc":"2.0","id":3,"method":"shutdown","params":null}`)
	p.until("shutdown response", isResponse("3"))
	p.send(`{"jsonrpc":"2.0","method":"exit","params":null}`)
	if code := p.wait(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	if err := <-p.readErr; err != io.EOF {
		t.Errorf("stdout: %v", err)
	}
	log, err := os.ReadFile(logFile)
	if err != nil || !strings.Contains(string(log), "stdio-test") {
		t.Errorf("log file: %v %q", err, log)
	}
}

// TestCPUProfile: --cpuprofile writes a profile (gzipped protobuf, as
// go tool pprof reads it) when the session ends, and a path that cannot be
// written is a clear error before anything is served.
func TestCPUProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.pprof")
	p := start(t, "--cpuprofile", prof)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	p.until("initialize response", isResponse("1"))
	p.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}`)
	p.until("shutdown response", isResponse("2"))
	p.send(`{"jsonrpc":"2.0","method":"exit","params":null}`)
	if code := p.wait(); code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	data, err := os.ReadFile(prof)
	if err != nil || len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("profile: %v, %d bytes %q", err, len(data), data[:min(len(data), 8)])
	}

	var stderr bytes.Buffer
	missing := filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.pprof")
	if code := run([]string{"--cpuprofile", missing}, strings.NewReader(""), io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "cpu.pprof") {
		t.Errorf("unwritable profile: exit %d, stderr %q", code, stderr.String())
	}
}

func TestStdioExitCodes(t *testing.T) {
	t.Run("exit without shutdown", func(t *testing.T) {
		p := start(t)
		p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
		p.until("initialize response", isResponse("1"))
		p.send(`{"jsonrpc":"2.0","method":"exit"}`)
		if code := p.wait(); code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
	})
	t.Run("end of stdin", func(t *testing.T) {
		p := start(t)
		p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
		p.until("initialize response", isResponse("1"))
		p.stdin.Close()
		if code := p.wait(); code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
	})
}

// TestTuneGC: the server raises GOGC and sets a soft memory limit that
// follows the live heap (the floor while it is small, three times it once
// it is larger), and a user's own GOGC and GOMEMLIMIT win.
func TestTuneGC(t *testing.T) {
	gc, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(limit) }()

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	runtime.GC() // the live heap as of now, not of an earlier test
	stop := tuneGC()
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GOGC = %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got < memoryFloor || got > 2*memoryFloor {
		t.Errorf("memory limit = %d, want the floor, %d", got, memoryFloor)
	}
	// A live heap above a third of the floor raises the limit at the next
	// collections.
	live := make([][]byte, 0, 64)
	for range 64 {
		live = append(live, make([]byte, memoryFloor/32))
	}
	want := int64(liveFactor * memoryFloor * 3 / 2)
	deadline := time.Now().Add(watchdog)
	for {
		runtime.GC()
		if got := debug.SetMemoryLimit(-1); got >= want {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("with %d bytes live the memory limit is %d, want at least %d", 64*memoryFloor/32, got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	stop()

	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	tuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GOGC = %d, want it untouched", got)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the limit = %d, want it untouched", got)
	}
}
