package diagnostics

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Findings only counted as they are reported leave the result as it was
// when every finding was kept until the cap: on the corpus and on documents
// that repeat a question or a weasel word many times, with caps small
// enough that most rules go past them.
func TestReportLimitsChangeNothing(t *testing.T) {
	docs := map[string][]byte{"weasel": weaselDoc(60)}
	var dup strings.Builder
	dup.WriteString("# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n")
	for i := range 50 {
		dup.WriteString("### Q" + string(rune('0'+i%10)) + ": does it work?\n\nYes.\n\n")
	}
	docs["duplicates"] = []byte(dup.String())
	files, _ := filepath.Glob("testdata/corpus/*.md")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = src
	}
	defer func() { limitReports = true }()
	for name, src := range docs {
		for _, max := range []int{1, 2, 5} {
			cfg := Default()
			cfg.MaxFindings = max
			doc := document.Parse(name+".prfaq.md", src)
			limitReports = true
			limited := Lint(doc, cfg)
			limitReports = false
			kept := Lint(doc, cfg)
			if !reflect.DeepEqual(limited, kept) {
				t.Errorf("%s, max-findings %d: with report limits\n%v\nwithout\n%v", name, max, limited, kept)
			}
		}
	}
}

// A rule past its limit keeps what could still be among the first max and
// counts the rest, remembering the earliest.
func TestReportLimitCounts(t *testing.T) {
	var out []Finding
	c := &Context{Config: Default(), rule: &Rule{ID: "r", Severity: Warning}, out: &out, limit: &reportLimit{max: 2}}
	for _, start := range []int{10, 20, 30, 5, 40, 25, 35} {
		c.Report(Finding{Span: document.Span{Start: start, End: start + 1}})
	}
	var got []int
	for _, f := range out {
		got = append(got, f.Span.Start)
	}
	// 10 and 20 are kept; 30 starts after both: counted; 5 does not:
	// kept; 40, 25 and 35 start after 20: counted, 25 the earliest
	if want := []int{10, 20, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	if c.limit.dropped != 4 || c.limit.earliest.Span.Start != 25 || c.limit.earliest.Rule != "r" {
		t.Errorf("counted %d, earliest at %d (%q), want 4 at 25 (r)", c.limit.dropped, c.limit.earliest.Span.Start, c.limit.earliest.Rule)
	}
}
