package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Stage is how far a PR/FAQ is along, and so how strict the checks are on
// what is still open: deferred answers, unanswered questions, placeholders.
// A draft is expected to have them (information), a document in review is
// warned (the default), a final one has errors.
type Stage string

const (
	StageDraft  Stage = "draft"
	StageReview Stage = "review"
	StageFinal  Stage = "final"
)

// Stages lists the stages in order.
var Stages = []Stage{StageDraft, StageReview, StageFinal}

// DefaultStage is the stage of a document that names none.
const DefaultStage = StageReview

// ParseStage reads a stage name, in any case.
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages {
		if strings.EqualFold(strings.TrimSpace(s), string(st)) {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown stage %q (want draft, review or final)", s)
}

// Next is the stage after s, or "" after final.
func (s Stage) Next() Stage {
	for i, st := range Stages {
		if st == s && i+1 < len(Stages) {
			return Stages[i+1]
		}
	}
	return ""
}

// adjust moves a staged rule's severity by the stage: one step milder at
// draft (a warning becomes information), one step stricter at final (a
// warning becomes an error, an owned follow-up's information a warning).
func (s Stage) adjust(sev Severity) Severity {
	switch {
	case sev == Off:
		return Off
	case s == StageDraft && sev < Hint:
		return sev + 1
	case s == StageFinal && sev > Error:
		return sev - 1
	}
	return sev
}

// Where a document's stage comes from.
const (
	StageFromFrontMatter = "front matter"
	StageFromConfig      = "configuration"
	StageFromDefault     = "default"
)

// StageOf returns the document's stage and where it comes from: the front
// matter's "stage:" wins over the configuration's, which wins over the
// default (review). A front matter stage that is not a stage is returned as
// an error (the invalid-stage finding) and the configuration's stage applies.
func (c *Config) StageOf(doc *document.Document) (Stage, string, error) {
	stage, from := c.Stage, StageFromConfig
	if stage == "" {
		stage, from = DefaultStage, StageFromDefault
	}
	v, ok := frontMatterStage(doc)
	if !ok {
		return stage, from, nil
	}
	s, isText := v.(string)
	if v == nil {
		return stage, from, fmt.Errorf("stage has no value (want draft, review or final)")
	}
	if !isText {
		return stage, from, fmt.Errorf("unknown stage %v (want draft, review or final)", v)
	}
	st, err := ParseStage(s)
	if err != nil {
		return stage, from, err
	}
	return st, StageFromFrontMatter, nil
}

func frontMatterStage(doc *document.Document) (any, bool) {
	if doc.FrontMatter == nil {
		return nil, false
	}
	v, ok := doc.FrontMatter.Values["stage"]
	return v, ok
}

// StageStatus is a document's stage and what stands between it and the
// next: the open items of the rules the stage governs, by rule.
type StageStatus struct {
	Stage Stage  `json:"stage"`
	From  string `json:"from"`
	Next  Stage  `json:"next,omitempty"`
	// Open counts, per staged rule with findings, what is left to resolve
	// (at final: what is an error now).
	Open []StageItem `json:"open"`
}

// StageItem is how many findings one staged rule has.
type StageItem struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
	// What names them: "deferred answers", "1 placeholder".
	What string `json:"what"`
}

// NewStageStatus tells where doc stands, from its findings. A rule whose
// severity the user set does not follow the stage and is not counted.
func NewStageStatus(doc *document.Document, cfg *Config, findings []Finding) StageStatus {
	if cfg == nil {
		cfg = Default()
	}
	stage, from, _ := cfg.StageOf(doc)
	st := StageStatus{Stage: stage, From: from, Next: stage.Next(), Open: []StageItem{}}
	counts := map[string]int{}
	for _, f := range findings {
		counts[f.Rule]++
	}
	for _, r := range Rules() {
		if r.Staged == "" || counts[r.ID] == 0 {
			continue
		}
		if _, set := cfg.severityOverride(r.ID); set {
			continue
		}
		n := counts[r.ID]
		st.Open = append(st.Open, StageItem{Rule: r.ID, Count: n, What: fmt.Sprintf("%d %s", n, pluralNoun(n, r.Staged))})
	}
	return st
}

// String is the one-line summary the code lens and `prfaq outline` show:
// "stage: draft — to reach review: 3 deferred answers, 1 placeholder".
func (s StageStatus) String() string {
	var what []string
	for _, it := range s.Open {
		what = append(what, it.What)
	}
	open := strings.Join(what, ", ")
	head := "stage: " + string(s.Stage)
	switch {
	case open == "":
		// only what the stage governs is counted: other warnings may remain
		return head + " — no open answers or placeholders"
	case s.Next != "":
		return head + " — to reach " + string(s.Next) + ": " + open
	}
	return head + " — still open: " + open
}

// pluralNoun adds an "s" to a noun phrase for n other than 1
// ("deferred answer" → "deferred answers").
func pluralNoun(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

func init() {
	register(&Rule{
		ID:       "invalid-stage",
		Severity: Warning,
		Summary:  "The front matter's `stage:` is not draft, review or final.",
		Why: "A document's stage sets how strict the checks are on what is still open: at `draft` deferred answers, " +
			"unanswered questions and placeholders are information, at `review` (the default) warnings, at `final` " +
			"errors. A stage prfaq does not know is a typo, and the document would be checked at the wrong " +
			"strictness without a word; it is checked at the configuration's stage (or review) until it is fixed. " +
			"The stage can also be set for every document in `.prfaq.yaml` (`stage: draft`); the front matter wins. " +
			"A severity the user sets for a rule wins over the stage.",
		Bad:    "---\nstage: drafty\n---\n# Acme Ledger lets small shops send invoices in one click\n",
		Good:   "---\nstage: draft\n---\n# Acme Ledger lets small shops send invoices in one click\n",
		FixDoc: "Replaces the value with one of the stages (one fix each: draft, review, final).",
		check:  checkInvalidStage,
	})
}

func checkInvalidStage(c *Context) {
	doc := c.Doc
	_, from, err := c.Config.StageOf(doc)
	if err == nil {
		return
	}
	fallback := "the configuration's stage"
	if from == StageFromDefault {
		fallback = "review, the default"
	}
	span, value := stageValueSpan(doc)
	msg := err.Error()
	if !value.Empty() {
		msg = fmt.Sprintf("unknown stage %q (want draft, review or final)", doc.Text(value)) // as written
	}
	f := Finding{
		Message: strings.ToUpper(msg[:1]) + msg[1:] + "; checking at " + fallback + ".",
		Span:    span,
		Data:    map[string]any{"stage": doc.Text(value)},
	}
	if !value.Empty() {
		for _, st := range Stages {
			f.Fixes = append(f.Fixes, Fix{Title: "Set stage: " + string(st), Edits: []Edit{{Span: value, NewText: string(st)}}})
		}
	}
	c.Report(f)
}

// stageValueSpan finds the front matter's "stage:" line: the span of the
// line and of its value (empty when the value is not on that line).
func stageValueSpan(doc *document.Document) (line, value document.Span) {
	fm := doc.FrontMatter
	m := doc.Mapper
	for l := m.Line(fm.Span.Start); l < m.LineCount() && m.LineStart(l) < fm.Span.End; l++ {
		start, end := m.LineStart(l), m.LineEnd(l)
		text := string(doc.Source[start:end])
		if !strings.HasPrefix(text, "stage:") {
			continue
		}
		v := strings.TrimSpace(text[len("stage:"):])
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i]) // a YAML comment after the value
		}
		line = document.Span{Start: start, End: end}
		if v == "" {
			return line, document.Span{Start: end, End: end}
		}
		at := start + len("stage:") + strings.Index(text[len("stage:"):], v) // not the "a" of "stage"
		return line, document.Span{Start: at, End: at + len(v)}
	}
	return lineSpan(doc, fm.Span.Start), document.Span{}
}
