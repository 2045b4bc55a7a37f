package server

import (
	"encoding/json"
	"reflect"
	"testing"

	"go.lsp.dev/protocol"
)

// decodeBoth encodes p by hand and with encoding/json (as the notification
// it is) and decodes both to plain values.
func decodeBoth(t *testing.T, p publishParams) (got, want any) {
	t.Helper()
	hand := appendPublish(nil, p)
	if !json.Valid(hand) {
		t.Fatalf("hand-encoded publish is not valid JSON: %s", hand)
	}
	std, err := json.Marshal(notificationMsg{JSONRPC: "2.0", Method: "textDocument/publishDiagnostics", Params: p})
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(hand, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(std, &want); err != nil {
		t.Fatal(err)
	}
	return got, want
}

func TestPublishEncodingMatchesEncodingJSON(t *testing.T) {
	v := int32(7)
	zero := int32(0)
	tricky := "quote \" backslash \\ newline \n tab \t cr \r bell \a nul \x00 html <a href='x'>&amp;</a> emoji 🚀 CJK 漢字 bad \xff\xfe utf8 \u2028 \u2029 end"
	rng := protocol.Range{Start: protocol.Position{Line: 3, Character: 4}, End: protocol.Position{Line: 4294967295, Character: 0}}
	for _, p := range []publishParams{
		{URI: "file:///a.prfaq.md", Diagnostics: []protocol.Diagnostic{}},
		{URI: "file:///a b/ü.prfaq.md", Version: &zero, Diagnostics: []protocol.Diagnostic{}},
		{URI: protocol.DocumentURI("untitled:" + tricky), Version: &v, Diagnostics: []protocol.Diagnostic{
			{Range: rng, Severity: protocol.DiagnosticSeverityWarning, Code: "jargon", Source: "prfaq", Message: tricky,
				Data: map[string]any{"rule": "jargon", "word": tricky, "owned": true, "words": 812, "reasons": []string{"a", "b"}, "ratio": 0.5}},
			{Range: rng, Message: "", Code: ""},
			{Range: rng, Code: 42, Message: "a number code goes through encoding/json"},
			{Range: rng, Code: "x", Tags: []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary}, Message: "tags too"},
			{Range: rng, Code: "x", Data: []int{1, 2}, Message: "data that is no map"},
		}},
	} {
		got, want := decodeBoth(t, p)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("hand-encoded publish differs from encoding/json:\n got: %v\nwant: %v", got, want)
		}
	}
}

func FuzzPublishEncoding(f *testing.F) {
	f.Add("file:///a.md", "jargon", "msg \"x\" \xff", "word", "leverage", true, 3)
	f.Fuzz(func(t *testing.T, uri, code, message, key, value string, flag bool, n int) {
		v := int32(n)
		p := publishParams{URI: protocol.DocumentURI(uri), Version: &v, Diagnostics: []protocol.Diagnostic{{
			Severity: protocol.DiagnosticSeverityHint, Code: code, Source: "prfaq", Message: message,
			Data: map[string]any{key: value, "rule": code, "flag": flag, "n": n},
		}}}
		got, want := decodeBoth(t, p)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("hand-encoded publish differs from encoding/json:\n got: %v\nwant: %v", got, want)
		}
	})
}
