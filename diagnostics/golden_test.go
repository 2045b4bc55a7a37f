package diagnostics

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

var update = flag.Bool("update", false, "rewrite the want sections of golden files")

// TestGolden runs every testdata/rules/<rule-id>/*.txtar archive. An archive
// holds "prfaq.md" (the input), an optional ".prfaq.yaml" (configuration) and
// "want": the findings of <rule-id> as "line:col-line:col severity message",
// with each fix's title on a "  fix:" line below. Every fix is applied and
// the document re-linted: the finding must be gone.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/*/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		rule := filepath.Base(filepath.Dir(file))
		t.Run(rule+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			if Lookup(rule) == nil {
				t.Fatalf("no rule %q", rule)
			}
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cfg := Default()
			var src []byte
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "prfaq.md":
					src = f.Data
				case ".prfaq.yaml":
					if err := cfg.ApplyYAML(f.Data, ".prfaq.yaml"); err != nil {
						t.Fatal(err)
					}
				case "want":
					wantIdx = i
				}
			}
			if src == nil {
				t.Fatal("archive has no prfaq.md")
			}
			doc := document.Parse("test.prfaq.md", src)
			findings := only(Lint(doc, cfg), rule)
			got := formatFindings(doc, findings)
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatal("archive has no want section (run with -update)")
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("findings differ\n--- got ---\n%s--- want ---\n%s", got, want)
			}
			checkFixes(t, src, cfg, rule, findings)
		})
	}
}

func only(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func formatFindings(doc *document.Document, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		r := doc.Mapper.Range(f.Span.Start, f.Span.End)
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s\n", r.Start.Line+1, r.Start.Character+1, r.End.Line+1, r.End.Character+1, f.Severity, f.Message)
		for _, fx := range f.Fixes {
			fmt.Fprintf(&b, "  fix: %s\n", fx.Title)
		}
	}
	return b.String()
}

// checkFixes applies every fix and re-lints: the finding it fixes must be
// gone, or (for fixes that turn a problem into a lesser one, such as an owned
// follow-up) lowered in severity.
func checkFixes(t *testing.T, src []byte, cfg *Config, rule string, findings []Finding) {
	t.Helper()
	for _, f := range findings {
		for _, fx := range f.Fixes {
			fixed, err := ApplyEdits(src, fx.Edits)
			if err != nil {
				t.Errorf("fix %q: %v", fx.Title, err)
				continue
			}
			fixedDoc := document.Parse("test.prfaq.md", fixed)
			after := only(Lint(fixedDoc, cfg), rule)
			// nothing else broke: every part recognised before still is
			before := document.Parse("test.prfaq.md", src)
			for k := range before.Parts {
				if fixedDoc.Parts[k] == nil {
					t.Errorf("fix %q lost the %s part:\n%s", fx.Title, k, fixed)
				}
			}
			if atLeast(after, f.Severity) >= atLeast(findings, f.Severity) {
				t.Errorf("fix %q did not remove its finding:\n%s", fx.Title, fixed)
			}
			for _, a := range after {
				if a.Span.Start < 0 || a.Span.End > len(fixed) || a.Span.End < a.Span.Start {
					t.Errorf("after fix %q: finding out of range: %+v", fx.Title, a.Span)
				}
			}
		}
	}
}

// atLeast counts findings at least as severe as sev (Error is the most severe).
func atLeast(fs []Finding, sev Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity <= sev {
			n++
		}
	}
	return n
}
