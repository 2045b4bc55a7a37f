package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// appendPublish encodes a publishDiagnostics notification by hand. With
// hundreds of findings, encoding/json's reflection over each Diagnostic
// (and its re-validation of what a MarshalJSON returns) was a fifth of the
// server's time per keystroke. The output decodes to what encoding/json
// gives for publishParams; a test and a fuzz target hold it to that.
func appendPublish(buf []byte, p publishParams) []byte {
	buf = append(buf, `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":`...)
	buf = appendString(buf, string(p.URI))
	if p.Version != nil {
		buf = append(buf, `,"version":`...)
		buf = strconv.AppendInt(buf, int64(*p.Version), 10)
	}
	buf = append(buf, `,"diagnostics":[`...)
	for i := range p.Diagnostics {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendDiagnostic(buf, &p.Diagnostics[i])
	}
	return append(buf, "]}}"...)
}

// appendDiagnostic writes the fields toDiagnostic sets; a diagnostic with
// any other field set, or a value of another type, goes through
// encoding/json.
func appendDiagnostic(buf []byte, d *protocol.Diagnostic) []byte {
	code, isString := d.Code.(string)
	if !isString || d.CodeDescription != nil || d.Tags != nil || d.RelatedInformation != nil {
		return appendMarshal(buf, d)
	}
	data, isMap := d.Data.(map[string]any)
	if d.Data != nil && !isMap {
		return appendMarshal(buf, d)
	}
	buf = append(buf, `{"range":`...)
	buf = appendRange(buf, d.Range)
	if d.Severity != 0 {
		buf = append(buf, `,"severity":`...)
		buf = strconv.AppendInt(buf, int64(d.Severity), 10)
	}
	buf = append(buf, `,"code":`...) // omitempty keeps "": only nil is empty
	buf = appendString(buf, code)
	if d.Source != "" {
		buf = append(buf, `,"source":`...)
		buf = appendString(buf, d.Source)
	}
	buf = append(buf, `,"message":`...)
	buf = appendString(buf, d.Message)
	if isMap {
		buf = append(buf, `,"data":`...)
		buf = appendData(buf, data)
	}
	return append(buf, '}')
}

func appendRange(buf []byte, r protocol.Range) []byte {
	buf = append(buf, `{"start":{"line":`...)
	buf = strconv.AppendUint(buf, uint64(r.Start.Line), 10)
	buf = append(buf, `,"character":`...)
	buf = strconv.AppendUint(buf, uint64(r.Start.Character), 10)
	buf = append(buf, `},"end":{"line":`...)
	buf = strconv.AppendUint(buf, uint64(r.End.Line), 10)
	buf = append(buf, `,"character":`...)
	buf = strconv.AppendUint(buf, uint64(r.End.Character), 10)
	return append(buf, "}}"...)
}

// appendData writes a finding's data with its keys sorted, as encoding/json
// writes a map.
func appendData(buf []byte, data map[string]any) []byte {
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	buf = append(buf, '{')
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, k)
		buf = append(buf, ':')
		switch v := data[k].(type) {
		case string:
			buf = appendString(buf, v)
		case bool:
			buf = strconv.AppendBool(buf, v)
		case int:
			buf = strconv.AppendInt(buf, int64(v), 10)
		default:
			buf = appendMarshal(buf, v)
		}
	}
	return append(buf, '}')
}

func appendMarshal(buf []byte, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return append(buf, "null"...)
	}
	return append(buf, b...)
}

// appendString writes s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 as U+FFFD, and U+2028 and U+2029
// escaped as encoding/json does (some JavaScript parsers reject them raw).
func appendString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
