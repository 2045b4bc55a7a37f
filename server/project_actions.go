package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Actions beyond a finding's own fix: allow its word in the project, turn
// its rule off in the project or in the file, fix all of a rule's findings
// (quickfix) or all safe fixes (source.fixAll.prfaq). Each is a
// WorkspaceEdit the client applies, never a command the client must know,
// so they work in every editor; the server writes nothing itself.
//
// There is no "use this plain word for X in the project" action: every
// jargon finding already names its alternative from the project's jargon:
// map or the built-in list, so writing it to .prfaq.yaml would change
// nothing, and a code action cannot ask for another word in every editor.
// "Fix all jargon problems" applies the plain words in one go.
//
// A client that can resolve an action's edit gets the actions without it
// and asks codeAction/resolve for the one the user chose: a cursor move
// (VS Code asks for actions at each one) then costs no file read.

// sourceFixAll is the kind of the fix-everything action; editors run it on
// save when asked to ("editor.codeActionsOnSave": {"source.fixAll": …}).
const sourceFixAll protocol.CodeActionKind = "source.fixAll.prfaq"

// actionCaps is what the client can do with code actions' edits.
type actionCaps struct {
	resolveEdit bool // codeAction/resolve may fill in "edit" (and keeps "data")
	createFile  bool // documentChanges with a create operation
	disabled    bool // an action may be shown as disabled, with a reason
}

func readActionCaps(c protocol.ClientCapabilities) actionCaps {
	var ac actionCaps
	if td := c.TextDocument; td != nil && td.CodeAction != nil {
		ca := td.CodeAction
		ac.disabled = ca.DisabledSupport
		if ca.ResolveSupport != nil && ca.DataSupport {
			for _, p := range ca.ResolveSupport.Properties {
				if p == "edit" {
					ac.resolveEdit = true
				}
			}
		}
	}
	// Create operations travel in documentChanges only, so a client that
	// lists "create" takes documentChanges even when it does not say so
	// (Neovim lists the operations and leaves documentChanges out).
	if ws := c.Workspace; ws != nil && ws.WorkspaceEdit != nil {
		for _, op := range ws.WorkspaceEdit.ResourceOperations {
			if op == "create" {
				ac.createFile = true
			}
		}
	}
	return ac
}

// codeActionOut is a CodeAction as sent: protocol v0.12.0's WorkspaceEdit
// cannot hold a create-file operation (its documentChanges are
// TextDocumentEdits only).
type codeActionOut struct {
	Title       string                      `json:"title"`
	Kind        protocol.CodeActionKind     `json:"kind,omitempty"`
	Diagnostics []protocol.Diagnostic       `json:"diagnostics,omitempty"`
	IsPreferred bool                        `json:"isPreferred,omitempty"`
	Disabled    *protocol.CodeActionDisable `json:"disabled,omitempty"`
	Edit        *workspaceEdit              `json:"edit,omitempty"`
	Data        *actionData                 `json:"data,omitempty"`
}

type workspaceEdit struct {
	Changes         map[protocol.DocumentURI][]protocol.TextEdit `json:"changes,omitempty"`
	DocumentChanges []any                                        `json:"documentChanges,omitempty"`
}

// textDocumentEdit is protocol.TextDocumentEdit with a null version (the
// file is not open: its content on disk is the truth).
type textDocumentEdit struct {
	TextDocument struct {
		URI     protocol.DocumentURI `json:"uri"`
		Version *int32               `json:"version"`
	} `json:"textDocument"`
	Edits []protocol.TextEdit `json:"edits"`
}

// codeRequestFailed is LSP 3.17's RequestFailed, which protocol v0.12.0
// does not define: the request was valid but the server could not do it.
const codeRequestFailed jsonrpc2.Code = -32803

// actionData says which action to resolve, for which document and finding.
type actionData struct {
	Action string `json:"prfaqAction"` // allow, rule-off, disable-file, fix-rule, fix-all
	URI    string `json:"uri"`
	Rule   string `json:"rule,omitempty"`
	Word   string `json:"word,omitempty"`
}

const (
	actAllow       = "allow"
	actRuleOff     = "rule-off"
	actDisableFile = "disable-file"
	actFixRule     = "fix-rule"
	actFixAll      = "fix-all"
)

// allowedWordOf is the word or phrase of a finding that allow: silences:
// the rules that consult allow: name it in their data.
func allowedWordOf(f diagnostics.Finding) (string, bool) {
	key := map[string]string{
		"jargon":            "word",
		"hype":              "word",
		"weasel-word":       "word",
		"internal-metric":   "metric",
		"undefined-acronym": "acronym",
	}[f.Rule]
	w, _ := f.Data[key].(string)
	w = strings.TrimSpace(w)
	return w, key != "" && w != ""
}

// actionRequest is what the project actions of one codeAction request
// share: which they already offered (many findings share a rule or a
// word), and what they found out once (how many findings of a rule fix
// safely; whether a .prfaq.yaml must be created).
type actionRequest struct {
	snap      *snapshot
	seen      map[string]bool
	fixable   map[string]int
	newConfig *string
}

func newActionRequest(snap *snapshot) *actionRequest {
	return &actionRequest{snap: snap, seen: map[string]bool{}, fixable: map[string]int{}}
}

// projectActions are the actions beyond the engine's fixes for one finding.
func (s *Server) projectActions(r *actionRequest, f diagnostics.Finding, diag protocol.Diagnostic) []codeActionOut {
	var out []codeActionOut
	snap := r.snap
	add := func(title string, data actionData) {
		key := data.Action + "\x00" + data.Rule + "\x00" + strings.ToLower(data.Word)
		if r.seen[key] {
			return
		}
		r.seen[key] = true
		a := codeActionOut{Title: title, Kind: protocol.QuickFix, Diagnostics: []protocol.Diagnostic{diag}}
		if a, ok := s.withEdit(a, data, snap); ok {
			out = append(out, a)
		}
	}
	if diagnostics.Lookup(f.Rule) == nil {
		return nil // internal-error, document-too-large: not rules one can turn off
	}
	path, onDisk := uriPath(snap.uri)
	n, counted := r.fixable[f.Rule]
	if !counted && diagnostics.HasSafeFix(f.Rule) {
		n = fixableCount(snap.findings, f.Rule)
		r.fixable[f.Rule] = n
	}
	if n > 1 {
		add(fmt.Sprintf("Fix all %s problems in this document (%d)", f.Rule, n), actionData{Action: actFixRule, URI: snap.uri, Rule: f.Rule})
	}
	if w, ok := allowedWordOf(f); ok && onDisk {
		add(fmt.Sprintf("Allow “%s” in this project%s", w, s.newConfigNote(r, path)), actionData{Action: actAllow, URI: snap.uri, Rule: f.Rule, Word: w})
	}
	add(fmt.Sprintf("Disable %s in this file", f.Rule), actionData{Action: actDisableFile, URI: snap.uri, Rule: f.Rule})
	if onDisk {
		add(fmt.Sprintf("Turn off %s in this project%s", f.Rule, s.newConfigNote(r, path)), actionData{Action: actRuleOff, URI: snap.uri, Rule: f.Rule})
	}
	return out
}

// fixAllAction is source.fixAll.prfaq: every safe fix in the document.
func (s *Server) fixAllAction(snap *snapshot) (codeActionOut, bool) {
	n := fixableCount(snap.findings, "")
	if n == 0 {
		return codeActionOut{}, false
	}
	a := codeActionOut{Title: fmt.Sprintf("Fix all safe prfaq problems in this document (%d)", n), Kind: sourceFixAll}
	return s.withEdit(a, actionData{Action: actFixAll, URI: snap.uri}, snap)
}

func fixableCount(findings []diagnostics.Finding, rule string) int {
	return diagnostics.CountFixAll(findings, rule)
}

// withEdit fills in the action's edit now, or its data for resolve. An
// edit that cannot be made is shown as a disabled action with the reason
// where the client shows those, and left out elsewhere.
func (s *Server) withEdit(a codeActionOut, data actionData, snap *snapshot) (codeActionOut, bool) {
	if s.caps.actions.resolveEdit {
		a.Data = &data
		return a, true
	}
	edit, err := s.actionEdit(data, snap)
	if err != nil {
		s.log.Printf("code action %q: %v", a.Title, err)
		if !s.caps.actions.disabled {
			return a, false
		}
		a.Disabled = &protocol.CodeActionDisable{Reason: err.Error()}
		return a, true
	}
	a.Edit = edit
	return a, true
}

// resolveCodeAction computes the edit of the action the user chose.
func (s *Server) resolveCodeAction(ctx context.Context, raw json.RawMessage) (any, error) {
	var a codeActionOut
	if err := decode(raw, &a); err != nil {
		return nil, err
	}
	if a.Data == nil || a.Data.Action == "" || a.Edit != nil {
		return a, nil // not ours to resolve, or resolved already
	}
	snap := s.snapshot(a.Data.URI)
	if snap == nil || !snap.isPRFAQ {
		return nil, rpcErr(jsonrpc2.InvalidParams, "prfaq: %s is not open or not a PR/FAQ", a.Data.URI)
	}
	edit, err := s.actionEdit(*a.Data, snap)
	if err != nil {
		return nil, rpcErr(codeRequestFailed, "prfaq: %v", err)
	}
	a.Edit = edit
	return a, nil
}

// actionEdit computes one action's edit against the current snapshot.
func (s *Server) actionEdit(data actionData, snap *snapshot) (*workspaceEdit, error) {
	doc := snap.doc
	uri := protocol.DocumentURI(snap.uri)
	docEdit := func(edits []diagnostics.Edit) *workspaceEdit {
		out := make([]protocol.TextEdit, 0, len(edits))
		for _, e := range edits {
			out = append(out, protocol.TextEdit{Range: lspRange(s.enc, doc, e.Span), NewText: e.NewText})
		}
		return &workspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: out}}
	}
	switch data.Action {
	case actFixRule, actFixAll:
		rule := data.Rule
		if data.Action == actFixAll {
			rule = ""
		}
		edits, _ := diagnostics.FixAll(snap.findings, rule)
		if len(edits) == 0 {
			return nil, errors.New("nothing left to fix")
		}
		return docEdit(edits), nil
	case actDisableFile:
		if diagnostics.Lookup(data.Rule) == nil {
			return nil, fmt.Errorf("unknown rule %q", data.Rule)
		}
		return docEdit([]diagnostics.Edit{disableInFile(doc, data.Rule)}), nil
	case actAllow, actRuleOff:
		path, onDisk := uriPath(snap.uri)
		if !onDisk {
			return nil, errors.New("the document is not a file, so it has no project")
		}
		return s.configEdit(path, func(src []byte) ([]byte, bool, error) {
			if data.Action == actAllow {
				return diagnostics.AllowWord(src, data.Word)
			}
			return diagnostics.TurnOffRule(src, data.Rule)
		})
	}
	return nil, fmt.Errorf("unknown action %q", data.Action)
}

// disableInFile is the edit that turns rule off for the whole file: a
// prfaq-disable comment on the first line, after any front matter.
func disableInFile(doc *document.Document, rule string) diagnostics.Edit {
	at := 0
	if fm := doc.FrontMatter; fm != nil {
		at = fm.Span.End
		if l := doc.Mapper.Line(at); at > doc.Mapper.LineStart(l) {
			at = doc.Mapper.LineStart(l + 1)
		}
		at = min(at, len(doc.Source))
	}
	nl := "\n"
	if i := strings.IndexByte(string(doc.Source), '\n'); i > 0 && doc.Source[i-1] == '\r' {
		nl = "\r\n"
	}
	text := "<!-- prfaq-disable " + rule + " -->" + nl
	if at == len(doc.Source) && at > 0 && doc.Source[at-1] != '\n' {
		text = nl + text
	}
	return diagnostics.Edit{Span: document.Span{Start: at, End: at}, NewText: text}
}

// configTarget is the .prfaq.yaml that governs path (the one the checks
// read), or where a new one goes: the workspace folder that holds path,
// else path's own folder.
func (s *Server) configTarget(path string) (cfgPath string, exists bool) {
	if p := diagnostics.FindConfigFile(filepath.Dir(path)); p != "" {
		return p, true
	}
	return filepath.Join(s.ws.rootOf(path), diagnostics.ConfigFileName), false
}

// newConfigNote tells, in a title, that the action creates the file. The
// file is looked for only when the edit is computed now (no resolve): a
// cursor move must not cost a walk up the disk.
func (s *Server) newConfigNote(r *actionRequest, path string) string {
	if s.caps.actions.resolveEdit {
		return ""
	}
	if r.newConfig == nil {
		note := ""
		if _, exists := s.configTarget(path); !exists {
			note = " (new " + diagnostics.ConfigFileName + ")"
		}
		r.newConfig = &note
	}
	return *r.newConfig
}

// maxConfigRead bounds a configuration read to edit; diagnostics refuses
// bigger ones with a reason.
const maxConfigRead = 1<<20 + 1

// configEdit edits the .prfaq.yaml that governs path: its text is the
// editor's when it is open there (unsaved changes included), else the
// file's. A missing file is created, by a create operation where the
// client has them and otherwise by an edit of the new file, which editors
// without create operations open as a new buffer for the user to save.
func (s *Server) configEdit(path string, edit func([]byte) ([]byte, bool, error)) (*workspaceEdit, error) {
	cfgPath, exists := s.configTarget(path)
	cfgURI, src, open := s.openText(cfgPath)
	if !open && exists {
		f, err := os.Open(cfgPath)
		if err != nil {
			return nil, err
		}
		src, err = io.ReadAll(io.LimitReader(f, maxConfigRead))
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	out, changed, err := edit(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfgPath, err)
	}
	if !changed {
		return nil, fmt.Errorf("%s already says so; save it if it is open with changes", cfgPath)
	}
	if !exists && !open {
		insert := []protocol.TextEdit{{NewText: string(out)}}
		if !s.caps.actions.createFile {
			s.log.Printf("the client cannot create files in an edit; %s comes as an edit of a new buffer", cfgPath)
			return &workspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{cfgURI: insert}}, nil
		}
		te := textDocumentEdit{Edits: insert}
		te.TextDocument.URI = cfgURI
		return &workspaceEdit{DocumentChanges: []any{
			protocol.CreateFile{Kind: "create", URI: cfgURI, Options: &protocol.CreateFileOptions{IgnoreIfExists: true}},
			te,
		}}, nil
	}
	e := diagnostics.MinimalEdit(src, out)
	r := document.NewMapper(src).RangeIn(s.enc, e.Span.Start, e.Span.End) // in the session's encoding, as every position
	return &workspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{cfgURI: {{
		Range:   protocol.Range{Start: toProtocol(r.Start), End: toProtocol(r.End)},
		NewText: e.NewText,
	}}}}, nil
}

// openText returns the URI of a file and, when the editor has it open,
// its text there.
func (s *Server) openText(path string) (protocol.DocumentURI, []byte, bool) {
	s.store.docsMu.Lock()
	defer s.store.docsMu.Unlock()
	for uri, d := range s.store.docs {
		if p, onDisk := uriPath(uri); onDisk && filepath.Clean(p) == filepath.Clean(path) {
			return protocol.DocumentURI(uri), d.text, true
		}
	}
	return fileURI(path), nil, false
}

// rootOf is the workspace folder that holds path (the innermost), else
// path's own folder.
func (w *workspace) rootOf(path string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	best := ""
	for _, r := range w.roots {
		r = filepath.Clean(r)
		if rel, err := filepath.Rel(r, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && len(r) > len(best) {
			best = r
		}
	}
	if best == "" {
		return filepath.Dir(path)
	}
	return best
}
