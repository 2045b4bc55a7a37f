package server

import (
	"strconv"

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
func appendPublish(buf []byte, enc document.Encoding, cfg *diagnostics.Config, uri string, version *int32, doc *document.Document, findings []diagnostics.Finding) []byte {
	buf = append(buf, `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":`...)
	buf = appendString(buf, uri)
	if version != nil {
		buf = append(buf, `,"version":`...)
		buf = strconv.AppendInt(buf, int64(*version), 10)
	}
	buf = append(buf, `,"diagnostics":`...)
	buf = appendDiagnostics(buf, enc, cfg, doc, findings)
	return append(buf, "}}"...)
}

// appendDiagnostics writes the findings as a Diagnostic[]: what a publish
// carries and a pull report's items.
func appendDiagnostics(buf []byte, enc document.Encoding, cfg *diagnostics.Config, doc *document.Document, findings []diagnostics.Finding) []byte {
	buf = append(buf, '[')
	hrefs := ruleHrefs{cfg: cfg}
	for i := range findings {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendFinding(buf, enc, &hrefs, doc, &findings[i])
	}
	return append(buf, ']')
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

// appendFinding writes the diagnostic toDiagnostic makes of f.
func appendFinding(buf []byte, enc document.Encoding, hrefs *ruleHrefs, doc *document.Document, f *diagnostics.Finding) []byte {
	buf = append(buf, `{"range":`...)
	buf = appendRange(buf, lspRange(enc, doc, f.Span))
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
	buf = strconv.AppendUint(buf, uint64(r.Start.Line), 10)
	buf = append(buf, `,"character":`...)
	buf = strconv.AppendUint(buf, uint64(r.Start.Character), 10)
	buf = append(buf, `},"end":{"line":`...)
	buf = strconv.AppendUint(buf, uint64(r.End.Line), 10)
	buf = append(buf, `,"character":`...)
	buf = strconv.AppendUint(buf, uint64(r.End.Character), 10)
	return append(buf, "}}"...)
}

// appendData writes {"rule": rule} merged with a finding's data (its own
// "rule" wins, as in toDiagnostic).
func appendData(buf []byte, rule string, data map[string]any) []byte {
	return diagnostics.AppendJSONData(buf, data, true, rule, false)
}

// appendString writes s as a JSON string, as encoding/json does without HTML escaping.
func appendString(buf []byte, s string) []byte { return diagnostics.AppendJSONString(buf, s, false) }
