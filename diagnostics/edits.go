package diagnostics

import (
	"fmt"
	"sort"
)

// ApplyEdits applies non-overlapping edits to src and returns the new text.
func ApplyEdits(src []byte, edits []Edit) ([]byte, error) {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
	out := make([]byte, 0, len(src))
	pos := 0
	for _, e := range sorted {
		if e.Span.Start < pos || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit %d-%d overlaps another or lies outside the document (%d bytes)", e.Span.Start, e.Span.End, len(src))
		}
		out = append(out, src[pos:e.Span.Start]...)
		out = append(out, e.NewText...)
		pos = e.Span.End
	}
	return append(out, src[pos:]...), nil
}
