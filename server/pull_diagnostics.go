package server

import (
	"context"
	"encoding/json"
	"hash/maphash"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"sync"

	"go.lsp.dev/protocol"
)

// Pull diagnostics (LSP 3.17): the client asks for a document's
// diagnostics (textDocument/diagnostic) or the workspace's
// (workspace/diagnostic) instead of the server pushing them. A client that
// offers pull is never pushed to (see linter.lintOne); one that does not
// gets publishDiagnostics as before.
//
// A report's resultId is a hash of its items as sent, so a client that
// already has the same items gets an "unchanged" report, whatever changed
// in between (a keystroke after the last finding, a setting that did not
// alter the findings).
//
// protocol v0.12.0 predates 3.17: the types below are the parts of the
// specification the server uses.

// initializeResult and serverCapabilities add the 3.17 fields to
// protocol's types.
type initializeResult struct {
	Capabilities serverCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding   string             `json:"positionEncoding,omitempty"`
	DiagnosticProvider *diagnosticOptions `json:"diagnosticProvider,omitempty"`
}

type diagnosticOptions struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

// Report kinds.
const (
	reportFull      = "full"
	reportUnchanged = "unchanged"
)

// documentReport is a full or an unchanged document diagnostic report.
// Items is the encoded Diagnostic[]; it is left out of unchanged reports.
type documentReport struct {
	Kind     string          `json:"kind"`
	ResultID string          `json:"resultId,omitempty"`
	Items    json.RawMessage `json:"items,omitempty"`
}

// appendJSON writes the report as encoding/json does (a test holds it to
// that), with the items as they are.
func (r documentReport) appendJSON(buf []byte) []byte {
	buf = append(buf, `{"kind":`...)
	buf = appendString(buf, r.Kind)
	if r.ResultID != "" {
		buf = append(buf, `,"resultId":`...)
		buf = appendString(buf, r.ResultID)
	}
	if len(r.Items) > 0 {
		buf = append(buf, `,"items":`...)
		buf = append(buf, r.Items...)
	}
	return append(buf, '}')
}

// workspaceDocumentReport is one document's report in a workspace report;
// Version is null for a file that is not open.
type workspaceDocumentReport struct {
	URI     string `json:"uri"`
	Version *int32 `json:"version"`
	documentReport
}

type workspaceReport struct {
	Items []workspaceDocumentReport `json:"items"`
}

// fullReport is a snapshot's diagnostics, encoded once.
type fullReport struct {
	resultID string
	items    json.RawMessage
}

var noItems = json.RawMessage("[]")

// resultSeed seeds the result ids of this server's reports.
var resultSeed = maphash.MakeSeed()

// reportBuffers are the buffers reports are encoded in.
var reportBuffers sync.Pool

// report returns the snapshot's diagnostics report, encoding it on first use.
func (s *Server) report(snap *snapshot) *fullReport {
	snap.reportOnce.Do(func() {
		// Encoded in a reused buffer and kept at its exact size: grown
		// from nothing, the buffer was twice the items in garbage.
		scratch, _ := reportBuffers.Get().(*[]byte)
		if scratch == nil {
			scratch = new([]byte)
		}
		*scratch = appendDiagnostics((*scratch)[:0], s.enc, snap.cfg, snap.tails, snap.doc, snap.findings)
		items := json.RawMessage(slices.Clone(*scratch))
		if cap(*scratch) <= maxKeptBuffer {
			reportBuffers.Put(scratch)
		}
		// maphash: the result id only has to tell this server's reports
		// apart, and FNV's byte-at-a-time loop over a 40,000-word report
		// was a tenth of a pulled keystroke
		sum := maphash.Bytes(resultSeed, items)
		snap.report = &fullReport{resultID: strconv.FormatUint(sum, 36), items: items}
	})
	return snap.report
}

// answer is the report for a client that has previousResultID.
func (r *fullReport) answer(previousResultID string) documentReport {
	if previousResultID != "" && previousResultID == r.resultID {
		return documentReport{Kind: reportUnchanged, ResultID: r.resultID}
	}
	return documentReport{Kind: reportFull, ResultID: r.resultID, Items: r.items}
}

func (s *Server) documentDiagnostic(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
		PreviousResultID string                          `json:"previousResultId,omitempty"`
	}
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	if s.pulled.CompareAndSwap(false, true) {
		s.log.Printf("diagnostics: first pull, for %s", uri)
	}
	answer := func(context.Context) (any, error) {
		var snap *snapshot
		if s.checksOnSave() {
			snap = s.checkedSnapshot(uri) // checkOn: save: edits wait for the save
		} else {
			snap = s.snapshot(uri)
		}
		if snap == nil {
			// Not open: the server knows nothing of it.
			return documentReport{Kind: reportFull, Items: noItems}, nil
		}
		return s.report(snap).answer(p.PreviousResultID), nil
	}
	// A document whose reading is not ready is answered off the handler
	// goroutine, whether its check already runs or not, so that neither a
	// slow check nor the check of the keystroke the pull follows holds up
	// what the client sent after it (VS Code: codeAction, documentSymbol,
	// foldingRange, answered from the last finished reading meanwhile).
	// Under checkOn: save the saved text may need a check of its own.
	if _, ready, open := s.readiness(uri); open && (!ready || s.checksOnSave()) {
		return async(answer), nil
	}
	return answer(ctx)
}

// workspaceDiagnostic reports the open documents, from their current text,
// and the PR/FAQs of the workspace folders, from disk, within the bounds of
// the workspace scan. A file the client has a report for that is no longer
// a PR/FAQ (or is gone) gets an empty one, when the scan saw the whole
// workspace.
func (s *Server) workspaceDiagnostic(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		PreviousResultIDs []struct {
			URI   string `json:"uri"`
			Value string `json:"value"`
		} `json:"previousResultIds"`
	}
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	previous := map[string]string{}
	for _, r := range p.PreviousResultIDs {
		previous[r.URI] = r.Value
	}
	out := workspaceReport{Items: []workspaceDocumentReport{}}
	reported := map[string]bool{}
	add := func(uri string, version *int32, r *fullReport) {
		if reported[uri] || len(out.Items) >= maxScanFiles {
			return
		}
		reported[uri] = true
		out.Items = append(out.Items, workspaceDocumentReport{URI: uri, Version: version, documentReport: r.answer(previous[uri])})
	}
	seen := map[string]bool{} // paths of open documents: not read from disk
	addOpen := func(uri string, snap *snapshot) {
		if snap == nil {
			return
		}
		if path, onDisk := uriPath(uri); onDisk {
			seen[filepath.Clean(path)] = true
		}
		v := snap.version
		add(uri, &v, s.report(snap))
	}
	uris := s.store.uris()
	sort.Strings(uris)
	var later []string
	for _, uri := range uris {
		if _, ready, _ := s.readiness(uri); !ready {
			later = append(later, uri)
			continue
		}
		addOpen(uri, s.snapshot(uri))
	}
	return async(func(ctx context.Context) (any, error) {
		for _, uri := range later {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			addOpen(uri, s.snapshot(uri))
		}
		complete := s.scanWorkspace(ctx, seen, func(path string, d fs.DirEntry) {
			if f := s.diskFile(path, d); f.report != nil {
				add(string(fileURI(path)), nil, f.report)
			}
		})
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if complete {
			gone := make([]string, 0)
			for uri := range previous {
				if !reported[uri] {
					gone = append(gone, uri)
				}
			}
			sort.Strings(gone)
			for _, uri := range gone {
				add(uri, nil, &fullReport{items: noItems})
			}
		}
		return out, nil
	}), nil
}

// refreshDiagnostics asks a pulling client to pull again: the findings
// changed without an edit (a new configuration, a slow check that ended).
func (s *Server) refreshDiagnostics() {
	if !s.caps.pull || !s.caps.diagnosticRefresh || !s.clientReady.Load() {
		return
	}
	s.request("workspace/diagnostic/refresh", nil, func(_ json.RawMessage, err *wireError) {
		if err != nil {
			s.log.Printf("workspace/diagnostic/refresh: %v", err)
		}
	})
}
