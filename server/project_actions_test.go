package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// actionsDoc has several findings of the rules that fix safely (jargon,
// weasel-word), an undefined acronym, and findings without a safe fix.
const actionsDoc = `# Acme Ledger lets small shops send an invoice in one click

*Shops that bill by hand today get paid nine days sooner.*

SEATTLE — Acme today announced Ledger. Ledger leverages the order the shop keeps and is very robust, truly seamless and really fast, with a ZQX export.

## FAQ

### How much does Ledger cost?

Five dollars a month.
`

const teamConfig = "# Team settings.\nallow:\n  - Kubernetes # product name\n\nrules:\n  hype: warning\n"

// actionsClient opens actionsDoc in a workspace folder, with or without a
// .prfaq.yaml, for a client whose capabilities caps adjusts.
func actionsClient(t *testing.T, config string, caps func(*protocol.InitializeParams)) (c *client, ws, uri string, diags []protocol.Diagnostic) {
	t.Helper()
	ws = t.TempDir()
	if config != "" {
		writeFile(t, filepath.Join(ws, ".prfaq.yaml"), config)
	}
	doc := filepath.Join(ws, "docs", "ledger.prfaq.md")
	writeFile(t, doc, actionsDoc)
	c = newClient(t)
	init := initWithFolder(ws)
	if caps != nil {
		caps(init)
	}
	c.initialize(init)
	uri = string(fileURI(doc))
	c.open(uri, actionsDoc, 1)
	return c, ws, uri, c.waitVersion(uri, 1).Diagnostics
}

func withResolve(p *protocol.InitializeParams) {
	p.Capabilities.TextDocument.CodeAction = &protocol.CodeActionClientCapabilities{
		DataSupport:    true,
		ResolveSupport: &protocol.CodeActionClientCapabilitiesResolveSupport{Properties: []string{"edit"}},
	}
}

func withCreate(p *protocol.InitializeParams) {
	p.Capabilities.Workspace.WorkspaceEdit = &protocol.WorkspaceClientCapabilitiesWorkspaceEdit{
		DocumentChanges: true, ResourceOperations: []string{"create", "rename", "delete"},
	}
}

func diagFor(t *testing.T, diags []protocol.Diagnostic, rule, inMessage string) protocol.Diagnostic {
	t.Helper()
	for _, d := range diags {
		if d.Code == rule && strings.Contains(d.Message, inMessage) {
			return d
		}
	}
	t.Fatalf("no %s diagnostic mentioning %q in %v", rule, inMessage, diags)
	return protocol.Diagnostic{}
}

func actionsAt(t *testing.T, c *client, uri string, rng protocol.Range, only ...protocol.CodeActionKind) []codeActionOut {
	t.Helper()
	var out []codeActionOut
	c.mustCall("textDocument/codeAction", protocol.CodeActionParams{
		TextDocument: docID(uri), Range: rng, Context: protocol.CodeActionContext{Only: only},
	}, &out)
	return out
}

func titled(t *testing.T, actions []codeActionOut, prefix string) codeActionOut {
	t.Helper()
	for _, a := range actions {
		if strings.HasPrefix(a.Title, prefix) {
			return a
		}
	}
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q among %q", prefix, titles)
	return codeActionOut{}
}

// reloadAndWait tells the server the configuration changed (as a client's
// file watcher does) and returns the next publish of uri.
func reloadAndWait(c *client, ws, uri string) []protocol.Diagnostic {
	n := len(c.publishes(uri))
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": string(fileURI(filepath.Join(ws, ".prfaq.yaml"))), "type": 2}}})
	deadline := time.Now().Add(watchdog)
	for {
		if ps := c.publishes(uri); len(ps) > n {
			return ps[len(ps)-1].Diagnostics
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no publish of %s after the configuration changed", uri)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Allow edits the project's .prfaq.yaml in place: one edit that adds the
// word and keeps the comments; once saved, the finding is gone.
func TestAllowInProject(t *testing.T) {
	c, ws, uri, diags := actionsClient(t, teamConfig, nil)
	d := diagFor(t, diags, "jargon", "leverages")
	a := titled(t, actionsAt(t, c, uri, d.Range), "Allow “leverages” in this project")
	if a.Kind != protocol.QuickFix || a.Edit == nil || a.Data != nil {
		t.Fatalf("allow action: %+v", a)
	}
	cfgURI := fileURI(filepath.Join(ws, ".prfaq.yaml"))
	edits := a.Edit.Changes[cfgURI]
	if len(edits) != 1 || len(a.Edit.Changes) != 1 {
		t.Fatalf("want one edit of %s, got %+v", cfgURI, a.Edit)
	}
	got := applyTextEdits(t, teamConfig, edits)
	want := strings.Replace(teamConfig, "  - Kubernetes # product name\n", "  - Kubernetes # product name\n  - leverages\n", 1)
	if got != want {
		t.Fatalf("config after the edit:\n%s\nwant:\n%s", got, want)
	}
	if disk, _ := os.ReadFile(filepath.Join(ws, ".prfaq.yaml")); string(disk) != teamConfig {
		t.Fatal("the server wrote the configuration itself")
	}
	writeFile(t, filepath.Join(ws, ".prfaq.yaml"), got) // the client applies and saves
	after := reloadAndWait(c, ws, uri)
	for _, d := range after {
		if d.Code == "jargon" && strings.Contains(d.Message, "leverages") {
			t.Errorf("still flagged after allowing: %s", d.Message)
		}
	}
	if !hasRule(after, "jargon") {
		t.Error("allowing one word silenced the other jargon too")
	}
}

// The acronym rule names its acronym: allowing it silences the finding.
func TestAllowAcronym(t *testing.T) {
	c, ws, uri, diags := actionsClient(t, teamConfig, nil)
	d := diagFor(t, diags, "undefined-acronym", "ZQX")
	a := titled(t, actionsAt(t, c, uri, d.Range), "Allow “ZQX” in this project")
	writeFile(t, filepath.Join(ws, ".prfaq.yaml"), applyTextEdits(t, teamConfig, a.Edit.Changes[fileURI(filepath.Join(ws, ".prfaq.yaml"))]))
	if hasRule(reloadAndWait(c, ws, uri), "undefined-acronym") {
		t.Error("ZQX still flagged after allowing it")
	}
}

// Turn off RULE edits rules:; afterwards the rule says nothing.
func TestTurnOffRuleInProject(t *testing.T) {
	c, ws, uri, diags := actionsClient(t, teamConfig, nil)
	d := diagFor(t, diags, "weasel-word", "very")
	a := titled(t, actionsAt(t, c, uri, d.Range), "Turn off weasel-word in this project")
	cfg := applyTextEdits(t, teamConfig, a.Edit.Changes[fileURI(filepath.Join(ws, ".prfaq.yaml"))])
	if want := teamConfig + "  weasel-word: off\n"; cfg != want {
		t.Fatalf("config:\n%s\nwant:\n%s", cfg, want)
	}
	writeFile(t, filepath.Join(ws, ".prfaq.yaml"), cfg)
	if after := reloadAndWait(c, ws, uri); hasRule(after, "weasel-word") || !hasRule(after, "jargon") {
		t.Errorf("after turning weasel-word off: %v", after)
	}
}

// Without a .prfaq.yaml the file is created at the workspace folder: by a
// create operation where the client has them, by an edit of the new file
// where it does not; the title says a file is created.
func TestProjectActionCreatesConfig(t *testing.T) {
	for _, create := range []bool{true, false} {
		caps := func(*protocol.InitializeParams) {}
		if create {
			caps = withCreate
		}
		c, ws, uri, diags := actionsClient(t, "", caps)
		d := diagFor(t, diags, "jargon", "leverages")
		a := titled(t, actionsAt(t, c, uri, d.Range), "Allow “leverages” in this project (new .prfaq.yaml)")
		cfgURI := string(fileURI(filepath.Join(ws, ".prfaq.yaml")))
		raw, _ := json.Marshal(a.Edit)
		var edit struct {
			Changes         map[string][]protocol.TextEdit `json:"changes"`
			DocumentChanges []map[string]any               `json:"documentChanges"`
		}
		json.Unmarshal(raw, &edit)
		var text string
		if create {
			if len(edit.DocumentChanges) != 2 || edit.DocumentChanges[0]["kind"] != "create" || edit.DocumentChanges[0]["uri"] != cfgURI {
				t.Fatalf("want create then edit of %s: %s", cfgURI, raw)
			}
			var te textDocumentEdit
			b, _ := json.Marshal(edit.DocumentChanges[1])
			json.Unmarshal(b, &te)
			if string(te.TextDocument.URI) != cfgURI || te.TextDocument.Version != nil || len(te.Edits) != 1 {
				t.Fatalf("the edit after create: %s", b)
			}
			text = te.Edits[0].NewText
		} else {
			if len(edit.DocumentChanges) != 0 || len(edit.Changes[cfgURI]) != 1 {
				t.Fatalf("want a plain edit of %s: %s", cfgURI, raw)
			}
			text = edit.Changes[cfgURI][0].NewText
		}
		if text != "allow:\n  - leverages\n" {
			t.Errorf("create=%v: new file %q", create, text)
		}
		if _, err := os.Stat(filepath.Join(ws, ".prfaq.yaml")); err == nil {
			t.Error("the server created the file itself")
		}
	}
}

// A .prfaq.yaml open in the editor is edited as the editor has it, unsaved
// changes included.
func TestProjectActionUsesOpenConfig(t *testing.T) {
	c, ws, uri, diags := actionsClient(t, teamConfig, nil)
	cfgURI := string(fileURI(filepath.Join(ws, ".prfaq.yaml")))
	unsaved := teamConfig + "jargon:\n  ledger: book\n"
	c.open(cfgURI, unsaved, 3)
	d := diagFor(t, diags, "weasel-word", "very")
	a := titled(t, actionsAt(t, c, uri, d.Range), "Turn off weasel-word in this project")
	got := applyTextEdits(t, unsaved, a.Edit.Changes[protocol.DocumentURI(cfgURI)])
	if want := strings.Replace(unsaved, "  hype: warning\n", "  hype: warning\n  weasel-word: off\n", 1); got != want {
		t.Errorf("edit of the open config gives:\n%s\nwant:\n%s", got, want)
	}
}

// A configuration that is not valid YAML is never edited: the action is
// shown disabled with the reason where the client can show that, left out
// where it cannot, and resolve answers an error.
func TestProjectActionOnBrokenConfig(t *testing.T) {
	broken := "allow: [Kubernetes\nrules:\n"
	for _, mode := range []string{"disabled", "plain", "resolve"} {
		caps := func(p *protocol.InitializeParams) {
			switch mode {
			case "disabled":
				p.Capabilities.TextDocument.CodeAction = &protocol.CodeActionClientCapabilities{DisabledSupport: true}
			case "resolve":
				withResolve(p)
			}
		}
		c, ws, uri, diags := actionsClient(t, broken, caps)
		d := diagFor(t, diags, "jargon", "leverages")
		actions := actionsAt(t, c, uri, d.Range)
		switch mode {
		case "disabled":
			a := titled(t, actions, "Allow “leverages”")
			if a.Edit != nil || a.Disabled == nil || !strings.Contains(a.Disabled.Reason, "invalid YAML") {
				t.Errorf("disabled: %+v", a)
			}
		case "plain":
			for _, a := range actions {
				if strings.HasPrefix(a.Title, "Allow ") {
					t.Errorf("plain client got %q with a broken config", a.Title)
				}
			}
		case "resolve":
			a := titled(t, actions, "Allow “leverages”")
			err := c.call("codeAction/resolve", a, &codeActionOut{})
			if err == nil || !strings.Contains(err.Error(), "invalid YAML") {
				t.Errorf("resolve on a broken config: %v", err)
			}
		}
		if disk, _ := os.ReadFile(filepath.Join(ws, ".prfaq.yaml")); string(disk) != broken {
			t.Errorf("%s: the broken config changed", mode)
		}
	}
}

// With resolve support the actions come without edits, carrying data;
// codeAction/resolve gives the same edit as a client without resolve gets
// at once.
func TestCodeActionResolve(t *testing.T) {
	res := initResult(t, withResolve)
	if cap, _ := res["codeActionProvider"].(map[string]any); cap["resolveProvider"] != true {
		t.Errorf("codeActionProvider = %v, want resolveProvider", res["codeActionProvider"])
	}
	lazy, _, uri, diags := actionsClient(t, teamConfig, withResolve)
	eager, _, eagerURI, _ := actionsClient(t, teamConfig, nil)
	d := diagFor(t, diags, "jargon", "leverages")
	lazyActions, eagerActions := actionsAt(t, lazy, uri, d.Range), actionsAt(t, eager, eagerURI, d.Range)
	for _, prefix := range []string{"Allow “leverages”", "Turn off jargon", "Disable jargon in this file", "Fix all jargon problems"} {
		a := titled(t, lazyActions, prefix)
		if a.Edit != nil || a.Data == nil {
			t.Errorf("%s: want data and no edit, got %+v", prefix, a)
			continue
		}
		var resolved codeActionOut
		lazy.mustCall("codeAction/resolve", a, &resolved)
		want := titled(t, eagerActions, prefix)
		if resolved.Title != a.Title || resolved.Edit == nil || len(resolved.Diagnostics) != 1 {
			t.Errorf("%s: resolved %+v", prefix, resolved)
			continue
		}
		// The two sessions have different folders; compare the edits'
		// text and ranges.
		if got, want := editTexts(resolved.Edit), editTexts(want.Edit); got != want {
			t.Errorf("%s: resolved edit %s, eager edit %s", prefix, got, want)
		}
	}
	// The engine's own fixes are cheap: they come with their edit.
	if a := titled(t, lazyActions, "Replace with"); a.Edit == nil {
		t.Error("the quick fix came without its edit")
	}
	// Something that is not ours comes back as it was.
	var back map[string]any
	lazy.mustCall("codeAction/resolve", map[string]any{"title": "other"}, &back)
	if back["title"] != "other" {
		t.Errorf("foreign action resolved to %v", back)
	}
}

func editTexts(e *workspaceEdit) string {
	var parts []string
	for _, edits := range e.Changes {
		for _, te := range edits {
			b, _ := json.Marshal(te)
			parts = append(parts, string(b))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, "|")
}

func initResult(t *testing.T, caps func(*protocol.InitializeParams)) map[string]any {
	c := newClient(t)
	p := defaultInit()
	caps(p)
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	c.mustCall("initialize", p, &res)
	return res.Capabilities
}

// Fix all of a rule, and source.fixAll: one set of sorted, non-overlapping
// edits; applied and checked again, the fixed findings are gone.
func TestFixAllActions(t *testing.T) {
	c, _, uri, diags := actionsClient(t, "", nil)
	d := diagFor(t, diags, "jargon", "leverages")
	version := int32(1)
	apply := func(a codeActionOut) []protocol.Diagnostic {
		t.Helper()
		edits := a.Edit.Changes[protocol.DocumentURI(uri)]
		if len(a.Edit.Changes) != 1 || len(edits) < 2 {
			t.Fatalf("%q: want several edits of the document, got %+v", a.Title, a.Edit)
		}
		m := newMapperOf(actionsDoc)
		for i := 1; i < len(edits); i++ {
			if lspOffset(document.UTF16, m, edits[i].Range.Start) < lspOffset(document.UTF16, m, edits[i-1].Range.End) {
				t.Fatalf("%q: edits overlap or are unsorted: %v", a.Title, edits)
			}
		}
		fixed := applyTextEdits(t, actionsDoc, edits)
		version++
		c.change(uri, version, full(fixed))
		after := c.waitVersion(uri, version).Diagnostics
		version++
		c.change(uri, version, full(actionsDoc))
		c.waitVersion(uri, version)
		return after
	}
	a := titled(t, actionsAt(t, c, uri, d.Range), "Fix all jargon problems in this document (3)")
	if after := apply(a); hasRule(after, "jargon") || !hasRule(after, "weasel-word") {
		t.Errorf("after fixing all jargon: %v", after)
	}

	// source.fixAll comes when asked for, with nothing else.
	only := actionsAt(t, c, uri, protocol.Range{}, "source.fixAll")
	if len(only) != 1 || only[0].Kind != sourceFixAll {
		t.Fatalf("only=source.fixAll: %+v", only)
	}
	after := apply(only[0])
	if hasRule(after, "jargon") || hasRule(after, "weasel-word") {
		t.Errorf("after fixing all: %v", after)
	}
	if !hasRule(after, "undefined-acronym") {
		t.Error("fix all touched a finding without a safe fix")
	}
	if got := actionsAt(t, c, uri, d.Range, protocol.QuickFix); len(got) == 0 || hasKind(got, sourceFixAll) {
		t.Errorf("only=quickfix got the source action")
	}
}

func hasKind(actions []codeActionOut, kind protocol.CodeActionKind) bool {
	for _, a := range actions {
		if a.Kind == kind {
			return true
		}
	}
	return false
}

func newMapperOf(text string) *document.Mapper { return document.NewMapper([]byte(text)) }

// "Disable RULE in this file" puts the comment on the first line after the
// front matter, and the rule is silent in the whole file afterwards.
func TestDisableInFile(t *testing.T) {
	const uri = "file:///ws/fixes.prfaq.md"
	text := readTestdata(t, "fixes.prfaq.md")
	c := newClient(t)
	c.initialize(nil)
	c.open(uri, text, 1)
	d := diagFor(t, c.waitVersion(uri, 1).Diagnostics, "jargon", "leverages")
	a := titled(t, actionsAt(t, c, uri, d.Range), "Disable jargon in this file")
	got := applyTextEdits(t, text, a.Edit.Changes[uri])
	if !strings.HasPrefix(got, "---\nprfaq: true\ntitle: Acme Ledger\n---\n<!-- prfaq-disable jargon -->\n\n# Acme Ledger") {
		t.Fatalf("the comment is not right after the front matter:\n%.200s", got)
	}
	c.change(uri, 2, full(got))
	after := c.waitVersion(uri, 2).Diagnostics
	if hasRule(after, "jargon") || !hasRule(after, "weasel-word") {
		t.Errorf("after disabling jargon in the file: %v", after)
	}
}

// What the captured clients get: the edit at once or on resolve, a new
// .prfaq.yaml by a create operation or as an edit of a new buffer.
func TestActionCapsOfRealClients(t *testing.T) {
	want := map[string]actionCaps{
		"vscode-initialize.json":                         {resolveEdit: true, createFile: true, disabled: true},
		"helix-initialize.reconstructed.json":            {resolveEdit: true, createFile: true, disabled: true},
		"zed-initialize.reconstructed.json":              {resolveEdit: true, createFile: true},
		"neovim-initialize.json":                         {resolveEdit: true, createFile: true},
		"emacs-eglot-initialize.json":                    {},
		"vim-ale-initialize.json":                        {},
		"vscode-languageserver-protocol-initialize.json": {},
	}
	for file, w := range want {
		var p protocol.InitializeParams
		if err := json.Unmarshal([]byte(readTestdata(t, filepath.Join("clients", file))), &p); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got := readActionCaps(p.Capabilities); got != w {
			t.Errorf("%s: %+v, want %+v", file, got, w)
		}
	}
}
