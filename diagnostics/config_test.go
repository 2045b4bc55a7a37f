package diagnostics

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func TestConfigYAML(t *testing.T) {
	cfg := Default()
	err := cfg.ApplyYAML([]byte(`
files: ["docs/**/*.md"]
sections: [headline, summary, faq]
words-per-page: 400
allow: [Kubernetes]
jargon:
  rockstar: skilled engineer
rules:
  hype: off
  long-sentence:
    severity: hint
    max-words: 20
  vague-headline: error
`), ".prfaq.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.WordsPerPage != 400 || !cfg.Requires(document.Summary) || cfg.Requires(document.Problem) {
		t.Errorf("config = %+v", cfg)
	}
	if !MatchGlob(cfg.Files[0], "repo/docs/a/b/launch.md") || MatchGlob(cfg.Files[0], "repo/src/launch.md") {
		t.Error("glob ** does not match as expected")
	}
	if cfg.severity(Lookup("hype")) != Off || cfg.severity(Lookup("vague-headline")) != Error {
		t.Error("rule severities not applied")
	}
	if cfg.ruleInt("long-sentence", "max-words", 35) != 20 || cfg.ruleInt("long-sentence", "maxWords", 35) != 20 {
		t.Error("rule option not applied")
	}
	if cfg.Jargon["rockstar"] != "skilled engineer" || !cfg.allowed("kubernetes") {
		t.Error("jargon/allow not applied")
	}
}

// Bad keys give errors naming file, line and key; the other keys apply.
func TestConfigErrorsNameFileLineKey(t *testing.T) {
	cfg := Default()
	err := cfg.ApplyYAML([]byte("words-per-page: 400\nrules:\n  no-such-rule: off\n  hype: loud\nbogus: 1\n"), "/p/.prfaq.yaml")
	if err == nil {
		t.Fatal("want errors")
	}
	msg := err.Error()
	for _, want := range []string{"/p/.prfaq.yaml:3: rules.no-such-rule: unknown rule", "/p/.prfaq.yaml:4: rules.hype: unknown severity \"loud\"", "/p/.prfaq.yaml:5: bogus: unknown key"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Error("want a *ConfigError")
	}
	if cfg.WordsPerPage != 400 {
		t.Error("good keys must still apply")
	}
}

func TestConfigHostileInput(t *testing.T) {
	for name, src := range map[string]string{
		"not yaml":    "rules: [unclosed",
		"a list":      "- a\n- b\n",
		"wrong types": "files: 3\nsections: {a: 1}\nwords-per-page: many\nrules: 7\njargon: [x]\n",
		"deep":        strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		"huge":        "allow: [" + strings.Repeat("\"w\", ", 300000) + "\"w\"]\n",
	} {
		cfg := Default()
		err := cfg.ApplyYAML([]byte(src), "x.yaml")
		if err == nil {
			t.Errorf("%s: want an error", name)
		}
		if cfg.WordsPerPage != 500 {
			t.Errorf("%s: defaults changed", name)
		}
	}
}

func TestConfigFromEditorSettings(t *testing.T) {
	cfg := Default()
	err := cfg.ApplyMap(map[string]any{"wordsPerPage": float64(300), "rules": map[string]any{"jargon": "information"}, "server": map[string]any{"path": "/x"}})
	if err != nil || cfg.WordsPerPage != 300 || cfg.severity(Lookup("jargon")) != Information {
		t.Errorf("err=%v cfg=%+v", err, cfg)
	}
}

func TestFindConfigWalksUp(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(dir, ConfigFileName), []byte("words-per-page: 250\n"), 0o644)
	cfg, path, err := ForFile(Default(), filepath.Join(sub, "x.md"))
	if err != nil || path != filepath.Join(dir, ConfigFileName) || cfg.WordsPerPage != 250 {
		t.Errorf("path=%q err=%v wpp=%d", path, err, cfg.WordsPerPage)
	}
}

func TestIsPRFAQ(t *testing.T) {
	cfg := Default()
	cfg.Files = []string{"plans/*.md"}
	plain := []byte("# Notes\n\nJust notes.\n")
	cases := map[string]struct {
		path string
		src  []byte
		want bool
	}{
		"name prfaq":         {"docs/Launch.PRFAQ.md", plain, true},
		"name pr-faq":        {"x/pr-faq-launch.md", plain, true},
		"name pr_faq":        {"PR_FAQ.md", plain, true},
		"plain readme":       {"README.md", plain, false},
		"glob":               {"repo/plans/q3.md", plain, true},
		"front matter true":  {"notes.md", []byte("---\nprfaq: true\n---\n# x\n"), true},
		"front matter false": {"launch.prfaq.md", []byte("---\nprfaq: false\n---\n# x\n"), false},
		"content":            {"launch.md", []byte("## Press Release\n\n# Acme lets shops bill in one click\n\nToday Acme launched Ledger for every small shop in the country.\n\n## FAQ\n\n### Why?\n\nBecause.\n"), true},
	}
	for name, c := range cases {
		if got := cfg.IsPRFAQ(document.Parse(c.path, c.src)); got != c.want {
			t.Errorf("%s: IsPRFAQ = %v, want %v", name, got, c.want)
		}
	}
	if _, ok, fs := Check("README.md", plain, cfg); ok || len(fs) != 0 || fs == nil {
		t.Errorf("other Markdown must get an empty, non-nil finding list: ok=%v %v", ok, fs)
	}
}

// Every finding links to its rule's section of the rule reference: the
// default is docs/rules.md on GitHub, whose headings give the anchors; a
// team's own address takes the id in place of {rule} or as the anchor.
func TestRuleHref(t *testing.T) {
	rules, err := os.ReadFile(filepath.Join("..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Default()
	for _, r := range Rules() {
		if got, want := cfg.RuleHref(r.ID), DefaultRulesURL+"#"+r.ID; got != want {
			t.Errorf("%s: href %q, want %q", r.ID, got, want)
		}
		if !strings.Contains(string(rules), "\n### `"+r.ID+"`\n") {
			t.Errorf("docs/rules.md has no section for %s: its anchor would lead nowhere", r.ID)
		}
	}
	if got := cfg.RuleHref("document-too-large"); got != "" {
		t.Errorf("a rule the reference does not describe links to %q", got)
	}
	if err := cfg.ApplyMap(map[string]any{"rulesUrl": "https://wiki.example.com/prfaq/{rule}"}); err != nil {
		t.Fatal(err)
	}
	if got := cfg.RuleHref("jargon"); got != "https://wiki.example.com/prfaq/jargon" {
		t.Errorf("template href %q", got)
	}
	if err := cfg.ApplyYAML([]byte("rules-url: https://docs.example.com/rules.html\n"), ".prfaq.yaml"); err != nil {
		t.Fatal(err)
	}
	if got := cfg.RuleHref("hype"); got != "https://docs.example.com/rules.html#hype" {
		t.Errorf("anchor href %q", got)
	}
	if err := cfg.ApplyMap(map[string]any{"rulesUrl": ""}); err != nil || cfg.RuleHref("hype") != DefaultRulesURL+"#hype" {
		t.Errorf("an empty rulesUrl (an editor's unset setting) gives %q, %v; want the default", cfg.RuleHref("hype"), err)
	}
	for _, bad := range []any{"not a url", "ftp://x/y", 42, "https://"} {
		if err := Default().ApplyMap(map[string]any{"rulesUrl": bad}); err == nil {
			t.Errorf("rulesUrl %v accepted", bad)
		}
	}
}
