package diagnostics

import (
	"bytes"
	"encoding/json"
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
