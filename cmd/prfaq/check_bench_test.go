package main

import (
	"bytes"
	"fmt"
	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/benchdoc"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// BenchmarkCheck runs `prfaq check --format json` in process on generated
// PR/FAQs: ordinary ones of 4,000 and 40,000 words, and the hostile one of
// the issue, about 14 MB with 400,000 FAQ questions. Besides ns/op it reports
// the heap allocated per run (MB-alloc/op) and the live heap at its peak as
// sampled after the run (MB-heap), against the document's size (bytes/op).
//
//	go test ./cmd/prfaq -run '^$' -bench Check -benchtime 3x
//
// The budget: the 15 MB document in under 5 s and 500 MB; memory at most
// 30× the document. A benchmark, not a test: nothing fails on a slow machine.
func BenchmarkCheck(b *testing.B) {
	for _, c := range []struct {
		name string
		src  func() []byte
	}{
		{"words=4000", func() []byte { return []byte(benchdoc.PRFAQ(4000)) }},
		{"words=40000", func() []byte { return []byte(benchdoc.PRFAQ(40000)) }},
		{"questions=400000", func() []byte { return manyQuestions(400000) }},
	} {
		src := c.src()
		path := filepath.Join(b.TempDir(), "bench.prfaq.md")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if code := runCheck([]string{"--format", "json", "--fail-on", "never", path}, io.Discard, io.Discard); code != 0 {
					b.Fatalf("check exited %d", code)
				}
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "MB-alloc/op")
		})
	}
}

// manyQuestions is the press release of the well-written example followed by
// n one-line FAQ questions with one-word answers: the worst case for rules
// that compare questions with each other.
func manyQuestions(n int) []byte {
	var b bytes.Buffer
	b.WriteString(benchdoc.PRFAQ(0))
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "#### Q%d: does it work?\n\nYes.\n\n", i)
	}
	return b.Bytes()
}
