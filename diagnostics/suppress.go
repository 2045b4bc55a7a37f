package diagnostics

import (
	"regexp"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Inline suppression comments:
//
//	<!-- prfaq-disable RULE… -->            from here on (no rule: all)
//	<!-- prfaq-enable RULE… -->             from here on
//	<!-- prfaq-disable-next-line RULE… -->  the next line that is not blank
var directiveRe = regexp.MustCompile(`^\s*prfaq-(disable-next-line|disable-line|disable|enable)\b([^>]*)$`)

type directive struct {
	offset int
	kind   string
	rules  []string // empty: all rules
	line   int      // for disable-next-line: the line it covers
}

func directives(doc *document.Document) []directive {
	var out []directive
	for _, c := range doc.Comments {
		m := directiveRe.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		d := directive{offset: c.Span.Start, kind: m[1], rules: strings.FieldsFunc(m[2], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })}
		switch d.kind {
		case "disable-next-line":
			d.line = nextContentLine(doc, doc.Mapper.Line(c.Span.End)+1)
		case "disable-line":
			d.line = doc.Mapper.Line(c.Span.Start)
		}
		out = append(out, d)
	}
	return out
}

func nextContentLine(doc *document.Document, line int) int {
	m := doc.Mapper
	for line < m.LineCount() && strings.TrimSpace(string(doc.Source[m.LineStart(line):m.LineEnd(line)])) == "" {
		line++
	}
	return line
}

func (d directive) names(rule string) bool {
	if len(d.rules) == 0 {
		return true
	}
	for _, r := range d.rules {
		if r == rule {
			return true
		}
	}
	return false
}

// suppress drops findings switched off by the inline comments ds (the
// document's directives, read once by lint).
func suppress(doc *document.Document, ds []directive, findings []Finding) []Finding {
	if len(ds) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, f := range findings {
		if !suppressed(doc, ds, f) {
			kept = append(kept, f)
		}
	}
	return kept
}

func suppressed(doc *document.Document, ds []directive, f Finding) bool {
	line := doc.Mapper.Line(f.Span.Start)
	off := false
	for _, d := range ds {
		switch d.kind {
		case "disable-next-line", "disable-line":
			if d.line == line && d.names(f.Rule) {
				return true
			}
		case "disable":
			if d.offset <= f.Span.Start && d.names(f.Rule) {
				off = true
			}
		case "enable":
			if d.offset <= f.Span.Start && d.names(f.Rule) {
				off = false
			}
		}
	}
	return off
}

// SuppressFix returns the edit that silences rule on the finding's line: a
// disable-next-line comment on its own line above, with the same indentation.
func SuppressFix(doc *document.Document, f Finding) Fix {
	m := doc.Mapper
	line := m.Line(f.Span.Start)
	start := m.LineStart(line)
	indent := 0
	for start+indent < len(doc.Source) && (doc.Source[start+indent] == ' ' || doc.Source[start+indent] == '\t') {
		indent++
	}
	nl := "\n"
	if end := m.LineEnd(line); end < len(doc.Source) && doc.Source[end] == '\r' {
		nl = "\r\n"
	}
	text := string(doc.Source[start:start+indent]) + "<!-- prfaq-disable-next-line " + f.Rule + " -->" + nl
	return Fix{Title: "Disable " + f.Rule + " for this line", Edits: []Edit{{Span: document.Span{Start: start, End: start}, NewText: text}}}
}
