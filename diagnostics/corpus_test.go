package diagnostics

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// The corpus (testdata/corpus) holds real PR/FAQs from public repositories.
// TestCorpusSnapshot keeps a reviewed snapshot of every finding on them
// (testdata/corpus.golden; -update rewrites it, then read the diff: a false
// alarm on a real document is a bug). The tests below pin the real flaws the
// documents contain and the parts they do have.

func corpusDocs(t testing.TB) map[string]*document.Document {
	t.Helper()
	files, _ := filepath.Glob("testdata/corpus/*.md")
	docs := map[string]*document.Document{}
	for _, f := range files {
		if b := filepath.Base(f); b == "README.md" || b == "LABELS.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = document.Parse(f, src)
	}
	if len(docs) < 20 {
		t.Fatalf("corpus has %d documents, want 20", len(docs))
	}
	return docs
}

func TestCorpusSnapshot(t *testing.T) {
	docs := corpusDocs(t)
	var b strings.Builder
	for _, name := range sortedNames(docs) {
		doc := docs[name]
		for _, f := range Lint(doc, Default()) {
			p := doc.Mapper.Position(f.Span.Start)
			fmt.Fprintf(&b, "%s:%d:%d: %s [%s] %s\n", name, p.Line+1, p.Character+1, f.Severity, f.Rule, f.Message)
		}
	}
	snapshot(t, "testdata/corpus.golden", b.String(), "corpus findings changed", "Corpus")
}

// snapshot compares got with the golden file, or rewrites it with -update;
// a difference names its first line and the command that rewrites it.
func snapshot(t *testing.T, golden, got, what, run string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run `go test ./diagnostics -run %s -update` to write it)", err, run)
	}
	if got == string(want) {
		return
	}
	gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
		if g, w := at(gotLines, i), at(wantLines, i); g != w {
			t.Errorf("%s; first difference at line %d of %s:\n got: %s\nwant: %s\n"+
				"run `go test ./diagnostics -run %s -update` and review the diff", what, i+1, golden, g, w, run)
			return
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

func sortedNames(docs map[string]*document.Document) []string {
	var names []string
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// findingAt reports whether doc has a finding of rule on 1-based line.
func findingAt(doc *document.Document, fs []Finding, rule string, line int) bool {
	for _, f := range fs {
		if f.Rule == rule && doc.Mapper.Line(f.Span.Start)+1 == line {
			return true
		}
	}
	return false
}

func TestCorpusRealFlawsAreFound(t *testing.T) {
	docs := corpusDocs(t)
	cases := []struct {
		file, rule string
		line       int
		why        string
	}{
		{"o19s-search-eval-framework.md", "placeholder", 3, "headline holds the placeholder WHO?"},
		{"o19s-search-eval-framework.md", "vague-headline", 3, "the headline names the placeholder as a reason"},
		{"o19s-search-eval-framework.md", "deferred-answer", 54, "TODO answer"},
		{"o19s-search-eval-framework.md", "deferred-answer", 62, "TODO answer"},
		{"o19s-search-eval-framework.md", "deferred-answer", 66, "TODO answer"},
		{"o19s-search-eval-framework.md", "deferred-answer", 70, "TODO answer"},
		{"gsf-green-software-principles.md", "deferred-answer", 41, "languages TBD"},
		{"gsf-green-software-principles.md", "question-format", 38, "question without a question mark"},
		{"gsf-state-of-green-software.md", "vague-headline", 1, "ALL CAPS headline with a trailing period"},
		{"gsf-template.md", "vague-headline", 7, "template headline in ALL CAPS"},
		{"tensorchord-envd-incomplete.md", "empty-section", 15, "empty solution section"},
		{"tensorchord-envd-incomplete.md", "empty-section", 17, "empty leader quote section"},
		{"tensorchord-envd-incomplete.md", "empty-section", 25, "empty call to action"},
		{"tensorchord-envd-incomplete.md", "missing-section", 25, "no FAQ (reported at its last line, where the FAQ goes)"},
		{"gsf-sci-open-ontology-predraft.md", "missing-section", 25, "pre-draft without FAQ (at its last line)"},
		{"gsf-carbon-hack-22.md", "vague-headline", 5, "23-word headline"},
		{"treeline-vision.md", "press-release-length", 1, "844-word press release"},
		{"cdk-rfc-0920-lsp-server.md", "faq-length", 123, "3,000-word FAQ"},
	}
	for _, c := range cases {
		doc := docs[c.file]
		if !findingAt(doc, Lint(doc, Default()), c.rule, c.line) {
			t.Errorf("%s:%d: want %s (%s)", c.file, c.line, c.rule, c.why)
		}
	}
}

// TestCorpusPartsArePresent pins parts that real documents have, so that
// a change to recognition cannot raise a missing-section alarm on them.
func TestCorpusPartsArePresent(t *testing.T) {
	docs := corpusDocs(t)
	all := document.AllParts
	pr := document.PressReleaseParts
	cases := map[string][]document.PartKind{
		"codeheadsystems-hofmann.md":        all,
		"awslabs-dsql-migration.md":         all,
		"gsf-carbon-hack-22.md":             append(append([]document.PartKind(nil), pr...), document.FAQ),
		"elastic-elasticat.md":              {document.Headline, document.Subheading, document.Summary, document.Problem, document.Solution, document.CustomerQuote, document.CallToAction, document.FAQ, document.ExternalFAQ, document.InternalFAQ},
		"smazor-pact-vincul.md":             {document.Headline, document.Subheading, document.Summary, document.Problem, document.Solution, document.LeaderQuote, document.CallToAction, document.ExternalFAQ, document.InternalFAQ},
		"o19s-search-eval-framework.md":     {document.Headline, document.Summary, document.CallToAction, document.ExternalFAQ, document.InternalFAQ},
		"gsf-green-software-principles.md":  {document.Headline, document.Subheading, document.Summary, document.Problem, document.Solution, document.LeaderQuote, document.CustomerQuote, document.FAQ},
		"gsf-template.md":                   {document.Headline, document.Subheading, document.Summary, document.Problem, document.Solution, document.LeaderQuote, document.CustomerQuote, document.CallToAction, document.FAQ},
		"gsf-sci-open-ontology-predraft.md": {document.Headline, document.Subheading, document.Summary, document.Problem, document.Solution, document.LeaderQuote, document.CustomerQuote, document.CallToAction},
	}
	for file, parts := range cases {
		doc := docs[file]
		fs := Lint(doc, Default())
		for _, k := range parts {
			if doc.Parts[k] == nil {
				t.Errorf("%s: %s not recognised", file, k)
			}
			for _, f := range fs {
				if f.Rule == "missing-section" && f.Data["section"] == string(k) {
					t.Errorf("%s: false missing-section alarm for %s", file, k)
				}
			}
		}
	}
}

// TestCorpusQuestionCounts pins the FAQ questions found in each form.
func TestCorpusQuestionCounts(t *testing.T) {
	docs := corpusDocs(t)
	want := map[string]int{
		"gsf-carbon-hack-22.md":            12, // a heading per question
		"gsf-green-software-principles.md": 14, // nested bullets
		"awslabs-plit.md":                  7,  // **Q:** lines
		"o19s-search-eval-framework.md":    20, // H3 questions in two groups
	}
	for file, n := range want {
		if got := len(docs[file].Questions); got != n {
			t.Errorf("%s: %d questions, want %d", file, got, n)
		}
	}
	for _, q := range docs["awslabs-plit.md"].Questions {
		if strings.HasPrefix(q.Text, "Q") || strings.HasPrefix(q.Text, "*") || q.Answer.Empty() {
			t.Errorf("plit question %q: prefix left in or no answer", q.Text)
		}
	}
}
