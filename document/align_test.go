package document

import (
	"reflect"
	"strings"
	"testing"
)

// scanUpTo parses src and reads it again with a fresh scan, running the
// part finders up to (not including) the one named stop.
func scanUpTo(t *testing.T, src, stop string) *scan {
	t.Helper()
	d := Parse("t.md", []byte(src))
	d.Parts, d.Quotes, d.Questions, d.Title = map[PartKind]*Part{}, nil, nil, nil
	d.PressRelease, d.FAQSpan = Span{}, Span{}
	s := &scan{d: d, used: map[*Block]bool{}, quotes: map[*Block]bool{}, exampleQuotes: map[*Block]bool{}}
	s.findFAQ()
	s.findPressRelease()
	for _, f := range partFinders {
		if f.name == stop {
			return s
		}
		f.find(s)
	}
	t.Fatalf("no part finder %q", stop)
	return nil
}

const alignStep = "alignment of the rest"

// fixedSlot scores unit i by scores[i].
func fixedSlot(k PartKind, scores ...int) alignSlot {
	return alignSlot{k, func(_ *scan, _ unit, i int, _ []unit) fit {
		if i < len(scores) {
			return fit{scores[i], HowCue, "fixed"}
		}
		return fit{}
	}}
}

func TestPlace(t *testing.T) {
	type at struct {
		kind PartKind
		unit int
	}
	cases := []struct {
		name  string
		units int
		slots []alignSlot
		want  []at
		score int
	}{
		{"keeps the order", 3,
			[]alignSlot{fixedSlot(Problem, 2, 0, 0), fixedSlot(Solution, 0, 2, 0), fixedSlot(CallToAction, 0, 0, 3)},
			[]at{{Problem, 0}, {Solution, 1}, {CallToAction, 2}}, 7},
		{"skips a slot that scores nowhere", 3,
			[]alignSlot{fixedSlot(Problem, 2, 0, 0), fixedSlot(Solution, 0, 0, 0), fixedSlot(CallToAction, 0, 0, 3)},
			[]at{{Problem, 0}, {CallToAction, 2}}, 5},
		{"skips a unit", 3,
			[]alignSlot{fixedSlot(Problem, 2, 0, 0), fixedSlot(Solution, 0, 0, 2)},
			[]at{{Problem, 0}, {Solution, 2}}, 4},
		{"prefers the earlier unit on a tie", 3,
			[]alignSlot{fixedSlot(CallToAction, 0, 3, 3)},
			[]at{{CallToAction, 1}}, 3},
		{"never reorders: the later slot's better unit comes first", 2,
			[]alignSlot{fixedSlot(Problem, 0, 2), fixedSlot(Solution, 3, 0)},
			[]at{{Solution, 0}}, 3},
		{"gives up one slot for a better pair", 3,
			[]alignSlot{fixedSlot(Problem, 1, 4, 0), fixedSlot(Solution, 0, 3, 2)},
			[]at{{Problem, 1}, {Solution, 2}}, 6},
		{"negative and zero scores place nothing", 2,
			[]alignSlot{fixedSlot(Problem, -1, 0), fixedSlot(Solution, 0, -3)},
			nil, 0},
		{"no units", 0, []alignSlot{fixedSlot(Problem)}, nil, 0},
		{"no slots", 2, nil, nil, 0},
	}
	s := &scan{d: &Document{Parts: map[PartKind]*Part{}}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			units := make([]unit, c.units)
			got, score := s.place(units, c.slots)
			var placedAt []at
			for _, p := range got {
				placedAt = append(placedAt, at{p.kind, p.unit})
				if p.why != "fixed" {
					t.Errorf("why = %q", p.why)
				}
			}
			if !reflect.DeepEqual(placedAt, c.want) || score != c.score {
				t.Errorf("place = %v %d, want %v %d", placedAt, score, c.want, c.score)
			}
		})
	}
}

// TestAlignOrderTie: the reversed order (solution before problem) wins only
// when its evidence is stronger by more than one point.
func TestAlignOrderTie(t *testing.T) {
	src := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n" +
		"First paragraph after the summary.\n\nSecond paragraph after the summary.\n"
	cases := []struct {
		name              string
		problem, solution []int // scores of units 0 and 1
		wantProblem       string
	}{
		{"tie: canonical", []int{2, 2}, []int{2, 2}, "First paragraph after the summary."},
		{"reversed by one: canonical", []int{2, 2}, []int{3, 2}, "First paragraph after the summary."},
		{"reversed by two: reversed", []int{2, 3}, []int{3, 2}, "Second paragraph after the summary."},
	}
	saved := alignOrders
	defer func() { alignOrders = saved }()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, sol := fixedSlot(Problem, c.problem...), fixedSlot(Solution, c.solution...)
			alignOrders = [][]alignSlot{{p, sol}, {sol, p}}
			s := scanUpTo(t, src, alignStep)
			s.align()
			d := s.d
			if d.Parts[Problem] == nil || d.Parts[Solution] == nil {
				t.Fatalf("problem %+v, solution %+v", d.Parts[Problem], d.Parts[Solution])
			}
			if got := d.Parts[Problem].Text; got != c.wantProblem {
				t.Errorf("problem = %q, want %q", got, c.wantProblem)
			}
			if d.Parts[Problem].Text == d.Parts[Solution].Text {
				t.Errorf("problem and solution both %q", d.Parts[Problem].Text)
			}
		})
	}
}

// The real scores: the canonical order by position, the reversed one when
// the words say so.
func TestAlignReading(t *testing.T) {
	head := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n"
	cases := []struct {
		name                   string
		body                   string
		problem, solution, cta string // the first words of each, "-" for absent
		how                    How    // of the problem
	}{
		{"by position",
			"Landlords keep a spreadsheet of who paid.\n\nThe landlord sees every payment on one page.\n\nReach out to the team.\n",
			"Landlords keep", "The landlord", "-", HowPosition},
		{"solution first when the words say so",
			"Ledger connects to your bank and sends each tenant a payment link automatically.\n\n" +
				"Small landlords struggle with late rent and spend hours chasing tenants every month.\n\n" +
				"Sign up at ledger.example today.\n",
			"Small landlords", "Ledger connects", "Sign up", HowCue},
		{"problem over two paragraphs",
			"Landlords keep a spreadsheet of who paid.\n\nThey chase late tenants by phone, which is tedious.\n\n" +
				"Ledger sends every tenant a payment link automatically.\n\nLedger is available today at ledger.example.\n",
			"Landlords keep", "Ledger sends", "Ledger is available", HowPosition},
	}
	first := func(p *Part, n int) string {
		if p == nil {
			return "-"
		}
		return strings.Join(firstN(strings.Fields(p.Text), n), " ")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse("t.md", []byte(head+c.body))
			for _, w := range []struct {
				k    PartKind
				want string
			}{{Problem, c.problem}, {Solution, c.solution}, {CallToAction, c.cta}} {
				if got := first(d.Parts[w.k], len(strings.Fields(w.want))); got != w.want {
					t.Errorf("%s = %q, want it to start %q", w.k, got, w.want)
				}
			}
			if p := d.Parts[Problem]; p != nil && p.How != c.how {
				t.Errorf("problem read by %s, want %s (%s)", p.How, c.how, p.Why)
			}
		})
	}
}

func TestFreeUnits(t *testing.T) {
	head := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n"
	cases := []struct {
		name string
		body string
		want []string // the plain text each unit spans
	}{
		{"an introduced list joins its paragraph",
			"Ledger lets you:\n\n- send payment links\n- see who paid\n\nSign up at ledger.example.\n",
			[]string{"Ledger lets you: send payment links see who paid", "Sign up at ledger.example."}},
		{"a list of its own",
			"Landlords chase rent by hand.\n\n- send payment links\n- see who paid\n",
			[]string{"Landlords chase rent by hand.", "send payment links see who paid"}},
		{"a quotation is claimed and starts a new run",
			"Landlords chase rent by hand.\n\n“We built it for ourselves,” said Mara Lind, CEO of Acme.\n\nSign up at ledger.example.\n",
			[]string{"Landlords chase rent by hand.", "Sign up at ledger.example."}},
		{"an unnamed bold line heads a unit",
			"**A quiet first of the month**\n\nTenants get a link; landlords get paid.\n\nSign up at ledger.example.\n",
			[]string{"A quiet first of the month Tenants get a link; landlords get paid. Sign up at ledger.example."}},
		{"a named heading is not a unit",
			"## Availability\n\nLedger is available today at ledger.example.\n",
			nil},
		{"markers are skipped",
			"FOR IMMEDIATE RELEASE\n\nLandlords chase rent by hand.\n",
			[]string{"Landlords chase rent by hand."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := scanUpTo(t, head+c.body, alignStep)
			units := s.freeUnits()
			var got []string
			for _, u := range units {
				got = append(got, strings.Join(strings.Fields(s.d.PlainText(u.span)), " "))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("units = %q, want %q", got, c.want)
			}
		})
	}
}

func TestFreeUnitsRuns(t *testing.T) {
	src := "## Press Release\n\n### Ledger collects rent in one click\n\n" +
		"SEATTLE — June 2, 2027 — Acme today announced Ledger, which collects rent for small landlords every month.\n\n" +
		"One.\n\nTwo.\n\n“We built it for ourselves,” said Mara Lind, CEO of Acme.\n\nThree.\n"
	s := scanUpTo(t, src, alignStep)
	units := s.freeUnits()
	if len(units) != 3 {
		t.Fatalf("units = %+v", units)
	}
	if units[0].run != units[1].run || units[1].run == units[2].run {
		t.Errorf("runs = %d %d %d, want the quotation between the second and the third", units[0].run, units[1].run, units[2].run)
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestCues(t *testing.T) {
	cases := []struct {
		text                   string
		problem, solution, cta bool
	}{
		{"Landlords spend hours every month chasing late rent.", true, false, false},
		{"That’s why we built Ledger.", false, true, false},
		{"Ledger is available today at ledger.example.", false, false, true},
		{"Download it from the App Store.", false, false, true},
		{"Vermieter finden das Mahnen mühsam.", true, false, false},
		{"Ledger ermöglicht es, Mieten automatisch einzuziehen.", false, true, false},
		{"Ledger ist ab sofort verfügbar.", false, false, true},
		{"C’est difficile de suivre les loyers.", true, false, false},
		{"Ledger permet de suivre les loyers.", false, true, false},
		{"Es difícil cobrar el alquiler.", true, false, false},
		{"毎月の集金は手間がかかります。", true, false, false},
		{"ハコブネは集金を自動化できます。", false, true, false},
		{"今すぐお試しください。", false, false, true},
		{"The rent arrives on the first of the month.", false, false, false},
	}
	for _, c := range cases {
		p, s, a := problemCue.MatchString(c.text), solutionCue.MatchString(c.text), ctaCue.MatchString(c.text)
		if p != c.problem || s != c.solution || a != c.cta {
			t.Errorf("cues in %q = problem %v solution %v cta %v, want %v %v %v", c.text, p, s, a, c.problem, c.solution, c.cta)
		}
	}
}

// TestCuesCyrillic: Go's \b is an ASCII word boundary, so a cue that
// starts or ends with a Cyrillic letter inside cueRe's \b(?:…)\b never
// matches.
func TestCuesCyrillic(t *testing.T) {
	checks := []struct {
		name string
		ok   bool
	}{
		{"problemCue проблема", problemCue.MatchString("Это большая проблема для арендодателей.")},
		{"solutionCue позволяет", solutionCue.MatchString("Сервис позволяет платить за аренду в один клик.")},
		{"ctaCue доступно сейчас", ctaCue.MatchString("Приложение доступно сейчас в App Store.")},
		{"customerCue клиент", customerCue.MatchString("Иван Петров, клиент сервиса")},
		{"leaderCue основатель", leaderCue.MatchString("Анна Смирнова, основательница")},
		{"stakeholderQuestion мы", stakeholderQuestion("Как мы будем измерять успех нашего запуска?")},
		{"customer cue вы", customerAskCue.MatchString("Могу ли я экспортировать мои данные?")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: no match", c.name)
		}
	}
}
