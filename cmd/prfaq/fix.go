package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// fixFiles applies the safe fixes to each checked file that has some,
// writes it, says what changed on stderr (stdout keeps the report's
// format) and checks the file again, so the report shows what is left. A
// file with nothing to fix is not written.
func fixFiles(results []fileResult, base *diagnostics.Config, fixedConfig bool, maxFindings int, stderr io.Writer) []fileResult {
	for i, r := range results {
		if r.Err != nil || r.Doc == nil {
			continue
		}
		edits, fixed := diagnostics.FixAll(r.Findings, "")
		if len(edits) == 0 {
			continue
		}
		out, err := diagnostics.ApplyEdits(r.Doc.Source, edits)
		if err == nil {
			err = writeAtomic(r.Path, out, 0o644)
		}
		if err != nil {
			results[i].Err = fmt.Errorf("not fixed: %w", err)
			continue
		}
		fmt.Fprintf(stderr, "%s: fixed %d (%s)\n", r.Path, len(fixed), diagnostics.FixSummary(fixed))
		cfg := base
		if !fixedConfig {
			cfg, _, _ = diagnostics.ForFile(base, r.Path) // its errors were reported by the check
		}
		if maxFindings >= 0 && cfg.MaxFindings != maxFindings {
			cfg = cfg.Clone()
			cfg.MaxFindings = maxFindings
		}
		doc := document.Parse(r.Path, out)
		results[i].Doc = doc
		results[i].Findings = diagnostics.Lint(doc, cfg)
	}
	return results
}

// writeAtomic replaces path's content: a temporary file in the same
// folder, renamed over it, so that a reader never sees half a file and a
// failure leaves the old one. An existing file keeps its mode; a link is
// followed and its target replaced, so the link stays a link. newMode
// applies to a file that does not exist yet.
func writeAtomic(path string, data []byte, newMode fs.FileMode) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	mode := newMode
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		mode = st.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".prfaq-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// runAllow adds words to allow: in the nearest .prfaq.yaml (from the
// current folder up), or in a new one in the current folder.
func runAllow(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("allow", flag.ContinueOnError)
	fl.SetOutput(stderr)
	configFile := fl.String("config", "", "configuration file to edit (default: the nearest .prfaq.yaml, or a new one here)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "prfaq allow: name the word or phrase to allow (quote a phrase)")
		return 2
	}
	path := *configFile
	if path == "" {
		if path = diagnostics.FindConfigFile("."); path == "" {
			path = diagnostics.ConfigFileName
		}
	}
	src, err := readConfig(path)
	if err != nil {
		fmt.Fprintln(stderr, "prfaq allow:", err)
		return 2
	}
	text, changed := src, false
	for _, word := range fl.Args() {
		out, ok, err := diagnostics.AllowWord(text, word)
		if err != nil {
			fmt.Fprintf(stderr, "prfaq allow: %s: %v\n", path, err)
			return 2
		}
		if !ok {
			fmt.Fprintf(stdout, "%q is already allowed in %s\n", strings.TrimSpace(word), path)
			continue
		}
		text, changed = out, true
		fmt.Fprintf(stdout, "allowed %q in %s\n", strings.TrimSpace(word), path)
	}
	if !changed {
		return 0
	}
	if err := writeAtomic(path, text, 0o644); err != nil {
		fmt.Fprintln(stderr, "prfaq allow:", err)
		return 2
	}
	return 0
}

// readConfig reads a configuration to edit; a missing one is empty.
func readConfig(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return os.ReadFile(path)
}
