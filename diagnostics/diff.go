package diagnostics

import (
	"encoding/json"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Located is a finding as a reader sees it: where it is (1-based line,
// 1-based UTF-16 column, as `prfaq check` prints them) and the text it flags.
type Located struct {
	Finding
	Line   int
	Column int
	// Text is the flagged source text (doc.Source over the finding's span).
	Text string
}

// MarshalJSON writes what `prfaq diff --format json` promises: rule,
// severity, line, column and message.
func (l Located) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Rule     string   `json:"rule"`
		Severity Severity `json:"severity"`
		Line     int      `json:"line"`
		Column   int      `json:"column"`
		Message  string   `json:"message"`
	}{l.Rule, l.Severity, l.Line, l.Column, l.Message})
}

// Locate gives each finding of doc its line, column and flagged text.
func Locate(doc *document.Document, findings []Finding) []Located {
	out := make([]Located, 0, len(findings))
	for _, f := range findings {
		p := doc.Mapper.Position(f.Span.Start)
		out = append(out, Located{Finding: f, Line: p.Line + 1, Column: p.Character + 1, Text: doc.Text(f.Span)})
	}
	return out
}

// FindingsOf returns the findings of ls.
func FindingsOf(ls []Located) []Finding {
	fs := make([]Finding, len(ls))
	for i, l := range ls {
		fs[i] = l.Finding
	}
	return fs
}

// FindingDiff is what a new draft changed: findings of the old draft it no
// longer has (Fixed, at their old lines), findings it introduced (New) and
// those it kept (Remaining, at their new lines). Each list is in document
// order.
type FindingDiff struct {
	Fixed     []Located `json:"fixed"`
	New       []Located `json:"new"`
	Remaining []Located `json:"remaining"`
}

// DiffFindings matches the findings of two drafts of a document. Findings are
// matched by what they say, never by their line, so a moved paragraph keeps
// its findings; duplicates count (two "TBD"s before and one after is one
// fixed). Three passes, each pairing the findings the earlier ones left, in
// document order:
//
//  1. same rule, flagged text and message;
//  2. same rule and message: the text a finding is shown on changed but the
//     finding did not ("Missing Call to action" on a line that was edited);
//  3. same rule and flagged text, the message differing only in its figures:
//     the same text measured again ("Press release is 812 words" → "790 words").
//
// Pass 2 pairs findings whose message names nothing in particular (an
// unattributed quote) with another of the same rule: the counts stay right
// and nothing is called new that may not be, which is the side to err on.
func DiffFindings(old, new []Located) FindingDiff {
	d := FindingDiff{Fixed: []Located{}, New: []Located{}, Remaining: []Located{}}
	oldLeft := make([]bool, len(old)) // still unmatched
	newLeft := make([]bool, len(new))
	for i := range oldLeft {
		oldLeft[i] = true
	}
	for i := range newLeft {
		newLeft[i] = true
	}
	keys := []func(Located) string{
		func(l Located) string { return l.Rule + "\x00" + l.Text + "\x00" + l.Message },
		func(l Located) string { return l.Rule + "\x00" + l.Message },
		func(l Located) string { return l.Rule + "\x00" + l.Text + "\x00" + maskFigures(l.Message) },
	}
	matched := make([]bool, len(new)) // new findings that are Remaining
	for _, key := range keys {
		waiting := map[string][]int{} // key → unmatched old findings, in order
		for i, l := range old {
			if oldLeft[i] {
				k := key(l)
				waiting[k] = append(waiting[k], i)
			}
		}
		for j, l := range new {
			if !newLeft[j] {
				continue
			}
			k := key(l)
			if q := waiting[k]; len(q) > 0 {
				oldLeft[q[0]], newLeft[j], matched[j] = false, false, true
				waiting[k] = q[1:]
			}
		}
	}
	for i, l := range old {
		if oldLeft[i] {
			d.Fixed = append(d.Fixed, l)
		}
	}
	for j, l := range new {
		if matched[j] {
			d.Remaining = append(d.Remaining, l)
		} else {
			d.New = append(d.New, l)
		}
	}
	return d
}

// maskFigures replaces every run of digits (with its separators: 1,244 or
// 2.5) by one '#'.
func maskFigures(s string) string {
	var b strings.Builder
	inFigure := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		digit := c >= '0' && c <= '9'
		sep := (c == '.' || c == ',') && inFigure && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'
		switch {
		case digit || sep:
			if !inFigure {
				b.WriteByte('#')
			}
			inFigure = true
		default:
			inFigure = false
			b.WriteByte(c)
		}
	}
	return b.String()
}
