package diagnostics

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// TestFidelity scores the reading against the hand-made labels of the corpus
// (testdata/corpus/labels.json, described in testdata/corpus/LABELS.md) by the
// rules of shared/tools/fidelity.py, in process: the parts come from
// NewOutline (what `prfaq outline --format json` prints) and the findings
// from Lint with the default configuration (what `prfaq check` gives a file
// named on its command line). The two must print the same summary line.
//
// testdata/fidelity.golden keeps the figures and every disagreement. The test
// fails when a figure gets worse or a disagreement appears that the file does
// not list; improvements are only logged. After a change, run
// `go test ./diagnostics -run Fidelity -update` and read the diff.
func TestFidelity(t *testing.T) {
	s := scoreFidelity(t)
	t.Log(s.summary())
	t.Log("\n" + s.table())
	got := s.golden()
	const golden = "testdata/fidelity.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run `go test ./diagnostics -run Fidelity -update` to write it)", err)
	}
	wantFigures, wantNotes := parseFidelityGolden(string(raw))

	stale := false
	for _, f := range s.figures() {
		old, ok := wantFigures[f.name]
		switch {
		case !ok:
			t.Logf("new figure %s = %d", f.name, f.value)
			stale = true
		case f.worse(old):
			t.Errorf("%s fell from %d to %d", f.name, old, f.value)
		case f.value != old:
			t.Logf("%s improved from %d to %d", f.name, old, f.value)
			stale = true
		}
	}

	// A part slot that disagreed before and still does, with another
	// recognised range, is the same disagreement; its new wording is logged.
	before := map[string][]string{}
	for _, n := range wantNotes {
		before[noteKey(n)] = append(before[noteKey(n)], n)
	}
	for _, n := range s.notes {
		k := noteKey(n)
		olds := before[k]
		if len(olds) == 0 {
			t.Errorf("new disagreement: %s", n)
			continue
		}
		if i := indexString(olds, n); i >= 0 {
			olds = append(olds[:i], olds[i+1:]...)
		} else {
			t.Logf("disagreement changed: %s (was: %s)", n, olds[0])
			olds = olds[1:]
			stale = true
		}
		before[k] = olds
	}
	var gone []string
	for _, olds := range before {
		gone = append(gone, olds...)
	}
	sort.Strings(gone)
	for _, n := range gone {
		t.Logf("disagreement resolved: %s", n)
		stale = true
	}
	if stale && !t.Failed() {
		t.Logf("%s is out of date (better than it says): run `go test ./diagnostics -run Fidelity -update`", golden)
	}
}

// fidelityScore holds the figures of fidelity.py.
type fidelityScore struct {
	docs                                                 int
	slots, agreeing, falseMissing, missed, wantedMissing int
	found, wanted                                        map[[2]string]int // {rule, "strict"|"lenient"}
	notes                                                []string          // the disagreements, in fidelity.py's words
}

type corpusLabel struct {
	Kind     string          `json:"kind"`
	Sections map[string]*int `json:"sections"`
	Flaws    []struct {
		Rule string `json:"rule"`
		Line int    `json:"line"`
		Text string `json:"text"`
		Note string `json:"note"`
	} `json:"flaws"`
}

func scoreFidelity(t *testing.T) fidelityScore {
	t.Helper()
	raw, err := os.ReadFile("testdata/corpus/labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var labels map[string]corpusLabel
	if err := json.Unmarshal(raw, &labels); err != nil {
		t.Fatalf("labels.json: %v", err)
	}
	docs := corpusDocs(t)
	var names []string
	for name := range labels {
		if docs[name] == nil {
			t.Errorf("labels.json labels %s, which is not in testdata/corpus", name)
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)

	s := fidelityScore{found: map[[2]string]int{}, wanted: map[[2]string]int{}}
	for _, name := range names {
		s.docs++
		doc, lab := docs[name], labels[name]
		findings := Lint(doc, Default())
		got := map[string][2]int{}
		for _, p := range NewOutline(doc, true).Parts {
			got[string(p.Part)] = p.Lines
		}
		reported := map[string]bool{}
		for _, f := range findings {
			if f.Rule == "missing-section" && f.Data["section"] != nil {
				reported[fmt.Sprint(f.Data["section"])] = true
			}
		}
		for i, k := range document.AllParts {
			part := string(k)
			want := 0
			if l := lab.Sections[part]; l != nil {
				want = *l
			}
			lines, present := got[part]
			s.slots++
			if agrees(k, want, lines, present) {
				s.agreeing++
			} else {
				labelled, recognised := "absent", "absent"
				if want != 0 {
					labelled = fmt.Sprintf("line %d", want)
				}
				if present {
					recognised = fmt.Sprintf("lines %d-%d", lines[0], lines[1])
				}
				s.notes = append(s.notes, fmt.Sprintf("%s: %s labelled %s, recognised %s", name, part, labelled, recognised))
			}
			if want != 0 && reported[part] {
				s.falseMissing++
				s.notes = append(s.notes, fmt.Sprintf("%s: false missing-section %s (labelled at line %d)", name, part, want))
			}
			if want == 0 && (lab.Kind == "full-prfaq" || lab.Kind == "press-release-only") && i < 9 {
				s.wantedMissing++
				if !reported[part] && !present {
					s.missed++
				}
			}
		}
		for _, fl := range lab.Flaws {
			soft := strings.HasPrefix(fl.Note, "soft:")
			hit := 0
			for _, f := range findings {
				if l := doc.Mapper.Line(f.Span.Start) + 1; f.Rule == fl.Rule && l-fl.Line <= 1 && fl.Line-l <= 1 {
					hit = 1
					break
				}
			}
			modes := []string{"strict", "lenient"}
			if soft {
				modes = modes[1:]
			}
			for _, m := range modes {
				s.wanted[[2]string{fl.Rule, m}]++
				s.found[[2]string{fl.Rule, m}] += hit
			}
			if hit == 0 && !soft {
				text := []rune(fl.Text)
				s.notes = append(s.notes, fmt.Sprintf("%s:%d: %s not found (%s)", name, fl.Line, fl.Rule, string(text[:min(len(text), 60)])))
			}
		}
	}
	return s
}

// agrees is fidelity.py's agreement of a labelled line (0: absent) with a
// recognised part: both absent, or the part starts within a line of the
// label, or (outside the FAQ) the labelled line lies inside the part.
func agrees(k document.PartKind, want int, lines [2]int, present bool) bool {
	if want == 0 {
		return !present
	}
	if !present {
		return false
	}
	if lines[0]-want <= 1 && want-lines[0] <= 1 {
		return true
	}
	faq := k == document.FAQ || k == document.ExternalFAQ || k == document.InternalFAQ
	return !faq && lines[0] <= want && want <= lines[1]
}

func (s fidelityScore) total(mode string, m map[[2]string]int) int {
	n := 0
	for k, v := range m {
		if k[1] == mode {
			n += v
		}
	}
	return n
}

func (s fidelityScore) rules() []string {
	seen := map[string]bool{}
	var out []string
	for k := range s.wanted {
		if !seen[k[0]] {
			seen[k[0]] = true
			out = append(out, k[0])
		}
	}
	sort.Strings(out)
	return out
}

// summary is the last line fidelity.py prints.
func (s fidelityScore) summary() string {
	fs, ws := s.total("strict", s.found), s.total("strict", s.wanted)
	return fmt.Sprintf("fidelity: %d documents; parts %d/%d agree (%.0f%%); false missing-section %d; absent parts not reported %d/%d;"+
		" strict flaws found %d/%d (%.0f%%)", s.docs, s.agreeing, s.slots, 100*float64(s.agreeing)/float64(s.slots), s.falseMissing,
		s.missed, s.wantedMissing, fs, ws, 100*float64(fs)/float64(max(ws, 1)))
}

// table is fidelity.py's table of flaws found per rule.
func (s fidelityScore) table() string {
	var b strings.Builder
	b.WriteString("| rule | strict | lenient |\n|---|---|---|\n")
	for _, r := range s.rules() {
		fmt.Fprintf(&b, "| %s | %d/%d | %d/%d |\n", r, s.found[[2]string{r, "strict"}], s.wanted[[2]string{r, "strict"}],
			s.found[[2]string{r, "lenient"}], s.wanted[[2]string{r, "lenient"}])
	}
	return b.String()
}

// fidelityFigure is one number the golden file keeps.
type fidelityFigure struct {
	name          string
	value, total  int // total 0: none
	fewerIsBetter bool
}

func (f fidelityFigure) worse(old int) bool {
	if f.fewerIsBetter {
		return f.value > old
	}
	return f.value < old
}

func (f fidelityFigure) String() string {
	s := "figure " + f.name + " " + strconv.Itoa(f.value)
	if f.total != 0 {
		s += "/" + strconv.Itoa(f.total)
	}
	if f.fewerIsBetter {
		s += " (fewer is better)"
	}
	return s
}

func (s fidelityScore) figures() []fidelityFigure {
	out := []fidelityFigure{
		{name: "documents", value: s.docs},
		{name: "parts-agree", value: s.agreeing, total: s.slots},
		{name: "false-missing-section", value: s.falseMissing, fewerIsBetter: true},
		{name: "absent-parts-not-reported", value: s.missed, total: s.wantedMissing, fewerIsBetter: true},
		{name: "strict-flaws-found", value: s.total("strict", s.found), total: s.total("strict", s.wanted)},
		{name: "lenient-flaws-found", value: s.total("lenient", s.found), total: s.total("lenient", s.wanted)},
	}
	for _, r := range s.rules() {
		for _, m := range []string{"strict", "lenient"} {
			if w := s.wanted[[2]string{r, m}]; w > 0 {
				out = append(out, fidelityFigure{name: m + "-flaws-found/" + r, value: s.found[[2]string{r, m}], total: w})
			}
		}
	}
	return out
}

const disagreementsHeader = "disagreements:"

func (s fidelityScore) golden() string {
	var b strings.Builder
	b.WriteString("# The reading scored against testdata/corpus/labels.json by the rules of shared/tools/fidelity.py\n")
	b.WriteString("# (TestFidelity). `go test ./diagnostics -run Fidelity -update` rewrites this file: read the diff.\n")
	b.WriteString(s.summary() + "\n\n")
	b.WriteString(s.table() + "\n")
	for _, f := range s.figures() {
		b.WriteString(f.String() + "\n")
	}
	fmt.Fprintf(&b, "\n%s %d\n", disagreementsHeader, len(s.notes))
	for _, n := range s.notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

var figureLine = regexp.MustCompile(`^figure (\S+) (\d+)`)

func parseFidelityGolden(text string) (figures map[string]int, notes []string) {
	figures = map[string]int{}
	inNotes := false
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, disagreementsHeader):
			inNotes = true
		case inNotes && line != "":
			notes = append(notes, line)
		case figureLine.MatchString(line):
			m := figureLine.FindStringSubmatch(line)
			figures[m[1]], _ = strconv.Atoi(m[2])
		}
	}
	return figures, notes
}

// noteKey names what a disagreement is about: for a part slot, the document,
// the part and its label, without what was recognised instead.
func noteKey(note string) string {
	if i := strings.Index(note, ", recognised "); i >= 0 {
		return note[:i]
	}
	return note
}

func indexString(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
