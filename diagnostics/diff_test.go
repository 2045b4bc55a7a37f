package diagnostics

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func loc(rule string, line int, text, message string) Located {
	return Located{Finding: Finding{Rule: rule, Severity: Warning, Message: message}, Line: line, Text: text}
}

// summary lists a diff as "fixed rule@line …; new …; remaining …".
func summary(d FindingDiff) string {
	list := func(ls []Located) string {
		var s []string
		for _, l := range ls {
			s = append(s, fmt.Sprintf("%s@%d", l.Rule, l.Line))
		}
		return strings.Join(s, " ")
	}
	return "fixed " + list(d.Fixed) + "; new " + list(d.New) + "; remaining " + list(d.Remaining)
}

func TestDiffFindings(t *testing.T) {
	tbd := func(line int) Located { return loc("deferred-answer", line, "TBD", `Deferred answer ("TBD").`) }
	for _, tc := range []struct {
		name     string
		old, new []Located
		want     string
	}{
		{"nothing", nil, nil, "fixed ; new ; remaining "},
		{"moved paragraph keeps its finding at the new line",
			[]Located{loc("hype", 3, "revolutionary", "Hype: revolutionary")},
			[]Located{loc("hype", 9, "revolutionary", "Hype: revolutionary")},
			"fixed ; new ; remaining hype@9"},
		{"fixed and new",
			[]Located{loc("hype", 3, "revolutionary", "Hype: revolutionary"), tbd(7)},
			[]Located{tbd(7), loc("jargon", 5, "synergy", "Jargon: synergy")},
			"fixed hype@3; new jargon@5; remaining deferred-answer@7"},
		{"duplicates count: two before, one after is one fixed",
			[]Located{tbd(7), tbd(12)}, []Located{tbd(14)},
			"fixed deferred-answer@12; new ; remaining deferred-answer@14"},
		{"duplicates count: one before, three after is two new",
			[]Located{tbd(7)}, []Located{tbd(7), tbd(9), tbd(11)},
			"fixed ; new deferred-answer@9 deferred-answer@11; remaining deferred-answer@7"},
		{"same text, other rule: not a match",
			[]Located{loc("hype", 3, "best", "Hype: best")},
			[]Located{loc("weasel-word", 3, "best", "Hype: best")},
			"fixed hype@3; new weasel-word@3; remaining "},
		{"same text, other message: not a match",
			[]Located{loc("placeholder", 3, "XXX", `Placeholder "XXX"`)},
			[]Located{loc("placeholder", 3, "XXX", `Placeholder "XXX" in a heading`)},
			"fixed placeholder@3; new placeholder@3; remaining "},
		{"the line a whole-document finding is shown on was edited",
			[]Located{loc("missing-section", 8, "Our old last line.", "Missing Call to action")},
			[]Located{loc("missing-section", 8, "Our new last line.", "Missing Call to action")},
			"fixed ; new ; remaining missing-section@8"},
		{"the same text measured again",
			[]Located{loc("press-release-length", 1, "# Headline", "Press release is 1,244 words (≈2.5 pages).")},
			[]Located{loc("press-release-length", 1, "# Headline", "Press release is 900 words (≈1.8 pages).")},
			"fixed ; new ; remaining press-release-length@1"},
		{"other text with other figures is new",
			[]Located{loc("long-sentence", 4, "One long sentence.", "Sentence of 40 words")},
			[]Located{loc("long-sentence", 4, "Another long sentence.", "Sentence of 38 words")},
			"fixed long-sentence@4; new long-sentence@4; remaining "},
		{"an exact match is preferred to a looser one",
			[]Located{loc("missing-section", 2, "A", "Missing Problem"), loc("missing-section", 5, "B", "Missing Problem")},
			[]Located{loc("missing-section", 6, "B", "Missing Problem")},
			"fixed missing-section@2; new ; remaining missing-section@6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summary(DiffFindings(tc.old, tc.new)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestMaskFigures(t *testing.T) {
	for in, want := range map[string]string{
		"Press release is 1,244 words (≈2.5 pages).": "Press release is # words (≈# pages).",
		"no figures, here.":                          "no figures, here.",
		"ends with 3.":                               "ends with #.",
		"v1.2.3, 4":                                  "v#, #",
	} {
		if got := maskFigures(in); got != want {
			t.Errorf("maskFigures(%q) = %q, want %q", in, got, want)
		}
	}
}

// A real pair of drafts: the second moves the paragraph with the hype word
// below another, answers the deferred question and adds an unanswered one.
func TestDiffFindingsOnDrafts(t *testing.T) {
	const old = "# Ledger lets small shops send invoices in one click\n\n" +
		"Ledger is the best invoicing tool.\n\nShops send invoices from their phone.\n\n" +
		"## FAQ\n\n### What does it cost?\n\nTBD.\n\n### Who is it for?\n\nShops with fewer than ten staff.\n\n### Where does it run?\n\nIn any browser.\n"
	const new = "# Ledger lets small shops send invoices in one click\n\n" +
		"Shops send invoices from their phone.\n\nLedger is the best invoicing tool.\n\n" +
		"## FAQ\n\n### What does it cost?\n\n$5 a month.\n\n### Who is it for?\n\nShops with fewer than ten staff.\n\n### Where does it run?\n\nIn any browser.\n\n### Does it work offline?\n"
	cfg := Default()
	cfg.Sections = []document.PartKind{document.Headline, document.FAQ}
	lint := func(src string) []Located {
		doc := document.Parse("launch.prfaq.md", []byte(src))
		return Locate(doc, Lint(doc, cfg))
	}
	d := DiffFindings(lint(old), lint(new))
	has := func(ls []Located, rule string, line int) bool {
		for _, l := range ls {
			if l.Rule == rule && l.Line == line {
				return true
			}
		}
		return false
	}
	if !has(d.Fixed, "deferred-answer", 11) {
		t.Errorf("the answered question is not fixed: %s", summary(d))
	}
	if !has(d.New, "unanswered-question", 21) {
		t.Errorf("the new unanswered question is not new: %s", summary(d))
	}
	if !has(d.Remaining, "hype", 5) || has(d.Fixed, "hype", 3) || has(d.New, "hype", 5) {
		t.Errorf("the moved hype word is not remaining at its new line: %s", summary(d))
	}
}
