package diagnostics

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

var update = flag.Bool("update", false, "rewrite the want sections of golden files")

// TestGolden runs every testdata/rules/<rule-id>/*.txtar archive. An archive
// holds "prfaq.md" (the input), an optional ".prfaq.yaml" (configuration) and
// "want": the findings of <rule-id>, each as "line:col-line:col severity
// message" over the source lines of its range with carets under it, and each
// fix's title on a "  fix:" line over the lines it changes, as they read
// after the fix (see formatFindings). Every fix is applied and the document
// re-linted: the finding must be gone.
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

// formatFindings writes each finding as a reviewer reads it: its
// coordinates, severity and message, then the source lines of its range with
// carets under it, then for each fix its title and the lines it changes as
// they read after the fix.
func formatFindings(doc *document.Document, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		r := doc.Mapper.Range(f.Span.Start, f.Span.End)
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s\n", r.Start.Line+1, r.Start.Character+1, r.End.Line+1, r.End.Character+1, f.Severity, f.Message)
		writeCarets(&b, doc.Source, f.Span)
		for _, fx := range f.Fixes {
			fmt.Fprintf(&b, "  fix: %s\n", fx.Title)
			writeFixed(&b, doc.Source, fx.Edits)
		}
	}
	return b.String()
}

// goldenMaxLines bounds the lines shown for one range or one fix.
const goldenMaxLines = 16

// writeCarets writes the lines span covers, each with carets under the part
// of it inside span; an empty span gets one caret where it stands.
func writeCarets(b *strings.Builder, src []byte, span document.Span) {
	start, end := clamp(span.Start, len(src)), clamp(span.End, len(src))
	shown := 0
	for ls := lineStartAt(src, start); ; {
		le := lineEndAt(src, ls)
		if shown == goldenMaxLines {
			fmt.Fprintf(b, "    … %d more lines\n", strings.Count(string(src[ls:end]), "\n")+1)
			return
		}
		line := string(src[ls:le])
		from, to := max(start, ls)-ls, min(end, le)-ls
		carets := utf8.RuneCountInString(line[from:to])
		if carets == 0 && (start == end || shown == 0) {
			carets = 1
		}
		writeLine(b, line)
		if carets > 0 {
			fmt.Fprintf(b, "    %s%s\n", indentLike(line[:from]), strings.Repeat("^", carets))
		}
		shown++
		if le >= end || le >= len(src) {
			return
		}
		ls = le + 1
	}
}

// writeFixed writes the lines the edits touch, as they read after the fix;
// "…" stands between lines that are apart.
func writeFixed(b *strings.Builder, src []byte, edits []Edit) {
	fixed, err := ApplyEdits(src, edits)
	if err != nil {
		fmt.Fprintf(b, "    (the fix does not apply: %v)\n", err)
		return
	}
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
	shift, last := 0, -1
	for _, e := range sorted {
		from := e.Span.Start + shift
		to := from + len(e.NewText)
		shift += len(e.NewText) - (e.Span.End - e.Span.Start)
		ls := lineStartAt(fixed, from)
		if ls <= last {
			ls = last + 1
		} else if last >= 0 {
			b.WriteString("    …\n")
		}
		if e.NewText == "" && ls > from {
			continue // the deleted text's line was shown already
		}
		shown := 0
		for ls <= len(fixed) {
			le := lineEndAt(fixed, ls)
			if shown == goldenMaxLines {
				fmt.Fprintf(b, "    … %d more lines\n", strings.Count(string(fixed[ls:clamp(to, len(fixed))]), "\n")+1)
				last = lineEndAt(fixed, clamp(to, len(fixed)))
				break
			}
			writeLine(b, string(fixed[ls:le]))
			shown++
			last = le
			if le >= to || le >= len(fixed) {
				break
			}
			ls = le + 1
		}
	}
}

// writeLine writes a source line indented; a blank line stays blank.
func writeLine(b *strings.Builder, line string) {
	if strings.TrimSpace(line) == "" {
		b.WriteString("\n")
		return
	}
	fmt.Fprintf(b, "    %s\n", line)
}

func clamp(i, n int) int { return max(0, min(i, n)) }

func lineStartAt(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

func lineEndAt(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i
}

// indentLike is spaces as wide as prefix, keeping its tabs so the carets
// line up under a tab-indented line.
func indentLike(prefix string) string {
	var b strings.Builder
	for _, r := range prefix {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
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
