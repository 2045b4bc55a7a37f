package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// outlineDoc has parts named by headings, parts read from their content, and
// one question of each status.
const outlineDoc = `# Ledger lets small shops send invoices in one click

## Shops get paid a week sooner without learning accounting software

SEATTLE — March 3, 2025 — Acme today launched Ledger, an invoicing app for shops with fewer than ten staff.

## The Problem

Small shops lose a day a month chasing unpaid invoices by hand.

**The solution.** Ledger sends the invoice, reminds the customer and records the payment.

"We built Ledger for the shops we grew up in," said Ana Ruiz, CEO of Acme.

"I got paid in two days instead of two weeks," said Sam Lee, owner of Lee Bikes.

Sign up at ledger.example.com.

## FAQ

### External FAQ

#### How much does it cost?

Five dollars a month.

### Internal FAQ

#### When does it ship?

TBD.

#### Who owns support?
`

type outlineJSON struct {
	Path  string `json:"path"`
	PRFAQ bool   `json:"prfaq"`
	Parts []struct {
		Part  string `json:"part"`
		Lines []int  `json:"lines"`
		How   string `json:"how"`
		Why   string `json:"why"`
		Text  string `json:"text"`
	} `json:"parts"`
	Questions []struct {
		Line   int    `json:"line"`
		Group  string `json:"group"`
		Status string `json:"status"`
		Text   string `json:"text"`
	} `json:"questions"`
	Stage *struct {
		Stage string `json:"stage"`
		From  string `json:"from"`
		Next  string `json:"next"`
		Open  []struct {
			Rule  string `json:"rule"`
			Count int    `json:"count"`
			What  string `json:"what"`
		} `json:"open"`
	} `json:"stage"`
}

func outlineOf(t *testing.T, args ...string) outlineJSON {
	t.Helper()
	code, out, errOut := runCLI(append([]string{"outline"}, args...)...)
	if code != 0 {
		t.Fatalf("outline %v: exit %d: %s", args, code, errOut)
	}
	var o outlineJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		t.Fatalf("outline %v: bad JSON: %v\n%s", args, err, out)
	}
	return o
}

func TestOutlineJSON(t *testing.T) {
	f := write(t, t.TempDir(), "ledger.prfaq.md", outlineDoc)
	o := outlineOf(t, "--format", "json", f)
	if o.Path != f || !o.PRFAQ {
		t.Errorf("path %q prfaq %v, want %q true", o.Path, o.PRFAQ, f)
	}
	starts := map[string]int{}
	valid := map[string]bool{"heading": true, "label": true, "quote": true, "cue": true, "position": true, "questions": true}
	for i, p := range o.Parts {
		if len(p.Lines) != 2 || p.Lines[0] < 1 || p.Lines[1] < p.Lines[0] || p.Lines[1] > 33 {
			t.Errorf("%s: lines %v", p.Part, p.Lines)
		}
		if !valid[p.How] {
			t.Errorf("%s: how %q", p.Part, p.How)
		}
		if i > 0 && indexOf(o.Parts[i-1].Part) >= indexOf(p.Part) {
			t.Errorf("parts out of order: %s before %s", o.Parts[i-1].Part, p.Part)
		}
		starts[p.Part] = p.Lines[0]
	}
	// The parts a heading names, at their headings.
	for part, line := range map[string]int{"headline": 1, "problem": 7, "faq": 19, "external-faq": 21, "internal-faq": 27} {
		if starts[part] != line {
			t.Errorf("%s starts at line %d, want %d (parts %v)", part, starts[part], line, starts)
		}
	}
	for _, p := range o.Parts {
		if p.Part == "problem" && (p.How != "heading" || !strings.HasPrefix(p.Text, "Small shops lose a day")) {
			t.Errorf("problem: how %q text %q", p.How, p.Text)
		}
	}
	type q struct {
		line          int
		group, status string
		text          string
	}
	var got []q
	for _, x := range o.Questions {
		got = append(got, q{x.Line, x.Group, x.Status, x.Text})
	}
	want := []q{
		{23, "external-faq", "answered", "How much does it cost?"},
		{29, "internal-faq", "deferred", "When does it ship?"},
		{33, "internal-faq", "unanswered", "Who owns support?"},
	}
	if len(got) != len(want) {
		t.Fatalf("questions = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("question %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// Flags after the file mean the same.
	_, before, _ := runCLI("outline", "--format", "json", f)
	_, after, _ := runCLI("outline", f, "--format", "json")
	if before != after {
		t.Errorf("flags after the file give another answer:\n%s\n---\n%s", after, before)
	}
}

func indexOf(part string) int {
	for i, k := range document.AllParts {
		if string(k) == part {
			return i
		}
	}
	return -1
}

// partLine is the regular expression of shared/tools/fidelity.py, which reads
// the text form when a prfaq has no JSON outline.
var partLine = regexp.MustCompile(`^\s{2}(\S.*?)\s{2,}(missing|lines (\d+)-(\d+))`)

// The text form shows the same parts as the JSON, in the shape tools parse,
// and each part's how; --explain adds a line under each part and changes
// nothing else.
func TestOutlineTextAgreesWithJSON(t *testing.T) {
	f := write(t, t.TempDir(), "ledger.prfaq.md", outlineDoc)
	o := outlineOf(t, "--format", "json", f)
	code, text, _ := runCLI("outline", f)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(text, "by content") {
		t.Errorf("text still says \"by content\":\n%s", text)
	}
	byTitle := map[string]int{}
	for i, p := range o.Parts {
		byTitle[document.PartKind(p.Part).Title()] = i
	}
	seen := 0
	for _, line := range strings.Split(text, "\n") {
		m := partLine.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[1], "Q ") {
			continue
		}
		seen++
		i, ok := byTitle[m[1]]
		if m[2] == "missing" {
			if ok {
				t.Errorf("%q: missing in text, present in JSON", line)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: present in text, missing in JSON", line)
			continue
		}
		p := o.Parts[i]
		a, _ := strconv.Atoi(m[3])
		b, _ := strconv.Atoi(m[4])
		if a != p.Lines[0] || b != p.Lines[1] || !strings.Contains(line, "("+p.How+")") {
			t.Errorf("%q: JSON says lines %v (%s)", line, p.Lines, p.How)
		}
	}
	if seen != len(document.AllParts) {
		t.Errorf("text form has %d part lines, want %d:\n%s", seen, len(document.AllParts), text)
	}

	_, explained, _ := runCLI("outline", "--explain", f)
	var kept, reasons []string
	for _, line := range strings.Split(explained, "\n") {
		if strings.HasPrefix(line, "      read as the ") {
			reasons = append(reasons, line)
			continue
		}
		kept = append(kept, line)
	}
	if strings.Join(kept, "\n") != text {
		t.Errorf("--explain changed the outline lines:\n%s\nwant\n%s", explained, text)
	}
	if len(reasons) != len(o.Parts) {
		t.Errorf("--explain gives %d reasons for %d parts:\n%s", len(reasons), len(o.Parts), explained)
	}
	if !strings.Contains(explained, "  Problem          lines 7-") || !strings.Contains(explained, "      read as the Problem: ") {
		t.Errorf("--explain lacks the problem's reason:\n%s", explained)
	}
}

// A part read from its lead-in label says so, and --explain gives its reason
// in the reader's words; one that does not record how falls back to what its
// fields show.
func TestOutlineTextSaysHowAndWhy(t *testing.T) {
	doc := document.Parse("ledger.prfaq.md", []byte(outlineDoc))
	sol := doc.Parts[document.Solution]
	if sol == nil {
		t.Fatal("no solution recognised")
	}
	sol.How, sol.Why = document.HowLabel, `named by the lead-in "The solution."`
	var b bytes.Buffer
	writeOutlineText(&b, doc, diagnostics.NewOutline(doc, true), 0, true)
	out := b.String()
	if !regexp.MustCompile(`(?m)^  Solution +lines \d+-\d+ \(label\) Ledger sends the invoice`).MatchString(out) {
		t.Errorf("solution line does not say label:\n%s", out)
	}
	if !strings.Contains(out, "\n      read as the Solution: named by the lead-in \"The solution.\"\n") {
		t.Errorf("--explain does not give the solution's Why:\n%s", out)
	}

	sol.How, sol.Why = "", ""
	sol.Heading, sol.Label = nil, document.Span{Start: sol.Span.Start, End: sol.Span.Start + 17}
	b.Reset()
	writeOutlineText(&b, doc, diagnostics.NewOutline(doc, true), 0, true)
	if !strings.Contains(b.String(), "(label) Ledger sends") || !strings.Contains(b.String(), "read as the Solution: named by its lead-in label") {
		t.Errorf("a part with a label and no How:\n%s", b.String())
	}
}

func TestOutlineUsageErrors(t *testing.T) {
	f := write(t, t.TempDir(), "ledger.prfaq.md", outlineDoc)
	for _, args := range [][]string{
		{"outline"},
		{"outline", f, f},
		{"outline", "--format", "yaml", f},
		{"outline", "--no-such-flag", f},
		{"outline", f + ".absent"},
	} {
		if code, out, errOut := runCLI(args...); code != 2 || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, a reason", args, code, out, errOut)
		}
	}
}

// The outline shows the stage and what stands between the document and the
// next one, in both forms; the configuration's stage applies unless the
// front matter names one.
func TestOutlineShowsStage(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".prfaq.yaml", "stage: final\n")
	f := write(t, dir, "ledger.prfaq.md", outlineDoc)
	o := outlineOf(t, "--format", "json", f)
	if o.Stage == nil {
		t.Fatal("no stage in the JSON outline")
	}
	var open []string
	for _, it := range o.Stage.Open {
		open = append(open, it.Rule+"="+strconv.Itoa(it.Count))
	}
	if o.Stage.Stage != "final" || o.Stage.From != "configuration" || o.Stage.Next != "" ||
		strings.Join(open, " ") != "deferred-answer=1 unanswered-question=1" {
		t.Errorf("stage = %+v (open %v)", *o.Stage, open)
	}
	_, text, _ := runCLI("outline", f)
	if lines := strings.Split(text, "\n"); len(lines) < 2 || lines[1] != "stage: final — still open: 1 deferred answer, 1 unanswered question" {
		t.Errorf("text outline:\n%s", text)
	}

	draft := write(t, dir, "draft.prfaq.md", "---\nstage: draft\n---\n"+outlineDoc)
	_, text, _ = runCLI("outline", draft)
	if !strings.Contains(text, "\nstage: draft — to reach review: 1 deferred answer, 1 unanswered question\n") {
		t.Errorf("front matter stage not shown:\n%s", text)
	}
	if o := outlineOf(t, "--format", "json", draft); o.Stage == nil || o.Stage.From != "front matter" || o.Stage.Next != "review" {
		t.Errorf("draft stage = %+v", o.Stage)
	}

	// a Markdown file that is not a PR/FAQ has no stage
	notes := write(t, dir, "notes.md", "# Notes\n\nNothing here.\n")
	if o := outlineOf(t, "--format", "json", notes); o.PRFAQ || o.Stage != nil {
		t.Errorf("notes: prfaq %v stage %+v", o.PRFAQ, o.Stage)
	}
}
