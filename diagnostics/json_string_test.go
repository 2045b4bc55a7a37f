package diagnostics

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// AppendJSONString writes what encoding/json writes, with and without its
// HTML escaping.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "tab\tnew\nline\r", "\x00\x1f\b\f", "<b>&amp;</b>",
		"caf\u00e9 \u2028 \u2029 😀", "bad \xff\xfe utf-8", "漢字"} {
		for _, html := range []bool{false, true} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			if got := string(AppendJSONString(nil, s, html)); got+"\n" != want.String() {
				t.Errorf("AppendJSONString(%q, html=%v) = %s, want %s", s, html, got, want.String())
			}
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("a<b>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, html := range []bool{false, true} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			_ = enc.Encode(s)
			if got := string(AppendJSONString(nil, s, html)); got+"\n" != want.String() {
				t.Fatalf("AppendJSONString(%q, %v) = %s, want %s", s, html, got, want.String())
			}
		}
	})
}

// AppendJSONData writes what encoding/json writes for the data map, with
// the "rule" key merged in when asked (the data's own wins).
func TestAppendJSONDataMatchesEncodingJSON(t *testing.T) {
	for _, c := range []struct {
		data     map[string]any
		withRule bool
		rule     string
	}{
		{nil, false, ""},
		{nil, true, ""},
		{map[string]any{"acronym": "DSO", "n": 3, "ok": true, "reasons": []string{"a<b", "c"}}, true, "jargon"},
		{map[string]any{"rule": "own", "z": "<&>"}, true, "jargon"},
		{map[string]any{"word": "x"}, false, "jargon"},
	} {
		for _, html := range []bool{false, true} {
			m := map[string]any{}
			for k, v := range c.data {
				m[k] = v
			}
			if _, own := m["rule"]; c.withRule && !own {
				m["rule"] = c.rule
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(m); err != nil {
				t.Fatal(err)
			}
			got := string(AppendJSONData(nil, c.data, c.withRule, c.rule, html))
			// encoding/json's Marshal of a slice inside escapes HTML whatever
			// the encoder says: compare decoded values for those
			var g, w any
			if err := json.Unmarshal([]byte(got), &g); err != nil {
				t.Fatalf("AppendJSONData(%v) = %s: %v", c.data, got, err)
			}
			_ = json.Unmarshal(want.Bytes(), &w)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("AppendJSONData(%v, %v, %q, html=%v) = %s, want %s", c.data, c.withRule, c.rule, html, got, want.String())
			}
		}
	}
}
