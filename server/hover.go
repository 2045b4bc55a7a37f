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
// suggested change), on an FAQ question says whether it is answered, and on
// the first line (or the heading) of a press-release part says how that part
// was read. It answers null when there is nothing to say.
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
	offset := lspOffset(s.enc, doc.Mapper, p.Position)
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
	if parts, at := partsReadAt(doc, offset); len(parts) > 0 {
		for _, part := range parts {
			sections = append(sections, partHover(part, md))
		}
		widen(at)
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
	r := lspRange(s.enc, doc, *span)
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
		if r.NotFlagged != "" {
			b.WriteString("Not flagged: " + r.NotFlagged + "\n\n")
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

// partsReadAt returns the press-release parts whose heading, first line or
// body's first line holds offset (a summary that is also the solution gives
// two), and the span a hover on them covers: the heading, or that line.
func partsReadAt(doc *document.Document, offset int) ([]*document.Part, document.Span) {
	line := doc.Mapper.Line(offset)
	at := document.Span{Start: doc.Mapper.LineStart(line), End: doc.Mapper.LineEnd(line)}
	var out []*document.Part
	for _, k := range document.PressReleaseParts {
		p := doc.Parts[k]
		if p == nil {
			continue
		}
		if p.Heading != nil && p.Heading.Span.Contains(offset) {
			out, at = append(out, p), p.Heading.Span
			continue
		}
		if doc.Mapper.Line(p.Span.Start) == line || doc.Mapper.Line(firstText(doc, p.Body)) == line {
			out = append(out, p)
		}
	}
	return out, at
}

// firstText is the offset of the first character of sp that is not white
// space (a body may start with the blank line under its heading), or
// sp.Start when there is none.
func firstText(doc *document.Document, sp document.Span) int {
	for i := sp.Start; i < sp.End && i < len(doc.Source); i++ {
		switch doc.Source[i] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return i
	}
	return sp.Start
}

// partHover says how a part was read: "Read as the Problem: the paragraph
// after the summary."
func partHover(p *document.Part, md bool) string {
	why := strings.TrimSuffix(diagnostics.PartReason(p), ".")
	if md {
		why = escapeMarkdown(why)
	}
	return fmt.Sprintf("Read as the %s: %s.", p.Kind.Title(), why)
}

var mdEscaper = strings.NewReplacer(`*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`)

func escapeMarkdown(s string) string { return mdEscaper.Replace(s) }
