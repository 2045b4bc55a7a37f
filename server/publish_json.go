package server

import (
	"reflect"
	"slices"
	"strconv"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// appendPublish encodes a publishDiagnostics notification by hand, straight
// from the findings. With hundreds of findings, building a
// protocol.Diagnostic for each and encoding it with encoding/json's
// reflection (which then re-validates what a MarshalJSON returns) was a
// fifth of the server's time per keystroke. The output decodes to what
// encoding/json gives for the publishParams of toDiagnostic's diagnostics;
// a test and a fuzz target hold it to that.
func appendPublish(buf []byte, enc document.Encoding, cfg *diagnostics.Config, tails *encodedTails, uri string, version *int32, doc *document.Document, findings []diagnostics.Finding) []byte {
	buf = append(buf, `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":`...)
	buf = appendString(buf, uri)
	if version != nil {
		buf = append(buf, `,"version":`...)
		buf = strconv.AppendInt(buf, int64(*version), 10)
	}
	buf = append(buf, `,"diagnostics":`...)
	buf = appendDiagnostics(buf, enc, cfg, tails, doc, findings)
	return append(buf, "}}"...)
}

// appendDiagnostics writes the findings as a Diagnostic[]: what a publish
// carries and a pull report's items. tails, when not nil, is the
// document's: what it kept from the last encoding is reused, and it keeps
// this one's.
func appendDiagnostics(buf []byte, enc document.Encoding, cfg *diagnostics.Config, tails *encodedTails, doc *document.Document, findings []diagnostics.Finding) []byte {
	buf = append(buf, '[')
	hrefs := ruleHrefs{cfg: cfg}
	var reuse tailReuse
	if tails != nil {
		tails.mu.Lock()
		defer tails.mu.Unlock()
		if tails.cfg != cfg {
			tails.cfg, tails.last = cfg, nil
		}
		reuse = tailReuse{prev: tails.last, next: tails.spare[:0]}
	}
	for i := range findings {
		if i > 0 {
			buf = append(buf, ',')
		}
		f := &findings[i]
		buf = append(buf, `{"range":`...)
		buf = appendRange(buf, lspRange(enc, doc, f.Span))
		if tails == nil {
			buf = appendTail(buf, &hrefs, f)
			continue
		}
		k := tailKey{rule: f.Rule, message: f.Message, severity: f.Severity, data: reflect.ValueOf(f.Data).Pointer()}
		e, ok := reuse.find(k)
		if ok {
			buf = append(buf, e.tail...)
		} else {
			at := len(buf)
			buf = appendTail(buf, &hrefs, f)
			e = tailEntry{key: k, data: f.Data, tail: slices.Clone(buf[at:])}
		}
		reuse.next = append(reuse.next, e)
	}
	if tails != nil {
		// What this list did not use is dropped; the old list's array is
		// the next one's, emptied so that it holds on to nothing.
		clear(reuse.prev)
		tails.last, tails.spare = reuse.next, reuse.prev[:0]
	}
	return append(buf, ']')
}

// encodedTails keeps, for one open document, each finding's diagnostic as
// encoded after its range (severity, code, link, message, data) from one
// encoding to the next. Typing moves findings without changing them: the
// word rules give back an unchanged paragraph's findings as they were (the
// same message and data map, moved), so only their ranges are written
// again. Encoding the rest was three quarters of a publish at 40,000 words.
type encodedTails struct {
	mu    sync.Mutex
	cfg   *diagnostics.Config // the links depend on it
	last  []tailEntry         // the last list's, in its order
	spare []tailEntry         // an empty array for the next list
}

// tailKey is what a tail follows from. data is the finding's data map by
// identity; the entry holds the map, so its address is not reused for
// another while it is a key.
type tailKey struct {
	rule, message string
	severity      diagnostics.Severity
	data          uintptr
}

type tailEntry struct {
	key  tailKey
	data map[string]any
	tail []byte
}

// tailReuse finds the last list's tails for the next list. The findings
// come in the same order as last time, give or take the few the keystroke
// changed, so the next one's tail is nearly always the one after the tail
// found before, or a few further on. A map of the last list is built only
// after several findings were found neither way (a map per publish was 5 %
// of a keystroke at 40,000 words): a finding taken for new only has its
// tail encoded again.
type tailReuse struct {
	prev, next []tailEntry
	at         int // the entry of prev after the last one found
	misses     int
	index      map[tailKey]int
}

const (
	tailLookAhead = 8 // entries of prev looked at past at
	tailMisses    = 8 // findings not found so before the map is built
)

func (r *tailReuse) find(k tailKey) (tailEntry, bool) {
	for i := r.at; i < min(r.at+tailLookAhead, len(r.prev)); i++ {
		if p := r.prev[i].key; p == k {
			r.at = i + 1
			return r.prev[i], true
		} else if p.data != k.data && p.rule == k.rule && p.message == k.message && p.severity == k.severity {
			// the same finding with a data map made anew (the document's
			// own findings are made again by every lint): its tail is
			// encoded again, in step with the last list
			r.at = i + 1
			return tailEntry{}, false
		}
	}
	if len(r.prev) == 0 {
		return tailEntry{}, false
	}
	if r.index == nil {
		if r.misses++; r.misses <= tailMisses {
			return tailEntry{}, false
		}
		r.index = make(map[tailKey]int, len(r.prev))
		for i := len(r.prev) - 1; i >= 0; i-- {
			r.index[r.prev[i].key] = i // the first of equal keys
		}
	}
	i, ok := r.index[k]
	if !ok {
		return tailEntry{}, false
	}
	r.at = i + 1
	return r.prev[i], true
}

// ruleHrefs keeps each rule's codeDescription, encoded, for one list of
// findings: a few rules make hundreds of findings, and building and escaping
// the same link for each was a sixth of a publish.
type ruleHrefs struct {
	cfg     *diagnostics.Config
	rules   []string
	encoded [][]byte // `,"codeDescription":{"href":…}`, or empty
}

func (h *ruleHrefs) of(rule string) []byte {
	for i, r := range h.rules {
		if r == rule {
			return h.encoded[i]
		}
	}
	var e []byte
	if href := h.cfg.RuleHref(rule); href != "" {
		e = append(e, `,"codeDescription":{"href":`...)
		e = appendString(e, href)
		e = append(e, '}')
	}
	h.rules, h.encoded = append(h.rules, rule), append(h.encoded, e)
	return e
}

// appendTail writes what follows a diagnostic's range, to its end.
func appendTail(buf []byte, hrefs *ruleHrefs, f *diagnostics.Finding) []byte {
	if f.Severity != 0 {
		buf = append(buf, `,"severity":`...)
		buf = strconv.AppendInt(buf, int64(f.Severity), 10)
	}
	buf = append(buf, `,"code":`...) // omitempty keeps "": only nil is empty
	buf = appendString(buf, f.Rule)
	buf = append(buf, hrefs.of(f.Rule)...)
	buf = append(buf, `,"source":"prfaq","message":`...)
	buf = appendString(buf, f.Message)
	buf = append(buf, `,"data":`...)
	buf = appendData(buf, f.Rule, f.Data)
	return append(buf, '}')
}

func appendRange(buf []byte, r protocol.Range) []byte {
	buf = append(buf, `{"start":{"line":`...)
	buf = appendUint32(buf, r.Start.Line)
	buf = append(buf, `,"character":`...)
	buf = appendUint32(buf, r.Start.Character)
	buf = append(buf, `},"end":{"line":`...)
	buf = appendUint32(buf, r.End.Line)
	buf = append(buf, `,"character":`...)
	buf = appendUint32(buf, r.End.Character)
	return append(buf, "}}"...)
}

// appendUint32 is strconv.AppendUint for the numbers of a range: four of
// them for every finding of every publish, where strconv's general
// formatting was 3 % of a keystroke at 40,000 words.
func appendUint32(buf []byte, n uint32) []byte {
	if n < 10 {
		return append(buf, byte('0'+n))
	}
	var digits [10]byte
	i := len(digits)
	for n > 0 {
		i--
		digits[i] = byte('0' + n%10)
		n /= 10
	}
	return append(buf, digits[i:]...)
}

// appendData writes {"rule": rule} merged with a finding's data (its own
// "rule" wins, as in toDiagnostic).
func appendData(buf []byte, rule string, data map[string]any) []byte {
	return diagnostics.AppendJSONData(buf, data, true, rule, false)
}

// appendString writes s as a JSON string, as encoding/json does without HTML escaping.
func appendString(buf []byte, s string) []byte { return diagnostics.AppendJSONString(buf, s, false) }
