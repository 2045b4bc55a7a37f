package diagnostics

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestCheckerMatchesCheck edits corpus documents as a user would (typing,
// deleting, pasting sections, fences and placeholders) and checks after
// every edit that a Checker, which reuses parsed sections and what the
// rules kept of unchanged text, reports exactly what a fresh Check does.
func TestCheckerMatchesCheck(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.md")
	files = append(files, "testdata/good/ledger.prfaq.md")
	if len(files) < 10 {
		t.Fatalf("corpus missing: %v", files)
	}
	rng := rand.New(rand.NewSource(2))
	inserts := []string{"x", " ", "TBD", "leverage ", "very ", "\n\n", "\n# FAQ\n", "\n### How much does it cost?\n\nWe will figure it out later.\n",
		"\n```\n", "<!-- prfaq-disable-next-line jargon -->\n", "[Customer Name]", "KPI", "API (application programming interface) ", "?", "\n- item\n"}
	compared, findings := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f) + ".prfaq.md" // a PR/FAQ by its name, whatever the edits do
		cfg := Default()
		var c Checker
		for i := 0; i < 30; i++ {
			_, _, got := c.Check(name, src, cfg)
			_, _, want := Check(name, src, cfg)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, version %d: the Checker reports\n%s\nwhere Check reports\n%s", name, i, findingsText(got), findingsText(want))
			}
			compared++
			findings += len(want)
			at := rng.Intn(len(src) + 1)
			end := min(len(src), at+rng.Intn(3)*rng.Intn(40))
			src = append(append(append([]byte{}, src[:at]...), inserts[rng.Intn(len(inserts))]...), src[end:]...)
		}
	}
	t.Logf("%d versions compared, %d findings", compared, findings)
}

func findingsText(fs []Finding) string {
	var s string
	for _, f := range fs {
		s += fmt.Sprintf("  %v %s %s\n", f.Span, f.Rule, f.Message)
	}
	return s
}

// FuzzCheckerEdits checks a document, edits it, and checks that the Checker
// (which reuses sections and what the rules kept) reports what a fresh
// Check reports on the edited text.
func FuzzCheckerEdits(f *testing.F) {
	f.Add([]byte("# Acme leverages synergy\n\n*For teams*\n\n## FAQ\n\n### Why?\n\nTBD, we will decide later.\n\n### How?\n\nVery many shops.\n"), uint16(3), uint8(0), "very ")
	f.Add([]byte("---\nprfaq: true\n---\n# H\n\n```\n# x\n```\n\n## FAQ\n\n**Q: what?**\n\nA: TBD\n"), uint16(20), uint8(4), "\n# New\n")
	f.Fuzz(func(t *testing.T, src []byte, at uint16, del uint8, ins string) {
		cfg := Default()
		var c Checker
		c.Check("fuzz.prfaq.md", src, cfg)
		a := min(int(at), len(src))
		b := min(a+int(del), len(src))
		edited := append(append(append([]byte{}, src[:a]...), ins...), src[b:]...)
		_, _, got := c.Check("fuzz.prfaq.md", edited, cfg)
		_, _, want := Check("fuzz.prfaq.md", edited, cfg)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the Checker reports\n%s\nwhere Check reports\n%s", findingsText(got), findingsText(want))
		}
	})
}

// TestCheckerFollowsConfiguration checks one text under one configuration,
// then another: what a rule kept for a paragraph under the first must not
// come back under the second.
func TestCheckerFollowsConfiguration(t *testing.T) {
	src, err := os.ReadFile("testdata/good/ledger.prfaq.md")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "\n\nWe leverage a very long sentence that goes on and on with many words to make sure the long sentence rule has something to say about it when the limit is low.\n"...)
	strict := Default()
	if err := strict.ApplyMap(map[string]any{
		"allow": []any{"leverage"},
		"rules": map[string]any{"long-sentence": map[string]any{"max-words": 10}, "weasel-word": "error"},
	}); err != nil {
		t.Fatal(err)
	}
	var c Checker
	for i, cfg := range []*Config{Default(), strict, Default()} {
		_, _, got := c.Check("launch.prfaq.md", src, cfg)
		_, _, want := Check("launch.prfaq.md", src, cfg)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("configuration %d: the Checker reports\n%s\nwhere Check reports\n%s", i, findingsText(got), findingsText(want))
		}
		if i == 1 && reflect.DeepEqual(got, func() []Finding { _, _, f := Check("launch.prfaq.md", src, Default()); return f }()) {
			t.Fatal("the strict configuration changed nothing: the test proves nothing")
		}
	}
}

// TestTextMemoForgets: the text memo keeps what this check and the one
// before used, and forgets the rest.
func TestTextMemoForgets(t *testing.T) {
	type kind struct{}
	var m textMemo
	computed := 0
	get := func(text string) { m.get(kind{}, text, func() any { computed++; return text }) }
	m.nextVersion()
	get("a")
	get("b")
	m.nextVersion()
	get("a") // kept from the check before
	m.nextVersion()
	get("a")
	get("b") // unused for a check: computed again
	if computed != 3 {
		t.Errorf("computed %d times, want 3", computed)
	}
	if len(m.entries) != 2 {
		t.Errorf("%d entries kept, want 2", len(m.entries))
	}
}
