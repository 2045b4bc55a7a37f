package server

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// The server's own code and the engine it runs (the packages linked into
// prfaq-lsp from this module) import nothing that dials, runs programs or
// loads code, and call nothing that creates, changes or removes a file. The
// exceptions are prfaq-lsp's --log FILE and --cpuprofile FILE, which the
// user names.
func TestNoWritesNoNetworkNoExec(t *testing.T) {
	forbiddenImports := map[string]bool{
		"net": true, "net/http": true, "net/rpc": true, "net/smtp": true, "net/mail": true, "net/netip": true,
		"crypto/tls": true, "os/exec": true, "plugin": true, "syscall": true, "unsafe": true, "os/user": true,
	}
	writers := map[string]bool{
		"Create": true, "CreateTemp": true, "WriteFile": true, "OpenFile": true, "Mkdir": true, "MkdirAll": true,
		"MkdirTemp": true, "Remove": true, "RemoveAll": true, "Rename": true, "Symlink": true, "Link": true,
		"Chmod": true, "Chown": true, "Lchown": true, "Chtimes": true, "Truncate": true, "StartProcess": true,
		"Setenv": true, "Unsetenv": true, "Chdir": true, "CopyFS": true,
	}
	// Allowed, with the reason.
	allowed := map[string]string{
		"cmd/prfaq-lsp/main.go: os.OpenFile": "--log FILE, a file the user names",
		"cmd/prfaq-lsp/main.go: os.Create":   "--cpuprofile FILE, a file the user names",
		"cmd/prfaq-lsp/main.go: syscall":     "SIGTERM for signal.NotifyContext",
	}
	// The module's packages linked into prfaq-lsp, as the go tool says.
	const module = "github.com/prfaq-lsp/prfaq-lsp/"
	out, err := exec.Command(goTool(), "list", "-deps", "-f", "{{.ImportPath}}", "../cmd/prfaq-lsp").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, module) {
			pkgs = append(pkgs, strings.TrimPrefix(p, module))
		}
	}
	if len(pkgs) < 4 {
		t.Fatalf("packages linked into prfaq-lsp from this module: %v", pkgs)
	}
	t.Logf("checked packages: %v", pkgs)
	checked := 0
	for _, pkg := range pkgs {
		files, err := filepath.Glob(filepath.Join("..", filepath.FromSlash(pkg), "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			rel := pkg + "/" + filepath.Base(file)
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			osName := ""
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if forbiddenImports[path] {
					if _, ok := allowed[rel+": "+path]; !ok {
						t.Errorf("%s imports %s", rel, path)
					}
				}
				if path == "os" {
					osName = "os"
					if imp.Name != nil {
						osName = imp.Name.Name
					}
				}
			}
			if osName == "" {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == osName && writers[sel.Sel.Name] {
					if _, ok := allowed[rel+": os."+sel.Sel.Name]; !ok {
						t.Errorf("%s uses os.%s", rel, sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
	if checked < 20 {
		t.Fatalf("only %d files checked: wrong directories?", checked)
	}
}

// goTool is the go command of the toolchain running the tests.
func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// treeState lists every file under root with its size and modification time.
func treeState(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[path] = info.Mode().String() + " " + strconv.FormatInt(info.Size(), 10) + " " + info.ModTime().Format(time.RFC3339Nano)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A whole session touching every feature, with HOME, the temp folder and the
// XDG folders pointed at empty folders: afterwards not one file was
// created or changed anywhere the test can see, and every quick fix is a
// text edit of the document it was asked about, with no command to run.
func TestSessionWritesNothing(t *testing.T) {
	home, tmp, ws := t.TempDir(), t.TempDir(), t.TempDir()
	for _, k := range []string{"HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"} {
		t.Setenv(k, home)
	}
	t.Setenv("TMPDIR", tmp)
	launch := readTestdata(t, "launch.prfaq.md")
	writeFile(t, filepath.Join(ws, "docs", "ledger.prfaq.md"), readTestdata(t, "ledger.prfaq.md"))
	writeFile(t, filepath.Join(ws, ".prfaq.yaml"), "rules:\n  jargon:\n    severity: error\n")
	doc := filepath.Join(ws, "docs", "launch.prfaq.md")
	writeFile(t, doc, launch)
	before := map[string]map[string]string{"home": treeState(t, home), "tmp": treeState(t, tmp), "ws": treeState(t, ws)}

	c := newClient(t, withSettings(map[string]any{"wordsPerPage": 400}))
	init := initWithFolder(ws)
	init.InitializationOptions = map[string]any{"prfaq": map[string]any{"rules": map[string]any{"hype": "warning"}}}
	c.initialize(init)
	uri := string(fileURI(doc))
	c.open(uri, launch, 1)
	c.change(uri, 2, ranged(0, 0, 0, 0, "<!-- x -->\n"), full(launch+"\nWe leverage TBD synergy.\n"))
	pub := c.waitVersion(uri, 2)
	id := docID(uri)
	whole := protocol.Range{End: protocol.Position{Line: 10000}}
	var actions []protocol.CodeAction
	c.mustCall("textDocument/codeAction", protocol.CodeActionParams{TextDocument: id, Range: whole, Context: protocol.CodeActionContext{Diagnostics: pub.Diagnostics}}, &actions)
	if len(actions) == 0 {
		t.Fatal("no code actions to check")
	}
	for _, a := range actions {
		if a.Command != nil || a.Edit == nil || len(a.Edit.DocumentChanges) > 0 {
			t.Errorf("code action %q is not a plain text edit: %+v", a.Title, a)
			continue
		}
		// The document, or for a project action the workspace's
		// .prfaq.yaml: an edit the client applies if the user picks it.
		for u := range a.Edit.Changes {
			if string(u) != uri && string(u) != string(fileURI(filepath.Join(ws, ".prfaq.yaml"))) {
				t.Errorf("code action %q edits %s", a.Title, u)
			}
		}
	}
	var lenses []protocol.CodeLens
	c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: id}, &lenses)
	for _, l := range lenses {
		if l.Command != nil && l.Command.Command != "" {
			t.Errorf("code lens runs command %q", l.Command.Command)
		}
	}
	var res json.RawMessage
	c.mustCall("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 3, Character: 3}}}, &res)
	c.mustCall("textDocument/completion", protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 0}}}, &res)
	c.mustCall("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: id}, &res)
	c.mustCall("textDocument/foldingRange", protocol.FoldingRangeParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id}}, &res)
	c.mustCall("workspace/symbol", protocol.WorkspaceSymbolParams{Query: ""}, &res)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}, "text": launch})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": string(fileURI(filepath.Join(ws, ".prfaq.yaml"))), "type": 2}}})
	c.notify("textDocument/didClose", protocol.DidCloseTextDocumentParams{TextDocument: id})
	c.sync()
	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}

	after := map[string]map[string]string{"home": treeState(t, home), "tmp": treeState(t, tmp), "ws": treeState(t, ws)}
	for name, b := range before {
		a := after[name]
		for p, st := range a {
			if b[p] != st {
				t.Errorf("%s: %s changed or appeared (%s → %s)", name, p, b[p], st)
			}
		}
		for p := range b {
			if _, ok := a[p]; !ok {
				t.Errorf("%s: %s disappeared", name, p)
			}
		}
	}
}

// The workspace scan stays inside the workspace folders: a linked folder or
// file that points outside is not followed, a link loop does not trap it,
// and a link to a huge file is not read.
func TestWorkspaceScanStaysInside(t *testing.T) {
	ws, outside := t.TempDir(), t.TempDir()
	ledger := readTestdata(t, "ledger.prfaq.md")
	writeFile(t, filepath.Join(ws, "in.prfaq.md"), strings.ReplaceAll(ledger, "How much does Ledger cost?", "Inside cost question?"))
	writeFile(t, filepath.Join(outside, "secret.prfaq.md"), strings.ReplaceAll(ledger, "How much does Ledger cost?", "Outside cost question?"))
	for link, target := range map[string]string{
		"linked-dir":           outside,
		"linked.prfaq.md":      filepath.Join(outside, "secret.prfaq.md"),
		"loop":                 ws,
		"sub/up":               filepath.Join(ws, "sub"),
		"parent":               filepath.Dir(ws),
		"dangling.prfaq.md":    filepath.Join(outside, "missing.md"),
		"dev-zero.prfaq.md":    "/dev/zero",
		"linked-big.prfaq.md":  filepath.Join(outside, "big.prfaq.md"),
		"sub/deeper/x.prfaq.d": outside,
	} {
		p := filepath.Join(ws, link)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symlinks not available: %v", err)
		}
	}
	writeFile(t, filepath.Join(outside, "big.prfaq.md"), strings.Repeat(ledger, 3*maxFileSize/len(ledger)))
	c := newClient(t)
	c.initialize(initWithFolder(ws))
	got := workspaceSymbols(t, c, "cost question")
	if _, ok := got["Inside cost question?"]; !ok {
		t.Errorf("the file inside the workspace is missing: %v", keys(got))
	}
	if _, ok := got["Outside cost question?"]; ok {
		t.Errorf("a file outside the workspace was indexed through a link")
	}
}

// The scan visits a bounded number of directory entries.
func TestWorkspaceScanEntryBound(t *testing.T) {
	ws := t.TempDir()
	ledger := readTestdata(t, "ledger.prfaq.md")
	for i := 0; i < 40; i++ {
		writeFile(t, filepath.Join(ws, "d"+strconv.Itoa(i), "f.prfaq.md"), strings.ReplaceAll(ledger, "How much does Ledger cost?", "Entry question "+strconv.Itoa(i)+"?"))
	}
	c := newClient(t, withServer(func(s *Server) { s.ws.maxEntries = 21 }))
	c.initialize(initWithFolder(ws))
	got := workspaceSymbols(t, c, "entry question")
	// 21 entries: the root, then a folder and its file each.
	if len(got) == 0 || len(got) > 10 {
		t.Errorf("%d files indexed with a budget of 21 entries, want 1 to 10", len(got))
	}
}
