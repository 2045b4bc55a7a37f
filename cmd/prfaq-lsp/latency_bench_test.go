package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkKeystrokeLatency drives the built server over real stdio and
// measures, for each keystroke, the time from writing the didChange to
// reading the publishDiagnostics for that version: what a user waits for.
// Each iteration is one keystroke; p50 and p99 are reported in ms.
//
//	go test ./cmd/prfaq-lsp -run '^$' -bench KeystrokeLatency -benchtime 300x
//
// It is a benchmark, not a test: nothing fails on a slow machine. The
// budget is p99 ≤ 3 ms at 4,000 words.
func BenchmarkKeystrokeLatency(b *testing.B) {
	for _, words := range []int{4000, 40000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			text := generatePRFAQ(words)
			p := start(b, "--log", "/dev/null")
			p.send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
			p.until("initialize response", isResponse("1"))
			p.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
			const uri = "file:///bench/launch.prfaq.md"
			body, _ := json.Marshal(text)
			p.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"` + uri + `","languageId":"markdown","version":1,"text":` + string(body) + `}}}`)
			waitVersion(p, 1)
			// Type words into the problem paragraph (line 8), one character
			// at a time, as an editor sends them.
			version, col := 1, 0
			var lat []time.Duration
			for b.Loop() {
				version++
				change := fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"%s","version":%d},"contentChanges":[{"range":{"start":{"line":8,"character":%d},"end":{"line":8,"character":%d}},"text":"%c"}]}}`, uri, version, col, col, typing[col%len(typing)])
				col++
				t0 := time.Now()
				p.send(change)
				waitVersion(p, version)
				lat = append(lat, time.Since(t0))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			pct := func(q float64) float64 {
				i := int(q * float64(len(lat)-1))
				return float64(lat[i].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			b.ReportMetric(pct(0.90), "p90-ms")
			b.ReportMetric(pct(0.999), "p999-ms")
			b.ReportMetric(float64(len(strings.Fields(text))), "words")
			p.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
			p.until("shutdown", isResponse("2"))
			p.send(`{"jsonrpc":"2.0","method":"exit"}`)
			p.wait()
			// The server's CPU time per keystroke does not depend on how
			// busy the machine is, unlike the wall-clock percentiles.
			if ps := p.cmd.ProcessState; ps != nil && len(lat) > 0 {
				cpu := ps.UserTime() + ps.SystemTime()
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)+1), "server-cpu-ms/keystroke")
			}
		})
	}
}

// typing is what the benchmark types: words and spaces, as a writer types
// them (one letter over and over would grow one word without end).
const typing = "and the owner checks every invoice before it goes out to the customer "

func waitVersion(p *proc, version int) {
	want := fmt.Sprintf(`"version":%d,`, version)
	p.until(fmt.Sprintf("diagnostics for version %d", version), func(m map[string]json.RawMessage) bool {
		return string(m["method"]) == `"textDocument/publishDiagnostics"` && strings.Contains(string(m["params"]), want)
	})
}

// generatePRFAQ writes a complete PR/FAQ of about n words: every press
// release part, then FAQ entries until the word count is reached. The
// sentences vary so the rules see realistic prose, some with findings.
func generatePRFAQ(n int) string {
	var b strings.Builder
	b.WriteString("---\nprfaq: true\ntitle: Acme Ledger\n---\n\n")
	b.WriteString("# Acme Ledger lets small shops send an invoice in one click from their phone\n\n")
	b.WriteString("*Shops that bill by hand today get paid nine days sooner, with no accounting software to learn.*\n\n")
	b.WriteString("SEATTLE — March 3, 2027 — Acme today announced Ledger, a phone app that turns a finished order into an invoice.\n\n")
	b.WriteString("## The problem\n\n")
	b.WriteString("Small shops spend four hours a week writing invoices by hand, according to our survey of 312 shop owners.\n\n")
	b.WriteString("## The solution\n\n")
	b.WriteString("Ledger reads the order the shop already keeps and fills in the invoice: customer, items, tax and due date.\n\n")
	b.WriteString("“We built Ledger because our own print shop lost a weekend a month to paperwork,” said Ana Ruiz, CEO of Acme.\n\n")
	b.WriteString("“We now bill the same day and are paid in twelve days instead of twenty-one,” said Tom Lee, a customer who owns a bakery.\n\n")
	b.WriteString("## How to get started\n\n")
	b.WriteString("Ledger costs $5 a month per shop, with the first month free. Sign up at https://example.com/ledger.\n\n")
	b.WriteString("## FAQ\n\n### External FAQ\n\n")
	sentences := []string{
		"Shops on other systems can type an order in by hand in under a minute.",
		"The owner checks the invoice on the phone and taps send, and Ledger reminds the customer three days before the due date.",
		"In the pilot, 41 of 50 shops sent every invoice from their phone within two weeks.",
		"We leverage the point-of-sale integrations we already run for Acme Books, which is very convenient.",
		"Export works as PDF and CSV for a year after a shop cancels; after that we delete the data.",
		"Hosting and payment-status checks cost $0.40 per shop a month, and we break even at 4,000 paying shops.",
		"TBD, we will figure out the pricing for shops with more than ten people later.",
	}
	words := len(strings.Fields(b.String()))
	for i := 0; words < n; i++ {
		if i == 40 {
			b.WriteString("### Internal FAQ\n\n")
		}
		q := fmt.Sprintf("#### Question %d: how does Ledger handle case %d for a shop?\n\n", i+1, i+1)
		b.WriteString(q)
		words += len(strings.Fields(q))
		var para strings.Builder
		for j := 0; j < 6; j++ {
			s := sentences[(i*7+j)%len(sentences)]
			para.WriteString(s)
			para.WriteString(" ")
			words += len(strings.Fields(s))
		}
		b.WriteString(strings.TrimSpace(para.String()))
		b.WriteString("\n\n")
	}
	return b.String()
}
