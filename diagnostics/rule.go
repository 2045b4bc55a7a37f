// Package diagnostics holds the rules that judge a PR/FAQ and the engine that
// runs them. Each rule lives in its own file with its id, default severity,
// documentation, examples and, where safe, a fix; docs are generated from this
// metadata. The package knows nothing of LSP: positions are byte spans in the
// document, and the server and the command line translate them.
package diagnostics

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Severity of a finding. The numbers match LSP's DiagnosticSeverity so the
// server can pass them through; Off disables a rule.
type Severity int

const (
	Off Severity = iota
	Error
	Warning
	Information
	Hint
)

var severityNames = []string{"off", "error", "warning", "information", "hint"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name; "info" and "warn" are accepted too.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "false", "none", "ignore":
		return Off, nil
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "information", "info":
		return Information, nil
	case "hint":
		return Hint, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want off, error, warning, information or hint)", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Edit replaces the bytes of Span with NewText.
type Edit struct {
	Span    document.Span `json:"span"`
	NewText string        `json:"newText"`
}

// Fix is a named set of edits that resolves a finding.
type Fix struct {
	Title string `json:"title"`
	Edits []Edit `json:"edits"`
}

// Finding is one problem in a document.
type Finding struct {
	Rule     string         `json:"rule"`
	Severity Severity       `json:"severity"`
	Message  string         `json:"message"`
	Span     document.Span  `json:"span"`
	Data     map[string]any `json:"data,omitempty"`
	Fixes    []Fix          `json:"fixes,omitempty"`
}

// Rule is one check with its documentation.
type Rule struct {
	// memoKey is where eachProse keeps the rule's findings on each prose.
	memoKey  *document.MemoKey
	ID       string
	Severity Severity // default severity
	// Summary is one line: what the rule flags.
	Summary string
	// Why explains why it matters for a PR/FAQ.
	Why string
	// NotFlagged says what a heuristic rule deliberately leaves alone (its
	// known limits), so a reader can tell a miss by design from a bug.
	NotFlagged string
	// SeverityNote qualifies the default severity when some findings are
	// reported at another one ("error for the headline and the FAQ").
	SeverityNote string
	// Bad and Good are short example documents or lines: Bad gives at least
	// one finding of the rule, Good none (a test holds every rule to it).
	Bad, Good string
	// ExampleConfig is the .prfaq.yaml the examples are checked with, for a
	// rule whose default limits need a long text to reach; empty for the
	// defaults.
	ExampleConfig string
	// FixDoc says what the quick fix does; empty when there is none.
	FixDoc string
	// Options documents the rule's options: name → meaning and default.
	Options map[string]string
	// Staged, when set, makes the rule follow the document's stage (one
	// step milder at draft, one stricter at final) and names one of its
	// findings for the stage summary ("deferred answer").
	Staged string
	// validateOption, when set, checks a configured option's value (name is
	// as declared in Options), so a bad value is a configuration error.
	validateOption func(name string, value any) error
	check          func(*Context)
}

var registry = map[string]*Rule{}

// register adds a rule; each rule file calls it from init.
func register(r *Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("duplicate rule " + r.ID)
	}
	r.memoKey = document.NewMemoKey()
	registry[r.ID] = r
	return r
}

// Rules returns every rule sorted by id. The registry is complete once the
// package's init functions have run, so the list is built once; callers
// must not modify it.
func Rules() []*Rule {
	rulesOnce.Do(func() {
		for _, r := range registry {
			sortedRules = append(sortedRules, r)
		}
		sort.Slice(sortedRules, func(i, j int) bool { return sortedRules[i].ID < sortedRules[j].ID })
	})
	return sortedRules
}

var (
	rulesOnce   sync.Once
	sortedRules []*Rule
)

// Lookup returns the rule with id, or nil.
func Lookup(id string) *Rule { return registry[id] }

// Context is what a rule sees while it checks one document.
type Context struct {
	Doc    *document.Document
	Config *Config
	rule   *Rule
	out    *[]Finding
	memo   *textMemo    // nil outside a Checker
	stage  Stage        // the document's stage ("" is review)
	run    *lintRun     // what the rules of one Lint share; nil in a rule's own test
	limit  *reportLimit // nil: every finding is kept (see report_limit.go)
}

// Report records a finding of the current rule. A finding's severity defaults
// to the rule's configured severity.
func (c *Context) Report(f Finding) {
	f.Rule = c.rule.ID
	if s, ok := c.Config.severityOverride(c.rule.ID); ok {
		f.Severity = s // the user's choice wins over the rule's own downgrade and the stage
	} else {
		if f.Severity == Off {
			f.Severity = c.rule.Severity
		}
		if c.rule.Staged != "" {
			f.Severity = c.stage.adjust(f.Severity)
		}
	}
	if c.limit.drops(f.Span.Start) {
		c.limit.drop(f)
		return
	}
	c.limit.keep(f.Span.Start)
	*c.out = append(*c.out, f)
}

// Counted reports whether a finding that starts at start would only be
// counted (see report_limit.go): a rule that finds very many can then
// report it without building its message, with CountOnly.
func (c *Context) Counted(start int) bool { return c.limit.drops(start) }

// CountOnly records a finding Counted said is only counted; f needs only its
// span unless it comes before every other one counted so far, when it is
// built in full (build) for the mark that says how many more there are.
func (c *Context) CountOnly(start int, build func() Finding) {
	if c.limit.earliestAt(start) {
		c.Report(build()) // counted (Counted said so), and kept as the earliest
		return
	}
	c.limit.dropped++ // counted, not the earliest: not built
}

// Int reads an integer option of the current rule.
func (c *Context) Int(name string, def int) int { return c.Config.ruleInt(c.rule.ID, name, def) }

// Strings reads a string-list option of the current rule.
func (c *Context) Strings(name string) []string { return c.Config.ruleStrings(c.rule.ID, name) }

// Allowed reports whether the user allowed word (case-insensitive).
func (c *Context) Allowed(word string) bool { return c.Config.allowed(word) }
