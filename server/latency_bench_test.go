package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
)

// BenchmarkKeystrokeInProcess measures keystroke → publishDiagnostics
// through the whole server in process (net.Pipe, go.lsp.dev client); the
// engine's share of it is diagnostics' BenchmarkCheckKeystroke. The stdio
// figures that count are from cmd/prfaq-lsp's BenchmarkKeystrokeLatency;
// this one is for profiling the server's own overhead (-cpuprofile).
func BenchmarkKeystrokeInProcess(b *testing.B) {
	for _, words := range []int{4000, 40000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			text := benchDoc(words)
			c := newClient(b)
			c.initialize(nil)
			const uri = "file:///bench/launch.prfaq.md"
			c.open(uri, text, 1)
			c.waitVersion(uri, 1)
			version := int32(1)
			col := 0
			for b.Loop() {
				version++
				c.change(uri, version, ranged(8, col, 8, col, typing[col%len(typing):][:1]))
				col++
				c.waitVersion(uri, version)
			}
		})
	}
}

// typing is what the benchmark types, as the stdio benchmark does.
const typing = "and the owner checks every invoice before it goes out to the customer "

// BenchmarkCheck is a cold check, as on opening a document: nothing to reuse.
func BenchmarkCheck(b *testing.B) {
	for _, words := range []int{4000, 40000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			src := []byte(benchDoc(words))
			for b.Loop() {
				diagnostics.Check("launch.prfaq.md", src, nil)
			}
		})
	}
}

// benchDoc is a PR/FAQ of about n words (the same shape as the stdio
// benchmark's).
func benchDoc(n int) string {
	var b strings.Builder
	b.WriteString("---\nprfaq: true\n---\n\n# Acme Ledger lets small shops send an invoice in one click\n\n")
	b.WriteString("*Shops that bill by hand get paid nine days sooner.*\n\n")
	b.WriteString("SEATTLE — March 3, 2027 — Acme today announced Ledger, a phone app for invoices.\n\n")
	b.WriteString("## The problem\n\nSmall shops spend four hours a week writing invoices by hand.\n\n")
	b.WriteString("## The solution\n\nLedger fills in the invoice from the order.\n\n")
	b.WriteString("“We built Ledger for our own print shop,” said Ana Ruiz, CEO of Acme.\n\n")
	b.WriteString("“We now bill the same day,” said Tom Lee, a customer who owns a bakery.\n\n")
	b.WriteString("## How to get started\n\nLedger costs $5 a month at https://example.com/ledger.\n\n## FAQ\n\n### External FAQ\n\n")
	words := len(strings.Fields(b.String()))
	for i := 0; words < n; i++ {
		if i == 40 {
			b.WriteString("### Internal FAQ\n\n")
		}
		e := fmt.Sprintf("#### How does Ledger handle case %d?\n\nThe owner checks the invoice on the phone and taps send. In the pilot, 41 of 50 shops sent every invoice from their phone within two weeks. We leverage the integrations we run for Acme Books, which is very convenient. Export works as PDF and CSV for a year after a shop cancels.\n\n", i+1)
		b.WriteString(e)
		words += len(strings.Fields(e))
	}
	return b.String()
}

// BenchmarkKeystrokePullInProcess is BenchmarkKeystrokeInProcess for a
// client that pulls (VS Code's capabilities as captured): each keystroke is
// a didChange and then the textDocument/diagnostic request VS Code sends
// after it, answered with the new version's report.
func BenchmarkKeystrokePullInProcess(b *testing.B) {
	for _, words := range []int{4000, 40000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			text := benchDoc(words)
			init, err := os.ReadFile(filepath.Join("testdata", "clients", "vscode-initialize.json"))
			if err != nil {
				b.Fatal(err)
			}
			var params map[string]any
			if err := json.Unmarshal(init, &params); err != nil {
				b.Fatal(err)
			}
			delete(params, "workspaceFolders") // no disk scan
			delete(params, "rootUri")
			delete(params, "rootPath")
			c := newClient(b, withSettings(map[string]any{}))
			c.initializeRaw(params)
			const uri = "file:///bench/launch.prfaq.md"
			c.open(uri, text, 1)
			prev := c.pull(uri, "").ResultID
			version := int32(1)
			col := 0
			for b.Loop() {
				version++
				c.change(uri, version, ranged(8, col, 8, col, typing[col%len(typing):][:1]))
				col++
				// Full, or unchanged when the keystroke moved no finding.
				prev = c.pull(uri, prev).ResultID
			}
		})
	}
}
