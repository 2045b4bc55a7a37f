package diagnostics

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Lint runs every enabled rule on doc and returns the findings in document
// order, with inline suppressions applied. A rule that panics is reported as
// an internal-error finding instead of taking the caller down.
func Lint(doc *document.Document, cfg *Config) []Finding { return lint(doc, cfg, nil, 0) }

func lint(doc *document.Document, cfg *Config, memo *textMemo, sizeHint int) []Finding {
	if cfg == nil {
		cfg = Default()
	}
	findings := make([]Finding, 0, sizeHint)
	stage, _, _ := cfg.StageOf(doc) // a bad stage is invalid-stage's finding
	run := &lintRun{}
	var rules []*Rule
	for _, r := range Rules() {
		if cfg.severity(r) != Off && r.check != nil {
			rules = append(rules, r)
		}
	}
	// the findings a rule only counts (report_limit.go), when nothing can
	// suppress the ones it kept
	ds := directives(doc)
	limits := make([]*reportLimit, len(rules))
	if limitReports && cfg.MaxFindings > 0 && len(ds) == 0 {
		for i := range limits {
			limits[i] = &reportLimit{max: cfg.MaxFindings}
		}
	}
	if len(doc.Source) < concurrentLintBytes {
		for i, r := range rules {
			runRule(r, &Context{Doc: doc, Config: cfg, rule: r, out: &findings, memo: memo, stage: stage, run: run, limit: limits[i]})
		}
	} else {
		// The rules only read the document, and what they share (a prose's
		// memo, the lint run's word pass) is locked. Each reports into its
		// own list; the lists are joined in rule order, as one after the
		// other would have reported.
		outs := make([][]Finding, len(rules))
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), len(rules)) {
			wg.Go(func() {
				for i := int(next.Add(1) - 1); i < len(rules); i = int(next.Add(1) - 1) {
					runRule(rules[i], &Context{Doc: doc, Config: cfg, rule: rules[i], out: &outs[i], memo: memo, stage: stage, run: run, limit: limits[i]})
				}
			})
		}
		wg.Wait()
		for _, out := range outs {
			findings = append(findings, out...)
		}
	}
	// each rule's first counted finding goes back in, as capFindings marks
	// the first one past the cap; the others count for its message
	var counted map[string]int
	for i, l := range limits {
		if l != nil && l.dropped > 0 {
			findings = append(findings, l.earliest)
			if counted == nil {
				counted = map[string]int{}
			}
			counted[rules[i].ID] = l.dropped - 1
		}
	}
	findings = suppress(doc, ds, findings)
	return capFindings(sortFindings(findings), cfg.MaxFindings, counted)
}

// concurrentLintBytes is the smallest document whose rules run side by
// side, one worker per CPU: on a 14 MB document they took two seconds one
// after the other; on a PR/FAQ of ordinary size the goroutines would cost
// more than they save.
var concurrentLintBytes = 1 << 20 // a variable for the test that compares the two

// limitReports is false in the test that compares the findings with and
// without report limits.
var limitReports = true

// capFindings keeps the first max findings of each rule, in document order,
// and puts in place of the rest one finding, where the first of them was,
// that says how many more there are. max 0 keeps everything. counted are
// findings of a rule that were only counted (report_limit.go): they come
// after all of its findings here.
func capFindings(findings []Finding, max int, counted map[string]int) []Finding {
	if max <= 0 || len(findings) <= max && len(counted) == 0 {
		return findings
	}
	counts := map[string]int{}
	for rule, n := range counted {
		counts[rule] = n
	}
	over := false
	for i := range findings {
		counts[findings[i].Rule]++
		over = over || counts[findings[i].Rule] > max
	}
	if !over {
		return findings
	}
	out := make([]Finding, 0, len(findings))
	seen := map[string]int{}
	for _, f := range findings {
		seen[f.Rule]++
		switch n := seen[f.Rule]; {
		case n <= max:
			out = append(out, f)
		case n == max+1:
			more := counts[f.Rule] - max
			out = append(out, Finding{
				Rule: f.Rule, Severity: f.Severity, Span: f.Span,
				Message: fmt.Sprintf("%d more %s findings in this document are not shown (the limit is %d per rule; set max-findings to change it)", more, f.Rule, max),
				Data:    map[string]any{"notShown": more},
			})
		}
	}
	return out
}

// sortFindings orders findings by position, then rule, keeping each rule's
// own order. It sorts indices: a Finding is large to move.
func sortFindings(findings []Finding) []Finding {
	idx := make([]int, len(findings))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &findings[i], &findings[j]
		if a.Span.Start != b.Span.Start {
			return cmp.Compare(a.Span.Start, b.Span.Start)
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	out := make([]Finding, len(findings))
	for i, k := range idx {
		out[i] = findings[k]
	}
	return out
}

func runRule(r *Rule, c *Context) {
	defer func() {
		if p := recover(); p != nil {
			*c.out = append(*c.out, Finding{
				Rule: "internal-error", Severity: Error,
				Message: fmt.Sprintf("rule %s failed on this document: %v (please report it)", r.ID, p),
			})
		}
	}()
	r.check(c)
}

// Check parses src and lints it when it is a PR/FAQ. It returns the document,
// whether it is a PR/FAQ, and the findings (empty for other Markdown).
func Check(path string, src []byte, cfg *Config) (*document.Document, bool, []Finding) {
	return new(Checker).Check(path, src, cfg)
}

// Checker checks successive versions of one document, as an editor sends
// them, reusing what did not change since the last version: the parsed
// sections, and what the rules kept of their text (see memo.go). Its
// results are Check's. It is safe for concurrent use.
type Checker struct {
	parser document.Parser
	memo   textMemo
	// found is how many findings the last version had: the next version's
	// list is made that large (grown from nothing by appends, it was
	// twice its size in garbage every keystroke).
	found atomic.Int64
}

// Check is the package's Check for the next version of the document.
func (c *Checker) Check(path string, src []byte, cfg *Config) (*document.Document, bool, []Finding) {
	if cfg == nil {
		cfg = Default()
	}
	doc := c.parser.Parse(path, src)
	if !cfg.IsPRFAQ(doc) {
		return doc, false, []Finding{}
	}
	c.memo.nextVersion()
	findings := lint(doc, cfg, &c.memo, int(c.found.Load()))
	c.found.Store(int64(len(findings)))
	return doc, true, findings
}
