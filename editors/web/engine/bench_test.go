package engine

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// benchText is diagnostics.BenchPRFAQ (a _test helper there, so not
// importable), written again for the page's benchmarks; the browser test
// (../test/test.mjs benchText) types into the same document.
func benchText(tb testing.TB, words int) string {
	good, err := os.ReadFile("../../../diagnostics/testdata/good/ledger.prfaq.md")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(string(good[:strings.Index(string(good), "## FAQ")]))
	b.WriteString("## FAQ\n\n### External FAQ\n\n")
	n := 0
	for i := 0; ; i++ {
		if i%10 == 0 && len(strings.Fields(b.String())) >= words {
			break
		}
		if i == 40 {
			b.WriteString("### Internal FAQ\n\n")
		}
		n++
		fmt.Fprintf(&b, "#### Question %d: how does Ledger handle case %d for a shop with %d customers?\n\n", n, i, i*7)
		switch i % 5 {
		case 0:
			b.WriteString("We leverage a best-in-class pipeline to move the needle; the details are TBD and we will figure it out later with the team.\n\n")
		case 1:
			fmt.Fprintf(&b, "Ledger reads the order from the point-of-sale app, fills in customer %d, items, tax and due date, and the owner checks it on the phone and taps send, which in the pilot took forty seconds on average for shops of every size and kind that we measured over the whole of the spring quarter.\n\n", i)
		case 2:
			b.WriteString("- It costs $5 a month.\n- It runs on iOS and Android.\n- Data export: `ledger export --csv` works offline.\n\n")
		case 3:
			b.WriteString("See the [pricing page](https://example.com/pricing) and the table:\n\n| plan | price |\n| --- | --- |\n| basic | $5 |\n| team | $12 |\n\n")
		default:
			b.WriteString("Very many shops said it is really quite easy; the KPI we track is the DSO, which we report to the board.\n\n")
		}
	}
	return b.String()
}

// BenchmarkKeystroke is what the page's worker does on a keystroke at 4,000
// words: the keystroke's edit through the Engine (CheckEdits), then the
// underlines' JSON the page reads (AppendUnderlinesJSON).
func BenchmarkKeystroke(b *testing.B) {
	src := benchText(b, 4000)
	at := strings.Index(src, "Acme today announced")
	line := strings.Count(src[:at], "\n")
	char := at - (strings.LastIndex(src[:at], "\n") + 1)
	const typing = "and the owner checks every invoice before it goes out to the customer "
	var e Engine
	if _, err := e.CheckEdits(&src, nil, ""); err != nil {
		b.Fatal(err)
	}
	var buf []byte
	for i := 0; b.Loop(); i++ {
		p := document.Position{Line: line, Character: char + i}
		u, err := e.CheckEdits(nil, []TextEdit{{Start: p, End: p, NewText: typing[i%len(typing) : i%len(typing)+1]}}, "")
		if err != nil {
			b.Fatal(err)
		}
		buf = AppendUnderlinesJSON(buf[:0], &u, true)
	}
	b.ReportMetric(float64(len(buf)), "json-bytes")
}

// BenchmarkKeystrokeFullResult is a keystroke as the page's worker did it
// before CheckEdits: the whole text through Check, then the whole Result
// with its fixes as JSON (AppendJSON).
// In the browser the same work runs as WebAssembly (the browser test
// reports those times).
func BenchmarkKeystrokeFullResult(b *testing.B) {
	src := benchText(b, 4000)
	at := strings.Index(src, "Acme today announced")
	const typing = "and the owner checks every invoice before it goes out to the customer "
	var e Engine
	e.Check(src, "")
	text := src
	var buf []byte
	for i := 0; b.Loop(); i++ {
		text = text[:at+i] + typing[i%len(typing):i%len(typing)+1] + text[at+i:]
		r := e.Check(text, "")
		buf = AppendJSON(buf[:0], &r)
	}
	b.ReportMetric(float64(len(buf)), "json-bytes")
}

// BenchmarkKeystrokeCheckOnly leaves out the JSON.
func BenchmarkKeystrokeCheckOnly(b *testing.B) {
	src := benchText(b, 4000)
	at := strings.Index(src, "Acme today announced")
	const typing = "and the owner checks every invoice before it goes out to the customer "
	var e Engine
	e.Check(src, "")
	text := src
	for i := 0; b.Loop(); i++ {
		text = text[:at+i] + typing[i%len(typing):i%len(typing)+1] + text[at+i:]
		e.Check(text, "")
	}
}
