package server

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// linePrefix is what completion fires on: nothing yet on the line, or a
// heading being typed ("#", "## The pro").
var linePrefix = regexp.MustCompile(`^[ \t]*(#{1,6}([ \t][^#\n]*)?)?$`)

// completion offers the whole PR/FAQ skeleton in an empty document, an FAQ
// entry inside the FAQ, and a skeleton per section, missing sections first.
// Items replace the typed prefix (so "#" does not stay in front of a
// snippet that brings its own heading). Clients without snippet support get
// the same text without tab stops.
func (s *Server) completion(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CompletionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	list := protocol.CompletionList{Items: []protocol.CompletionItem{}}
	snap := s.snapshot(string(p.TextDocument.URI))
	if snap == nil {
		return list, nil
	}
	doc := snap.doc
	m := doc.Mapper
	offset := lspOffset(s.enc, m, p.Position)
	lineStart := m.LineStart(m.Line(offset))
	prefix := string(doc.Source[lineStart:offset])
	if !linePrefix.MatchString(prefix) {
		return list, nil
	}
	empty := strings.TrimSpace(string(doc.Source)) == ""
	if !snap.isPRFAQ && !empty {
		return list, nil // other Markdown gets no PR/FAQ suggestions
	}
	replace := lspRange(s.enc, doc, document.Span{Start: lineStart, End: offset})
	hashes := strings.TrimSpace(prefix)
	if i := strings.IndexFunc(hashes, func(r rune) bool { return r != '#' }); i >= 0 {
		hashes = hashes[:i]
	}
	add := func(label, detail, sortKey, snippet string, kind protocol.CompletionItemKind, preselect bool) {
		list.Items = append(list.Items, s.completionItem(label, detail, sortKey, snippet, kind, replace, hashes, preselect))
	}

	if empty {
		add("PR/FAQ document", "the whole press release and FAQ", "0", diagnostics.DocumentSnippet(""), protocol.CompletionItemKindSnippet, true)
	}
	if inFAQ(doc, offset) {
		add("FAQ entry", "a question and its answer", "0", diagnostics.QuestionSnippet(questionLevel(doc, offset)), protocol.CompletionItemKindSnippet, !empty)
	}
	for i, k := range document.AllParts {
		snippet := diagnostics.SkeletonSnippet(k)
		if snippet == "" {
			continue
		}
		missing := doc.Parts[k] == nil && snap.cfg.Requires(k)
		detail, rank := "section", "2"
		if missing {
			detail, rank = "missing section", "1"
		}
		add(k.Title(), detail, fmt.Sprintf("%s-%02d", rank, i), snippet, protocol.CompletionItemKindSnippet, false)
	}
	return list, nil
}

func (s *Server) completionItem(label, detail, sortKey, snippet string, kind protocol.CompletionItemKind, replace protocol.Range, hashes string, preselect bool) protocol.CompletionItem {
	text, format := snippet, protocol.InsertTextFormatSnippet
	if !s.caps.snippets {
		text, format = diagnostics.PlainText(snippet), protocol.InsertTextFormatPlainText
	}
	filter := label
	if hashes != "" {
		filter = hashes + " " + label
	}
	return protocol.CompletionItem{
		Label:            label,
		Detail:           detail,
		Kind:             kind,
		SortText:         sortKey + " " + label,
		FilterText:       filter,
		InsertTextFormat: format,
		InsertText:       text,
		TextEdit:         &protocol.TextEdit{Range: replace, NewText: text},
		Documentation:    protocol.MarkupContent{Kind: protocol.PlainText, Value: diagnostics.PlainText(snippet)},
		Preselect:        preselect,
	}
}

// inFAQ reports whether offset is inside the FAQ or after its start (the
// end of the document, where new questions go, included).
func inFAQ(doc *document.Document, offset int) bool {
	if doc.FAQSpan.Empty() {
		return false
	}
	return offset >= doc.FAQSpan.Start
}

// questionLevel is the heading level new questions should use: the level of
// the nearest question written as a heading, else one below the group or
// FAQ heading.
func questionLevel(doc *document.Document, offset int) int {
	level := 0
	for _, q := range doc.Questions {
		if q.Form != "heading" {
			continue
		}
		if h := headingAt(doc, q.Span.Start); h != nil {
			level = h.Level
			if q.Span.Start > offset {
				break
			}
		}
	}
	if level > 0 {
		return level
	}
	if p := groupBefore(doc, offset); p != nil && p.Heading != nil {
		return min(p.Heading.Level+1, 6)
	}
	if p := doc.Parts[document.FAQ]; p != nil && p.Heading != nil {
		return min(p.Heading.Level+1, 6)
	}
	return 3
}

func headingAt(doc *document.Document, offset int) *document.Block {
	for _, h := range doc.Headings {
		if h.Span.Contains(offset) {
			return h
		}
	}
	return nil
}

// groupBefore is the FAQ group holding offset or, past the end of the FAQ
// (where a heading being typed has just closed it), the last group before
// offset.
func groupBefore(doc *document.Document, offset int) *document.Part {
	if g := doc.GroupAt(offset); g == document.ExternalFAQ || g == document.InternalFAQ {
		return doc.Parts[g]
	}
	var best *document.Part
	for _, k := range []document.PartKind{document.ExternalFAQ, document.InternalFAQ} {
		if p := doc.Parts[k]; p != nil && p.Span.Start <= offset && (best == nil || p.Span.Start > best.Span.Start) {
			best = p
		}
	}
	return best
}
