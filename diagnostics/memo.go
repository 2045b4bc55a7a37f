package diagnostics

import (
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Rules keep what they compute from a piece of text so that the next
// version of the document, which is mostly the same text, costs little:
//   - per prose run, on the run itself (document.Prose.Memo), for what
//     follows from its text alone: phrase matches, sentences, runs of
//     capitals, template tokens;
//   - per string, in a Checker's textMemo, for what follows from a string
//     that is not a prose run (a question's text).
//
// Memo keys are values of unexported types, so no two uses collide.

// textMemo keeps results keyed by a string for the versions a Checker
// checks. It has two generations, what this check and the one before used,
// so it holds about two versions' worth and forgets text that is gone.
type textMemo struct {
	mu       sync.Mutex
	cur, old map[textKey]any
}

type textKey struct {
	kind any
	text string
}

// get returns compute's result for text, computed once while text stays in
// the document. A nil memo (plain Check, Lint) just computes.
func (m *textMemo) get(kind any, text string, compute func() any) any {
	if m == nil {
		return compute()
	}
	k := textKey{kind, text}
	m.mu.Lock()
	v, ok := m.cur[k]
	if !ok {
		if v, ok = m.old[k]; ok {
			m.cur[k] = v
		}
	}
	m.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	m.mu.Lock()
	if m.cur == nil {
		m.cur = map[textKey]any{}
	}
	m.cur[k] = v
	m.mu.Unlock()
	return v
}

// nextVersion starts a new generation.
func (m *textMemo) nextVersion() {
	m.mu.Lock()
	m.old, m.cur = m.cur, make(map[textKey]any, len(m.cur))
	m.mu.Unlock()
}

type capsRunsKey struct{}

// capsRunsOf is capsRuns of a prose run's text, kept with the run.
func capsRunsOf(p *document.Prose) [][2]int {
	return p.Memo(capsRunsKey{}, func() any {
		var out [][2]int
		capsRuns(p.Text, func(i, j int) { out = append(out, [2]int{i, j}) })
		return out
	}).([][2]int)
}

type capsKey struct{}

// proseInCaps is mostlyCaps of a prose run's text, kept with the run.
func proseInCaps(p *document.Prose) bool {
	return p.Memo(capsKey{}, func() any { return mostlyCaps(p.Text) }).(bool)
}
