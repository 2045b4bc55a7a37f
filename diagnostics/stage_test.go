package diagnostics

import (
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// openDoc has one of each open item: a deferral, an owned follow-up, an
// unanswered question and a placeholder.
const openDoc = `# Acme Ledger lets [customer segment] send invoices in one click

## FAQ

### How much will it cost?

TBD.

### When does it ship?

TBD; Priya (product) will answer by March 14.

### Who supports shops at night?
`

func withFrontMatter(fm, body string) string {
	if fm == "" {
		return body
	}
	return "---\n" + fm + "\n---\n" + body
}

// severities lists "rule=severity" for the staged rules' findings, in order.
func severities(t *testing.T, src string, cfg *Config) string {
	t.Helper()
	doc := document.Parse("test.prfaq.md", []byte(src))
	var out []string
	for _, f := range Lint(doc, cfg) {
		if r := Lookup(f.Rule); r != nil && r.Staged != "" {
			out = append(out, f.Rule+"="+f.Severity.String())
		}
	}
	return strings.Join(out, " ")
}

func TestStageSetsStrictness(t *testing.T) {
	for _, tc := range []struct {
		name, frontMatter, config, want string
	}{
		{"default is review", "", "",
			"placeholder=warning deferred-answer=warning deferred-answer=information unanswered-question=warning"},
		{"draft in the front matter", "stage: draft", "",
			"placeholder=information deferred-answer=information deferred-answer=hint unanswered-question=information"},
		{"final in the configuration", "", "stage: final",
			"placeholder=error deferred-answer=error deferred-answer=warning unanswered-question=error"},
		{"the front matter wins over the configuration", "stage: Draft", "stage: final",
			"placeholder=information deferred-answer=information deferred-answer=hint unanswered-question=information"},
		{"a user's severity wins over the stage", "stage: final", "rules:\n  placeholder: hint\n  deferred-answer: {severity: warning}",
			"placeholder=hint deferred-answer=warning deferred-answer=warning unanswered-question=error"},
		{"an unknown stage checks at the configuration's", "stage: drafty", "stage: final",
			"placeholder=error deferred-answer=error deferred-answer=warning unanswered-question=error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := coverageConfig(t, tc.config+"\n")
			if got := severities(t, withFrontMatter(tc.frontMatter, openDoc), cfg); got != tc.want {
				t.Errorf("severities:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// Rules the stage does not govern keep their severity at every stage.
func TestStageLeavesOtherRulesAlone(t *testing.T) {
	src := "# Acme launches Widget\n\nWidget is great.\n"
	at := func(stage string) string {
		doc := document.Parse("test.prfaq.md", []byte(withFrontMatter("stage: "+stage, src)))
		var out []string
		for _, f := range Lint(doc, Default()) {
			out = append(out, f.Rule+"="+f.Severity.String())
		}
		return strings.Join(out, " ")
	}
	if draft, final := at("draft"), at("final"); draft != final || draft == "" {
		t.Errorf("draft %q, final %q: want the same findings", draft, final)
	}
}

func TestStageConfig(t *testing.T) {
	cfg := Default()
	if err := cfg.ApplyYAML([]byte("stage: draft\n"), ".prfaq.yaml"); err != nil || cfg.Stage != StageDraft {
		t.Fatalf("stage: draft gave %q, %v", cfg.Stage, err)
	}
	// a bad value is a clear error with its line, and the previous stage stays
	err := cfg.ApplyYAML([]byte("words-per-page: 400\nstage: later\n"), "/p/.prfaq.yaml")
	if err == nil || !strings.Contains(err.Error(), `/p/.prfaq.yaml:2: stage: unknown stage "later" (want draft, review or final)`) {
		t.Errorf("stage: later gave %v", err)
	}
	if cfg.Stage != StageDraft || cfg.WordsPerPage != 400 {
		t.Errorf("after a bad stage: stage %q, words per page %d", cfg.Stage, cfg.WordsPerPage)
	}
	err = cfg.ApplyMap(map[string]any{"stage": 2.0})
	if err == nil || !strings.Contains(err.Error(), "settings: stage: want draft, review or final") {
		t.Errorf("settings stage 2 gave %v", err)
	}
	if err := cfg.ApplyMap(map[string]any{"stage": "final"}); err != nil || cfg.Stage != StageFinal {
		t.Errorf("settings stage final gave %q, %v", cfg.Stage, err)
	}
	if c := cfg.Clone(); c.Stage != StageFinal {
		t.Errorf("clone lost the stage")
	}
}

func TestStageOf(t *testing.T) {
	final := Default()
	final.Stage = StageFinal
	for _, tc := range []struct {
		fm        string
		cfg       *Config
		want      Stage
		from      string
		wantError bool
	}{
		{"", Default(), StageReview, StageFromDefault, false},
		{"", final, StageFinal, StageFromConfig, false},
		{"stage: draft", final, StageDraft, StageFromFrontMatter, false},
		{"stage: ' Review '", Default(), StageReview, StageFromFrontMatter, false},
		{"stage: 3", final, StageFinal, StageFromConfig, true},
		{"stage: {a: b}", Default(), StageReview, StageFromDefault, true},
		{"stage:", Default(), StageReview, StageFromDefault, true},
		{"title: [unclosed", final, StageFinal, StageFromConfig, false}, // invalid YAML: no stage is read
	} {
		doc := document.Parse("test.prfaq.md", []byte(withFrontMatter(tc.fm, "# Ledger\n")))
		got, from, err := tc.cfg.StageOf(doc)
		if got != tc.want || from != tc.from || (err != nil) != tc.wantError {
			t.Errorf("%q: stage %q from %q, error %v; want %q from %q, error %v", tc.fm, got, from, err, tc.want, tc.from, tc.wantError)
		}
	}
}

func TestStageStatusString(t *testing.T) {
	for _, tc := range []struct {
		fm, config, want string
	}{
		{"stage: draft", "", "stage: draft — to reach review: 2 deferred answers, 1 placeholder, 1 unanswered question"},
		{"", "", "stage: review — to reach final: 2 deferred answers, 1 placeholder, 1 unanswered question"},
		{"stage: final", "", "stage: final — still open: 2 deferred answers, 1 placeholder, 1 unanswered question"},
		// a rule whose severity the user set does not follow the stage, so it is not counted
		{"stage: draft", "rules:\n  placeholder: warning\n  unanswered-question: off", "stage: draft — to reach review: 2 deferred answers"},
	} {
		cfg := coverageConfig(t, tc.config+"\n")
		doc := document.Parse("test.prfaq.md", []byte(withFrontMatter(tc.fm, openDoc)))
		if got := NewStageStatus(doc, cfg, Lint(doc, cfg)).String(); got != tc.want {
			t.Errorf("%q %q:\n got %s\nwant %s", tc.fm, tc.config, got, tc.want)
		}
	}
	clean := "---\nstage: draft\n---\n# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n### How much?\n\n$5.\n"
	doc := document.Parse("test.prfaq.md", []byte(clean))
	if got := NewStageStatus(doc, Default(), Lint(doc, Default())).String(); got != "stage: draft — no open answers or placeholders" {
		t.Errorf("clean draft: %s", got)
	}
	doc = document.Parse("test.prfaq.md", []byte(strings.Replace(clean, "draft", "final", 1)))
	st := NewStageStatus(doc, Default(), Lint(doc, Default()))
	if got := st.String(); got != "stage: final — no open answers or placeholders" || st.Next != "" || len(st.Open) != 0 {
		t.Errorf("clean final: %s (%+v)", got, st)
	}
}

// The invalid-stage fixes replace the value alone, keeping a comment after it.
func TestInvalidStageFixReplacesTheValue(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\nstage: a\n---\n# Ledger\n", "---\nstage: draft\n---\n# Ledger\n"},
		{"---\ntitle: x\nstage: 'Drafty'   # first pass\n---\n# Ledger\n", "---\ntitle: x\nstage: draft   # first pass\n---\n# Ledger\n"},
		{"---\r\nstage: drafty\r\n---\r\n# Ledger\r\n", "---\r\nstage: draft\r\n---\r\n# Ledger\r\n"},
	} {
		doc := document.Parse("test.prfaq.md", []byte(tc.src))
		fs := only(Lint(doc, Default()), "invalid-stage")
		if len(fs) != 1 || len(fs[0].Fixes) != 3 || fs[0].Fixes[0].Title != "Set stage: draft" {
			t.Fatalf("%q: findings %+v", tc.src, fs)
		}
		got, err := ApplyEdits([]byte(tc.src), fs[0].Fixes[0].Edits)
		if err != nil || string(got) != tc.want {
			t.Errorf("%q fixed to %q, want %q (%v)", tc.src, got, tc.want, err)
		}
		if st, from, err := Default().StageOf(document.Parse("test.prfaq.md", got)); st != StageDraft || from != StageFromFrontMatter || err != nil {
			t.Errorf("after the fix: %q from %q, %v", st, from, err)
		}
	}
}
