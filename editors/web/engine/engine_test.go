package engine

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func corpus(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../../diagnostics/testdata/corpus/*.md")
	if err != nil || len(files) < 20 {
		t.Fatalf("corpus: %v (%d files)", err, len(files))
	}
	out := map[string]string{}
	for _, f := range files {
		if b := filepath.Base(f); b == "README.md" || b == "LABELS.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(src)
	}
	return out
}

// The page's findings are the command line's: every finding of a fresh
// parse and lint (what `prfaq check` runs), with the same rule, severity,
// message and range, also when one Engine checks the documents one after
// the other as successive versions (its Checker reuses what it kept).
func TestCheckIsTheCommandLines(t *testing.T) {
	var e Engine
	total := 0
	for name, src := range corpus(t) {
		doc := document.Parse(name, []byte(src))
		want := diagnostics.Lint(doc, diagnostics.Default())
		got := e.Check(src, "").Findings
		if len(got) != len(want) {
			t.Errorf("%s: %d findings, the command line has %d", name, len(got), len(want))
			continue
		}
		for i, f := range want {
			g := got[i]
			wr := doc.Mapper.Range(f.Span.Start, f.Span.End)
			if g.Rule != f.Rule || g.Severity != f.Severity.String() || g.Message != f.Message || g.Range != wr || g.Span != f.Span {
				t.Errorf("%s finding %d: got %s %s %v %q, want %s %s %v %q", name, i, g.Rule, g.Severity, g.Range, g.Message, f.Rule, f.Severity, wr, f.Message)
			}
			if len(g.Fixes) != len(f.Fixes)+1 || !strings.HasPrefix(g.Fixes[len(g.Fixes)-1].Title, "Disable "+f.Rule) {
				t.Errorf("%s finding %d (%s): fixes %v, want the rule's %d and the disable comment", name, i, f.Rule, g.Fixes, len(f.Fixes))
			}
		}
		total += len(got)
	}
	if total < 100 {
		t.Fatalf("only %d findings on the corpus", total)
	}
}

// A fix's edits are in UTF-16 columns, as JavaScript counts them, and
// applying them by bytes or by those columns gives the same text.
func TestFixEditsInUTF16(t *testing.T) {
	src := "# Ledger lets shops 😀 send invoices in one tap\n\n## FAQ\n\n### External FAQ\n\n#### When does it ship — 🚀?\n\nTBD.\n"
	var e Engine
	r := e.Check(src, "")
	var deferred *Finding
	for i := range r.Findings {
		if r.Findings[i].Rule == "deferred-answer" {
			deferred = &r.Findings[i]
		}
	}
	if deferred == nil {
		t.Fatalf("no deferred-answer finding in %+v", r.Findings)
	}
	if deferred.Range.Start.Line != 8 {
		t.Errorf("deferred-answer on line %d, want 8 (0-based)", deferred.Range.Start.Line)
	}
	for _, f := range r.Findings {
		for _, fx := range f.Fixes {
			var byBytes []diagnostics.Edit
			for _, ed := range fx.Edits {
				byBytes = append(byBytes, diagnostics.Edit{Span: ed.Span, NewText: ed.NewText})
			}
			want, err := diagnostics.ApplyEdits([]byte(src), byBytes)
			if err != nil {
				t.Fatal(err)
			}
			if got := applyUTF16(src, fx.Edits); got != string(want) {
				t.Errorf("%s %q: by UTF-16 columns\n%s\nby bytes\n%s", f.Rule, fx.Title, got, want)
			}
		}
	}
}

// applyUTF16 applies edits the way the page does: line and UTF-16 column to
// a string index, last edit first.
func applyUTF16(src string, edits []Edit) string {
	u := []rune(src)
	var units []uint16
	lineStart := []int{0}
	for _, r := range u {
		if r >= 0x10000 {
			units = append(units, 0xD800, 0xDC00)
		} else {
			units = append(units, uint16(r))
		}
		if r == '\n' {
			lineStart = append(lineStart, len(units))
		}
	}
	idx := func(p document.Position) int { return lineStart[p.Line] + p.Character }
	// Back to a string: index i in units ↔ rune position.
	toRunes := func(i int) int {
		n := 0
		for k, r := range u {
			if n >= i {
				return k
			}
			n++
			if r >= 0x10000 {
				n++
			}
		}
		return len(u)
	}
	out := u
	for i := len(edits) - 1; i >= 0; i-- {
		ed := edits[i]
		s, e := toRunes(idx(ed.Range.Start)), toRunes(idx(ed.Range.End))
		out = append(append(append([]rune{}, out[:s]...), []rune(ed.NewText)...), out[e:]...)
	}
	return string(out)
}

func TestConfigApplies(t *testing.T) {
	src := "# Ledger lets shops send invoices in one tap\n\n## FAQ\n\n### External FAQ\n\n#### When does it ship?\n\nTBD.\n"
	var e Engine
	has := func(r Result, rule, sev string) bool {
		for _, f := range r.Findings {
			if f.Rule == rule && (sev == "" || f.Severity == sev) {
				return true
			}
		}
		return false
	}
	if r := e.Check(src, ""); !has(r, "deferred-answer", "warning") || len(r.ConfigErrors) != 0 {
		t.Fatalf("default: %+v", r)
	}
	if r := e.Check(src, "rules:\n  deferred-answer: error\n"); !has(r, "deferred-answer", "error") {
		t.Errorf("error severity not applied: %+v", r.Findings)
	}
	if r := e.Check(src, "rules:\n  deferred-answer: off\n"); has(r, "deferred-answer", "") {
		t.Errorf("off not applied: %+v", r.Findings)
	}
	r := e.Check(src, "rules:\n  deferred-answer: loud\n  no-such-rule: off\n")
	if len(r.ConfigErrors) != 2 || !strings.Contains(r.ConfigErrors[0], ".prfaq.yaml:2: rules.deferred-answer") || !strings.Contains(r.ConfigErrors[1], "no-such-rule") {
		t.Errorf("config errors: %q", r.ConfigErrors)
	}
	if !has(r, "deferred-answer", "warning") {
		t.Errorf("a bad severity must keep the default: %+v", r.Findings)
	}
	if r := e.Check(src, "rules: [unclosed"); len(r.ConfigErrors) != 1 || !strings.Contains(r.ConfigErrors[0], "invalid YAML") {
		t.Errorf("invalid YAML: %q", r.ConfigErrors)
	}
}

func TestOutline(t *testing.T) {
	src := diagnostics.DocumentSkeleton("Ledger lets shops send invoices in one tap")
	o := Outline(src)
	var e Engine
	if got := e.LastOutline(); len(got.Parts) != 0 || len(got.Questions) != 0 {
		t.Errorf("outline before any check: %+v", got)
	}
	e.Check(src, "")
	if !reflect.DeepEqual(o, e.LastOutline()) {
		t.Error("Outline and the last check's outline differ")
	}
	if !o.PRFAQ || len(o.Questions) != 2 || o.Questions[0].Group != document.ExternalFAQ || o.Questions[1].Group != document.InternalFAQ {
		t.Errorf("outline of the skeleton: %+v", o)
	}
	found := map[document.PartKind]bool{}
	for _, p := range o.Parts {
		found[p.Part] = true
	}
	for _, k := range []document.PartKind{document.Headline, document.Summary, document.FAQ} {
		if !found[k] {
			t.Errorf("skeleton outline lacks %s: %+v", k, o.Parts)
		}
	}
}

func TestSkeletonIsPrfaqNews(t *testing.T) {
	if Skeleton("") != diagnostics.DocumentSkeleton("") || !strings.HasPrefix(Skeleton("A title"), "# A title\n") {
		t.Error("Skeleton is not prfaq new's")
	}
}

func TestRulesDocumented(t *testing.T) {
	rules := Rules()
	if len(rules) != len(diagnostics.Rules()) {
		t.Fatalf("%d rules, want %d", len(rules), len(diagnostics.Rules()))
	}
	for _, r := range rules {
		if r.Summary == "" || r.Why == "" || !strings.Contains(r.Markdown, "`"+r.ID+"`") {
			t.Errorf("rule %s badly documented: %+v", r.ID, r)
		}
	}
	if _, err := json.Marshal(rules); err != nil {
		t.Fatal(err)
	}
}

func TestReview(t *testing.T) {
	var e Engine
	text := "# Ledger lets shops send invoices in one tap\n\n## FAQ\n\n#### When?\n\nTBD.\n"
	review := e.Review(text, "")
	r := e.Check(text, "")
	doc := document.Parse(Path, []byte(text))
	want := diagnostics.ReviewMarkdown([]diagnostics.Review{diagnostics.NewReview(doc, diagnostics.Default(), diagnostics.Lint(doc, diagnostics.Default()))}, "")
	if review != want {
		t.Errorf("review is not prfaq check --format markdown's:\n%s\nwant:\n%s", review, want)
	}
	if !strings.Contains(review, "[`deferred-answer`]") || !strings.Contains(review, "line 7: Deferred answer") || len(r.Findings) == 0 {
		t.Errorf("review lacks the deferred answer at line 7:\n%s", review)
	}
}

func TestSetSeverity(t *testing.T) {
	step := func(in, id, sev, want string) string {
		t.Helper()
		got, err := SetSeverity(in, id, sev)
		if err != nil {
			t.Fatalf("SetSeverity(%q, %s, %s): %v", in, id, sev, err)
		}
		if got != want {
			t.Fatalf("SetSeverity(%q, %s, %s)\ngot  %q\nwant %q", in, id, sev, got, want)
		}
		return got
	}
	y := step("", "hype", "off", "rules:\n  hype: off\n")
	if s := ReadSettings(y); !settingIs(s, "hype", "off", true) || len(s.Errors) != 0 {
		t.Errorf("settings of %q: %+v", y, s)
	}
	y = step(y, "jargon", "warn", "rules:\n  hype: off\n  jargon: warning\n")
	y = step(y, "hype", "default", "rules:\n  jargon: warning\n")
	step(y, "jargon", "default", "rules: {}\n")
	// Other keys, options and comments stay.
	in := "# team settings\nwords-per-page: 400\nrules:\n  long-sentence:\n    max-words: 30 # our house style\n  hype: hint\n"
	y = step(in, "long-sentence", "error", "# team settings\nwords-per-page: 400\nrules:\n  long-sentence:\n    max-words: 30 # our house style\n    severity: error\n  hype: hint\n")
	if s := ReadSettings(y); !settingIs(s, "long-sentence", "error", true) || !settingIs(s, "hype", "hint", true) || !settingIs(s, "jargon", "", false) {
		t.Errorf("settings of %q: %+v", y, s)
	}
	step(y, "long-sentence", "default", in)
	step("rules:\n", "hype", "error", "rules:\n  hype: error\n")
	for _, bad := range []struct{ yaml, id, sev string }{
		{"rules: [unclosed", "hype", "off"},
		{"- a\n- b\n", "hype", "off"},
		{"rules: 7\n", "hype", "off"},
		{"", "no-such-rule", "off"},
		{"", "hype", "loud"},
	} {
		if out, err := SetSeverity(bad.yaml, bad.id, bad.sev); err == nil || out != bad.yaml {
			t.Errorf("SetSeverity(%q, %s, %s) = %q, %v; want the text kept and an error", bad.yaml, bad.id, bad.sev, out, err)
		}
	}
}

func settingIs(s Settings, id, sev string, set bool) bool {
	for _, r := range s.Rules {
		if r.ID == id {
			return r.Set == set && (sev == "" || r.Severity == sev)
		}
	}
	return false
}

// AppendJSON is encoding/json's encoding of a Result, byte for byte, on the
// corpus and on text with every character JSON escapes.
func TestAppendJSONIsEncodingJSON(t *testing.T) {
	docs := corpus(t)
	docs["escapes"] = "# Ledger <lets> \"shops\" & \\ send\tinvoices \u2028 \u2029 \x01 in one tap\n\n## FAQ\n\n#### When <b>?\n\nTBD \xff.\n"
	var e Engine
	for name, src := range docs {
		r := e.Check(src, "rules:\n  hype: loud\n")
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, name, AppendJSON(nil, &r), want)
		o := e.LastOutline()
		want, err = json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, name+" outline", AppendOutlineJSON(nil, &o), want)
	}
}

func sameJSON(t *testing.T, name string, got, want []byte) {
	t.Helper()
	if string(got) != string(want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: AppendJSON differs from encoding/json at byte %d:\n got  …%s\n want …%s", name, i, clip(got, i), clip(want, i))
	}
}

func clip(b []byte, i int) string {
	return string(b[max(0, i-40):min(len(b), i+60)])
}

// CheckEdits on successive edits (typing, deleting, pasting lines, across
// characters outside the BMP) gives Check's findings on the whole text, and
// the text's length in UTF-16 units; Last is that Check's Result.
func TestCheckEditsIsCheck(t *testing.T) {
	docs := corpus(t)
	names := slices.Sorted(maps.Keys(docs)) // the same document every run
	// the steps below edit lines 0 to 4: the text opens with them, whatever follows
	src := "# Ledger lets shops 😀 send invoices — fast\n\nSmall shops wait weeks for their money.\n\n" +
		"Ledger sends each invoice the day the order ships.\n\n" + docs[names[0]]
	var e, fresh Engine
	text := src
	if _, err := e.CheckEdits(nil, nil, ""); err == nil {
		t.Fatal("CheckEdits with no text before: no error")
	}
	if _, err := e.CheckEdits(&text, nil, ""); err != nil {
		t.Fatal(err)
	}
	// Each step: a position as (line, UTF-16 column) of the current text,
	// how many UTF-16 units to replace, and the new text.
	type step struct {
		line, char, del int
		ins             string
	}
	steps := []step{
		{0, 22, 0, "and 🚀 "}, {0, 0, 2, "## "}, {2, 0, 0, "TBD\n\n"}, {2, 1, 1, ""},
		{4, 3, 0, "x"}, {4, 4, 0, "y"}, {4, 5, 2, ""}, {0, 21, 2, "😀😀"}, {1, 0, 0, "\n\n#### When does it ship?\n\nTBD.\n"},
	}
	lines := func(s string) []string { return strings.SplitAfter(s, "\n") }
	for i, st := range steps {
		ls := lines(text)
		u16 := utf16.Encode([]rune(strings.TrimSuffix(ls[st.line], "\n")))
		startByte := len(string(utf16.Decode(u16[:st.char])))
		endByte := len(string(utf16.Decode(u16[:st.char+st.del])))
		off := 0
		for _, l := range ls[:st.line] {
			off += len(l)
		}
		text = text[:off+startByte] + st.ins + text[off+endByte:]
		edit := TextEdit{Start: document.Position{Line: st.line, Character: st.char}, End: document.Position{Line: st.line, Character: st.char + st.del}, NewText: st.ins}
		u, err := e.CheckEdits(nil, []TextEdit{edit}, "")
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		want := fresh.Check(text, "")
		if n := len(utf16.Encode([]rune(text))); u.Length != n {
			t.Fatalf("step %d: length %d, want %d", i, u.Length, n)
		}
		if len(u.Findings) != len(want.Findings) {
			t.Fatalf("step %d: %d findings, Check has %d", i, len(u.Findings), len(want.Findings))
		}
		for j, f := range want.Findings {
			g := u.Findings[j]
			if g.Rule != f.Rule || g.Severity != f.Severity || g.Message != f.Message || g.Range != f.Range {
				t.Errorf("step %d finding %d: got %+v, want %s %s %v %q", i, j, g, f.Rule, f.Severity, f.Range, f.Message)
			}
		}
		if last := e.Last(); !reflect.DeepEqual(last, want) {
			t.Errorf("step %d: Last differs from Check", i)
		}
	}
	// Two edits at once, in the coordinates of the text before them.
	ls := lines(text)
	u, err := e.CheckEdits(nil, []TextEdit{
		{Start: document.Position{Line: 0, Character: 0}, End: document.Position{Line: 0, Character: 0}, NewText: ">"},
		{Start: document.Position{Line: 2, Character: 0}, End: document.Position{Line: 2, Character: 0}, NewText: "<"},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	text = ">" + ls[0] + ls[1] + "<" + strings.Join(ls[2:], "")
	if want := fresh.Check(text, ""); len(u.Findings) != len(want.Findings) || u.Length != len(utf16.Encode([]rune(text))) {
		t.Errorf("two edits: %d findings, length %d; Check has %d", len(u.Findings), u.Length, len(want.Findings))
	}
	if _, err := e.CheckEdits(nil, []TextEdit{{Start: document.Position{Line: 2}}, {Start: document.Position{Line: 1}}}, ""); err == nil {
		t.Error("edits out of order: no error")
	}
}

// AppendUnderlinesJSON is the Underlines as arrays, valid JSON.
func TestAppendUnderlinesJSON(t *testing.T) {
	var e Engine
	text := "# Ledger <lets> \"shops\" 😀 send\n\n## FAQ\n\n#### When?\n\nTBD.\n"
	u, err := e.CheckEdits(&text, nil, "rules:\n  hype: loud\n")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		PRFAQ        bool     `json:"prfaq"`
		Length       int      `json:"length"`
		Findings     [][]any  `json:"findings"`
		ConfigErrors []string `json:"configErrors"`
	}
	if err := json.Unmarshal(AppendUnderlinesJSON(nil, &u, true), &got); err != nil {
		t.Fatal(err)
	}
	if got.PRFAQ != u.PRFAQ || got.Length != u.Length || len(got.Findings) != len(u.Findings) || len(got.Findings) == 0 || len(got.ConfigErrors) != 1 {
		t.Fatalf("decoded %+v from %+v", got, u)
	}
	for i, f := range u.Findings {
		want := []any{f.Rule, f.Severity, f.Message, float64(f.Range.Start.Line), float64(f.Range.Start.Character), float64(f.Range.End.Line), float64(f.Range.End.Character)}
		if !reflect.DeepEqual(got.Findings[i], want) {
			t.Errorf("finding %d: %v, want %v", i, got.Findings[i], want)
		}
	}
}

// Moved: a keystroke away from every finding, whose findings only shift
// with the text, is moved; one that adds a finding, or touches one at its
// edge, is not. A moved answer's JSON leaves the findings out when the page
// shows them already.
func TestCheckEditsMoved(t *testing.T) {
	text := "# Ledger lets small shops send invoices in one click\n\nSEATTLE — May 4, 2026 — Acme today announced Ledger, which sends a shop's invoice from its phone in one click.\n\n" +
		"Small shops wait weeks for their money, because writing invoices takes an evening a week.\n\n" +
		"Ledger reads the order from the point-of-sale app and fills in the invoice; the owner taps send.\n\n" +
		"## FAQ\n\n### When does it ship?\n\nTBD.\n"
	var e Engine
	first, err := e.CheckEdits(&text, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if first.Moved || len(first.Findings) == 0 {
		t.Fatalf("the first check: moved %v, %d findings (want some)", first.Moved, len(first.Findings))
	}
	at := func(line, char int) document.Position { return document.Position{Line: line, Character: char} }
	typeAt := func(p document.Position, s string) Underlines {
		t.Helper()
		u, err := e.CheckEdits(nil, []TextEdit{{Start: p, End: p, NewText: s}}, "")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	// Line 2 ("Small shops wait …") has no finding: typing in it moves the
	// findings after it, whose ranges in lines and columns stay the same.
	for _, f := range first.Findings {
		if f.Range.Start.Line <= 2 && f.Range.End.Line >= 2 {
			t.Fatalf("the fixture has a finding on line 2: %+v", f)
		}
	}
	u := typeAt(at(2, 6), "x")
	if !u.Moved || !reflect.DeepEqual(u.Findings, first.Findings) {
		t.Errorf("typing on a line without findings: moved %v, findings %+v, want moved and %+v", u.Moved, u.Findings, first.Findings)
	}
	var got map[string]any
	if err := json.Unmarshal(AppendUnderlinesJSON(nil, &u, true), &got); err != nil || got["moved"] != true || got["findings"] != nil {
		t.Errorf("a moved answer for a page that shows the findings: %v (%v), want moved and no findings", got, err)
	}
	if err := json.Unmarshal(AppendUnderlinesJSON(nil, &u, false), &got); err != nil || len(got["findings"].([]any)) != len(u.Findings) {
		t.Errorf("a moved answer for a page that does not show them: %v (%v), want the findings", got, err)
	}
	// Inside a paragraph that findings span (line 6: the sections missing
	// after it): they grow with it, as the editor's underlines do.
	prev := u.Findings
	u = typeAt(at(6, 10), "y")
	grown := 0
	for i, f := range prev {
		if f.Range.End.Line == 6 {
			f.Range.End.Character++
			grown++
		}
		if !u.Moved || i >= len(u.Findings) || u.Findings[i] != f {
			t.Errorf("typing inside findings on line 6: moved %v, finding %d %+v, want %+v", u.Moved, i, u.Findings[min(i, len(u.Findings)-1)], f)
		}
	}
	if grown == 0 {
		t.Error("the fixture has no finding on line 6")
	}
	// A new deferred answer: a finding more.
	if u := typeAt(at(3, 0), "TBD\n\n"); u.Moved {
		t.Error("typing a TBD paragraph: moved")
	}
	// At the end of the TBD finding's line: an edit at a finding's edge.
	last := e.baseFindings[len(e.baseFindings)-1]
	end := e.base.Mapper.Range(last.Span.Start, last.Span.End).End
	if u := typeAt(end, " "); u.Moved {
		t.Errorf("typing at the edge of %s at %v: moved", last.Rule, end)
	}
	// The whole text again is never moved.
	if u, _ := e.CheckEdits(&text, nil, ""); u.Moved {
		t.Error("checking the whole text: moved")
	}
}
