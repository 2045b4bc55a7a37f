package diagnostics

import (
	"sort"
	"strconv"
	"strings"
)

// safeFixRules are the rules whose fix only takes away or plainly replaces
// what the finding names, so it can be applied without being read: a
// buzzword for its plain word, an intensifier or template label removed, a
// question mark added, a headline's trailing period dropped. The other
// fixes write new text for the author to finish (a section skeleton, an
// owned follow-up with OWNER and DATE) and stay one at a time, by choice.
var safeFixRules = map[string]bool{
	"jargon":          true,
	"weasel-word":     true,
	"question-format": true,
	"vague-headline":  true,
	"placeholder":     true,
}

// SafeFix returns the fix that FixAll would apply for f, if any.
func SafeFix(f Finding) (Fix, bool) {
	if !safeFixRules[f.Rule] || len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
		return Fix{}, false
	}
	return f.Fixes[0], true
}

// HasSafeFix reports whether a rule's findings can be fixed all at once.
func HasSafeFix(rule string) bool { return safeFixRules[rule] }

// FixAll gathers the safe fixes of findings (of one rule, or of every rule
// when rule is "") into one set of edits that applies cleanly: sorted by
// position and never overlapping. When two fixes touch the same text the
// first in the document wins and the other is left for the next run. It
// returns the edits and the findings they fix, in document order.
func FixAll(findings []Finding, rule string) ([]Edit, []Finding) {
	chosen := chooseFixes(findings, rule)
	var edits []Edit
	fixed := make([]Finding, 0, len(chosen))
	for _, i := range chosen {
		edits = append(edits, findings[i].Fixes[0].Edits...)
		fixed = append(fixed, findings[i])
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	return edits, fixed
}

// CountFixAll is how many findings FixAll would fix, without building its
// edits: code actions count on every cursor move.
func CountFixAll(findings []Finding, rule string) int { return len(chooseFixes(findings, rule)) }

// chooseFixes returns the indices of the findings whose safe fix FixAll
// applies, in document order.
func chooseFixes(findings []Finding, rule string) []int {
	type candidate struct{ i, start, end int }
	var cands []candidate
	for i := range findings {
		f := &findings[i]
		if rule != "" && f.Rule != rule || !safeFixRules[f.Rule] || len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
			continue
		}
		edits := f.Fixes[0].Edits
		c := candidate{i: i, start: edits[0].Span.Start, end: edits[0].Span.End}
		for _, e := range edits[1:] {
			c.start, c.end = min(c.start, e.Span.Start), max(c.end, e.Span.End)
		}
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].start < cands[j].start })
	chosen := make([]int, 0, len(cands))
	last, lastInserts := -1, false
	for _, c := range cands {
		// An insertion where another edit starts or ends overlaps it: two
		// edits at one offset have no order an editor must keep.
		inserts := c.start == c.end
		if c.start < last || c.start == last && (inserts || lastInserts) {
			continue
		}
		chosen = append(chosen, c.i)
		last, lastInserts = c.end, inserts
	}
	return chosen
}

// FixSummary says what a set of fixed findings changed, rule by rule:
// "jargon 2, weasel-word 1".
func FixSummary(fixed []Finding) string {
	counts := map[string]int{}
	for _, f := range fixed {
		counts[f.Rule]++
	}
	rules := make([]string, 0, len(counts))
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	parts := make([]string, 0, len(rules))
	for _, r := range rules {
		parts = append(parts, r+" "+strconv.Itoa(counts[r]))
	}
	return strings.Join(parts, ", ")
}
