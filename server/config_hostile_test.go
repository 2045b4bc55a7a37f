package server

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// diagKeys is what a publish says, in a form to compare.
func diagKeys(p publishParams) string {
	var b strings.Builder
	for _, d := range p.Diagnostics {
		fmt.Fprintf(&b, "%v %d:%d %d\n", d.Code, d.Range.Start.Line, d.Range.Start.Character, int(d.Severity))
	}
	return b.String()
}

// A malicious .prfaq.yaml (huge, deeply nested, an alias bomb, wrong
// types, keys and tags that look like commands, binary junk) gives a clear
// warning and the defaults, through the server; nothing is run.
func TestMaliciousPrfaqYAML(t *testing.T) {
	launch := readTestdata(t, "launch.prfaq.md")
	// The findings with the defaults, from a folder without a config.
	clean := newClient(t)
	clean.initialize(nil)
	cleanURI := string(fileURI(filepath.Join(t.TempDir(), "launch.prfaq.md")))
	clean.open(cleanURI, launch, 1)
	want := diagKeys(clean.waitVersion(cleanURI, 1))

	var nested strings.Builder
	nested.WriteString("rules:\n")
	for i := 1; i < 1000; i++ {
		nested.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	laugh := "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i, l := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		prev := string("abcdefgh"[i])
		laugh += l + ": &" + l + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
	}
	laugh += "rules: *i\n"
	pwned := filepath.Join(t.TempDir(), "PWNED")
	cases := map[string]struct{ yaml, says string }{
		"huge":           {"rules:\n" + strings.Repeat("# padding\n", 120000), "larger than"},
		"deep flow":      {"rules: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "max depth"},
		"deep block":     {nested.String(), "rules"},
		"alias bomb":     {laugh, "unknown key"},
		"wrong types":    {"rules: 7\nwordsPerPage: [1]\nallow: {a: b}\njargon: 5\nfiles: {x: 1}\n", "want"},
		"commands":       {"command: touch " + pwned + "\nexec: [sh, -c, touch " + pwned + "]\nrules: !shell touch " + pwned + "\n", "unknown key"},
		"binary junk":    {"\x00\xff\xfe: [", "invalid YAML"},
		"not a mapping":  {"- a\n- b\n", "want a mapping"},
		"rule as object": {"rules:\n  jargon:\n    severity: {run: rm}\n    words: [[[1]]]\n", "jargon"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, ".prfaq.yaml"), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			c := newClient(t)
			c.initialize(nil)
			uri := string(fileURI(filepath.Join(dir, "launch.prfaq.md")))
			c.open(uri, launch, 1)
			got := c.waitVersion(uri, 1)
			c.sync()
			c.mu.Lock()
			msgs := append([]protocol.ShowMessageParams(nil), c.messages...)
			c.mu.Unlock()
			warned := false
			for _, m := range msgs {
				if m.Type == protocol.MessageTypeWarning && strings.Contains(m.Message, "defaults apply") && strings.Contains(m.Message, tc.says) {
					warned = true
				}
			}
			if !warned {
				t.Errorf("no clear warning mentioning %q; messages: %+v", tc.says, msgs)
			}
			if diagKeys(got) != want {
				t.Errorf("findings differ from the defaults:\n%s\nwant:\n%s", diagKeys(got), want)
			}
			if got.Diagnostics == nil || len(got.Diagnostics) == 0 {
				t.Errorf("no findings at all")
			}
			if _, err := os.Stat(pwned); err == nil {
				t.Fatalf("the configuration ran something: %s exists", pwned)
			}
		})
	}
}

// Editor settings that are too deep, of the wrong types or not objects at
// all: initialize still succeeds, the problem is shown, the defaults apply.
func TestMaliciousEditorSettings(t *testing.T) {
	launch := readTestdata(t, "launch.prfaq.md")
	clean := newClient(t)
	clean.initialize(nil)
	clean.open("untitled:clean.prfaq.md", launch, 1)
	want := diagKeys(clean.waitVersion("untitled:clean.prfaq.md", 1))

	deep := json.RawMessage(strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000))
	nested := json.RawMessage(`{"prfaq":{"rules":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}}`)
	for name, opts := range map[string]json.RawMessage{
		"too deep for JSON": deep,
		"deep but valid":    nested,
		"wrong types":       json.RawMessage(`{"prfaq":{"rules":7,"wordsPerPage":"lots","allow":{"x":[]},"files":null}}`),
		"not an object":     json.RawMessage(`"prfaq"`),
		"prfaq not object":  json.RawMessage(`{"prfaq":[1,2]}`),
	} {
		t.Run(name, func(t *testing.T) {
			c := newClient(t)
			raw := json.RawMessage(`{"capabilities":{},"initializationOptions":` + string(opts) + `}`)
			var res protocol.InitializeResult
			c.mustCall("initialize", raw, &res)
			if res.ServerInfo == nil || res.ServerInfo.Name != "prfaq-lsp" {
				t.Fatalf("initialize result %+v", res)
			}
			c.notify("initialized", struct{}{})
			// The same garbage pushed as settings.
			c.notify("workspace/didChangeConfiguration", json.RawMessage(`{"settings":`+string(opts)+`}`))
			c.open("untitled:x.prfaq.md", launch, 1)
			got := c.waitVersion("untitled:x.prfaq.md", 1)
			if diagKeys(got) != want {
				t.Errorf("findings differ from the defaults:\n%s\nwant:\n%s", diagKeys(got), want)
			}
		})
	}
}
