package benchdoc

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// The benchmarks type at TypingLine and TypingColumn: that must be the end
// of the problem paragraph, whatever is later written above it.
func TestTypingPlaceIsTheEndOfTheProblemParagraph(t *testing.T) {
	lines := strings.Split(PRFAQ(4000), "\n")
	if got := lines[TypingLine]; got != problemParagraph {
		t.Fatalf("line %d is %q, want the problem paragraph", TypingLine, got)
	}
	if lines[TypingLine-2] != "## The problem" || lines[TypingLine+1] != "" {
		t.Fatalf("line %d is not a paragraph of its own under the problem heading", TypingLine)
	}
	if n := len(utf16.Encode([]rune(problemParagraph))); n != TypingColumn {
		t.Fatalf("TypingColumn %d, the line is %d UTF-16 units", TypingColumn, n)
	}
}
