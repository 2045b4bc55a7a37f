package document

import (
	"regexp"
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
