package engine

import (
	"strconv"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// AppendJSON encodes r by hand, as encoding/json would (a test holds it to
// that). Compiled to WebAssembly, encoding/json's reflection took three
// times as long as the check itself on a 4,000-word PR/FAQ; the page
// encodes a Result on every keystroke.
func AppendJSON(buf []byte, r *Result) []byte {
	buf = append(buf, `{"prfaq":`...)
	buf = strconv.AppendBool(buf, r.PRFAQ)
	buf = append(buf, `,"findings":[`...)
	for i := range r.Findings {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendFinding(buf, &r.Findings[i])
	}
	buf = append(buf, `],"configErrors":`...)
	buf = appendStrings(buf, r.ConfigErrors)
	return append(buf, '}')
}

func appendFinding(buf []byte, f *Finding) []byte {
	buf = append(buf, `{"rule":`...)
	buf = appendString(buf, f.Rule)
	buf = append(buf, `,"severity":`...)
	buf = appendString(buf, f.Severity)
	buf = append(buf, `,"message":`...)
	buf = appendString(buf, f.Message)
	buf = append(buf, `,"range":`...)
	buf = appendRange(buf, f.Range)
	buf = append(buf, `,"span":`...)
	buf = appendSpan(buf, f.Span)
	if len(f.Data) > 0 {
		buf = append(buf, `,"data":`...)
		buf = appendData(buf, f.Data)
	}
	buf = append(buf, `,"fixes":[`...)
	for i, fx := range f.Fixes {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"title":`...)
		buf = appendString(buf, fx.Title)
		buf = append(buf, `,"edits":[`...)
		for j, e := range fx.Edits {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, `{"range":`...)
			buf = appendRange(buf, e.Range)
			buf = append(buf, `,"span":`...)
			buf = appendSpan(buf, e.Span)
			buf = append(buf, `,"newText":`...)
			buf = appendString(buf, e.NewText)
			buf = append(buf, '}')
		}
		buf = append(buf, "]}"...)
	}
	return append(buf, "]}"...)
}

// AppendOutlineJSON encodes o as encoding/json would.
func AppendOutlineJSON(buf []byte, o *diagnostics.Outline) []byte {
	buf = append(buf, `{"path":`...)
	buf = appendString(buf, o.Path)
	buf = append(buf, `,"prfaq":`...)
	buf = strconv.AppendBool(buf, o.PRFAQ)
	buf = append(buf, `,"parts":[`...)
	for i, p := range o.Parts {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"part":`...)
		buf = appendString(buf, string(p.Part))
		buf = append(buf, `,"lines":[`...)
		buf = strconv.AppendInt(buf, int64(p.Lines[0]), 10)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(p.Lines[1]), 10)
		buf = append(buf, `],"how":`...)
		buf = appendString(buf, string(p.How))
		if p.Why != "" {
			buf = append(buf, `,"why":`...)
			buf = appendString(buf, p.Why)
		}
		buf = append(buf, `,"text":`...)
		buf = appendString(buf, p.Text)
		buf = append(buf, '}')
	}
	buf = append(buf, `],"questions":[`...)
	for i, q := range o.Questions {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"line":`...)
		buf = strconv.AppendInt(buf, int64(q.Line), 10)
		buf = append(buf, `,"group":`...)
		buf = appendString(buf, string(q.Group))
		buf = append(buf, `,"status":`...)
		buf = appendString(buf, q.Status)
		buf = append(buf, `,"text":`...)
		buf = appendString(buf, q.Text)
		buf = append(buf, '}')
	}
	return append(buf, "]}"...)
}

func appendStrings(buf []byte, list []string) []byte {
	if list == nil {
		return append(buf, "null"...)
	}
	buf = append(buf, '[')
	for i, s := range list {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, s)
	}
	return append(buf, ']')
}

func appendRange(buf []byte, r document.Range) []byte {
	buf = append(buf, `{"start":{"line":`...)
	buf = strconv.AppendInt(buf, int64(r.Start.Line), 10)
	buf = append(buf, `,"character":`...)
	buf = strconv.AppendInt(buf, int64(r.Start.Character), 10)
	buf = append(buf, `},"end":{"line":`...)
	buf = strconv.AppendInt(buf, int64(r.End.Line), 10)
	buf = append(buf, `,"character":`...)
	buf = strconv.AppendInt(buf, int64(r.End.Character), 10)
	return append(buf, "}}"...)
}

func appendSpan(buf []byte, s document.Span) []byte {
	buf = append(buf, `{"start":`...)
	buf = strconv.AppendInt(buf, int64(s.Start), 10)
	buf = append(buf, `,"end":`...)
	buf = strconv.AppendInt(buf, int64(s.End), 10)
	return append(buf, '}')
}

// appendData writes a finding's data (diagnostics.AppendJSONData).
func appendData(buf []byte, data map[string]any) []byte {
	return diagnostics.AppendJSONData(buf, data, false, "", true)
}

// appendString writes s as a JSON string, as encoding/json does, HTML escaping included.
func appendString(buf []byte, s string) []byte { return diagnostics.AppendJSONString(buf, s, true) }

// AppendUnderlinesJSON encodes u compactly, each finding an array
// [rule, severity, message, startLine, startCharacter, endLine,
// endCharacter]: the page parses it on every keystroke. With omitMoved, a
// moved u is "moved":true without the findings, which the page shows
// already (most keystrokes: about 14 kB not written, sent and parsed).
func AppendUnderlinesJSON(buf []byte, u *Underlines, omitMoved bool) []byte {
	buf = append(buf, `{"prfaq":`...)
	buf = strconv.AppendBool(buf, u.PRFAQ)
	buf = append(buf, `,"length":`...)
	buf = strconv.AppendInt(buf, int64(u.Length), 10)
	if u.Moved {
		buf = append(buf, `,"moved":true`...)
	}
	if !u.Moved || !omitMoved {
		buf = appendUnderlines(buf, u.Findings)
	}
	buf = append(buf, `,"configErrors":`...)
	buf = appendStrings(buf, u.ConfigErrors)
	return append(buf, '}')
}

func appendUnderlines(buf []byte, findings []Underline) []byte {
	buf = append(buf, `,"findings":[`...)
	for i, f := range findings {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		buf = appendString(buf, f.Rule)
		buf = append(buf, ',')
		buf = appendString(buf, f.Severity)
		buf = append(buf, ',')
		buf = appendString(buf, f.Message)
		for _, n := range [...]int{f.Range.Start.Line, f.Range.Start.Character, f.Range.End.Line, f.Range.End.Character} {
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(n), 10)
		}
		buf = append(buf, ']')
	}
	return append(buf, ']')
}
