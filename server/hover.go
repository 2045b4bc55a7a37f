package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// hover explains the findings under the cursor (the rule's why and the
// suggested change) and, on an FAQ question, says whether it is answered.
// It answers null when there is nothing to say.
func (s *Server) hover(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.HoverParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	snap := s.snapshot(string(p.TextDocument.URI))
	if snap == nil || !snap.isPRFAQ {
		return nil, nil
	}
	doc := snap.doc
	offset := doc.Mapper.Offset(fromProtocol(p.Position))
	md := s.caps.hoverMarkdown

	var sections []string
	var span *document.Span
	widen := func(sp document.Span) {
		if span == nil {
			span = &document.Span{Start: sp.Start, End: sp.End}
			return
		}
		span.Start, span.End = min(span.Start, sp.Start), max(span.End, sp.End)
	}
	for _, f := range findingsAt(doc, snap.findings, offset) {
		sections = append(sections, findingHover(f, md))
		widen(f.Span)
	}
	for _, q := range doc.Questions {
		if q.Span.Contains(offset) || (q.Span.Empty() && q.Span.Start == offset) {
			sections = append(sections, questionHover(doc, q, md))
			widen(q.Span)
			break
		}
	}
	if len(sections) == 0 {
		return nil, nil
	}
	sep := "\n\n---\n\n"
	kind := protocol.Markdown
	if !md {
		sep, kind = "\n\n", protocol.PlainText
	}
	h := protocol.Hover{Contents: protocol.MarkupContent{Kind: kind, Value: strings.Join(sections, sep)}}
	r := lspRange(doc, *span)
	h.Range = &r
	return h, nil
}

// findingsAt returns the findings whose span holds offset. An empty span (an
// insertion point) counts on its whole line.
func findingsAt(doc *document.Document, findings []diagnostics.Finding, offset int) []diagnostics.Finding {
	var out []diagnostics.Finding
	line := doc.Mapper.Line(offset)
	for _, f := range findings {
		hit := f.Span.Contains(offset) || f.Span.End == offset && offset > f.Span.Start
		if f.Span.Empty() {
			hit = doc.Mapper.Line(f.Span.Start) == line
		}
		if hit {
			out = append(out, f)
		}
	}
	return out
}

func findingHover(f diagnostics.Finding, md bool) string {
	var b strings.Builder
	r := diagnostics.Lookup(f.Rule)
	if md {
		fmt.Fprintf(&b, "**%s** (`%s`, %s)\n\n", escapeMarkdown(f.Message), f.Rule, f.Severity)
	} else {
		fmt.Fprintf(&b, "%s (%s, %s)\n\n", f.Message, f.Rule, f.Severity)
	}
	if r != nil {
		if r.Why != "" {
			b.WriteString(r.Why)
			b.WriteString("\n\n")
		}
	}
	if len(f.Fixes) > 0 {
		titles := make([]string, 0, len(f.Fixes))
		for _, fx := range f.Fixes {
			titles = append(titles, fx.Title)
		}
		b.WriteString("Suggested change: " + strings.Join(titles, "; "))
		if r != nil && r.FixDoc != "" {
			b.WriteString(" — " + r.FixDoc)
		}
		b.WriteString("\n\n")
	} else if r != nil && r.Good != "" {
		good := strings.TrimSpace(r.Good)
		if md {
			b.WriteString("Suggested change, for example:\n\n```markdown\n" + good + "\n```\n\n")
		} else {
			b.WriteString("Suggested change, for example:\n\n" + good + "\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}

func questionHover(doc *document.Document, q *document.Question, md bool) string {
	status := diagnostics.QuestionStatus(doc, q)
	group := q.Group.Title()
	if md {
		return fmt.Sprintf("**%s question: %s**", group, status)
	}
	return fmt.Sprintf("%s question: %s", group, status)
}

var mdEscaper = strings.NewReplacer(`*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`)

func escapeMarkdown(s string) string { return mdEscaper.Replace(s) }
