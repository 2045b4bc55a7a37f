package diagnostics

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The corpus holds real template text left in; the placeholder rule must
// find it where it is, and stay quiet on the documents that have none.
func TestCorpusPlaceholders(t *testing.T) {
	docs := corpusDocs(t)
	cases := []struct {
		file string
		line int
		why  string
	}{
		{"gsf-template.md", 7, "[COMPANY] in the template headline"},
		{"gsf-template.md", 9, "Subtitle: label and its instruction"},
		{"gsf-template.md", 11, "[City, State]"},
		{"gsf-template.md", 13, "[Lay out the top 3-4 (max) problems…]"},
		{"gsf-template.md", 19, "Customer’s Job-to-be-Done: label"},
		{"gsf-template.md", 23, "[Provide a URL…]"},
		{"gsf-template.md", 27, "## Question"},
		{"gsf-template.md", 33, "Answer 2"},
		{"gsf-sci-open-ontology-predraft.md", 1, "Title: label"},
		{"gsf-sci-open-ontology-predraft.md", 2, "Subtitle: label"},
		{"gsf-sci-open-ontology-predraft.md", 4, "Intro Paragraph: label"},
		{"gsf-sci-open-ontology-predraft.md", 5, "Customer Problems: label"},
		{"gsf-sci-open-ontology-predraft.md", 16, "Customer’s Job-to-be-Done: label"},
		{"tensorchord-envd-incomplete.md", 7, "XXX among customers"},
		{"tensorchord-envd-incomplete.md", 9, "## Summarize what the service is…"},
		{"tensorchord-envd-incomplete.md", 19, "## Describe the customer experience"},
		{"o19s-search-eval-framework.md", 3, "WHO? in the headline"},
		{"o19s-search-eval-framework.md", 5, "WHO? in the summary"},
		{"awslabs-dsql-migration.md", 67, "quote attributed to [Leader, AWS Databases]"},
		{"gsf-theory-of-change.md", 21, "quote attributed to Sample Person"},
		{"awslabs-dsql-migration.md", 25, "[TARGET GA DATE] in a code span that holds the dateline"},
		{"cdk-rfc-0473-eventbridge-pipes.md", 15, "This section should contain… (an instruction opening with a noun phrase)"},
		{"cdk-rfc-0473-eventbridge-pipes.md", 219, "@xxxxx in a plain fenced sign-off box"},
		{"cdk-rfc-0920-lsp-server.md", 119, "@xxxxx in a plain fenced sign-off box"},
		{"gsf-green-software-principles.md", 27, "quote attributed to \"Academic Quote\""},
		{"gsf-green-software-principles.md", 47, "link target http://Link"},
	}
	for _, c := range cases {
		doc := docs[c.file]
		if !findingAt(doc, Lint(doc, Default()), "placeholder", c.line) {
			t.Errorf("%s:%d: want placeholder (%s)", c.file, c.line, c.why)
		}
	}
	clean := []string{
		"awslabs-mlmax.md", "awslabs-plit.md", "cdk-rfc-0324-construct-hub.md", "codeheadsystems-hofmann.md",
		"elastic-elasticat.md", "gsf-carbon-hack-22.md", "gsf-green-software-patterns.md",
		"gsf-green-software-speakers.md", "gsf-state-of-green-software.md",
		"smazor-pact-vincul.md", "treeline-vision.md",
	}
	for _, name := range clean {
		doc := docs[name]
		for _, f := range only(Lint(doc, Default()), "placeholder") {
			p := doc.Mapper.Position(f.Span.Start)
			t.Errorf("%s:%d:%d: unexpected placeholder: %s", name, p.Line+1, p.Character+1, f.Message)
		}
	}
}

// bracketed finds what the expression \[([^\[\]\n]{1,400})\] finds.
func TestBracketedAsRegexp(t *testing.T) {
	re := regexp.MustCompile(`\[([^\[\]\n]{1,400})\]`)
	long := strings.Repeat("é", 400)
	for _, s := range []string{
		"", "[", "[]", "[a]", "x [Name] and [City].", "[[a]]", "[a [b] c]", "[a\nb] [c]", "a]b[c", "[" + long + "]",
		"[" + long + "x]", "[x" + long + "] [y]", "[a][b][", "[ok] [unclosed", "[ [x] ]", "[a]]", "【a】 [b]",
	} {
		got, want := bracketed(s), re.FindAllStringSubmatchIndex(s, -1)
		if len(got) != len(want) {
			t.Errorf("%q: %v, want %v", s, got, want)
			continue
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("%q: %v, want %v", s, got, want)
			}
		}
	}
}

// TestMaybeLinkSlot: the scan before linkSlotRe never skips text the
// expression matches.
func TestMaybeLinkSlot(t *testing.T) {
	for _, src := range []string{
		"[site](http://Link)", "[a](URL)", "[a]( todo )", "[a](https://your-link/)", "[a](insert-link)",
		"[a](xxxx)", "[a](HTTPS://placeholder)", "[a](TBD)", "[a](link-here)", "x [b](https://example.com) [a](url)",
		"[a](https://example.com/pricing)", "[a](#top)", "no link", "[a](\n\tlink)", "]](link)",
	} {
		if linkSlotRe.MatchString(src) && !maybeLinkSlot([]byte(src)) {
			t.Errorf("maybeLinkSlot(%q) = false, but linkSlotRe matches", src)
		}
	}
	if maybeLinkSlot([]byte("[a](https://example.com/pricing)")) {
		t.Error("maybeLinkSlot on a real target = true")
	}
}

// TestLabelPrefixFar: the colon's look-ahead keeps labels of 40 letters
// of four bytes each after the capital, and no longer ones.
func TestLabelPrefixFar(t *testing.T) {
	if m := labelPrefix("Subtitle: text"); m == nil || m[1] != len("Subtitle: ") {
		t.Errorf("labelPrefix(Subtitle: text) = %v", m)
	}
	edge := "A" + strings.Repeat("𝒜", 40) + ": text" // 𝒜 is a letter of four bytes
	if m := labelPrefix(edge); m == nil || m[1] != len(edge)-len("text") {
		t.Errorf("labelPrefix of 40 letters after the capital = %v", m)
	}
	if m := labelPrefix("A" + strings.Repeat("𝒜", 41) + ": text"); m != nil {
		t.Errorf("labelPrefix of 41 letters after the capital = %v, want nil", m)
	}
}

// TestMarkersAsSubstrings: markers' one pass finds what looking for each
// pattern on its own finds, on every line of the corpus.
func TestMarkersAsSubstrings(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.md")
	lines := []string{"", "@", "_", "x XX", "Name", " Name", "goes here", "(insert date)", "TBD."}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(src), "\n")...)
	}
	for _, line := range lines {
		want := 0
		for _, mp := range markerPatterns {
			for _, pat := range mp.patterns {
				if strings.Contains(line, pat) {
					want |= mp.mark
				}
			}
		}
		if parenMarker(line) {
			want |= markParen
		}
		if got := markers(line); got != want {
			t.Errorf("markers(%q) = %b, want %b", line, got, want)
		}
	}
}
