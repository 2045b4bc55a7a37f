package document

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	goldtext "github.com/yuin/goldmark/text"
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
		fmt.Fprintf(&b, "prose span=%v heading=%v code=%v text=%q\n  offsets", p.Span, p.Heading, p.code(), p.Text)
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
func parseWhole(src []byte) *Document { return parse("t.prfaq.md", src, nil, false) }

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
	// a label may span lines, escape a bracket, sit in a quote or a list
	"# A\n\n[foo\nbar]: /url\n\n# B\n\nSee [foo bar].\n",
	"# A\n\n[a\\]b\nc]: /url\n\n# B\n\nSee [a\\]b c].\n",
	"# A\n\n> - [foo]: /url\n\n# B\n\nSee [foo].\n",
	"# A\n\n**About [Company]:** us\n\n# B\n\nSee [Company].\n",
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
	for _, f := range corpusFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameAsWhole(t, f, src, new(Parser).Parse("t.prfaq.md", src))
		// The comparison means something only if documents are cut: each
		// one is, but for those sectionStarts deliberately leaves whole.
		if len(sectionStarts(src)) == 0 && !hasLoneCR(src) && !hasLinkDefinition(src) {
			t.Errorf("%s: not cut into sections, yet it has no link reference definition and no lone carriage return", f)
		}
	}
}

// hasLinkDefinition asks goldmark whether src defines a link reference.
func hasLinkDefinition(src []byte) bool {
	ctx := parser.NewContext()
	markdown.Parser().Parse(goldtext.NewReader(src), parser.WithContext(ctx))
	return len(ctx.References()) > 0
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
		{"# A\n> 1. [r]: /u\n# B\n", nil},            // … in a quote or a list too
		{"# A\n[r\nx]: /u\n# B\n", nil},              // … with a label over two lines
		{"# A\n[r\\]\nx]: /u\n# B\n", nil},           // … and an escaped bracket
		{"# A\n**About [X]:**\n# B\n", []int{19}},    // not a definition
		{"# A\n[X] [Y]: z\n# B\n", []int{15}},        // nor this
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
			old := src
			what, at, end := "", 0, 0
			src, what, at, end = randomEdit(rng, src)
			// Typing on a line that opens or closes a fence or an HTML
			// block, or deleting one, is a structural edit.
			typing := strings.Trim(what, "axTBD. ") == "" && !onMarkerLine(old, at, end)
			before := p.parsed
			got := p.Parse("t.prfaq.md", src)
			sameAsWhole(t, fmt.Sprintf("%s after edit %d", f, i), src, got)
			sameMapper(t, fmt.Sprintf("%s after edit %d", f, i), got.Mapper, src)
			for k := 1; k < len(p.starts); k++ {
				if p.starts[k] <= p.starts[k-1] || p.starts[k] >= len(src) {
					t.Fatalf("%s after edit %d: cuts %v out of order or past the end (%d bytes)", f, i, p.starts, len(src))
				}
			}
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

// sameMapper checks a Mapper a Parser carried over from the last version
// against indexing src afresh: the same line starts, and every line whose
// ASCII-ness it kept kept the right one. Then it looks at every line, so
// that the next version has all of them to carry.
func sameMapper(t *testing.T, name string, m *Mapper, src []byte) {
	t.Helper()
	want := NewMapper(src)
	if !slices.Equal(m.lineStarts, want.lineStarts) {
		t.Fatalf("%s: line starts %v, indexing afresh gives %v", name, m.lineStarts, want.lineStarts)
	}
	for line := range m.lineStarts {
		if st := m.asciiState(line); st != 0 && (st == 1) != want.lineASCII(line) {
			t.Fatalf("%s: line %d kept as ASCII=%v, wrongly", name, line, st == 1)
		}
	}
	for line := range m.lineStarts {
		m.lineASCII(line) // known now, for the next version to carry
	}
}

// randomEdit types a character, deletes a run, or inserts a line that may
// open or close a section, a fence or a comment.
func randomEdit(rng *rand.Rand, src []byte) (out []byte, ins string, at, end int) {
	if len(src) > 0 {
		at = rng.Intn(len(src) + 1)
	}
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
	end = min(at+del, len(src))
	out = append([]byte{}, src[:at]...)
	out = append(out, ins...)
	return append(out, src[end:]...), ins, at, end
}

// onMarkerLine reports whether the lines of src that [at, end] touches
// hold what may open or close a fence or an HTML block: a line that
// begins, after up to three spaces, with "`", "~" or "<", or that holds
// an HTML block's end marker.
func onMarkerLine(src []byte, at, end int) bool {
	from := strings.LastIndexByte(string(src[:at]), '\n') + 1
	to := len(src)
	if i := strings.IndexByte(string(src[end:]), '\n'); i >= 0 {
		to = end + i
	}
	for _, line := range strings.Split(string(src[from:to]), "\n") {
		rest := strings.TrimLeft(line, " ")
		if len(line)-len(rest) <= 3 && rest != "" && strings.IndexByte("`~<", rest[0]) >= 0 {
			return true
		}
		for _, m := range []string{"-->", "?>", "]]>", "</"} {
			if strings.Contains(line, m) {
				return true
			}
		}
	}
	return false
}

// TestParserKeepsSizeCuts: typing that lengthens a paragraph in a long run
// without headings moves no cut made for size (measured from the last cut
// alone, the next would move a paragraph earlier, and every one after it).
func TestParserKeepsSizeCuts(t *testing.T) {
	// The third paragraph starts 2 bytes short of 2 KiB: typing 10 bytes
	// before it makes it the first that may be cut.
	para := strings.Repeat("word ", 202) + "an end.\n\n" // 1,019 bytes
	src := []byte("# Long\n\n" + strings.Repeat(para, 12))
	var p Parser
	p.Parse("t.prfaq.md", src)
	at := len("# Long\n\n") + 10
	for i := 0; i < 5; i++ {
		src = append(src[:at:at], append([]byte("TBD. TBD. "), src[at:]...)...)
		before := p.parsed
		sameAsWhole(t, fmt.Sprintf("edit %d", i), src, p.Parse("t.prfaq.md", src))
		if n := p.parsed - before; n != 1 {
			t.Errorf("edit %d: parsed %d sections, want 1 (cut at %v)", i, n, p.starts)
		}
	}
	if n := len(sectionStarts(src)); n < 3 {
		t.Errorf("cut in %d sections, want a cut every few paragraphs", n+1)
	}
}

// commonPrefix and commonSuffix agree with a byte-by-byte count, across
// the 4,096- and 64-byte blocks they compare at once.
func TestCommonPrefixSuffix(t *testing.T) {
	base := bytes.Repeat([]byte("abcdefghij"), 1000)
	for _, at := range []int{0, 1, 63, 64, 65, 127, 128, 200, 299, 4095, 4096, 4097, 4160, 5000, 5904, 5905, 9999} {
		b := append([]byte{}, base...)
		b[at] = 'X'
		naivePre, naiveSuf := 0, 0
		for naivePre < len(b) && base[naivePre] == b[naivePre] {
			naivePre++
		}
		for naiveSuf < len(b) && base[len(base)-1-naiveSuf] == b[len(b)-1-naiveSuf] {
			naiveSuf++
		}
		if got := commonPrefix(base, b); got != naivePre {
			t.Errorf("change at %d: commonPrefix %d, want %d", at, got, naivePre)
		}
		if got := commonSuffix(base, b); got != naiveSuf {
			t.Errorf("change at %d: commonSuffix %d, want %d", at, got, naiveSuf)
		}
	}
	if commonPrefix(base, base[:100]) != 100 || commonSuffix(base, base[200:]) != 9800 || commonPrefix(base, base[:8200]) != 8200 {
		t.Error("a text and its own prefix or suffix share all of the shorter")
	}
}

// TestParseLargeInSections: a document too large for one goldmark parse is
// parsed in sections, and the model is the one a parse of the whole gives.
func TestParseLargeInSections(t *testing.T) {
	files, err := filepath.Glob("../diagnostics/testdata/corpus/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var src []byte
	for len(src) <= wholeParseLimit {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(sectionStarts(b)) > 0 { // no link reference definitions
				src = append(src, b...)
				src = append(src, "\n\n"...)
			}
		}
		for _, s := range trickySources {
			if len(sectionStarts([]byte(s))) > 0 {
				src = append(src, s...)
				src = append(src, "\n\n"...)
			}
		}
	}
	if n := len(coarsen(cutSections(src, nil), oneShotSectionBytes)); n < 2 {
		t.Fatalf("%d sections: the test does not cut", n+1)
	}
	sameAsWhole(t, "large", src, Parse("t.prfaq.md", src))
}

func TestCoarsen(t *testing.T) {
	got := fmt.Sprint(coarsen([]int{10, 50, 120, 130, 260, 400}, 100))
	if want := "[120 260 400]"; got != want {
		t.Fatalf("coarsen = %s, want %s", got, want)
	}
}

// TestParserKeepsMemosBesideAnEdit: typing in one paragraph re-parses its
// section, but the paragraphs beside it that read the same keep what was
// computed from them; a paragraph that reads the same but comes from other
// markup does not.
func TestParserKeepsMemosBesideAnEdit(t *testing.T) {
	type key struct{}
	computed := 0
	memo := func(p *Prose) { p.Memo(key{}, func() any { computed++; return nil }) }
	var p Parser
	v1 := "# Title\n\nFirst paragraph stays.\n\nSecond paragraph is typed in.\n\nThird *stays* too.\n"
	d := p.Parse("t.md", []byte(v1))
	for _, pr := range d.Prose {
		memo(pr)
	}
	if computed != 4 {
		t.Fatalf("first version: computed %d, want 4", computed)
	}
	v2 := strings.Replace(v1, "typed in", "typed into", 1)
	v2 = strings.Replace(v2, "*stays*", "_stays_", 1) // same text, other markup
	computed = 0
	for _, pr := range p.Parse("t.md", []byte(v2)).Prose {
		memo(pr)
	}
	// the title and the first paragraph keep theirs; the typed one and
	// the one whose markup changed compute again
	if computed != 2 {
		t.Errorf("after typing: computed %d, want 2", computed)
	}
}
