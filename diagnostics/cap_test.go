package diagnostics

import (
	"fmt"
	"strings"
	"testing"
)

// weaselDoc is a PR/FAQ with n weasel words ("very"), one per paragraph.
func weaselDoc(n int) []byte {
	var b strings.Builder
	b.WriteString("# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n### How fast is it?\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Invoice %d goes out very soon.\n\n", i)
	}
	return []byte(b.String())
}

func countRule(findings []Finding, rule string) (n int, last Finding) {
	for _, f := range findings {
		if f.Rule == rule {
			n++
			last = f
		}
	}
	return n, last
}

// A rule's findings past max-findings become one finding that says how
// many more there are, where the first of them was; other rules keep all
// of theirs; 0 shows everything.
func TestMaxFindings(t *testing.T) {
	src := weaselDoc(40)
	all := Default()
	all.MaxFindings = 0
	_, _, uncapped := Check("launch.prfaq.md", src, all)
	total, _ := countRule(uncapped, "weasel-word")
	if total < 40 {
		t.Fatalf("%d weasel-word findings, want at least 40", total)
	}

	cfg := Default()
	if err := cfg.ApplyYAML([]byte("max-findings: 5\n"), ".prfaq.yaml"); err != nil {
		t.Fatal(err)
	}
	_, _, capped := Check("launch.prfaq.md", src, cfg)
	n, summary := countRule(capped, "weasel-word")
	if n != 6 {
		t.Fatalf("%d weasel-word findings with max-findings 5, want 5 and one summary", n)
	}
	if want := fmt.Sprintf("%d more weasel-word findings", total-5); !strings.Contains(summary.Message, want) || summary.Data["notShown"] != total-5 {
		t.Errorf("summary %q %v, want it to say %q", summary.Message, summary.Data, want)
	}
	var sixth Finding
	k := 0
	for _, f := range uncapped {
		if f.Rule == "weasel-word" {
			if k++; k == 6 {
				sixth = f
			}
		}
	}
	if summary.Span != sixth.Span || summary.Severity != sixth.Severity {
		t.Errorf("summary at %v (%v), want where the sixth finding was: %v (%v)", summary.Span, summary.Severity, sixth.Span, sixth.Severity)
	}
	// Every rule is capped on its own.
	perRule := map[string]int{}
	for _, f := range uncapped {
		perRule[f.Rule]++
	}
	want := 0
	for _, n := range perRule {
		want += min(n, 6)
	}
	if len(capped) != want {
		t.Errorf("%d findings with max-findings 5, want %d (per rule: %v)", len(capped), want, perRule)
	}
	// The default is 1,000: a normal document is not touched.
	if _, _, def := Check("launch.prfaq.md", src, nil); len(def) != len(uncapped) {
		t.Errorf("default cap changed a %d-finding document to %d", len(uncapped), len(def))
	}
	for _, bad := range []any{-1, "many", 2.5} {
		if err := Default().ApplyMap(map[string]any{"maxFindings": bad}); err == nil {
			t.Errorf("max-findings %v accepted", bad)
		}
	}
}
