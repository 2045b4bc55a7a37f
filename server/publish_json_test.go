package server

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// decodeBoth encodes a publish by hand and with encoding/json (the
// notification of toDiagnostic's diagnostics) and decodes both to plain
// values. The encoding varies with the version, so that every one is
// held to the same shape.
func decodeBoth(t *testing.T, uri string, version *int32, doc *document.Document, findings []diagnostics.Finding) (got, want any) {
	t.Helper()
	enc := document.UTF16
	if version != nil {
		enc = document.Encoding(uint32(*version) % 3)
	}
	var cfg *diagnostics.Config // the default rule reference
	if version != nil && *version%2 == 1 {
		cfg = diagnostics.Default()
		cfg.RulesURL = "https://rules.example.com/{rule}.html?q=\"x\""
	}
	hand := appendPublish(nil, enc, cfg, nil, uri, version, doc, findings)
	if !json.Valid(hand) {
		t.Fatalf("hand-encoded publish is not valid JSON: %s", hand)
	}
	diags := []protocol.Diagnostic{}
	for _, f := range findings {
		diags = append(diags, toDiagnostic(enc, cfg, doc, f))
	}
	std, err := json.Marshal(notificationMsg{JSONRPC: "2.0", Method: "textDocument/publishDiagnostics",
		Params: publishParams{URI: protocol.DocumentURI(uri), Version: version, Diagnostics: diags}})
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

const trickyText = "quote \" backslash \\ newline \n tab \t cr \r bell \a nul \x00 html <a href='x'>&amp;</a> emoji 🚀 CJK 漢字 bad \xff\xfe utf8 \u2028 \u2029 end"

func TestPublishEncodingMatchesEncodingJSON(t *testing.T) {
	v, zero := int32(7), int32(0)
	src := []byte("# Title 🚀\r\n\r\nSome text with 漢字 and more.\nlast line")
	doc := document.Parse("x.prfaq.md", src)
	findings := []diagnostics.Finding{
		{Rule: "jargon", Severity: diagnostics.Warning, Message: trickyText, Span: document.Span{Start: 2, End: 9},
			Data: map[string]any{"word": trickyText, "owned": true, "words": 812, "reasons": []string{"a", "b"}, "ratio": 0.5}},
		{Rule: "", Message: "", Span: document.Span{Start: 20, End: 40}},
		{Rule: "x", Severity: diagnostics.Hint, Message: "its own rule key wins", Span: document.Span{Start: len(src), End: len(src) + 5},
			Data: map[string]any{"rule": "other", "a": nil}},
		{Rule: "missing-section", Severity: diagnostics.Error, Message: "m", Span: document.Span{Start: 0, End: 0}},
	}
	for _, tc := range []struct {
		uri      string
		version  *int32
		findings []diagnostics.Finding
	}{
		{"file:///a.prfaq.md", nil, nil},
		{"file:///a b/ü.prfaq.md", &zero, []diagnostics.Finding{}},
		{"untitled:" + trickyText, &v, findings},
	} {
		got, want := decodeBoth(t, tc.uri, tc.version, doc, tc.findings)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("hand-encoded publish differs from encoding/json:\n got: %v\nwant: %v", got, want)
		}
	}
}

// TestEncodedTailsReused: with a document's cache, a list encodes as it
// does without one, on the first encoding and on later ones where the
// findings moved (the same messages and data maps at other spans), some
// are new, one has new data, and the configuration (the rule links) changed.
func TestEncodedTailsReused(t *testing.T) {
	src := []byte("# Title 🚀\n\nSome text with 漢字 and more words.\nlast line of it\n")
	doc := document.Parse("x.prfaq.md", src)
	data := map[string]any{"word": "more", "n": 1}
	first := []diagnostics.Finding{
		{Rule: "weasel-word", Severity: diagnostics.Warning, Message: trickyText, Span: document.Span{Start: 3, End: 8}, Data: data},
		{Rule: "weasel-word", Severity: diagnostics.Warning, Message: "same message", Span: document.Span{Start: 20, End: 24}},
		{Rule: "hype", Severity: diagnostics.Hint, Message: "same message", Span: document.Span{Start: 30, End: 34}, Data: data},
	}
	moved := []diagnostics.Finding{first[2], first[0], first[1], first[0]}
	moved[0].Span = document.Span{Start: 31, End: 35}
	moved[1].Span = document.Span{Start: 40, End: 44}
	moved = append(moved, diagnostics.Finding{Rule: "jargon", Severity: diagnostics.Error, Message: "new", Span: document.Span{Start: 1, End: 2}})
	newData := moved[1]
	newData.Data = map[string]any{"word": "other"}
	moved = append(moved, newData)
	// more findings than are looked for in order, then all in reverse:
	// the look-up by map of the last list
	var many []diagnostics.Finding
	for i := range 3 * (tailLookAhead + tailMisses) {
		many = append(many, diagnostics.Finding{Rule: "hype", Severity: diagnostics.Hint, Message: fmt.Sprintf("finding %d", i), Span: document.Span{Start: i, End: i + 1}})
	}
	reversed := slices.Clone(many)
	slices.Reverse(reversed)
	linked := diagnostics.Default()
	linked.RulesURL = "https://rules.example.com/{rule}"
	tails := new(encodedTails)
	for i, step := range []struct {
		cfg      *diagnostics.Config
		findings []diagnostics.Finding
	}{{nil, first}, {nil, first}, {nil, moved}, {linked, moved}, {linked, first}, {nil, many}, {nil, reversed}, {nil, first}, {nil, nil}} {
		for _, enc := range []document.Encoding{document.UTF16, document.UTF8} {
			got := appendDiagnostics(nil, enc, step.cfg, tails, doc, step.findings)
			want := appendDiagnostics(nil, enc, step.cfg, nil, doc, step.findings)
			if string(got) != string(want) {
				t.Fatalf("step %d (%v): with the cache\n%s\nwithout\n%s", i, enc, got, want)
			}
		}
	}
	if len(tails.last) != 0 {
		t.Errorf("an empty list keeps %d tails, want none", len(tails.last))
	}

	// In reverse, only the first findings that are neither next nor a few
	// further on are encoded again; from then on the map finds the rest.
	tails = new(encodedTails)
	appendDiagnostics(nil, document.UTF16, nil, tails, doc, many)
	kept := map[string]*byte{}
	for _, e := range tails.last {
		kept[e.key.message] = &e.tail[0]
	}
	appendDiagnostics(nil, document.UTF16, nil, tails, doc, reversed)
	again := 0
	for _, e := range tails.last {
		if kept[e.key.message] != &e.tail[0] {
			again++
		}
	}
	if again != tailMisses {
		t.Errorf("%d of %d reversed findings encoded again, want %d", again, len(reversed), tailMisses)
	}
}

func FuzzPublishEncoding(f *testing.F) {
	f.Add("file:///a.md", "jargon", "msg \"x\" \xff", "word", "leverage", true, 3)
	f.Fuzz(func(t *testing.T, uri, rule, message, key, value string, flag bool, n int) {
		v := int32(n)
		src := []byte("# " + message + "\n\n" + value + "\n")
		doc := document.Parse("f.prfaq.md", src)
		findings := []diagnostics.Finding{{
			Rule: rule, Severity: diagnostics.Severity(1 + n&3), Message: message, Span: document.Span{Start: n & 31, End: n & 63},
			Data: map[string]any{key: value, "flag": flag, "n": n},
		}}
		got, want := decodeBoth(t, uri, &v, doc, findings)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("hand-encoded publish differs from encoding/json:\n got: %v\nwant: %v", got, want)
		}
	})
}

// appendUint32 writes what strconv does, at the powers of ten and their
// neighbours up to the largest uint32.
func TestAppendUint32(t *testing.T) {
	for _, n := range []uint32{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 65535, 99999, 100000, 1<<31 - 1, 1<<32 - 1} {
		if got, want := string(appendUint32([]byte("x"), n)), "x"+strconv.FormatUint(uint64(n), 10); got != want {
			t.Errorf("appendUint32(%d) = %q, want %q", n, got, want)
		}
	}
}
