package diagnostics

import (
	"bytes"
	"sort"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "visuals",
		Severity: Information,
		Summary:  "The document shows no visuals: no image, no link to a mock-up, wireframe or user flow, no Visuals section.",
		Why: "A PR/FAQ is a press release, an FAQ and visuals: mock-ups, wireframes or a user flow that show what " +
			"the customer sees. Reviewers judge the experience faster from a sketch than from a paragraph, and drawing " +
			"it shows the team what it has not decided yet.",
		NotFlagged: "A document that has an image (Markdown or HTML), a link to an image or to a design tool (Figma, " +
			"Miro, Balsamiq…), a heading about visuals, or that mentions its mock-ups, wireframes, screenshots, " +
			"storyboards, diagrams or user flow anywhere: the visuals may live elsewhere. Images inside code blocks do " +
			"not count, but a diagram in a code block does (mermaid, PlantUML, Graphviz, or boxes drawn in line-drawing " +
			"characters). A document in another language is not read (the words are English).",
		Bad:    "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Acme today launched Ledger.\n",
		Good:   "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Acme today launched Ledger.\n\n## Visuals\n\n![The invoice screen](invoice.png)\n",
		FixDoc: "Adds a Visuals section at the end of the document, with a placeholder for the mock-ups to fill in.",
		check:  checkVisuals,
	})
}

var (
	// visualWords name visuals in prose, headings and labels ("**Visuals:**",
	// "see the wireframe"). "visual" alone describes more often than it
	// names ("a visual editor").
	visualWords = []string{"visuals", "mockup", "mockups", "mock-up", "mock-ups", "mock up", "mock ups", "wireframe",
		"wireframes", "screenshot", "screenshots", "screen shot", "screen shots", "storyboard", "storyboards", "user flow",
		"user flows", "diagram", "diagrams", "figma", "sketches", "prototype screens", "ui sketch"}
	// visualMarkup is Markdown and HTML that shows an image.
	visualMarkup = [][]byte{[]byte("!["), []byte("<img"), []byte("<svg"), []byte("<picture")}
	// visualTargets in a link's destination point at an image or a design tool.
	visualTargets = func() (out [][]byte) {
		for _, t := range []string{".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", "figma.com", "miro.com", "balsamiq",
			"whimsical.com", "invisionapp.com", "excalidraw", "lucid.app", "drawio", "draw.io"} {
			out = append(out, []byte(t))
		}
		return out
	}()
)

const visualsSkeleton = "\n## Visuals\n\n[Link or embed the mock-ups, wireframes or user flow: what the customer sees, step by step.]\n"

func checkVisuals(c *Context) {
	doc := c.Doc
	if doc.Parts[document.Headline] == nil && doc.Parts[document.Summary] == nil {
		return // not a press release yet: missing-section says so
	}
	if !documentEnglish(doc) || hasVisuals(c) {
		return
	}
	end, text := len(doc.Source), visualsSkeleton
	if end > 0 && doc.Source[end-1] != '\n' {
		text = "\n" + text
	}
	c.Report(Finding{
		Message: "No visuals: add the mock-ups, wireframes or user flow the customer sees (an image, a link or a Visuals section).",
		Span:    headlineOrTop(doc),
		Fixes:   []Fix{{Title: "Add a Visuals section", Edits: []Edit{{Span: spanAt(end), NewText: text}}}},
	})
}

// documentEnglish reports a document whose press release is English (or
// too short to tell), judged by its summary, else its headline.
func documentEnglish(doc *document.Document) bool {
	for _, k := range []document.PartKind{document.Summary, document.Headline} {
		if p := doc.Parts[k]; p != nil {
			if ps := doc.ProseOverlapping(p.Body); len(ps) > 0 {
				return ps[0].English()
			}
		}
	}
	return true
}

func hasVisuals(c *Context) bool {
	doc := c.Doc
	for _, h := range doc.Headings {
		if strings.Contains(h.Text, "isual") || strings.Contains(h.Text, "ISUAL") {
			return true // "## Visual design"
		}
	}
	for _, r := range c.rareStyle() {
		if r.kinds&kindVisual != 0 {
			return true
		}
	}
	src := doc.Source
	for _, b := range doc.Blocks {
		if b.Kind == document.Code && drawnInCode(fenceLine(doc, b), doc.Text(b.Span)) {
			return true
		}
	}
	for _, mark := range visualMarkup {
		if !doc.SourceContains(string(mark)) {
			continue
		}
		for from := 0; ; {
			i := bytes.Index(src[from:], mark)
			if i < 0 {
				break
			}
			if !inCodeBlock(doc, from+i) {
				return true
			}
			from += i + len(mark)
		}
	}
	// a link whose destination is an image or a design tool
	// ("[the design](https://figma.com/…)")
	if !doc.SourceContains("](") {
		return false
	}
	for from := 0; ; {
		i := bytes.Index(src[from:], []byte("]("))
		if i < 0 {
			return false
		}
		start := from + i + 2
		end := bytes.IndexAny(src[start:], ") \n")
		if end < 0 {
			return false
		}
		dest := src[start : start+end]
		if hasUpperASCII(dest) {
			dest = bytes.ToLower(dest)
		}
		for _, t := range visualTargets {
			if bytes.Contains(dest, t) && !inCodeBlock(doc, start) {
				return true
			}
		}
		from = start
	}
}

func hasUpperASCII(b []byte) bool {
	for _, c := range b {
		if c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// drawnInCode reports a code block that draws: a diagram language
// (mermaid, PlantUML, Graphviz) or a box drawn in line-drawing characters.
// A file tree ("├── main.go") is no drawing: it has no top corner.
func drawnInCode(fence, code string) bool {
	fence = strings.ToLower(fence)
	if strings.ContainsAny(fence, "`~") {
		for _, lang := range []string{"mermaid", "plantuml", "graphviz", "dot", "d2"} {
			if strings.Contains(fence, lang) {
				return true
			}
		}
	}
	return strings.ContainsAny(code, "┌╔╭")
}

// fenceLine is the line above a code block's content: its opening fence
// ("```mermaid"), or whatever stands there for an indented block.
func fenceLine(doc *document.Document, b *document.Block) string {
	l := doc.Mapper.Line(b.Span.Start)
	if l == 0 {
		return ""
	}
	return doc.Text(document.Span{Start: doc.Mapper.LineStart(l - 1), End: doc.Mapper.LineEnd(l - 1)})
}

// inCodeBlock reports an offset inside a fenced or indented code block of
// the top level.
func inCodeBlock(doc *document.Document, offset int) bool {
	k := sort.Search(len(doc.Blocks), func(k int) bool { return doc.Blocks[k].Span.End > offset })
	return k < len(doc.Blocks) && doc.Blocks[k].Span.Contains(offset) && doc.Blocks[k].Kind == document.Code
}
