package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// baseComparison is one file compared with an earlier version of itself.
type baseComparison struct {
	// Label names the earlier version in output: "REV:path" or the old file.
	Label  string
	NoBase bool // the file did not exist then: every finding is new
	Diff   diagnostics.FindingDiff
}

// checkSummary is the text format's last line: how many files were checked
// and what was found, like other linters' ("3 files checked: 2 errors, 5
// warnings, 1 information"). It goes to stderr, so stdout stays one finding a
// line in the documented shape for whatever parses it.
func checkSummary(results []fileResult) string {
	var counts diagnostics.SeverityCounts
	checked, skipped, unreadable := 0, 0, 0
	for _, r := range results {
		switch {
		case r.Err != nil:
			unreadable++
		case r.Checked:
			checked++
			counts.Add(diagnostics.CountSeverities(r.Findings))
		default:
			skipped++
		}
	}
	s := fmt.Sprintf("%s checked: %s", plural(checked, "file"), counts)
	var notes []string
	if skipped > 0 {
		notes = append(notes, fmt.Sprintf("%s not a PR/FAQ, skipped", plural(skipped, "Markdown file")))
	}
	if unreadable > 0 {
		notes = append(notes, fmt.Sprintf("%s could not be read", plural(unreadable, "file")))
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, "; ") + ")"
	}
	return s + "."
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// reviews builds the review of every checked or unreadable file; Markdown
// files that are not PR/FAQs are left out.
func reviews(results []fileResult) []diagnostics.Review {
	var out []diagnostics.Review
	for _, r := range results {
		switch {
		case r.Err != nil:
			out = append(out, diagnostics.Review{Path: filepath.ToSlash(r.Path), Error: r.Err.Error()})
		case r.Checked:
			rv := diagnostics.NewReview(r.Doc, r.Config, r.Findings)
			rv.Path = filepath.ToSlash(r.Path)
			if r.Base != nil {
				d := r.Base.Diff
				rv.Diff, rv.NoBase = &d, r.Base.NoBase
			}
			out = append(out, rv)
		}
	}
	return out
}

// writeReviewMarkdown prints the pull-request comment; base names what the
// files were compared with, empty for a plain check.
func writeReviewMarkdown(w io.Writer, results []fileResult, base string) {
	fmt.Fprint(w, diagnostics.ReviewMarkdown(reviews(results), base))
}

// checkAgainstBase compares every checked file with its version at git
// revision rev and prints what is new, fixed and remaining. The earlier
// version is checked with today's configuration: the comparison is of the
// document, not of the settings. The exit status is 1 when a new finding
// reaches threshold.
func checkAgainstBase(results []fileResult, rev, format string, threshold diagnostics.Severity, stdout, stderr io.Writer) int {
	git := &gitRevision{rev: rev, checked: map[string]error{}}
	for i := range results {
		r := &results[i]
		if r.Err != nil || !r.Checked {
			continue
		}
		src, exists, err := git.file(r.Path)
		var fatal *gitFatal
		if errors.As(err, &fatal) {
			fmt.Fprintln(stderr, "prfaq check: --base:", err)
			return 2
		}
		label := rev + ":" + filepath.ToSlash(r.Path)
		if err == nil && exists {
			err = refuseNonText(src)
		}
		if err != nil {
			r.Err = fmt.Errorf("at %s: %w", rev, err)
			continue
		}
		var old []diagnostics.Located
		if exists {
			oldDoc := document.Parse(r.Path, src)
			old = diagnostics.Locate(oldDoc, diagnostics.Lint(oldDoc, r.Config))
		}
		r.Base = &baseComparison{Label: label, NoBase: !exists,
			Diff: diagnostics.DiffFindings(old, diagnostics.Locate(r.Doc, r.Findings))}
	}
	switch format {
	case "text":
		for _, r := range results {
			if r.Err != nil {
				fmt.Fprintf(stdout, "%s: error: %v\n", r.Path, r.Err)
			} else if r.Base != nil {
				writeDiffText(stdout, r.Path, r.Base)
			}
		}
		fmt.Fprintln(stderr, diffSummary(results, rev))
	case "json":
		writeBaseJSON(stdout, results, rev)
	case "markdown":
		writeReviewMarkdown(stdout, results, rev)
	default: // sarif, github: annotate only what is new
		for i := range results {
			if b := results[i].Base; b != nil {
				results[i].Findings = diagnostics.FindingsOf(b.Diff.New)
			}
		}
		if format == "sarif" {
			writeSARIF(stdout, results)
		} else {
			writeGitHub(stdout, results)
		}
	}
	code := 0
	for _, r := range results {
		if r.Err != nil {
			if format != "text" {
				fmt.Fprintf(stderr, "%s: %v\n", r.Path, r.Err)
			}
			code = 2
		}
	}
	if code == 0 && threshold != diagnostics.Off {
		for _, r := range results {
			if r.Base == nil {
				continue
			}
			for _, f := range r.Base.Diff.New {
				if f.Severity <= threshold {
					code = 1
				}
			}
		}
	}
	return code
}

// writeDiffText prints one file's comparison: a line a finding, the status
// first, then the check format (path:line:col: severity [rule] message);
// fixed findings are at their lines in the earlier version.
func writeDiffText(w io.Writer, path string, b *baseComparison) {
	line := func(status, where string, l diagnostics.Located) {
		fmt.Fprintf(w, "%-9s %s:%d:%d: %s [%s] %s\n", status, where, l.Line, l.Column, l.Severity, l.Rule, l.Message)
	}
	for _, l := range b.Diff.New {
		line("new", path, l)
	}
	for _, l := range b.Diff.Fixed {
		line("fixed", b.Label, l)
	}
	for _, l := range b.Diff.Remaining {
		line("remaining", path, l)
	}
}

// diffSummary is the comparison's last line (stderr): files compared, then
// the new, fixed and remaining findings by severity.
func diffSummary(results []fileResult, base string) string {
	var added, fixed, remaining diagnostics.SeverityCounts
	compared, unreadable := 0, 0
	for _, r := range results {
		switch {
		case r.Err != nil:
			unreadable++
		case r.Base != nil:
			compared++
			added.Add(diagnostics.CountSeverities(diagnostics.FindingsOf(r.Base.Diff.New)))
			fixed.Add(diagnostics.CountSeverities(diagnostics.FindingsOf(r.Base.Diff.Fixed)))
			remaining.Add(diagnostics.CountSeverities(diagnostics.FindingsOf(r.Base.Diff.Remaining)))
		}
	}
	s := fmt.Sprintf("%s compared with %s: new %s; fixed %s; remaining %s", plural(compared, "file"), base,
		added.Or("none"), fixed.Or("none"), remaining.Or("none"))
	if unreadable > 0 {
		s += fmt.Sprintf(" (%s could not be read)", plural(unreadable, "file"))
	}
	return s + "."
}

// writeBaseJSON prints {"base": REV, "files": [{"path", "newFile", "fixed",
// "new", "remaining"} or {"path", "error"}]}; findings as prfaq diff's.
func writeBaseJSON(w io.Writer, results []fileResult, base string) {
	type file struct {
		Path    string `json:"path"`
		Error   string `json:"error,omitempty"`
		NewFile bool   `json:"newFile,omitempty"`
		*diagnostics.FindingDiff
	}
	out := struct {
		Base  string `json:"base"`
		Files []file `json:"files"`
	}{Base: base, Files: []file{}}
	for _, r := range results {
		switch {
		case r.Err != nil:
			out.Files = append(out.Files, file{Path: r.Path, Error: r.Err.Error()})
		case r.Base != nil:
			d := r.Base.Diff
			out.Files = append(out.Files, file{Path: r.Path, NewFile: r.Base.NoBase, FindingDiff: &d})
		}
	}
	writeIndentedJSON(w, out)
}

func writeIndentedJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// gitRevision reads files as they were at one git revision, each from its
// own repository (so files from several repositories can be compared).
type gitRevision struct {
	rev     string
	checked map[string]error // directory → whether it is in a repository that has rev
}

// gitFatal is a problem with the repository or the revision, not with one
// file: the comparison cannot go on.
type gitFatal struct{ msg string }

func (e *gitFatal) Error() string { return e.msg }

// file returns path's content at the revision, and whether it existed then.
func (g *gitRevision) file(path string) ([]byte, bool, error) {
	dir, name := filepath.Dir(path), filepath.Base(path)
	if err, seen := g.checked[dir]; !seen {
		err = g.check(dir)
		g.checked[dir] = err
		if err != nil {
			return nil, false, err
		}
	} else if err != nil {
		return nil, false, err
	}
	// "REV:./name" is relative to the directory git runs in.
	object := g.rev + ":./" + name
	size, err := runGit(dir, "cat-file", "-s", object)
	if err != nil {
		return nil, false, nil // not in that revision: a new file
	}
	if n, err := strconv.Atoi(strings.TrimSpace(string(size))); err == nil && n > maxFileSize {
		return nil, true, fmt.Errorf("file is %d bytes, larger than the %d-byte limit", n, maxFileSize)
	}
	src, err := runGit(dir, "cat-file", "blob", object)
	if err != nil {
		return nil, true, fmt.Errorf("git cat-file blob %s: %w", object, err)
	}
	return src, true, nil
}

// check says, as a gitFatal, why dir cannot be compared with the revision.
func (g *gitRevision) check(dir string) error {
	if strings.HasPrefix(g.rev, "-") {
		return &gitFatal{fmt.Sprintf("%q is not a revision", g.rev)}
	}
	if _, err := runGit(dir, "rev-parse", "--show-toplevel"); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return &gitFatal{"git is not installed: " + err.Error()}
		}
		return &gitFatal{fmt.Sprintf("%s is not in a git repository (%v)", dir, err)}
	}
	if _, err := runGit(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", g.rev+"^{commit}"); err != nil {
		return &gitFatal{fmt.Sprintf("unknown revision %q in the repository of %s (a branch, tag or commit; in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)", g.rev, dir)}
	}
	return nil
}

// runGit runs git in dir; a failure carries git's own message.
func runGit(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("%w: %s", err, msg)
		}
		return nil, err
	}
	return out, nil
}
