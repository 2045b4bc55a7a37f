package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Bounds of the workspace scan: the server answers workspace/symbol on the
// handler goroutine, so a huge or hostile tree must not stall it.
const (
	maxScanFiles   = 2000    // Markdown files parsed per scan
	maxScanEntries = 50000   // directory entries visited per scan
	maxFileSize    = 1 << 20 // bytes; bigger files are not PR/FAQs worth indexing
	maxSymbols     = 1000    // results per request
	scanBudget     = 2 * time.Second
)

// workspace knows the workspace folders and caches what the server shows of
// the Markdown files on disk (symbols, diagnostics) by path, size and
// modification time.
type workspace struct {
	mu    sync.Mutex
	roots []string
	cache map[string]diskFile
	// maxFiles and maxEntries are maxScanFiles and maxScanEntries; tests
	// lower them.
	maxFiles, maxEntries int
	// beforeScan is a test hook run at the start of each disk scan.
	beforeScan func()
}

// diskFile is what one check of a file on disk gave: its symbols and its
// diagnostics report (kept as encoded JSON, with the config it was made
// under). A file that is not a PR/FAQ, or took too long to check, has
// neither.
type diskFile struct {
	size   int64
	mtime  time.Time
	cfg    *diagnostics.Config
	syms   []protocol.SymbolInformation
	report *fullReport
}

func newWorkspace() *workspace {
	return &workspace{cache: map[string]diskFile{}, maxFiles: maxScanFiles, maxEntries: maxScanEntries}
}

func (w *workspace) setRoots(rootURI protocol.DocumentURI, rootPath string, folders []protocol.WorkspaceFolder) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.roots = nil
	for _, f := range folders {
		if p, ok := uriPath(f.URI); ok {
			w.roots = append(w.roots, p)
		}
	}
	if len(w.roots) == 0 && rootURI != "" {
		if p, ok := uriPath(string(rootURI)); ok {
			w.roots = append(w.roots, p)
		}
	}
	if len(w.roots) == 0 && rootPath != "" {
		w.roots = append(w.roots, rootPath)
	}
}

func (w *workspace) forget() {
	w.mu.Lock()
	clear(w.cache)
	w.mu.Unlock()
}

func (s *Server) didChangeWorkspaceFolders(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidChangeWorkspaceFoldersParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	w := s.ws
	w.mu.Lock()
	removed := map[string]bool{}
	for _, f := range p.Event.Removed {
		if path, ok := uriPath(f.URI); ok {
			removed[path] = true
		}
	}
	roots := w.roots[:0:0]
	for _, r := range w.roots {
		if !removed[r] {
			roots = append(roots, r)
		}
	}
	for _, f := range p.Event.Added {
		if path, ok := uriPath(f.URI); ok {
			roots = append(roots, path)
		}
	}
	w.roots = roots
	w.mu.Unlock()
	return nil, nil
}

// workspaceSymbol lists headlines and FAQ questions of the PR/FAQ files in
// the workspace, open documents from their current text, others from disk.
func (s *Server) workspaceSymbol(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.WorkspaceSymbolParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	out := []protocol.SymbolInformation{}
	words := strings.Fields(strings.ToLower(p.Query))
	seen := map[string]bool{}
	add := func(syms []protocol.SymbolInformation) {
		for _, si := range syms {
			if len(out) < maxSymbols && matchesQuery(si.Name, words) {
				out = append(out, si)
			}
		}
	}
	uris := s.store.uris()
	sort.Strings(uris)
	addOpen := func(uri string, snap *snapshot) {
		if snap == nil {
			return
		}
		if path, onDisk := uriPath(uri); onDisk {
			seen[filepath.Clean(path)] = true
		}
		if snap.isPRFAQ {
			add(docSymbols(s.enc, protocol.DocumentURI(uri), snap.doc))
		}
	}
	// Open documents are read here, in order with the edits, except one
	// whose check is already running (a slow one must not hold up the
	// session): it is read off the handler goroutine, with the disk scan.
	var later []string
	for _, uri := range uris {
		if s.checking(uri) {
			later = append(later, uri)
			continue
		}
		addOpen(uri, s.snapshot(uri))
	}
	s.ws.mu.Lock()
	noRoots := len(s.ws.roots) == 0
	s.ws.mu.Unlock()
	if len(later) == 0 && noRoots {
		return out, nil
	}
	return async(func(ctx context.Context) (any, error) {
		for _, uri := range later {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			addOpen(uri, s.snapshot(uri))
		}
		s.scanWorkspace(ctx, seen, func(path string, d fs.DirEntry) { add(s.diskFile(path, d).syms) })
		return out, nil
	}), nil
}

// scanWorkspace walks the workspace folders for Markdown files and visits
// each one not in skip. WalkDir does not follow symbolic links, so a link
// cycle cannot trap it; hidden folders and dependency folders are skipped;
// the walk stops at the bounds above. It reports whether it saw the whole
// workspace.
func (s *Server) scanWorkspace(ctx context.Context, skip map[string]bool, visit func(path string, d fs.DirEntry)) (complete bool) {
	w := s.ws
	w.mu.Lock()
	roots := append([]string(nil), w.roots...)
	maxFiles, maxEntries, hook := w.maxFiles, w.maxEntries, w.beforeScan
	w.mu.Unlock()
	if hook != nil {
		hook()
	}
	deadline := time.Now().Add(scanBudget)
	files, entries := 0, 0
	complete = true
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			entries++
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if entries > maxEntries || files >= maxFiles || ctx.Err() != nil || time.Now().After(deadline) {
				complete = false
				return fs.SkipAll
			}
			name := d.Name()
			if d.IsDir() {
				if path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || !isMarkdown(name) || skip[filepath.Clean(path)] {
				return nil
			}
			files++
			visit(path, d)
			return nil
		})
		if err != nil {
			complete = false
			s.log.Printf("workspace scan of %s: %v", root, err)
		}
	}
	return complete
}

func isMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// diskFile returns what the server shows of a file on disk, from the cache
// while the file and its configuration are unchanged.
func (s *Server) diskFile(path string, d fs.DirEntry) diskFile {
	info, err := d.Info()
	if err != nil || info.Size() > maxFileSize {
		return diskFile{}
	}
	cfg := s.configFor(path, true)
	w := s.ws
	w.mu.Lock()
	c, ok := w.cache[path]
	w.mu.Unlock()
	if ok && c.size == info.Size() && c.mtime.Equal(info.ModTime()) && c.cfg == cfg {
		return c
	}
	src, err := readBounded(path, maxFileSize)
	if err != nil {
		return diskFile{}
	}
	// The same time budget as open documents: a file that takes longer
	// is remembered without symbols or findings (until it changes) and its
	// check finishes in the background, once.
	done := make(chan *snapshot, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				s.log.Printf("panic checking %s on disk: %v", path, p)
				done <- nil
			}
		}()
		done <- check(nil, "", path, src, 0, 0, cfg)
	}()
	var snap *snapshot
	timer := time.NewTimer(s.checkBudget)
	select {
	case snap = <-done:
		timer.Stop()
	case <-timer.C:
		s.log.Printf("%s takes longer than %v to check; skipped", path, s.checkBudget)
	}
	f := diskFile{size: info.Size(), mtime: info.ModTime(), cfg: cfg}
	if snap != nil && snap.isPRFAQ {
		f.syms = docSymbols(s.enc, fileURI(path), snap.doc)
		f.report = s.report(snap)
	}
	w.mu.Lock()
	w.cache[path] = f
	w.mu.Unlock()
	return f
}

// readBounded reads a file that was at most limit bytes when listed; one
// that has grown past it since is skipped, not read whole.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, limit)
	}
	return src, nil
}

// docSymbols are a PR/FAQ's headline and questions.
func docSymbols(enc document.Encoding, uri protocol.DocumentURI, doc *document.Document) []protocol.SymbolInformation {
	var out []protocol.SymbolInformation
	title := ""
	if h := doc.Parts[document.Headline]; h != nil {
		title = strings.TrimSpace(h.Text)
		if title != "" {
			out = append(out, protocol.SymbolInformation{
				Name: title, Kind: protocol.SymbolKindModule,
				Location: protocol.Location{URI: uri, Range: lspRange(enc, doc, h.Span)},
			})
		}
	}
	for _, q := range doc.Questions {
		if strings.TrimSpace(q.Text) == "" {
			continue
		}
		out = append(out, protocol.SymbolInformation{
			Name: q.Text, Kind: protocol.SymbolKindEvent,
			Location:      protocol.Location{URI: uri, Range: lspRange(enc, doc, q.Span)},
			ContainerName: title,
		})
	}
	return out
}

// matchesQuery: every word of the query appears in the name, any case.
func matchesQuery(name string, words []string) bool {
	lower := strings.ToLower(name)
	for _, w := range words {
		if !strings.Contains(lower, w) {
			return false
		}
	}
	return true
}

// fileURI builds a file: URI for a path.
func fileURI(path string) protocol.DocumentURI {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs
	}
	return protocol.DocumentURI((&url.URL{Scheme: "file", Path: abs}).String())
}
