package server

import (
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// codeLens puts a readiness summary on the headline, e.g.
// "9/11 parts · 24 questions, 2 deferred · 640 words ≈ 1.3 pages", and the
// stage beside it: "stage: draft — to reach review: 3 deferred answers". The
// lenses have an empty command: they are information, there is nothing to run.
func (s *Server) codeLens(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CodeLensParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	return s.fromReading(ctx, string(p.TextDocument.URI), func(snap *snapshot) any { return s.lenses(snap) })
}

// lenses are the code lenses of one reading of a document.
func (s *Server) lenses(snap *snapshot) []protocol.CodeLens {
	out := []protocol.CodeLens{}
	if snap == nil || !snap.isPRFAQ {
		return out
	}
	doc := snap.doc
	at := document.Span{}
	if h := doc.Parts[document.Headline]; h != nil {
		line := doc.Mapper.Line(h.Span.Start)
		at = document.Span{Start: doc.Mapper.LineStart(line), End: doc.Mapper.LineEnd(line)}
	} else if doc.FrontMatter != nil {
		line := doc.Mapper.Line(doc.FrontMatter.Span.End)
		at = document.Span{Start: doc.Mapper.LineStart(line), End: doc.Mapper.LineEnd(line)}
	}
	out = append(out, protocol.CodeLens{
		Range:   lspRange(s.enc, doc, at),
		Command: &protocol.Command{Title: readiness(doc, snap.cfg), Command: ""},
	}, protocol.CodeLens{
		// the stage, and what stands between the document and the next one
		Range:   lspRange(s.enc, doc, at),
		Command: &protocol.Command{Title: diagnostics.NewStageStatus(doc, snap.cfg, snap.findings).String(), Command: ""},
	})
	return out
}

// readiness summarises how complete the PR/FAQ is, all from the engine's
// model: required parts present, questions and their status, and the press
// release's length in words and pages.
func readiness(doc *document.Document, cfg *diagnostics.Config) string {
	present := 0
	for _, k := range cfg.Sections {
		if doc.Parts[k] != nil || k == document.FAQ && len(doc.Questions) > 0 {
			present++
		}
	}
	deferred, unanswered := 0, 0
	for _, q := range doc.Questions {
		switch diagnostics.QuestionStatus(doc, q) {
		case "deferred":
			deferred++
		case "unanswered":
			unanswered++
		}
	}
	words := diagnostics.WordCount(doc, doc.PressRelease)
	perPage := cfg.WordsPerPage
	if perPage <= 0 {
		perPage = diagnostics.Default().WordsPerPage
	}
	qs := fmt.Sprintf("%d %s, %d deferred", len(doc.Questions), plural(len(doc.Questions), "question", "questions"), deferred)
	if unanswered > 0 {
		qs += fmt.Sprintf(", %d unanswered", unanswered)
	}
	return fmt.Sprintf("%d/%d parts · %s · %d %s ≈ %.1f pages",
		present, len(cfg.Sections), qs, words, plural(words, "word", "words"), float64(words)/float64(perPage))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
