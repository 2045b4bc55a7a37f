package document

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dump writes out everything the model holds, offsets included, so two
// models can be compared as text and a difference read as a diff.
func dump(d *Document) string {
	var b strings.Builder
	var block func(indent string, bl *Block)
	block = func(indent string, bl *Block) {
		fmt.Fprintf(&b, "%sblock kind=%d span=%v level=%d content=%v lead=%v %q emph=%v text=%q\n",
			indent, bl.Kind, bl.Span, bl.Level, bl.Content, bl.Lead, bl.LeadText, bl.Emphasized, bl.Text)
		if bl.Prose != nil {
			fmt.Fprintf(&b, "%s  prose %q\n", indent, bl.Prose.Text)
		}
		for _, it := range bl.Items {
			fmt.Fprintf(&b, "%s  item span=%v rest=%v\n", indent, it.Span, it.Rest)
			if it.First != nil {
				block(indent+"    ", it.First)
			}
		}
	}
	for _, bl := range d.Blocks {
		block("", bl)
	}
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "heading %v %d %q\n", h.Span, h.Level, h.Text)
	}
	for _, p := range d.Prose {
		fmt.Fprintf(&b, "prose span=%v heading=%v code=%v text=%q\n  offsets", p.Span, p.Heading, p.code, p.Text)
		for i := 0; i <= len(p.Text); i++ {
			fmt.Fprintf(&b, " %d", p.Offset(i))
		}
		b.WriteString("\n  words")
		for _, w := range p.Words() {
			fmt.Fprintf(&b, " %s@%d", w.Text, w.Start)
		}
		b.WriteString("\n")
	}
	for _, c := range d.Comments {
		fmt.Fprintf(&b, "comment %v %q\n", c.Span, c.Text)
	}
	for _, k := range AllParts {
		if p := d.Parts[k]; p != nil {
			h := Span{-1, -1}
			if p.Heading != nil {
				h = p.Heading.Span
			}
			fmt.Fprintf(&b, "part %s span=%v heading=%v body=%v label=%v dateline=%v text=%q\n", k, p.Span, h, p.Body, p.Label, p.Dateline, p.Text)
		}
	}
	fmt.Fprintf(&b, "press release %v faq %v\n", d.PressRelease, d.FAQSpan)
	for _, q := range d.Questions {
		fmt.Fprintf(&b, "question %+v\n", *q)
	}
	for _, q := range d.Quotes {
		fmt.Fprintf(&b, "quote %v %v %q %s\n", q.Block.Span, q.Attribution, q.Speaker, q.Kind)
	}
	if d.Title != nil {
		fmt.Fprintf(&b, "title %v\n", d.Title.Span)
	}
	return b.String()
}

// parseWhole is the oracle: one goldmark parse of the whole document.
func parseWhole(src []byte) *Document { return Parse("t.prfaq.md", src) }

// sameAsWhole fails when parsing src in sections gives another model than
// parsing it whole.
func sameAsWhole(t *testing.T, name string, src []byte, got *Document) {
	t.Helper()
	want := dump(parseWhole(src))
	if g := dump(got); g != want {
		t.Fatalf("%s: parsed in sections (cut at %v), the model differs from one parse of the whole:\n%s", name, sectionStarts(src), firstDifference(g, want))
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return "(none)"
}

// trickySources are the places where a cut would be wrong: headings inside
// fences and HTML blocks, fences that a list item or quote holds, link
// reference definitions, and line endings.
var trickySources = []string{
	"# A\n\ntext\n\n```\n# not a heading\n```\n\n# B\n\nmore\n",
	"# A\n\n~~~~\n# no\n~~~\n# still code\n~~~~\n# B\n",
	"# A\n\n```go\n# no\n",
	"# A\n- item\n\n  ```\n# heading: closes the item and the fence\n```\n# inside the fence opened above\n```\n# B\n",
	"# A\n> ```\n# heading\n```\n# code\n```\n",
	"# A\n\n<div>\n# html\n\n# B\n",
	"# A\n<!-- comment\n# in comment\n-->\n# B\n",
	"# A\n<!-->\n# B\n",
	"# A\n<script>\n\n# in script\n</SCRIPT>\n# B\n",
	"# A\n<pre/>\n\n# in pre\n</pre>\n# B\n",
	"# A\n<!DOCTYPE html\n\n# in doctype\n>\n# B\n",
	"# A\n<![CDATA[\n# cdata\n]]>\n# B\n",
	"# A\n<?php\n\n# php\n?>\n# B\n",
	"# A\npara\n<span>\n```\n\n# in fence\n```\n# B\n",
	"# A\n  <!--\n# B\n-->\n# C\n",
	"# A\n\n[ref]: https://example.com\n\n# B\n\nSee [ref].\n",
	"# A\r\n\r\ntext\r\n# B\r\nmore\r\n",
	"# A\rtext\r# B\r",
	"---\nprfaq: true\n# not a heading\n---\n# A\n\ntext\n# B\n",
	"#\tA\n# B\n#\n#######\n# C",
	"Title\n=====\n# A\npara\n# B\n- a\n- b\n# C\n| a | b |\n| - | - |\n| 1 | 2 |\n# D\n",
	"# A\n\n    # indented code\n# B\n\t# tab code\n# C\n",
	"# A\n``` `x`\n# B\n```\n# C\n",
	"# Q1?\n\nTBD\n\n# Q2?\n\n**Q: bold?**\n\nA.\n",
}

func corpusFiles(t testing.TB) []string {
	files, err := filepath.Glob("../diagnostics/testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	good, _ := filepath.Glob("../diagnostics/testdata/good/*.md")
	return append(files, good...)
}

func TestSectionsParseLikeTheWhole(t *testing.T) {
	for i, src := range trickySources {
		sameAsWhole(t, fmt.Sprintf("tricky %d", i), []byte(src), new(Parser).Parse("t.prfaq.md", []byte(src)))
	}
	cut := 0
	files := corpusFiles(t)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameAsWhole(t, f, src, new(Parser).Parse("t.prfaq.md", src))
		if len(sectionStarts(src)) > 0 {
			cut++
		}
	}
	// The comparison means something only if documents are cut.
	if cut < len(files)-2 {
		t.Errorf("only %d of %d corpus documents were cut into sections", cut, len(files))
	}
}

// TestSectionStarts pins where the scan cuts, and where it must not.
func TestSectionStarts(t *testing.T) {
	long := strings.Repeat("word ", 500)
	for _, tc := range []struct {
		src  string
		want []int
	}{
		{"# A\ntext\n## B\n", []int{9}},
		{"intro\n# A\n", []int{6}},
		{"# A\n```\n# x\n```\n# B\n", []int{16}},
		{"# A\n<div>\n# x\n\n# B\n", []int{15}},
		{"# A\n- a\n  ```\n# B\n", nil},              // a fence a list item may hold: stop
		{"# A\n[r]: /u\n# B\n", nil},                 // link definitions reach across sections
		{"# A\rB\r# C\r", nil},                       // lone carriage returns
		{"# A\n<span>\n```\n\n# B\n```\n# C\n", nil}, // an HTML block or a paragraph: stop at the fence
		// long runs without headings: cut before a paragraph after a blank
		// line, 2 KiB apart, never before a list item
		{long + "\n\nText\n\n- list\n\n**Q: x?**\n\n" + long + "\n\n1. one\n\n2024 was\n", []int{len(long) + 2, 2*len(long) + 37}},
		{"# A\n#\ttab\n#######\n# B", []int{len("# A\n#\ttab\n#######\n")}},
	} {
		if got := sectionStarts([]byte(tc.src)); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("sectionStarts(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestParserReusesSections types into corpus documents, deletes and pastes,
// and checks after every edit that the reusing parser gives the model a
// fresh parse gives, while parsing only a few sections.
func TestParserReusesSections(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	edits := 0
	for _, f := range corpusFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var p Parser
		p.Parse("t.prfaq.md", src)
		first := p.parsed
		for i := 0; i < 40; i++ {
			var what string
			src, what = randomEdit(rng, src)
			typing := strings.Trim(what, "axTBD. ") == ""
			before := p.parsed
			got := p.Parse("t.prfaq.md", src)
			sameAsWhole(t, fmt.Sprintf("%s after edit %d", f, i), src, got)
			// Typing changes one section (or joins two); structural
			// edits (a fence, a comment) may change all that follow.
			if n := p.parsed - before; n > 1 && typing {
				t.Errorf("%s: edit %d (%q) parsed %d sections, want 1", f, i, what, n)
			}
			edits++
		}
		if first > 1 && p.parsed-first >= 40*first {
			t.Errorf("%s: the parser re-parsed everything (%d sections for 40 edits of %d sections)", f, p.parsed-first, first)
		}
	}
	t.Logf("%d edits checked", edits)
}

// randomEdit types a character, deletes a run, or inserts a line that may
// open or close a section, a fence or a comment.
func randomEdit(rng *rand.Rand, src []byte) ([]byte, string) {
	at := 0
	if len(src) > 0 {
		at = rng.Intn(len(src) + 1)
	}
	var ins string
	del := 0
	switch rng.Intn(6) {
	case 0, 1:
		ins = string("ax #?\n"[rng.Intn(6)])
	case 2:
		del = rng.Intn(20)
	case 3:
		ins = []string{"\n# New heading\n", "\n```\n", "\n<!-- x\n", "\n-->\n", "\n<div>\n", "\n\n", "\n- item\n  ```\n"}[rng.Intn(7)]
	default:
		ins = "TBD. "
	}
	end := min(at+del, len(src))
	out := append([]byte{}, src[:at]...)
	out = append(out, ins...)
	return append(out, src[end:]...), ins
}
