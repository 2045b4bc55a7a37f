package diagnostics

import (
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func TestNewReview(t *testing.T) {
	src := "# Ledger lets small shops send invoices in one click\n\n" +
		"SEATTLE — June 2, 2027 — Ledger sends an invoice from a phone in one tap.\n\n" +
		"## FAQ\n\n### What does it cost?\n\nTBD.\n\n### Who is it for?\n\nShops with fewer than ten staff.\n\n### Does it work offline?\n"
	doc := document.Parse("launch.prfaq.md", []byte(src))
	cfg := Default()
	cfg.WordsPerPage = 10
	r := NewReview(doc, cfg, Lint(doc, cfg))
	if r.Questions != (QuestionCounts{Answered: 1, Deferred: 1, Unanswered: 1}) {
		t.Errorf("questions = %+v", r.Questions)
	}
	wantPR := WordCount(doc, doc.PressRelease)
	if r.PressRelease.Words != wantPR || wantPR == 0 {
		t.Errorf("press release = %+v, want %d words", r.PressRelease, wantPR)
	}
	if want := float64(int(float64(wantPR)+0.5)) / 10; r.PressRelease.Pages != want {
		t.Errorf("press release pages = %v, want %v (10 words a page)", r.PressRelease.Pages, want)
	}
	missing := map[document.PartKind]bool{}
	for _, k := range r.Missing {
		missing[k] = true
	}
	if !missing[document.Problem] || missing[document.Headline] || missing[document.FAQ] {
		t.Errorf("missing = %v", r.Missing)
	}
	// Missing is what missing-section reports, one for one
	n := 0
	for _, f := range r.Findings {
		if f.Rule == "missing-section" {
			n++
		}
	}
	if n != len(r.Missing) {
		t.Errorf("%d missing-section findings, %d missing parts", n, len(r.Missing))
	}
	line := r.ReadinessLine()
	for _, want := range []string{"**FAQ:** 3 questions: 1 answered, 1 deferred, 1 unanswered", "; missing ", "Problem", "**Length:** press release "} {
		if !strings.Contains(line, want) {
			t.Errorf("readiness line lacks %q:\n%s", want, line)
		}
	}
	if !strings.HasSuffix(line, " · **Stage:** review") {
		t.Errorf("a document that names no stage is in review:\n%s", line)
	}
	r.Stage = ""
	if strings.Contains(r.ReadinessLine(), "Stage") {
		t.Errorf("no stage is known, none may be shown:\n%s", r.ReadinessLine())
	}
	draft := Default()
	draft.Stage = StageDraft
	if r := NewReview(doc, draft, nil); !strings.HasSuffix(r.ReadinessLine(), " · **Stage:** draft") {
		t.Errorf("the configured stage not shown:\n%s", r.ReadinessLine())
	}
}

func TestSeverityCounts(t *testing.T) {
	fs := []Finding{{Severity: Warning}, {Severity: Error}, {Severity: Warning}, {Severity: Information}, {Severity: Information}, {Severity: Hint}}
	if got, want := CountSeverities(fs).String(), "1 error, 2 warnings, 2 information, 1 hint"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := CountSeverities(nil).String(); got != "no findings" {
		t.Errorf("empty: %q", got)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		`Placeholder "[Company name]" left in`: `Placeholder "\[Company name\]" left in`,
		"YOUR_NAME and *bold* and `code`":      "YOUR\\_NAME and \\*bold\\* and \\`code\\`",
		"<!-- hidden --> | pipe":               `\<\!-- hidden --\> \| pipe`,
		"ask @alice\nnow":                      "ask @\u2060alice now",
	} {
		if got := EscapeMarkdown(in); got != want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
	if got := code("a`b"); got != "``a`b``" {
		t.Errorf("code = %q", got)
	}
}

// A review too long for a GitHub comment is cut at a line, keeps its
// <details> closed and says it was cut.
func TestReviewMarkdownFitsAComment(t *testing.T) {
	var many []Located
	for i := range 3000 {
		many = append(many, Located{Finding: Finding{Rule: "hype", Severity: Information, Message: "\"best\" is hype: back the claim with data, café ☕."}, Line: i + 1})
	}
	r := Review{Path: "launch.prfaq.md", Parts: []document.PartKind{}, Missing: []document.PartKind{}, Findings: many,
		Diff: &FindingDiff{Remaining: many}}
	out := ReviewMarkdown([]Review{r}, "main")
	if n := len([]rune(out)); n > MaxCommentLength {
		t.Errorf("review is %d characters, more than %d", n, MaxCommentLength)
	}
	if !strings.HasSuffix(out, "Run `prfaq check` for every finding.\n") {
		t.Errorf("a cut review does not say so:\n%s", out[len(out)-300:])
	}
	if strings.Count(out, "<details>") != strings.Count(out, "</details>") {
		t.Error("a cut review leaves <details> open")
	}
	if !strings.Contains(out, "\n  - line 1: ") || strings.Contains(out, "line 3000:") {
		t.Error("the cut is not at the end")
	}
	short := ReviewMarkdown([]Review{{Path: "a.md", Findings: many[:3]}}, "")
	if strings.Contains(short, "cut here") {
		t.Error("a short review was cut")
	}
}
