package diagnostics

import (
	"regexp"
	"sort"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// wordList compiles phrases into one case-insensitive regexp that matches
// whole words only; longer phrases win over their prefixes.
func wordList(phrases ...string) *regexp.Regexp {
	sorted := append([]string(nil), phrases...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	quoted := make([]string, len(sorted))
	for i, p := range sorted {
		quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(p), `\ `, `\s+`)
		quoted[i] = strings.ReplaceAll(quoted[i], "'", `['’]`)
	}
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(quoted, "|") + `)\b`)
}

// match is one regexp match in prose.
type match struct {
	prose *document.Prose
	start int // index in prose.Text
	end   int
	text  string
}

// span is the match's source span.
func (m match) span() document.Span { return m.prose.SourceSpan(m.start, m.end) }

// matches runs re over every prose run that keep accepts, skipping matches
// that touch code spans or autolinks.
func matches(doc *document.Document, re *regexp.Regexp, keep func(p *document.Prose) bool) []match {
	var out []match
	for _, p := range doc.Prose {
		if keep != nil && !keep(p) {
			continue
		}
		for _, loc := range re.FindAllStringIndex(p.Text, -1) {
			if p.InCode(loc[0], loc[1]) {
				continue
			}
			out = append(out, match{prose: p, start: loc[0], end: loc[1], text: p.Text[loc[0]:loc[1]]})
		}
	}
	return out
}

// inPressRelease keeps prose of the press release.
func inPressRelease(doc *document.Document) func(p *document.Prose) bool {
	return func(p *document.Prose) bool { return doc.InPressRelease(p.Span.Start) }
}

// replaceFix is a fix that replaces span with text.
func replaceFix(title string, span document.Span, text string) Fix {
	return Fix{Title: title, Edits: []Edit{{Span: span, NewText: text}}}
}

// matchCase gives replacement the capitalisation of original's first letter.
func matchCase(original, replacement string) string {
	if original == "" || replacement == "" {
		return replacement
	}
	if r := original[0]; r >= 'A' && r <= 'Z' {
		return strings.ToUpper(replacement[:1]) + replacement[1:]
	}
	return replacement
}

// spanAt is the empty span at offset (an insertion point).
func spanAt(offset int) document.Span { return document.Span{Start: offset, End: offset} }

// spanOf is the span [start, end).
func spanOf(start, end int) document.Span { return document.Span{Start: start, End: end} }

// lineSpan is the span of the line holding offset, without its terminator.
func lineSpan(doc *document.Document, offset int) document.Span {
	l := doc.Mapper.Line(offset)
	return document.Span{Start: doc.Mapper.LineStart(l), End: doc.Mapper.LineEnd(l)}
}

// firstLine clips a span to the end of its first line.
func firstLine(doc *document.Document, s document.Span) document.Span {
	if end := doc.Mapper.LineEnd(doc.Mapper.Line(s.Start)); end < s.End {
		s.End = end
	}
	return s
}
