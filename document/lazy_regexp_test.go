package document

import (
	"fmt"
	"regexp"
	"slices"
	"sync"
	"testing"
)

// Every lazy expression of the reading and the rules compiles (the
// diagnostics package's test binary runs this too through its own test).
func TestLazyRegexpsCompile(t *testing.T) {
	if len(LazyRegexps()) == 0 {
		t.Fatal("no lazy expressions registered")
	}
	for _, expr := range LazyRegexps() {
		if _, err := regexp.Compile(expr); err != nil {
			t.Errorf("%q: %v", expr, err)
		}
	}
}

// KeptSubmatchIndex answers as FindStringSubmatchIndex does, for texts asked
// once, asked again, and asked again after more texts than a generation
// holds have pushed them out; from goroutines at once too (-race).
func TestKeptSubmatchIndex(t *testing.T) {
	r := &LazyRegexp{expr: `(\w+):\s*(\d+)?`}
	texts := make([]string, 0, 3*keptTexts)
	for i := range 3 * keptTexts {
		switch i % 3 {
		case 0:
			texts = append(texts, fmt.Sprintf("label%d: %d", i, i))
		case 1:
			texts = append(texts, fmt.Sprintf("label%d:", i))
		default:
			texts = append(texts, fmt.Sprintf("no label %d", i))
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 3 {
				for i := range texts {
					s := texts[(i*7+g+round)%len(texts)]
					if got, want := r.KeptSubmatchIndex(s), r.Regexp().FindStringSubmatchIndex(s); !slices.Equal(got, want) {
						t.Errorf("KeptSubmatchIndex(%q) = %v, want %v", s, got, want)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	r.kept.mu.Lock()
	defer r.kept.mu.Unlock()
	if n := len(r.kept.now) + len(r.kept.before); n > 2*keptTexts {
		t.Errorf("%d answers kept, want at most %d", n, 2*keptTexts)
	}
}
