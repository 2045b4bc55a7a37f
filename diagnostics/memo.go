package diagnostics

import (
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Rules keep what they compute from a piece of text so that the next
// version of the document, which is mostly the same text, costs little:
//   - per prose run, on the run itself (document.Prose.Memo), for what
//     follows from its text alone: phrase matches, sentences, runs of
//     capitals, template tokens; and, for the rules that look at nothing
//     but one run and the configuration (eachProse), their findings;
//   - per string, in a Checker's textMemo, for what follows from a string
//     that is not a prose run (a question's text).
//
// Memo keys are values of unexported types, or pointers only this package
// holds (phrase lists, patterns, rules), so no two uses collide.

// textMemo keeps results keyed by a string for the versions a Checker
// checks. It keeps what this check and the one before used, so it holds
// about two versions' worth and forgets text that is gone. (Two maps, one
// per check, cost a keystroke three look-ups of each question's text: the
// one map stamps each entry with the last check that used it.)
type textMemo struct {
	mu      sync.Mutex
	version int
	entries map[textKey]*textEntry
}

type textKey struct {
	kind any
	text string
}

type textEntry struct {
	value any
	used  int // the version that last used it
}

// get returns compute's result for text, computed once while text stays in
// the document. A nil memo (Lint on its own) just computes.
func (m *textMemo) get(kind any, text string, compute func() any) any {
	if m == nil {
		return compute()
	}
	k := textKey{kind, text}
	m.mu.Lock()
	e, ok := m.entries[k]
	if ok {
		e.used = m.version
	}
	m.mu.Unlock()
	if ok {
		return e.value
	}
	v := compute()
	m.mu.Lock()
	if m.entries == nil {
		m.entries = map[textKey]*textEntry{}
	}
	m.entries[k] = &textEntry{value: v, used: m.version}
	m.mu.Unlock()
	return v
}

// nextVersion starts a new check: what the one before did not use goes.
func (m *textMemo) nextVersion() {
	m.mu.Lock()
	m.version++
	for k, e := range m.entries {
		if e.used < m.version-1 {
			delete(m.entries, k)
		}
	}
	m.mu.Unlock()
}

var capsRunsKey = document.NewMemoKey()

// capsRunsOf is capsRuns of a prose run's text, kept with the run.
func capsRunsOf(p *document.Prose) [][2]int {
	if runs, ok := p.Kept(capsRunsKey).([][2]int); ok {
		return runs
	}
	return p.Memo(capsRunsKey, func() any {
		var out [][2]int
		capsRuns(p.Text, func(i, j int) { out = append(out, [2]int{i, j}) })
		return out
	}).([][2]int)
}

var capsKey = document.NewMemoKey()

// proseInCaps is mostlyCaps of a prose run's text, kept with the run.
func proseInCaps(p *document.Prose) bool {
	if caps, ok := p.Kept(capsKey).(bool); ok {
		return caps
	}
	return p.Memo(capsKey, func() any { return mostlyCaps(p.Text) }).(bool)
}

// proseFindings are a rule's findings on a prose run (kept under the rule),
// for one configuration (a Config is not changed once made: a new one comes
// with each change of settings), with the place of the run they were found
// on.
type proseFindings struct {
	cfg      *Config
	start    int
	findings []Finding
}

// eachProse runs check on each prose run, for a rule whose findings on a
// run follow from the run's text and the configuration alone. A run that
// did not change since the last version gets the findings check reported
// then, moved to where the run is now, and check is not run.
//
// The rules that use it (jargon, weasel-word, hype, long-sentence) read
// English: their word lists and sentence rules would guess on another
// language. So a run that is not English (document.Prose.English, decided
// per run: an English paragraph in a German file is still read) gets no
// findings and check is not run; a run too short to tell is read.
func (c *Context) eachProse(prose []*document.Prose, check func(p *document.Prose)) {
	out, limit := c.out, c.limit
	defer func() { c.out, c.limit = out, limit }()
	var found []Finding
	c.out, c.limit = &found, nil // a prose's findings are kept with it, all of them
	current := func(v any) bool { return v.(*proseFindings).cfg == c.Config }
	none := &proseFindings{cfg: c.Config} // shared by the runs without findings
	var moves moves
	for _, p := range prose {
		kept, _ := p.Kept(c.rule.memoKey).(*proseFindings) // most runs: the edit is elsewhere
		if kept == nil || kept.cfg != c.Config {
			kept = p.MemoValid(c.rule.memoKey, current, func() any {
				if !p.English() {
					return none
				}
				found = found[:0]
				check(p)
				if len(found) == 0 {
					return none
				}
				return &proseFindings{cfg: c.Config, start: p.Span.Start, findings: append([]Finding(nil), found...)}
			}).(*proseFindings)
		}
		by := p.Span.Start - kept.start
		for _, f := range kept.findings {
			*out = append(*out, f.moved(by, &moves))
		}
	}
}

// moves holds the copies of moved fixes and edits, taken from one
// allocation of each for many findings: two allocations a finding with a
// fix, on every keystroke for every finding after the edit, were a
// quarter of all a keystroke allocated at 40,000 words.
type moves struct {
	fixes []Fix
	edits []Edit
}

func (m *moves) take(fixes, edits int) ([]Fix, []Edit) {
	if len(m.fixes)+fixes > cap(m.fixes) {
		m.fixes = make([]Fix, 0, max(64, 2*fixes))
	}
	if len(m.edits)+edits > cap(m.edits) {
		m.edits = make([]Edit, 0, max(64, 2*edits))
	}
	f, e := len(m.fixes), len(m.edits)
	m.fixes, m.edits = m.fixes[:f+fixes], m.edits[:e+edits]
	return m.fixes[f : f+fixes : f+fixes], m.edits[e : e+edits : e+edits]
}

// moved is the finding with its spans, and its fixes' spans, moved by by
// bytes. The fixes and edits are copies (from m); the data is shared (it
// is never changed).
func (f Finding) moved(by int, m *moves) Finding {
	if by == 0 {
		return f
	}
	f.Span = document.Span{Start: f.Span.Start + by, End: f.Span.End + by}
	if len(f.Fixes) > 0 {
		n := 0
		for _, fix := range f.Fixes {
			n += len(fix.Edits)
		}
		fixes, edits := m.take(len(f.Fixes), n)
		for i, fix := range f.Fixes {
			moved := edits[:len(fix.Edits):len(fix.Edits)]
			edits = edits[len(fix.Edits):]
			for j, e := range fix.Edits {
				moved[j] = Edit{Span: document.Span{Start: e.Span.Start + by, End: e.Span.End + by}, NewText: e.NewText}
			}
			fixes[i] = Fix{Title: fix.Title, Edits: moved}
		}
		f.Fixes = fixes
	}
	return f
}
