// Command prfaq-lsp is the language server for PR/FAQ Markdown documents. It
// speaks LSP on stdin/stdout.
//
//	prfaq-lsp [--stdio] [--log FILE] [--cpuprofile FILE]
//	prfaq-lsp --version
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/heaplimit"
	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/version"
	"github.com/prfaq-lsp/prfaq-lsp/server"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prfaq-lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Bool("stdio", false, "serve on stdin/stdout (the default; accepted for editors that pass it)")
	logFile := fs.String("log", "", "append a log to `FILE` (the protocol owns stdout, so the log never goes there)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the session to `FILE` when the server exits (for reports of a slow server: go tool pprof FILE)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: prfaq-lsp [--stdio] [--log FILE] [--cpuprofile FILE] | --version")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "prfaq-lsp", version.String())
		return 0
	}

	logw := stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "prfaq-lsp: %v\n", err)
			return 2
		}
		defer f.Close()
		logw = f
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "prfaq-lsp: %v\n", err)
			return 2
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	// Anything that prints to os.Stdout by accident (a library, a stray
	// fmt.Println) would corrupt the protocol: point os.Stdout at the log's
	// stream and keep the real stdout for frames only.
	if stdout == os.Stdout {
		os.Stdout = os.Stderr
	}
	log.SetOutput(logw)
	tuneGC()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return server.New(server.Options{Version: version.String(), Log: logw}).Serve(ctx, stdin, stdout)
}

// gcPercent is the server's GOGC (see tuneGC).
const gcPercent = 800

// tuneGC trades memory for CPU: the live heap is a few megabytes and
// every keystroke allocates a few hundred kilobytes (the re-parsed section,
// the document's new layout, the findings), so with the default GOGC=100
// the collector runs every dozen keystrokes. Measured at 4,000 words with
// BenchmarkKeystrokeLatency: 1.0–1.3 ms of server CPU a keystroke and a
// p99.9 of 5–6 ms with GOGC=100, against 0.70–0.75 ms and 2.5–3.5 ms with
// 400; 800 took 8 % fewer instructions a keystroke than 400 (cachegrind,
// BenchmarkCompareKeystroke at 4,000 words), for a peak of 47 MiB resident
// while typing instead of 32. But a high GOGC lets the heap grow to many
// times the live data: at 40,000 words (11 MB live, 1.4 MB of garbage a
// keystroke) GOGC=400 alone peaked at 61–65 MiB. So a soft memory limit
// follows the live heap (heaplimit.Follow, shared with prfaq check): small
// documents seldom reach it and GOGC decides; large ones are collected
// more often instead of growing (49–50 MiB at 40,000 words). An explicit
// GOGC or GOMEMLIMIT in the environment wins. It returns a function that
// stops the limit following the heap (for tests).
func tuneGC() (stop func()) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	return heaplimit.Follow(memoryFloor, liveFactor)
}

// The soft memory limit is max(memoryFloor, liveFactor × the live heap),
// set again after every collection. The floor keeps the process under 60
// MiB resident with one 40,000-word document (the limit counts the Go
// runtime's memory, not the program's code: 48 MiB peaked at 47–49 MiB
// resident; 40 MiB at 41 MiB, with twice the collections of no limit and
// no server CPU per keystroke told apart from the machine's noise); the
// factor lets a document whose live data is above a third of the floor
// raise the limit instead of making the collector run without end.
const (
	memoryFloor = 48 << 20
	liveFactor  = 3
)
