package document

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// FrontMatter is a YAML block between "---" lines at the top of a document.
type FrontMatter struct {
	Span Span
	// Values are the parsed keys; nil when the YAML is invalid.
	Values map[string]any
	// Err describes invalid YAML; the document is still parsed.
	Err error
}

// Bool reads a boolean key ("prfaq: true").
func (f *FrontMatter) Bool(key string) (value, ok bool) {
	if f == nil {
		return false, false
	}
	v, ok := f.Values[key].(bool)
	return v, ok
}

// String reads a string key ("title: …").
func (f *FrontMatter) String(key string) string {
	if f == nil {
		return ""
	}
	s, _ := f.Values[key].(string)
	return s
}

// splitFrontMatter finds and reads a front matter block: "---" on the first
// line (after an optional BOM), closed by "---" or "..." on a line of its own.
func splitFrontMatter(src []byte) *FrontMatter {
	span, body, ok := findFrontMatter(src)
	if !ok {
		return nil
	}
	return readFrontMatter(span, src[body.Start:body.End])
}

func findFrontMatter(src []byte) (span, body Span, ok bool) {
	start := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	first, next := lineAt(src, start)
	if string(bytes.TrimRight(first, " \t")) != "---" {
		return Span{}, Span{}, false
	}
	for pos := next; pos < len(src); {
		line, after := lineAt(src, pos)
		if t := string(bytes.TrimRight(line, " \t")); t == "---" || t == "..." {
			return Span{0, after}, Span{next, pos}, true
		}
		pos = after
	}
	return Span{}, Span{}, false // unclosed: not front matter, "---" is a thematic break
}

func readFrontMatter(span Span, yamlText []byte) *FrontMatter {
	fm := &FrontMatter{Span: span}
	var values map[string]any
	if err := yaml.Unmarshal(yamlText, &values); err != nil {
		fm.Err = fmt.Errorf("front matter: %v", err)
	} else {
		fm.Values = values
	}
	return fm
}

// lineAt returns the line starting at pos without its terminator, and the
// offset of the next line.
func lineAt(src []byte, pos int) (line []byte, next int) {
	end := pos
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	next = end
	if next < len(src) && src[next] == '\r' {
		next++
	}
	if next < len(src) && src[next] == '\n' && (next == end || src[next-1] == '\r') {
		next++
	}
	return src[pos:end], next
}

// blankOut returns a copy of src with the span's bytes replaced by spaces,
// line breaks kept, so that goldmark sees blank lines and offsets stay exact.
func blankOut(src []byte, s Span) []byte {
	out := make([]byte, len(src))
	copy(out, src)
	for i := s.Start; i < s.End; i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}
