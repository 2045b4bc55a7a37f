package diagnostics

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// TestConcurrentLintSameAsSequential lints a document above
// concurrentLintBytes, made of the corpus, with its rules side by side and
// one after the other: the findings must be the same, in the same order.
// Under -race it also shows the rules share nothing unlocked.
func TestConcurrentLintSameAsSequential(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		t.Fatal("no corpus", err)
	}
	var src []byte
	for len(src) <= concurrentLintBytes {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src = append(append(src, b...), "\n\n"...)
		}
	}
	cfg := Default().Clone()
	cfg.MaxFindings = 0 // every finding, not the first of each rule
	concurrent := Lint(document.Parse("big.md", src), cfg)
	// as a Checker lints, with the text memo the rules share
	checked := lint(document.Parse("big.md", src), cfg, &textMemo{}, 0)
	defer func(n int) { concurrentLintBytes = n }(concurrentLintBytes)
	concurrentLintBytes = len(src) + 1
	sequential := Lint(document.Parse("big.md", src), cfg)
	if len(sequential) < 100 {
		t.Fatalf("only %d findings on %d bytes of corpus: not a test of much", len(sequential), len(src))
	}
	if !reflect.DeepEqual(concurrent, sequential) {
		n := min(len(concurrent), len(sequential))
		for i := 0; i < n; i++ {
			if !reflect.DeepEqual(concurrent[i], sequential[i]) {
				t.Fatalf("finding %d differs:\nconcurrent %+v\nsequential %+v", i, concurrent[i], sequential[i])
			}
		}
		t.Fatalf("%d findings side by side, %d one after the other", len(concurrent), len(sequential))
	}
	if !reflect.DeepEqual(checked, sequential) {
		t.Fatalf("with a text memo, %d findings side by side, %d one after the other", len(checked), len(sequential))
	}
}
