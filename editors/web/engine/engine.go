// Package engine is the browser page's view of the prfaq engine: the checks,
// the outline, the rule docs, the skeleton of `prfaq new` and the
// .prfaq.yaml settings, as plain Go values that encode to JSON. The wasm
// main package (../wasm) only moves strings between JavaScript and this
// package, so everything the page shows is tested here by `go test`.
package engine

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Path is the name the page's document is checked under: a PR/FAQ's name,
// since a writer who opens the page means to write one.
const Path = "prfaq.md"

// Edit is one replacement, in LSP positions (0-based lines, UTF-16 columns:
// JavaScript's string indices) and in bytes of the UTF-8 text.
type Edit struct {
	Range   document.Range `json:"range"`
	Span    document.Span  `json:"span"`
	NewText string         `json:"newText"`
}

// Fix is a quick fix: a title and its edits.
type Fix struct {
	Title string `json:"title"`
	Edits []Edit `json:"edits"`
}

// Finding is one finding as `prfaq check --format json` prints it, with the
// byte span and the fixes (the rule's own, then the disable-for-this-line
// comment the editors offer).
type Finding struct {
	Rule     string         `json:"rule"`
	Severity string         `json:"severity"`
	Message  string         `json:"message"`
	Range    document.Range `json:"range"`
	Span     document.Span  `json:"span"`
	Data     map[string]any `json:"data,omitempty"`
	Fixes    []Fix          `json:"fixes"`
}

// Result is one check: the findings and the problems of the configuration
// (the defaults apply to bad keys).
type Result struct {
	PRFAQ        bool      `json:"prfaq"`
	Findings     []Finding `json:"findings"`
	ConfigErrors []string  `json:"configErrors"`
}

// Engine checks successive versions of the page's one document, reusing what
// did not change (diagnostics.Checker), and the parsed configuration while
// its text stays the same.
type Engine struct {
	mu      sync.Mutex
	checker diagnostics.Checker
	cfgText string
	cfg     *diagnostics.Config
	cfgErrs []string
	// The last checked document and its findings, for LastOutline and Last.
	doc      *document.Document
	prfaq    bool
	findings []diagnostics.Finding
	errs     []string // the configuration's errors at that check
	last     *Result  // Last's, once asked for
	// The text CheckEdits made last: the next edits apply to it, whatever
	// Check or Review saw since; and its findings.
	base         *document.Document
	baseFindings []diagnostics.Finding
}

// Config parses .prfaq.yaml text on top of the defaults. Bad keys are
// reported and keep their defaults, as with a file.
func Config(yamlText string) (*diagnostics.Config, []string) {
	cfg := diagnostics.Default()
	errs := []string{}
	if strings.TrimSpace(yamlText) == "" {
		return cfg, errs
	}
	if err := cfg.ApplyYAML([]byte(yamlText), diagnostics.ConfigFileName); err != nil {
		errs = append(errs, errorLines(err)...)
	}
	return cfg, errs
}

// errorLines splits a joined error into its parts.
func errorLines(err error) []string {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		var out []string
		for _, e := range joined.Unwrap() {
			out = append(out, errorLines(e)...)
		}
		return out
	}
	return []string{err.Error()}
}

func (e *Engine) config(yamlText string) (*diagnostics.Config, []string) {
	if e.cfg == nil || yamlText != e.cfgText {
		e.cfg, e.cfgErrs = Config(yamlText)
		e.cfgText = yamlText
	}
	return e.cfg, e.cfgErrs
}

// Check checks text with the configuration yamlText. Like `prfaq check` on a
// file named on its command line, it lints the text even when it does not
// look like a PR/FAQ; Result.PRFAQ says whether it does.
func (e *Engine) Check(text, yamlText string) Result {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.check([]byte(text), yamlText)
	return Result{PRFAQ: e.prfaq, Findings: convert(e.doc, e.findings), ConfigErrors: e.errs}
}

func (e *Engine) check(text []byte, yamlText string) {
	cfg, cfgErrs := e.config(yamlText)
	doc, prfaq, findings := e.checker.Check(Path, text, cfg)
	if !prfaq {
		findings = diagnostics.Lint(doc, cfg)
	}
	e.keep(doc, prfaq, findings, cfgErrs)
}

func (e *Engine) keep(doc *document.Document, prfaq bool, findings []diagnostics.Finding, cfgErrs []string) {
	e.doc, e.prfaq, e.findings, e.errs, e.last = doc, prfaq, findings, cfgErrs, nil
}

// TextEdit replaces the text between two positions of the text checked
// last (0-based lines, UTF-16 columns: CodeMirror's) with NewText.
type TextEdit struct {
	Start, End document.Position
	NewText    string
}

// Underline is what the editor draws of a finding as the writer types: its
// rule, severity, message and range. The fixes wait for Last: a keystroke
// whose findings are a frame late is felt, one whose fix buttons are not
// built until typing pauses is not.
type Underline struct {
	Rule     string
	Severity string
	Message  string
	Range    document.Range
}

// Underlines is a keystroke's check. Length is the new text's length in
// UTF-16 code units, for the page to see that the engine's text is its own.
// Moved reports that the findings are the previous CheckEdits's, each moved
// with the text by the edits (see moved): the underlines the editor moved
// through the same edits are these already.
type Underlines struct {
	PRFAQ        bool
	Length       int
	Moved        bool
	Findings     []Underline
	ConfigErrors []string
}

// CheckEdits applies edits, in the coordinates of the text checked last and
// in the order of their positions, and checks the result; with text
// non-nil, it checks text instead (the first check, or when the page's text
// and the engine's parted). A keystroke thus sends a few bytes, not the
// whole document, across to the engine.
func (e *Engine) CheckEdits(text *string, edits []TextEdit, yamlText string) (Underlines, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var src []byte
	var spans []byteEdit // the edits in bytes, for moved
	switch {
	case text != nil:
		src = []byte(*text)
	case e.base == nil:
		return Underlines{}, errors.New("no text to edit: check the whole text first")
	default:
		old := e.base.Source
		m := e.base.Mapper
		grow := 0
		for _, ed := range edits {
			grow += len(ed.NewText)
		}
		src = make([]byte, 0, len(old)+grow)
		at := 0
		for _, ed := range edits {
			start, end := m.Offset(ed.Start), m.Offset(ed.End)
			if start < at || end < start {
				return Underlines{}, fmt.Errorf("edits out of order at %v", ed.Start)
			}
			src = append(src, old[at:start]...)
			src = append(src, ed.NewText...)
			at = end
			spans = append(spans, byteEdit{start: start, end: end, delta: len(ed.NewText) - (end - start)})
		}
		src = append(src, old[at:]...)
	}
	e.check(src, yamlText)
	wasMoved := text == nil && moved(e.baseFindings, e.findings, spans)
	e.base, e.baseFindings = e.doc, e.findings
	u := Underlines{PRFAQ: e.prfaq, Length: utf16Len(src), Moved: wasMoved, Findings: make([]Underline, len(e.findings)), ConfigErrors: e.errs}
	m := e.doc.Mapper
	for i, f := range e.findings {
		u.Findings[i] = Underline{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Range: m.Range(f.Span.Start, f.Span.End)}
	}
	return u, nil
}

// byteEdit is an edit in bytes of the text before it: [start, end)
// replaced, the text growing by delta.
type byteEdit struct{ start, end, delta int }

// moved reports whether findings are old's, in the same order, each moved
// with the text by edits as the editor moves an underline: the same rule,
// severity and message, and a span that shifts by the edits before it and
// grows by those inside it. An edit at a finding's edge makes it not moved
// (whether text typed there is in the finding is the rule's to say, the
// editor would guess), and so does one inside a finding shorter than
// minMovedSpan (the editor draws a short one as a mark of its own).
func moved(old, findings []diagnostics.Finding, edits []byteEdit) bool {
	if len(old) != len(findings) {
		return false
	}
	for i := range old {
		o, f := &old[i], &findings[i]
		if o.Rule != f.Rule || o.Severity != f.Severity || o.Message != f.Message {
			return false
		}
		start, end := o.Span.Start, o.Span.End
		for _, ed := range edits {
			switch {
			case ed.end < o.Span.Start:
				start += ed.delta
				end += ed.delta
			case ed.start > o.Span.End:
			case o.Span.Start < ed.start && ed.end < o.Span.End && o.Span.End-o.Span.Start >= minMovedSpan:
				end += ed.delta
			default:
				return false
			}
		}
		if f.Span.Start != start || f.Span.End != end || end-start < minMovedSpan && end-start != o.Span.End-o.Span.Start {
			return false
		}
	}
	return true
}

// minMovedSpan is the shortest finding, in bytes, that an edit inside it
// may move: 30 bytes are at least 10 UTF-16 units, and @codemirror/lint
// draws a range of under 10 that holds only line breaks as a widget.
const minMovedSpan = 30

// utf16Len is the length of UTF-8 text in UTF-16 code units, as JavaScript
// counts a string's (invalid bytes count one, as U+FFFD).
func utf16Len(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 { // not a continuation byte: a character starts
			n++
			if c >= 0xF0 {
				n++ // a supplementary character is two UTF-16 units
			}
		}
	}
	return n
}

// Last is the full Result (fixes included) of the check CheckEdits or
// Check made last, built once when the page asks for it.
func (e *Engine) Last() Result {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.doc == nil {
		return Result{Findings: []Finding{}, ConfigErrors: []string{}}
	}
	if e.last == nil {
		e.last = &Result{PRFAQ: e.prfaq, Findings: convert(e.doc, e.findings), ConfigErrors: e.errs}
	}
	return *e.last
}

// LastOutline is the outline of the text Check saw last, without parsing it
// again. It is apart from Check because the page needs the outline only when
// typing pauses, and each question's answer status costs as much as the rest
// of a keystroke's check.
func (e *Engine) LastOutline() diagnostics.Outline {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.doc == nil {
		return Outline("")
	}
	return diagnostics.NewOutline(e.doc, e.prfaq)
}

func convert(doc *document.Document, findings []diagnostics.Finding) []Finding {
	m := doc.Mapper
	edit := func(e diagnostics.Edit) Edit {
		return Edit{Range: m.Range(e.Span.Start, e.Span.End), Span: e.Span, NewText: e.NewText}
	}
	out := make([]Finding, 0, len(findings))
	for _, f := range findings {
		fixes := f.Fixes
		if f.Rule != "internal-error" {
			fixes = append(fixes[:len(fixes):len(fixes)], diagnostics.SuppressFix(doc, f))
		}
		jf := Finding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			Range: m.Range(f.Span.Start, f.Span.End), Span: f.Span, Data: f.Data,
			Fixes: make([]Fix, 0, len(fixes)),
		}
		for _, fx := range fixes {
			c := Fix{Title: fx.Title, Edits: make([]Edit, 0, len(fx.Edits))}
			for _, ed := range fx.Edits {
				c.Edits = append(c.Edits, edit(ed))
			}
			jf.Fixes = append(jf.Fixes, c)
		}
		out = append(out, jf)
	}
	return out
}

// Outline reads text's parts and questions without checking it.
func Outline(text string) diagnostics.Outline {
	doc := document.Parse(Path, []byte(text))
	return diagnostics.NewOutline(doc, diagnostics.Default().IsPRFAQ(doc))
}

// RuleDoc is one rule's documentation, as `prfaq rules ID` shows it.
type RuleDoc struct {
	ID       string            `json:"id"`
	Severity string            `json:"severity"`
	Summary  string            `json:"summary"`
	Why      string            `json:"why"`
	FixDoc   string            `json:"fixDoc,omitempty"`
	Options  map[string]string `json:"options,omitempty"`
	Good     string            `json:"good"`
	Bad      string            `json:"bad"`
	Markdown string            `json:"markdown"`
}

// Rules documents every rule, sorted by id.
func Rules() []RuleDoc {
	var out []RuleDoc
	for _, r := range diagnostics.Rules() {
		out = append(out, RuleDoc{
			ID: r.ID, Severity: r.Severity.String(), Summary: r.Summary, Why: r.Why,
			FixDoc: r.FixDoc, Options: r.Options, Good: r.Good, Bad: r.Bad, Markdown: r.Doc(),
		})
	}
	return out
}

// Skeleton is the new PR/FAQ `prfaq new --title title` writes.
func Skeleton(title string) string { return diagnostics.DocumentSkeleton(title) }

// Review is the text "Copy review" puts on the clipboard: the pull-request
// review `prfaq check --format markdown` writes, for text under yamlText.
func (e *Engine) Review(text, yamlText string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.check([]byte(text), yamlText)
	return diagnostics.ReviewMarkdown([]diagnostics.Review{diagnostics.NewReview(e.doc, e.cfg, e.findings)}, "")
}

// RuleSetting is one rule's severity under a configuration.
type RuleSetting struct {
	ID       string `json:"id"`
	Default  string `json:"default"`
	Severity string `json:"severity"`
	// Set reports a severity the configuration gives (else the default).
	Set bool `json:"set"`
}

// Settings is what the settings panel shows for .prfaq.yaml text.
type Settings struct {
	Rules  []RuleSetting `json:"rules"`
	Errors []string      `json:"errors"`
}

// ReadSettings reads each rule's severity from yamlText.
func ReadSettings(yamlText string) Settings {
	cfg, errs := Config(yamlText)
	s := Settings{Errors: errs}
	for _, r := range diagnostics.Rules() {
		rs := RuleSetting{ID: r.ID, Default: r.Severity.String(), Severity: r.Severity.String()}
		if sev := cfg.Rules[r.ID].Severity; sev != nil {
			rs.Severity, rs.Set = sev.String(), true
		}
		s.Rules = append(s.Rules, rs)
	}
	return s
}

// SetSeverity returns yamlText with rule id's severity set to severity
// (a severity name, or "default" to drop the setting), keeping every other
// key, option and comment. It refuses text that is not a YAML mapping
// rather than lose what the writer typed.
func SetSeverity(yamlText, id, severity string) (string, error) {
	if diagnostics.Lookup(id) == nil {
		return yamlText, fmt.Errorf("unknown rule %q", id)
	}
	if severity != "default" {
		sev, err := diagnostics.ParseSeverity(severity)
		if err != nil {
			return yamlText, err
		}
		severity = sev.String()
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(yamlText), &root); err != nil {
		return yamlText, fmt.Errorf("%s is not valid YAML; fix it first: %v", diagnostics.ConfigFileName, err)
	}
	if root.Kind == 0 {
		root = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	top := root.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		*top = yaml.Node{Kind: yaml.MappingNode}
	}
	if top.Kind != yaml.MappingNode {
		return yamlText, fmt.Errorf("%s must be a mapping of keys", diagnostics.ConfigFileName)
	}
	rules := value(top, "rules")
	if rules == nil || (rules.Kind == yaml.ScalarNode && rules.Tag == "!!null") {
		if severity == "default" {
			return yamlText, nil
		}
		if rules == nil {
			rules = &yaml.Node{Kind: yaml.MappingNode}
			top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "rules"}, rules)
		} else {
			*rules = yaml.Node{Kind: yaml.MappingNode}
		}
	}
	if rules.Kind != yaml.MappingNode {
		return yamlText, fmt.Errorf("rules must be a mapping of rule id: severity")
	}
	scalar := &yaml.Node{Kind: yaml.ScalarNode, Value: severity}
	i := keyIndex(rules, id)
	switch {
	case i < 0 && severity == "default":
		return yamlText, nil
	case i < 0:
		rules.Content = append(rules.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: id}, scalar)
	case rules.Content[i+1].Kind == yaml.MappingNode:
		// A rule with options keeps them; its severity is one more key.
		opts := rules.Content[i+1]
		j := keyIndex(opts, "severity")
		switch {
		case severity == "default" && j >= 0:
			opts.Content = append(opts.Content[:j], opts.Content[j+2:]...)
		case severity == "default":
		case j >= 0:
			opts.Content[j+1] = scalar
		default:
			opts.Content = append(opts.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "severity"}, scalar)
		}
	case severity == "default":
		rules.Content = append(rules.Content[:i], rules.Content[i+2:]...)
	default:
		scalar.HeadComment, scalar.LineComment = rules.Content[i+1].HeadComment, rules.Content[i+1].LineComment
		rules.Content[i+1] = scalar
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return yamlText, err
	}
	enc.Close()
	out := b.String()
	if strings.TrimSpace(out) == "{}" {
		out = ""
	}
	return out, nil
}

func keyIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func value(m *yaml.Node, key string) *yaml.Node {
	if i := keyIndex(m, key); i >= 0 {
		return m.Content[i+1]
	}
	return nil
}
