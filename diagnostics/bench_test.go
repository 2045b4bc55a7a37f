package diagnostics

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// BenchPRFAQ builds a realistic PR/FAQ of about words words: the well-written
// example's press release, then FAQ entries in both groups, some with
// jargon, deferrals and long sentences so that every rule has work to do.
func BenchPRFAQ(tb testing.TB, words int) []byte {
	tb.Helper()
	good, err := os.ReadFile("testdata/good/ledger.prfaq.md")
	if err != nil {
		tb.Fatal(err)
	}
	pr := good[:bytes.Index(good, []byte("## FAQ"))]
	var b bytes.Buffer
	b.Write(pr)
	b.WriteString("## FAQ\n\n### External FAQ\n\n")
	n := 0
	for i := 0; ; i++ {
		if i%10 == 0 && len(bytes.Fields(b.Bytes())) >= words {
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
	return b.Bytes()
}

var benchSizes = []int{4000, 40000}

// BenchmarkGoldmarkParse is the yardstick: the budget for all rules together
// is 1.5× this. Two configurations: GFM as goldmark ships it, and the one
// document.Parse uses (GFM without Linkify; prose marks bare URLs itself).
func BenchmarkGoldmarkParse(b *testing.B) {
	for _, cfg := range []struct {
		name string
		md   goldmark.Markdown
	}{
		{"gfm", goldmark.New(goldmark.WithExtensions(extension.GFM))},
		{"ours", goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))},
	} {
		b.Run(cfg.name, func(b *testing.B) { benchGoldmark(b, cfg.md) })
	}
}

func benchGoldmark(b *testing.B, md goldmark.Markdown) {
	for _, n := range benchSizes {
		src := BenchPRFAQ(b, n)
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				md.Parser().Parse(text.NewReader(src))
			}
		})
	}
}

// BenchmarkParse is the model: goldmark plus recognition of parts and questions.
func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes {
		src := BenchPRFAQ(b, n)
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				document.Parse("bench.prfaq.md", src)
			}
		})
	}
}

// BenchmarkParseAndLint is what every keystroke costs.
func BenchmarkParseAndLint(b *testing.B) {
	cfg := Default()
	for _, n := range benchSizes {
		src := BenchPRFAQ(b, n)
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				Lint(document.Parse("bench.prfaq.md", src), cfg)
			}
		})
	}
}

// BenchmarkLint is all rules on a freshly parsed document (parse not
// timed): the number the budget (1.5× BenchmarkGoldmarkParse) is about.
func BenchmarkLint(b *testing.B) {
	cfg := Default()
	for _, n := range benchSizes {
		src := BenchPRFAQ(b, n)
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Lint(freshDoc(b, "bench.prfaq.md", src), cfg)
			}
		})
	}
}

// BenchmarkRule times each rule alone.
func BenchmarkRule(b *testing.B) {
	for _, n := range benchSizes {
		src := BenchPRFAQ(b, n)
		for _, r := range Rules() {
			b.Run(fmt.Sprintf("%s/words=%d", r.ID, n), func(b *testing.B) {
				cfg := Default()
				for i := 0; i < b.N; i++ {
					var out []Finding
					r.check(&Context{Doc: freshDoc(b, "bench.prfaq.md", src), Config: cfg, rule: r, out: &out})
				}
			})
		}
	}
}

// Typing is what the keystroke benchmarks type, one character at a time:
// words and spaces, as a writer types them (typing one letter over and
// over would grow a single word and a placeholder "xxxx…" without end).
const Typing = "and the owner checks every invoice before it goes out to the customer "

// BenchmarkCheckKeystroke is what the server does on every keystroke: the
// next version (one character typed into the summary of the press
// release) through a Checker, which re-parses only the section that changed.
func BenchmarkCheckKeystroke(b *testing.B) {
	benchmarkKeystroke(b, func(src []byte) int { return bytes.Index(src, []byte("Acme today announced")) })
}

// BenchmarkCheckKeystrokeLate types into the last paragraph instead: the
// sections before the edit, nearly all of them, stay where they were.
func BenchmarkCheckKeystrokeLate(b *testing.B) {
	benchmarkKeystroke(b, func(src []byte) int { return bytes.LastIndex(src, []byte("\n\n")) + 2 })
}

func benchmarkKeystroke(b *testing.B, typeAt func(src []byte) int) {
	cfg := Default()
	for _, n := range benchSizes {
		src := BenchPRFAQ(b, n)
		at := typeAt(src)
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			var c Checker
			c.Check("bench.prfaq.md", src, cfg)
			text := src
			for i := 0; b.Loop(); i++ {
				text = append(append(append([]byte{}, text[:at+i]...), Typing[i%len(Typing)]), text[at+i:]...)
				c.Check("bench.prfaq.md", text, cfg)
			}
		})
	}
}

// BenchmarkCorpus is `prfaq check` on the labelled corpus without the
// process around it: every real document parsed and linted cold, as the
// command line does. The reading's cost on real layouts shows here, where
// the generated BenchPRFAQ has only one.
func BenchmarkCorpus(b *testing.B) {
	files, err := filepath.Glob("testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus documents: %v", err)
	}
	var docs [][]byte
	size := 0
	for _, f := range files {
		if filepath.Base(f) == "README.md" || filepath.Base(f) == "LABELS.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, src)
		size += len(src)
	}
	cfg := Default()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, src := range docs {
			Lint(document.Parse("corpus.prfaq.md", src), cfg)
		}
	}
}
