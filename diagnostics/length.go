package diagnostics

import (
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// WordCount counts prose words inside a span (code, HTML and front matter
// excluded). The code lens, `prfaq outline` and the length rules share it.
// Chinese and Japanese, written without spaces, count two Han characters
// or three kana a word (document.WordUnits), so a page budget means about
// the same in every language.
func WordCount(doc *document.Document, s document.Span) int {
	n := 0
	for _, p := range doc.ProseIn(s) {
		n += p.WordCount()
	}
	return n
}

// headlineOrTop is where whole-document findings are shown: the headline's
// line, or the first line after the front matter.
func headlineOrTop(doc *document.Document) document.Span {
	if h := doc.Parts[document.Headline]; h != nil {
		return lineSpan(doc, h.Span.Start)
	}
	if doc.FrontMatter != nil {
		return lineSpan(doc, doc.FrontMatter.Span.End)
	}
	return lineSpan(doc, 0)
}
