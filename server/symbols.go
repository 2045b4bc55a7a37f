package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// documentSymbol returns the outline: the press release with its parts, and
// the FAQ with its groups and questions (detail: answered, deferred or
// unanswered). The result is []interface{} because the method answers
// either DocumentSymbol[] or SymbolInformation[], depending on the client.
func (s *Server) documentSymbol(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DocumentSymbolParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	return s.fromReading(ctx, string(p.TextDocument.URI), func(snap *snapshot) any {
		out := []interface{}{}
		if snap == nil || !snap.isPRFAQ {
			return out
		}
		tree := outline(s.enc, snap.doc)
		if s.caps.hierarchicalSymbols {
			for _, sym := range tree {
				out = append(out, sym)
			}
			return out
		}
		for _, si := range flatten(p.TextDocument.URI, tree, "") {
			out = append(out, si)
		}
		return out
	})
}

// fromReading answers a request about the document's structure (outline,
// lenses, folds) from lastReading, so that it never waits behind a check:
// during a check of a newer version the answer is the last finished
// reading's, every position from that version's Mapper. With no finished
// reading yet it waits for the first, off the handler goroutine when that
// check is already running.
func (s *Server) fromReading(ctx context.Context, uri string, answer func(*snapshot) any) (any, error) {
	if snap, ok := s.lastReading(uri); ok {
		return answer(snap), nil
	}
	if s.checking(uri) {
		return async(func(context.Context) (any, error) { return answer(s.snapshot(uri)), nil }), nil
	}
	return answer(s.snapshot(uri)), nil
}

// outline builds the symbol tree from the engine's model.
func outline(enc document.Encoding, doc *document.Document) []protocol.DocumentSymbol {
	var out []protocol.DocumentSymbol
	if !doc.PressRelease.Empty() {
		pr := symbol(enc, doc, "Press release", "", protocol.SymbolKindModule, doc.PressRelease, headingOrStart(doc, doc.PressRelease))
		for _, k := range document.PressReleaseParts {
			part := doc.Parts[k]
			if part == nil {
				continue
			}
			pr.Children = append(pr.Children, partSymbol(enc, doc, part))
		}
		widen(&pr)
		out = append(out, pr)
	}
	if !doc.FAQSpan.Empty() {
		faq := symbol(enc, doc, "FAQ", "", protocol.SymbolKindModule, doc.FAQSpan, faqSelection(doc))
		for _, q := range doc.Questions {
			if q.Group == document.FAQ {
				faq.Children = append(faq.Children, questionSymbol(enc, doc, q))
			}
		}
		for _, g := range []document.PartKind{document.ExternalFAQ, document.InternalFAQ} {
			part := doc.Parts[g]
			if part == nil {
				continue
			}
			gs := partSymbol(enc, doc, part)
			gs.Kind = protocol.SymbolKindNamespace
			for _, q := range doc.Questions {
				if q.Group == g {
					gs.Children = append(gs.Children, questionSymbol(enc, doc, q))
				}
			}
			widen(&gs)
			faq.Children = append(faq.Children, gs)
		}
		widen(&faq)
		out = append(out, faq)
	}
	return out
}

func partSymbol(enc document.Encoding, doc *document.Document, part *document.Part) protocol.DocumentSymbol {
	detail := ""
	if part.Heading != nil {
		detail = part.Heading.Text
	}
	if part.Kind == document.Headline {
		detail = part.Text
	}
	sel := part.Span
	if part.Heading != nil {
		sel = part.Heading.Content
	}
	return symbol(enc, doc, part.Kind.Title(), detail, protocol.SymbolKindString, part.Span, sel)
}

func questionSymbol(enc document.Encoding, doc *document.Document, q *document.Question) protocol.DocumentSymbol {
	return symbol(enc, doc, q.Text, diagnostics.QuestionStatus(doc, q), protocol.SymbolKindEvent, q.Entry, q.Span)
}

// symbol builds a DocumentSymbol whose selection range lies inside its
// range, as clients require (VS Code rejects the outline otherwise).
func symbol(enc document.Encoding, doc *document.Document, name, detail string, kind protocol.SymbolKind, span, sel document.Span) protocol.DocumentSymbol {
	if name == "" {
		name = "(untitled)" // clients reject empty names
	}
	if !span.Covers(sel) || sel.Empty() && !span.Empty() {
		sel = document.Span{Start: span.Start, End: span.Start}
	}
	return protocol.DocumentSymbol{
		Name:           name,
		Detail:         detail,
		Kind:           kind,
		Range:          lspRange(enc, doc, span),
		SelectionRange: lspRange(enc, doc, sel),
	}
}

func headingOrStart(doc *document.Document, span document.Span) document.Span {
	if h := doc.Parts[document.Headline]; h != nil && span.Covers(h.Span) {
		return h.Span
	}
	return document.Span{Start: span.Start, End: span.Start}
}

func faqSelection(doc *document.Document) document.Span {
	if f := doc.Parts[document.FAQ]; f != nil && f.Heading != nil {
		return f.Heading.Content
	}
	return document.Span{Start: doc.FAQSpan.Start, End: doc.FAQSpan.Start}
}

// flatten turns the tree into SymbolInformation for clients without
// hierarchical support (Vim ALE, Helix), keeping the parent as container.
func flatten(uri protocol.DocumentURI, syms []protocol.DocumentSymbol, container string) []protocol.SymbolInformation {
	var out []protocol.SymbolInformation
	for _, sym := range syms {
		out = append(out, protocol.SymbolInformation{
			Name:          sym.Name,
			Kind:          sym.Kind,
			Location:      protocol.Location{URI: uri, Range: sym.Range},
			ContainerName: container,
		})
		out = append(out, flatten(uri, sym.Children, sym.Name)...)
	}
	return out
}

// widen grows a symbol's range to cover its children: the engine's part
// spans can overlap (a quote inside the solution) or reach past the
// section that holds them, and clients expect children inside parents.
func widen(sym *protocol.DocumentSymbol) {
	for _, c := range sym.Children {
		if before(c.Range.Start, sym.Range.Start) {
			sym.Range.Start = c.Range.Start
		}
		if before(sym.Range.End, c.Range.End) {
			sym.Range.End = c.Range.End
		}
	}
}

func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}
