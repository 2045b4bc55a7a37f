package server

import (
	"context"
	"encoding/json"
	"sort"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// foldingRange folds the press release, each headed part, the FAQ, its
// groups and each FAQ entry. Ranges are whole lines and end on the last
// line with content, so a fold never swallows the next section's heading.
func (s *Server) foldingRange(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.FoldingRangeParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	return s.fromReading(ctx, string(p.TextDocument.URI), func(snap *snapshot) any { return folds(snap) })
}

// folds are the folding ranges of one reading of a document.
func folds(snap *snapshot) []protocol.FoldingRange {
	out := []protocol.FoldingRange{}
	if snap == nil || !snap.isPRFAQ {
		return out
	}
	doc := snap.doc
	seen := map[[2]int]bool{}
	add := func(sp document.Span) {
		if sp.Empty() {
			return
		}
		first, last := doc.Mapper.Line(sp.Start), lastContentLine(doc, sp)
		if last <= first || seen[[2]int{first, last}] {
			return
		}
		seen[[2]int{first, last}] = true
		out = append(out, protocol.FoldingRange{StartLine: uint32(first), EndLine: uint32(last), Kind: protocol.RegionFoldingRange})
	}
	add(doc.PressRelease)
	for _, k := range document.AllParts {
		if part := doc.Parts[k]; part != nil && part.Heading != nil {
			add(part.Span)
		}
	}
	add(doc.FAQSpan)
	for _, q := range doc.Questions {
		add(q.Entry)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].StartLine != out[j].StartLine {
			return out[i].StartLine < out[j].StartLine
		}
		return out[i].EndLine > out[j].EndLine
	})
	return out
}

// lastContentLine is the last line of span that is not blank.
func lastContentLine(doc *document.Document, sp document.Span) int {
	m := doc.Mapper
	end := sp.End
	for end > sp.Start {
		c := doc.Source[end-1]
		if c != '\n' && c != '\r' && c != ' ' && c != '\t' {
			break
		}
		end--
	}
	if end <= sp.Start {
		return m.Line(sp.Start)
	}
	return m.Line(end - 1)
}
