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

// blankLine reports whether line holds only white space.
func blankLine(doc *document.Document, line int) bool {
	return strings.TrimSpace(string(doc.Source[doc.Mapper.LineStart(line):doc.Mapper.LineEnd(line)])) == ""
}

// firstLineAfterFrontMatter is the first line a finding may sit on.
func firstLineAfterFrontMatter(doc *document.Document) int {
	fm := doc.FrontMatter
	if fm == nil {
		return 0
	}
	if fm.Span.End > 0 && doc.Source[fm.Span.End-1] != '\n' {
		return doc.Mapper.Line(fm.Span.End) + 1
	}
	return doc.Mapper.Line(fm.Span.End)
}

// checkMissingLine checks that a finding on line sits where its fix inserts
// at: on the line holding at when that line has text and is not front
// matter; else on a line with text, with only blank lines (or the front
// matter) between it and at.
func checkMissingLine(doc *document.Document, at, line int) string {
	first := firstLineAfterFrontMatter(doc)
	atLine := doc.Mapper.Line(at)
	if atLine >= first && !blankLine(doc, atLine) {
		if line != atLine {
			return fmt.Sprintf("sits on line %d, its fix inserts into line %d", line+1, atLine+1)
		}
		return ""
	}
	if line < first || blankLine(doc, line) {
		return fmt.Sprintf("sits on line %d, blank or front matter", line+1)
	}
	lo, hi := min(line, atLine), max(line, atLine)
	for l := max(lo+1, first); l < hi; l++ {
		if !blankLine(doc, l) {
			return fmt.Sprintf("sits on line %d, its fix inserts at line %d, and line %d has text between", line+1, atLine+1, l+1)
		}
	}
	return ""
}

// TestMissingSectionAtInsertion checks, for every missing-section finding on
// the corpus, that the finding sits on the line where its fix inserts the
// skeleton (or the adjacent non-blank line), covers that line's text, and
// that parts inserted at different places sit on different lines.
func TestMissingSectionAtInsertion(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.md")
	if len(files) < 20 {
		t.Fatalf("corpus missing: %v", files)
	}
	seen := 0
	for _, f := range files {
		if b := filepath.Base(f); b == "README.md" || b == "LABELS.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.Parse(f, src)
		// Parts inserted at the same place (offsets with only white space
		// between them) share a line; parts inserted at different places do not.
		place := func(at int) string {
			return strings.TrimSpace(string(doc.Source[:at]))
		}
		lineOf := map[string]int{} // place → finding line
		atOf := map[int]string{}   // finding line → place
		for _, fd := range only(Lint(doc, Default()), "missing-section") {
			seen++
			if len(fd.Fixes) != 1 || len(fd.Fixes[0].Edits) != 1 {
				t.Errorf("%s: %s: want one fix with one edit, got %+v", filepath.Base(f), fd.Message, fd.Fixes)
				continue
			}
			at := fd.Fixes[0].Edits[0].Span.Start
			line := doc.Mapper.Line(fd.Span.Start)
			if testing.Verbose() {
				t.Logf("%s: line %d (insert at line %d): %s", filepath.Base(f), line+1, doc.Mapper.Line(at)+1, fd.Message)
			}
			if msg := checkMissingLine(doc, at, line); msg != "" {
				t.Errorf("%s: %q %s", filepath.Base(f), fd.Message, msg)
			}
			if fd.Span.Empty() || doc.Mapper.Line(fd.Span.End) != line {
				t.Errorf("%s: %q: span %v is empty or not one line", filepath.Base(f), fd.Message, fd.Span)
			}
			if fd.Span.Start != doc.Mapper.LineStart(line) || fd.Span.End != doc.Mapper.LineEnd(line) {
				t.Errorf("%s: %q: span %v does not cover line %d", filepath.Base(f), fd.Message, fd.Span, line+1)
			}
			if fm := doc.FrontMatter; fm != nil && fd.Span.Start < fm.Span.End {
				t.Errorf("%s: %q sits inside the front matter", filepath.Base(f), fd.Message)
			}
			p := place(at)
			if l, ok := lineOf[p]; ok && l != line {
				t.Errorf("%s: parts inserted at %d sit on lines %d and %d", filepath.Base(f), at, l+1, line+1)
			}
			if a, ok := atOf[line]; ok && a != p {
				t.Errorf("%s: parts inserted at different places share line %d (%q)", filepath.Base(f), line+1, fd.Message)
			}
			lineOf[p], atOf[line] = line, p
		}
	}
	if seen == 0 {
		t.Fatal("no missing-section finding on the corpus: the test checks nothing")
	}
}

// TestMissingSectionAnchorEdges checks documents where the insertion point
// is on a blank line, after front matter, or at the end of the file.
func TestMissingSectionAnchorEdges(t *testing.T) {
	cases := []struct {
		name, src string
		want      map[string]int // section → 1-based line
	}{
		{
			name: "front matter then a blank line",
			src:  "---\nprfaq: true\n---\n\nSEATTLE — March 3, 2027 — Acme today announced Ledger, which lets small shops send an invoice in one click.\n",
			want: map[string]int{"headline": 5},
		},
		{
			name: "trailing blank lines",
			src:  "# Acme Ledger lets shops send invoices in one click\n\nSEATTLE — March 3, 2027 — Acme today announced Ledger, which lets small shops send an invoice in one click.\n\n\n",
			want: map[string]int{"subheading": 1, "problem": 3, "faq": 3},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := document.Parse("test.prfaq.md", []byte(tc.src))
			got := map[string]int{}
			for _, fd := range only(Lint(doc, Default()), "missing-section") {
				sec, _ := fd.Data["section"].(string)
				got[sec] = doc.Mapper.Line(fd.Span.Start) + 1
				if fd.Span.Empty() {
					t.Errorf("%s: empty span", sec)
				}
			}
			keys := make([]string, 0, len(tc.want))
			for k := range tc.want {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if got[k] != tc.want[k] {
					t.Errorf("%s: line %d, want %d (all: %v)", k, got[k], tc.want[k], got)
				}
			}
		})
	}
}
