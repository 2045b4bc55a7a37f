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

// codeAction offers, for each finding in the requested range, the engine's
// fixes, a "disable this rule for this line" comment and the project
// actions (project_actions.go); and, for the whole document, the safe
// fixes at once (source.fixAll.prfaq). The findings come from the snapshot
// of the current version, not from the client's copy of the diagnostics,
// so the edits always fit the text the client has.
func (s *Server) codeAction(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CodeActionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	out := []any{}
	quick, source := wantsKind(p.Context.Only, protocol.QuickFix), wantsKind(p.Context.Only, sourceFixAll)
	// Unasked, the whole document's fixes go only to a client that
	// resolves them: for one that does not, they would weigh on the answer
	// to every cursor move.
	source = source && (len(p.Context.Only) > 0 || s.caps.actions.resolveEdit)
	if !quick && !source {
		return out, nil
	}
	uri := string(p.TextDocument.URI)
	answer := func(snap *snapshot) []any {
		if snap == nil || !snap.isPRFAQ {
			return out
		}
		if quick {
			out = append(out, s.quickFixes(snap, p.Range)...)
		}
		if source {
			if a, ok := s.fixAllAction(snap); ok {
				out = append(out, a)
			}
		}
		return out
	}
	// The version asked about is not read yet: the actions are answered
	// off the handler goroutine once it is, so that what VS Code sends
	// after the codeAction of each keystroke (documentSymbol, codeLens,
	// foldingRange) is answered meanwhile, from the last finished reading.
	// If the document moves on first, the answer is empty: edits made for
	// a newer text would not fit the one the client asked about.
	if gen, ready, open := s.readiness(uri); open && !ready {
		return async(func(context.Context) (any, error) {
			if cur, _, _ := s.readiness(uri); cur != gen {
				return out, nil
			}
			snap := s.snapshot(uri)
			if snap == nil || snap.gen != gen {
				return out, nil
			}
			return answer(snap), nil
		}), nil
	}
	return answer(s.snapshot(uri)), nil
}

func (s *Server) quickFixes(snap *snapshot, rng protocol.Range) []any {
	var out, later []any
	uri := protocol.DocumentURI(snap.uri)
	doc := snap.doc
	m := doc.Mapper
	start, end := lspOffset(s.enc, m, rng.Start), lspOffset(s.enc, m, rng.End)
	if end < start {
		start, end = end, start
	}
	firstLine, lastLine := m.Line(start), m.Line(end)
	suppressed := map[string]bool{}
	req := newActionRequest(snap)
	for _, f := range snap.findings {
		if !overlaps(doc, f.Span, start, end, firstLine, lastLine) {
			continue
		}
		diag := toDiagnostic(s.enc, snap.cfg, doc, f)
		for i, fx := range f.Fixes {
			out = append(out, action(s.enc, doc, uri, fx, diag, i == 0))
		}
		// One suppression per rule and line, however many findings share it.
		key := fmt.Sprintf("%s@%d", f.Rule, m.Line(f.Span.Start))
		if f.Rule != "internal-error" && !suppressed[key] {
			suppressed[key] = true
			later = append(later, action(s.enc, doc, uri, diagnostics.SuppressFix(doc, f), diag, false))
		}
		for _, a := range s.projectActions(req, f, diag) {
			later = append(later, a)
		}
	}
	// The findings' own fixes first, then the ways to silence them.
	return append(out, later...)
}

func action(enc document.Encoding, doc *document.Document, uri protocol.DocumentURI, fx diagnostics.Fix, diag protocol.Diagnostic, preferred bool) protocol.CodeAction {
	edits := make([]protocol.TextEdit, 0, len(fx.Edits))
	for _, e := range fx.Edits {
		edits = append(edits, protocol.TextEdit{Range: lspRange(enc, doc, e.Span), NewText: e.NewText})
	}
	return protocol.CodeAction{
		Title:       fx.Title,
		Kind:        protocol.QuickFix,
		Diagnostics: []protocol.Diagnostic{diag},
		IsPreferred: preferred,
		Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: edits}},
	}
}

// overlaps reports whether a finding touches the requested range; a cursor
// (empty range) at either end of a finding counts, and an empty finding
// counts on its line.
func overlaps(doc *document.Document, sp document.Span, start, end, firstLine, lastLine int) bool {
	if sp.Empty() {
		l := doc.Mapper.Line(sp.Start)
		return l >= firstLine && l <= lastLine
	}
	return sp.Start <= end && start <= sp.End
}

// wantsKind applies context.only: no filter, or one that includes kind
// or a parent of it ("", "source", "source.fixAll").
func wantsKind(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == "" || k == kind || strings.HasPrefix(string(kind), string(k)+".") {
			return true
		}
	}
	return false
}
