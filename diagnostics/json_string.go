package diagnostics

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// AppendJSONString appends s as a JSON string, byte for byte as
// encoding/json writes it: quotes, backslashes and control characters
// escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped (some
// JavaScript parsers reject them raw), and with escapeHTML <, > and & as \u
// escapes too. The server and the browser's engine write findings by hand on
// their hot paths (a keystroke's answer), and both use this.
func AppendJSONString(buf []byte, s string, escapeHTML bool) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!escapeHTML || c != '<' && c != '>' && c != '&') {
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
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// AppendJSONData appends a finding's data as a JSON object, keys sorted as
// encoding/json sorts a map's; values other than text, booleans and
// integers (rare) go through encoding/json. With withRule, a "rule" key
// with rule as its value is added unless the data has its own (the server's
// diagnostics carry it; the browser's findings do not).
func AppendJSONData(buf []byte, data map[string]any, withRule bool, rule string, escapeHTML bool) []byte {
	var room [8]string // a finding's data has a key or two: no allocation
	keys := room[:0]
	if _, ok := data["rule"]; withRule && !ok {
		keys = append(keys, "rule")
	}
	for k := range data {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	buf = append(buf, '{')
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = AppendJSONString(buf, k, escapeHTML)
		buf = append(buf, ':')
		v, ok := data[k]
		if !ok {
			v = rule
		}
		switch v := v.(type) {
		case string:
			buf = AppendJSONString(buf, v, escapeHTML)
		case bool:
			buf = strconv.AppendBool(buf, v)
		case int:
			buf = strconv.AppendInt(buf, int64(v), 10)
		default:
			b, err := json.Marshal(v)
			if err != nil {
				b = []byte("null")
			}
			buf = append(buf, b...)
		}
	}
	return append(buf, '}')
}
