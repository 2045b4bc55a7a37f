package document

// Golden-style tests of the reading (issue 10, "What was seen", classes
// 1–7): each testdata/reading/*.txtar holds one made-up PR/FAQ and what a
// careful human reader says its parts are. Cases the reading does not yet
// read right live in testdata/reading/failing/ and run only with
//
//	go test ./document -run Reading -reading.all
//
// A case in failing/ with no doc.md holds the expectations that fail today
// for the main case of the same name: when the reading is fixed, move its
// lines back into the main case and delete it.
//
// Layout of a case: the txtar comment holds the expectations, one a line,
// and the file "doc.md" holds the document. Lines starting with "#" are
// comments. Expectations:
//
//	class: 3                         the class (for the report)
//	<part> <line>[|<line>…] [<how>[|<how>…]]
//	<part> absent
//	        part is one of headline, subheading, summary, problem, solution,
//	        leader-quote, customer-quote, call-to-action, faq, external-faq,
//	        internal-faq; line is 1-based and matches the line where the
//	        part's span or its body starts; how is document.How.
//	title <line>|absent              Document.Title
//	quote <line> <kind|-> "<speaker>"
//	        a Quote whose paragraph starts on line; kind "-" is no kind,
//	        "*" any kind;
//	        speaker "" means no speaker (unattributed or anonymous), else
//	        the Speaker must contain it.
//	questions <n>                    exactly n questions
//	question <line> <group> answered|unanswered "<text>"
//	        a Question on line, in group (faq, external-faq, internal-faq),
//	        whose Text contains text.
//	noquestion <line>                no Question starts on line

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var (
	readingAll  = flag.Bool("reading.all", false, "also run the reading cases in testdata/reading/failing")
	readingDump = flag.Bool("reading.dump", false, "log the reading of every case")
)

func TestReading(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "reading", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if *readingAll {
		more, _ := filepath.Glob(filepath.Join("testdata", "reading", "failing", "*.txtar"))
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Fatal("no reading cases")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txtar")
		if filepath.Base(filepath.Dir(f)) == "failing" {
			name = "failing/" + name
		}
		t.Run(name, func(t *testing.T) { runReadingCase(t, f) })
	}
}

func runReadingCase(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(data)
	var src []byte
	for _, f := range ar.Files {
		if f.Name == "doc.md" {
			src = f.Data
		}
	}
	if src == nil && filepath.Base(filepath.Dir(file)) == "failing" {
		// a failing case without a document holds the expectations that
		// fail today for the main case of the same name
		main, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", filepath.Base(file)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range txtar.Parse(main).Files {
			if f.Name == "doc.md" {
				src = f.Data
			}
		}
	}
	if src == nil {
		t.Fatal("no doc.md in case")
	}
	d := Parse("case.prfaq.md", src)
	line := func(off int) int { return d.Mapper.Line(off) + 1 }
	failed := false
	raw := ""
	fail := func(format string, args ...any) {
		t.Helper()
		failed = true
		t.Errorf("[%s] %s", raw, fmt.Sprintf(format, args...))
	}
	checked := 0
	for n, text := range strings.Split(string(ar.Comment), "\n") {
		raw = strings.TrimSpace(text)
		if raw == "" || strings.HasPrefix(raw, "#") || strings.HasPrefix(raw, "class:") {
			continue
		}
		f, err := readingFields(raw)
		if err != nil || len(f) < 2 {
			t.Fatalf("expectation %d %q: bad syntax (%v)", n+1, raw, err)
		}
		checked++
		switch key := f[0]; {
		case slices.Contains(AllParts, PartKind(key)):
			k := PartKind(key)
			p := d.Parts[k]
			if f[1] == "absent" {
				if p != nil {
					fail("%s: got line %d (%s: %s), want absent", k, line(p.Span.Start), p.How, p.Why)
				}
				continue
			}
			if p == nil {
				fail("%s: got absent, want line %s", k, f[1])
				continue
			}
			starts := []int{line(p.Span.Start)}
			if !p.Body.Empty() {
				starts = append(starts, line(p.Body.Start))
			}
			if !oneOf(f[1], starts...) {
				fail("%s: got line %d (%s: %s), want %s", k, starts[0], p.How, p.Why, f[1])
			}
			if len(f) > 2 && !slices.Contains(strings.Split(f[2], "|"), string(p.How)) {
				fail("%s: got how %s (%s), want %s", k, p.How, p.Why, f[2])
			}
		case key == "title":
			if f[1] == "absent" {
				if d.Title != nil {
					fail("title: got line %d %q, want absent", line(d.Title.Span.Start), d.Title.Text)
				}
			} else if d.Title == nil {
				fail("title: got absent, want line %s", f[1])
			} else if !oneOf(f[1], line(d.Title.Span.Start)) {
				fail("title: got line %d, want %s", line(d.Title.Span.Start), f[1])
			}
		case key == "quote":
			if len(f) != 4 {
				t.Fatalf("expectation %q: want quote <line> <kind|-> <speaker>", raw)
			}
			var q *Quote
			for _, c := range d.Quotes {
				if oneOf(f[1], quoteLines(d, c)...) {
					q = c
					break
				}
			}
			if q == nil {
				fail("quote at line %s: got no quote there", f[1])
				continue
			}
			kind := string(q.Kind)
			if kind == "" {
				kind = "-"
			}
			if f[2] != "*" && kind != f[2] {
				fail("quote at line %s: got kind %s (speaker %q), want %s", f[1], kind, q.Speaker, f[2])
			}
			if f[3] == "" && q.Speaker != "" {
				fail("quote at line %s: got speaker %q, want none (unattributed)", f[1], q.Speaker)
			} else if f[3] != "" && !strings.Contains(q.Speaker, f[3]) {
				fail("quote at line %s: got speaker %q, want %q", f[1], q.Speaker, f[3])
			}
		case key == "questions":
			want, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatalf("expectation %q: %v", raw, err)
			}
			if len(d.Questions) != want {
				fail("questions: got %d, want %d", len(d.Questions), want)
			}
		case key == "question":
			if len(f) != 5 {
				t.Fatalf("expectation %q: want question <line> <group> answered|unanswered <text>", raw)
			}
			var q *Question
			for _, c := range d.Questions {
				if oneOf(f[1], line(c.Span.Start)) {
					q = c
					break
				}
			}
			if q == nil {
				fail("question at line %s (%q): got no question there", f[1], f[4])
				continue
			}
			if string(q.Group) != f[2] {
				fail("question at line %s: got group %s, want %s", f[1], q.Group, f[2])
			}
			answered := !q.Answer.Empty() && strings.TrimSpace(q.AnswerText) != ""
			if answered != (f[3] == "answered") {
				fail("question at line %s: got answered=%v (answer %q), want %s", f[1], answered, Clip(q.AnswerText, 40), f[3])
			}
			if !strings.Contains(q.Text, f[4]) {
				fail("question at line %s: got text %q, want it to hold %q", f[1], q.Text, f[4])
			}
		case key == "noquestion":
			for _, c := range d.Questions {
				if oneOf(f[1], line(c.Span.Start)) {
					fail("line %s: got a question %q, want none", f[1], c.Text)
				}
			}
		default:
			t.Fatalf("expectation %q: unknown key %q", raw, key)
		}
	}
	if checked == 0 {
		t.Fatal("case has no expectations")
	}
	if failed || *readingDump {
		t.Logf("reading of %s:\n%s", file, readingSummary(d))
	}
}

// quoteLines are the lines a quote may be said to start on: its paragraph's
// text (inside a blockquote, the quoted paragraph) or its block.
func quoteLines(d *Document, q *Quote) []int {
	out := []int{d.Mapper.Line(q.Block.Span.Start) + 1}
	if !q.Block.Content.Empty() {
		out = append(out, d.Mapper.Line(q.Block.Content.Start)+1)
	}
	return out
}

// oneOf reports whether one of got is among the "|"-separated lines of want.
func oneOf(want string, got ...int) bool {
	for _, w := range strings.Split(want, "|") {
		n, err := strconv.Atoi(w)
		if err == nil && slices.Contains(got, n) {
			return true
		}
	}
	return false
}

// readingFields splits an expectation into fields; a field in double quotes
// may hold spaces.
func readingFields(s string) ([]string, error) {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, err
			}
			u, _ := strconv.Unquote(q)
			out = append(out, u)
			s = s[len(q):]
			continue
		}
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out, nil
}

// readingSummary is the reading in the cases' own terms, to copy from.
func readingSummary(d *Document) string {
	var b strings.Builder
	line := func(off int) int { return d.Mapper.Line(off) + 1 }
	for _, k := range AllParts {
		p := d.Parts[k]
		if p == nil {
			fmt.Fprintf(&b, "  %s absent\n", k)
			continue
		}
		fmt.Fprintf(&b, "  %s %d %s  (body line %d; %s) %q\n", k, line(p.Span.Start), p.How, line(p.Body.Start), p.Why, Clip(p.Text, 50))
	}
	if d.Title != nil {
		fmt.Fprintf(&b, "  title %d %q\n", line(d.Title.Span.Start), d.Title.Text)
	}
	for _, q := range d.Quotes {
		kind := string(q.Kind)
		if kind == "" {
			kind = "-"
		}
		fmt.Fprintf(&b, "  quote %v %s %q\n", quoteLines(d, q), kind, q.Speaker)
	}
	for _, q := range d.Questions {
		a := "unanswered"
		if !q.Answer.Empty() && strings.TrimSpace(q.AnswerText) != "" {
			a = "answered"
		}
		fmt.Fprintf(&b, "  question %d %s %s %q (%s)\n", line(q.Span.Start), q.Group, a, q.Text, q.Form)
	}
	return b.String()
}
