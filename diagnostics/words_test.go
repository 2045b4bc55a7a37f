package diagnostics

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

var wordRules = []string{"jargon", "weasel-word", "hype", "undefined-acronym", "internal-metric", "long-sentence", "placeholder"}

func TestHasData(t *testing.T) {
	for s, want := range map[string]bool{
		"Ledger is the fastest app.":                       false,
		"SEATTLE — March 3, 2027 — Acme announces Ledger.": false,
		"It is the fastest, at 4 seconds an invoice.":      true,
		"Shops wait 40% less.":                             true,
		"Two thirds of shops bill late.":                   true,
		"Available in Q3 on EC2.":                          false,
		"Ledger is one of the best apps.":                  false,
	} {
		if got := hasData(s); got != want {
			t.Errorf("hasData(%q) = %v, want %v", s, got, want)
		}
	}
}

// bigDocument repeats the corpus until it holds about n words.
func bigDocument(tb testing.TB, n int) []byte {
	tb.Helper()
	var b strings.Builder
	names := []string{"elastic-elasticat.md", "cdk-rfc-0324-construct-hub.md", "gsf-template.md", "o19s-search-eval-framework.md"}
	for words := 0; words < n; {
		for _, name := range names {
			src, err := os.ReadFile("testdata/corpus/" + name)
			if err != nil {
				tb.Fatal(err)
			}
			b.Write(src)
			b.WriteString("\n\n")
			words += len(strings.Fields(string(src)))
		}
	}
	return []byte(b.String())
}

func runRules(doc *document.Document, cfg *Config, ids []string) []Finding {
	var out []Finding
	for _, id := range ids {
		r := Lookup(id)
		r.check(&Context{Doc: doc, Config: cfg, rule: r, out: &out})
	}
	return out
}

// BenchmarkWordRules times the seven word rules together on a ~40,000-word
// document made of corpus files (many findings), parse excluded, with the
// shared word pass recomputed each time; compare BenchmarkWordRulesParse.
func BenchmarkWordRules(b *testing.B) {
	src := bigDocument(b, 40000)
	cfg := Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runRules(freshDoc(b, "big.prfaq.md", src), cfg, wordRules)
	}
}

// freshDoc parses src with the timer stopped: a fresh document has no
// memoised matches (Prose.Memo), so the rules do all their work.
func freshDoc(b *testing.B, name string, src []byte) *document.Document {
	b.StopTimer()
	defer b.StartTimer()
	return document.Parse(name, src)
}

func BenchmarkWordRulesParse(b *testing.B) {
	src := bigDocument(b, 40000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		document.Parse("big.prfaq.md", src)
	}
}

func BenchmarkEachWordRule(b *testing.B) {
	src := bigDocument(b, 40000)
	cfg := Default()
	for _, id := range wordRules {
		b.Run(id, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				runRules(freshDoc(b, "big.prfaq.md", src), cfg, []string{id})
			}
		})
	}
}

// BenchmarkWordRulesOnBenchPRFAQ is BenchmarkWordRules on the shared
// benchmark document (BenchPRFAQ), for comparison with BenchmarkGoldmarkParse.
func BenchmarkWordRulesOnBenchPRFAQ(b *testing.B) {
	src := BenchPRFAQ(b, 40000)
	cfg := Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runRules(freshDoc(b, "bench.prfaq.md", src), cfg, wordRules)
	}
}

// The shared word pass is cached per document; linting many documents at
// once (as `prfaq check` does) must give each its own findings.
func TestStyleHitsConcurrent(t *testing.T) {
	docs := corpusDocs(t)
	want := map[string]int{}
	for name, doc := range docs {
		for _, id := range []string{"jargon", "weasel-word", "hype"} {
			want[name] += len(only(Lint(doc, Default()), id))
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[string]int{}
	for round := 0; round < 3; round++ {
		for name, doc := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// a fresh parse each time: a new document for the cache
				d := document.Parse(doc.Path, doc.Source)
				n := 0
				for _, id := range []string{"jargon", "weasel-word", "hype"} {
					n += len(only(Lint(d, Default()), id))
				}
				mu.Lock()
				if round == 0 {
					got[name] = n
				} else if got[name] != n {
					t.Errorf("%s: %d findings, then %d", name, got[name], n)
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d findings in parallel, %d alone", name, got[name], n)
		}
	}
}

// FuzzWordRules: the word rules never panic, and every finding and fix edit
// lies inside the document.
func FuzzWordRules(f *testing.F) {
	f.Add([]byte("# [Product] lets [customers] win\n\nSubtitle: Provide a URL\n\nVery many shops leverage XXX and WHO? TBD.\n"))
	f.Add([]byte("Title: A\n\n“It [the app] is the best,” said Jane Doe, CEO of ABC (A B C).\n\n## Question 2\n\nAnswer 2\n"))
	f.Add([]byte("Really   \n quite *very* fast APIs, EC2s and CDK8s; P&L, TAM and SAM.\r\n- [ ] x\n\n`XXX` <!-- [a] -->"))
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			document.Parse("fuzz.prfaq.md", src)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("parse took over 2s on %q", src)
		}
		done2 := make(chan []Finding)
		go func() {
			doc := document.Parse("fuzz.prfaq.md", src)
			done2 <- runRules(doc, Default(), wordRules)
		}()
		var fds []Finding
		select {
		case fds = <-done2:
		case <-time.After(2 * time.Second):
			t.Fatalf("word rules took over 2s on %q", src)
		}
		for _, fd := range fds {
			if fd.Span.Start < 0 || fd.Span.End > len(src) || fd.Span.End < fd.Span.Start {
				t.Fatalf("%s: span %v outside %d bytes", fd.Rule, fd.Span, len(src))
			}
			for _, fx := range fd.Fixes {
				for _, e := range fx.Edits {
					if e.Span.Start < 0 || e.Span.End > len(src) || e.Span.End < e.Span.Start {
						t.Fatalf("%s: edit %v outside %d bytes", fd.Rule, e.Span, len(src))
					}
				}
				if _, err := ApplyEdits(src, fx.Edits); err != nil {
					t.Fatalf("%s: %v", fd.Rule, err)
				}
			}
		}
	})
}

// Every phrase of the shared word pass belongs to a rule.
func TestStyleKinds(t *testing.T) {
	styleOnce.Do(initStyleList)
	for first, list := range styleList.byFirst {
		for i := range list {
			if styleKindsByFirst[first][i] == 0 {
				t.Errorf("phrase %v has no rule", list[i].words)
			}
		}
	}
}
