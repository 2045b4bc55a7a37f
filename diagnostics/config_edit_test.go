package diagnostics

import (
	"errors"
	"strings"
	"testing"
)

// A commented, spaced-out configuration: every edit must leave all of it
// as it is, byte for byte, apart from the line it adds or the value it
// changes.
const commentedConfig = `# Team settings for our PR/FAQs.
files:
  - docs/**/*.md   # the drafts

# Words our customers use.
allow:
  - Kubernetes  # product name
  - "gRPC"

jargon: {synergy: "teamwork"}

rules:
  long-sentence:
    max-words: 30 # our readers like short
  hype: warning
# end
`

func TestAllowWord(t *testing.T) {
	cases := []struct {
		name, src, word, want string
	}{
		{"block list keeps comments, blank lines and order", commentedConfig, "Helm",
			strings.Replace(commentedConfig, "  - \"gRPC\"\n", "  - \"gRPC\"\n  - Helm\n", 1)},
		{"missing allow is added at the end", "files:\n  - a.md\n", "Helm",
			"files:\n  - a.md\nallow:\n  - Helm\n"},
		{"missing allow, no final newline", "files: [a.md]", "Helm",
			"files: [a.md]\nallow:\n  - Helm\n"},
		{"empty file", "", "Helm", "allow:\n  - Helm\n"},
		{"comments only", "# nothing yet\n", "Helm", "# nothing yet\nallow:\n  - Helm\n"},
		{"flow list", "allow: [Kubernetes, gRPC]  # ok\n", "Helm", "allow: [Kubernetes, gRPC, Helm]  # ok\n"},
		{"empty flow list", "allow: []\n", "Helm", "allow: [Helm]\n"},
		{"empty key", "allow:\nrules: {}\n", "Helm", "allow:\n  - Helm\nrules: {}\n"},
		{"null key", "allow: ~\n", "Helm", "allow: [Helm]\n"},
		{"one word as a scalar", "allow: Kubernetes\n", "Helm", "allow: [Kubernetes, Helm]\n"},
		{"the alias key and its indentation", "allowed-words:\n    - Kubernetes\n", "Helm", "allowed-words:\n    - Kubernetes\n    - Helm\n"},
		{"unindented list", "allow:\n- Kubernetes\n", "Helm", "allow:\n- Kubernetes\n- Helm\n"},
		{"a word YAML would misread is quoted", "allow:\n  - a\n", "true", "allow:\n  - a\n  - \"true\"\n"},
		{"a phrase with a colon is quoted", "allow: [a]\n", "Plan: B", "allow: [a, 'Plan: B']\n"},
		{"CRLF file", "allow:\r\n  - a\r\n", "Helm", "allow:\r\n  - a\r\n  - Helm\r\n"},
		{"nested indentation step is followed", "rules:\n    hype: off\n", "Helm", "rules:\n    hype: off\nallow:\n    - Helm\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, changed, err := AllowWord([]byte(c.src), c.word)
			if err != nil {
				t.Fatal(err)
			}
			if !changed {
				t.Fatal("changed = false")
			}
			if string(out) != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", out, c.want)
			}
			cfg := Default()
			if err := cfg.ApplyYAML(out, "x"); err != nil {
				t.Fatalf("the result does not load: %v", err)
			}
			if !cfg.allowed(c.word) {
				t.Errorf("the result does not allow %q: %v", c.word, cfg.Allow)
			}
		})
	}
}

func TestAllowWordAlreadyAllowed(t *testing.T) {
	for _, src := range []string{commentedConfig, "allow: [GRPC]\n", "allow: grpc\n"} {
		out, changed, err := AllowWord([]byte(src), "grpc")
		if err != nil || changed || string(out) != src {
			t.Errorf("%q: got changed=%v err=%v out=%q; want it unchanged", src, changed, err, out)
		}
	}
}

func TestTurnOffRule(t *testing.T) {
	cases := []struct {
		name, src, rule, want string
	}{
		{"rule with a severity", commentedConfig, "hype", strings.Replace(commentedConfig, "hype: warning", "hype: off", 1)},
		{"rule with options keeps them", commentedConfig, "long-sentence",
			strings.Replace(commentedConfig, "  long-sentence:\n", "  long-sentence:\n    severity: off\n", 1)},
		{"rule not yet listed goes after the last one", commentedConfig, "jargon",
			strings.Replace(commentedConfig, "  hype: warning\n", "  hype: warning\n  jargon: off\n", 1)},
		{"missing rules", "allow: [a]\n", "jargon", "allow: [a]\nrules:\n  jargon: off\n"},
		{"flow rules", "rules: {hype: error}\n", "jargon", "rules: {hype: error, jargon: off}\n"},
		{"empty flow rules", "rules: {}\n", "jargon", "rules: {jargon: off}\n"},
		{"flow options", "rules: {long-sentence: {max-words: 30}}\n", "long-sentence", "rules: {long-sentence: {severity: off, max-words: 30}}\n"},
		{"severity among options", "rules:\n  long-sentence:\n    max-words: 30\n    severity: \"error\"\n", "long-sentence",
			"rules:\n  long-sentence:\n    max-words: 30\n    severity: off\n"},
		{"empty rules key", "rules:\nallow: [a]\n", "jargon", "rules:\n  jargon: off\nallow: [a]\n"},
		{"boolean true", "rules:\n  jargon: true\n", "jargon", "rules:\n  jargon: off\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, changed, err := TurnOffRule([]byte(c.src), c.rule)
			if err != nil {
				t.Fatal(err)
			}
			if !changed {
				t.Fatal("changed = false")
			}
			if string(out) != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", out, c.want)
			}
			cfg := Default()
			if err := cfg.ApplyYAML(out, "x"); err != nil {
				t.Fatalf("the result does not load: %v", err)
			}
			if s, ok := cfg.severityOverride(c.rule); !ok || s != Off {
				t.Errorf("%s is not off in the result", c.rule)
			}
		})
	}
}

func TestTurnOffRuleAlreadyOff(t *testing.T) {
	for _, src := range []string{"rules:\n  jargon: off\n", "rules: {jargon: false}\n", "rules:\n  jargon:\n    severity: off\n"} {
		out, changed, err := TurnOffRule([]byte(src), "jargon")
		if err != nil || changed || string(out) != src {
			t.Errorf("%q: got changed=%v err=%v; want it unchanged", src, changed, err)
		}
	}
}

// What cannot be edited safely gets an error that says why, and no text.
func TestConfigEditRefuses(t *testing.T) {
	cases := []struct {
		name, src, want string
		edit            func([]byte) ([]byte, bool, error)
	}{
		{"invalid YAML", "allow: [a\nrules:\n", "invalid YAML", allowHelm},
		{"tab-indented YAML", "allow:\n\t- a\n", "invalid YAML", allowHelm},
		{"not a mapping", "- a\n- b\n", "not a mapping", allowHelm},
		{"allow is a mapping", "allow: {a: b}\n", "not a list", allowHelm},
		{"rules is a list", "rules: [jargon]\n", "not a mapping", offJargon},
		{"two documents", "allow: [a]\n---\nallow: [b]\n", "more than one YAML document", allowHelm},
		{"flow top level", "{allow: [a]}\n", "flow mapping", allowHelm},
		{"multi-line last item", "allow:\n  - |\n    a\n", "not one line", allowHelm},
		{"unknown rule", "", "unknown rule", func(b []byte) ([]byte, bool, error) { return TurnOffRule(b, "no-such-rule") }},
		{"empty word", "", "empty", func(b []byte) ([]byte, bool, error) { return AllowWord(b, "  ") }},
		{"word with a newline", "", "one line", func(b []byte) ([]byte, bool, error) { return AllowWord(b, "a\nb") }},
		{"a comment ends the flow list", "allow: [a, # b\n]\n", "change it by hand", allowHelm},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, changed, err := c.edit([]byte(c.src))
			if err == nil {
				t.Fatalf("no error; got %q", out)
			}
			if !errors.Is(err, ErrNotEditable) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			if out != nil || changed {
				t.Errorf("an edit came with the error: %q", out)
			}
		})
	}
}

func allowHelm(b []byte) ([]byte, bool, error) { return AllowWord(b, "Helm") }
func offJargon(b []byte) ([]byte, bool, error) { return TurnOffRule(b, "jargon") }

func TestMinimalEdit(t *testing.T) {
	cases := []struct{ old, new, wantText string }{
		{"allow:\n  - a\n", "allow:\n  - a\n  - b\n", "  - b\n"},
		{"a: x\n", "a: y\n", "y"},
		{"é\n", "è\n", "è"}, // not half a character
		{"a\r\nb\r\n", "a\r\nc\r\nb\r\n", "c\r\n"},
		{"same", "same", ""},
	}
	for _, c := range cases {
		e := MinimalEdit([]byte(c.old), []byte(c.new))
		got, err := ApplyEdits([]byte(c.old), []Edit{e})
		if err != nil || string(got) != c.new {
			t.Errorf("%q→%q: applying %+v gives %q (%v)", c.old, c.new, e, got, err)
		}
		if e.NewText != c.wantText {
			t.Errorf("%q→%q: edit text %q, want %q", c.old, c.new, e.NewText, c.wantText)
		}
	}
}
