package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata goldens")

// TestReviewMarkdownGolden renders the pull-request review of made-up
// drafts (testdata/review.txtar) and compares it with the golden.
func TestReviewMarkdownGolden(t *testing.T) {
	const golden = "testdata/review.txtar"
	ar, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want-") {
			write(t, dir, f.Name, string(f.Data))
		}
	}
	t.Chdir(dir)
	outputs := map[string][]string{
		"want-check.md": {"check", "--format", "markdown", "."},
		"want-diff.md":  {"diff", "--format", "markdown", "old.prfaq.md", "launch.prfaq.md"},
	}
	for i, f := range ar.Files {
		args, ok := outputs[f.Name]
		if !ok {
			continue
		}
		code, out, errOut := runCLI(args...)
		if code == 2 {
			t.Fatalf("%v: exit 2: %s", args, errOut)
		}
		if *update {
			ar.Files[i].Data = []byte(out)
			continue
		}
		if out != string(f.Data) {
			t.Errorf("%v differs from %s's %s (run with -update and read the diff):\n%s", args, golden, f.Name, out)
		}
	}
	if *update {
		if err := os.WriteFile(filepath.Join(pkg, golden), txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A review the reader can trust: every file has its heading and readiness
// line, every finding its rule link and line, and nothing in a message turns
// into markup.
func TestCheckMarkdownShape(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "launch.prfaq.md", deferredDoc+"\n### Who is it for?\n\nShops named [Company name] with YOUR_NAME <b>here</b>.\n")
	write(t, dir, "notes.md", "# Notes\n\nTBD.\n")
	code, out, _ := runCLI("check", "--format", "markdown", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (warnings)", code)
	}
	for _, want := range []string{
		"<!-- prfaq-review -->\n## prfaq review\n\n1 file checked: ",
		"### " + strings.ReplaceAll(filepath.ToSlash(f), "_", `\_`) + "\n\n**Parts:** ",
		"**FAQ:** 2 questions: 1 answered, 1 deferred, 0 unanswered",
		"- [`deferred-answer`](https://github.com/prfaq-lsp/prfaq-lsp/blob/main/docs/rules.md#deferred-answer): 1 warning\n  - line 7: Deferred answer (\"TBD\")",
		`\[Company name\]`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "notes.md") {
		t.Errorf("a Markdown file that is not a PR/FAQ is in the review:\n%s", out)
	}
	if strings.Contains(out, "<b>") || regexp.MustCompile(`[^\\]\[Company`).MatchString(out) {
		t.Errorf("markup from the document leaks into the review:\n%s", out)
	}
}

var findingLine = regexp.MustCompile(`^.+:\d+:\d+: (error|warning|information|hint) \[[a-z-]+\] .+$`)

// The summary line goes to stderr: stdout stays one finding a line, the
// shape the README documents and line-based tools parse.
func TestCheckSummaryLine(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.prfaq.md", deferredDoc)
	write(t, dir, "b.prfaq.md", "# Ledger is the best and most revolutionary invoicing tool ever\n\n## FAQ\n\n### Is it ready?\n\nYes.\n")
	write(t, dir, "notes.md", "# Notes\n\nTBD.\n")
	_, out, errOut := runCLI("check", "--fail-on", "never", dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("too few findings:\n%s", out)
	}
	counts := map[string]int{}
	for _, l := range lines {
		m := findingLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("stdout line not in the documented shape: %q", l)
			continue
		}
		counts[m[1]]++
	}
	want := "2 files checked: " + joinCounts(counts) + " (1 Markdown file not a PR/FAQ, skipped).\n"
	if errOut != want {
		t.Errorf("stderr = %q, want %q", errOut, want)
	}
	if _, _, errOut := runCLI("check", "--config", write(t, dir, "quiet.yaml", "sections: [headline]\nrules: {visuals: off}\n"),
		write(t, dir, "clean.md", "# Ledger lets small shops send invoices in one click\n")); errOut != "1 file checked: no findings.\n" {
		t.Errorf("stderr for one clean file: %q", errOut)
	}
	if _, _, errOut := runCLI("check", "--format", "json", dir); errOut != "" {
		t.Errorf("json must not print a summary: %q", errOut)
	}
}

// joinCounts writes counts as the summary does: worst first, "information"
// never plural.
func joinCounts(c map[string]int) string {
	var parts []string
	for _, s := range []string{"error", "warning", "information", "hint"} {
		switch n := c[s]; {
		case n == 0:
		case n == 1 || s == "information":
			parts = append(parts, strconv.Itoa(n)+" "+s)
		default:
			parts = append(parts, strconv.Itoa(n)+" "+s+"s")
		}
	}
	return strings.Join(parts, ", ")
}

// Two drafts: the second moves the hype paragraph down, answers the
// deferred question and asks a new one it does not answer.
const (
	draftOne = "# Ledger lets small shops send invoices in one click\n\n" +
		"Ledger is the best invoicing tool.\n\nShops send invoices from their phone.\n\n" +
		"## FAQ\n\n### What does it cost?\n\nTBD.\n\n### Who is it for?\n\nShops with fewer than ten staff.\n\n### Where does it run?\n\nIn any browser.\n"
	draftTwo = "# Ledger lets small shops send invoices in one click\n\n" +
		"Shops send invoices from their phone.\n\nLedger is the best invoicing tool.\n\n" +
		"## FAQ\n\n### What does it cost?\n\n$5 a month.\n\n### Who is it for?\n\nShops with fewer than ten staff.\n\n### Where does it run?\n\nIn any browser.\n\n### Does it work offline?\n"
)

type jsonDiff struct {
	Fixed, New, Remaining []struct {
		Rule, Severity, Message string
		Line, Column            int
	}
}

func (d jsonDiff) has(list, rule string, line int) bool {
	l := map[string]any{"fixed": d.Fixed, "new": d.New, "remaining": d.Remaining}[list]
	b, _ := json.Marshal(l)
	var items []struct {
		Rule string
		Line int
	}
	json.Unmarshal(b, &items)
	for _, it := range items {
		if it.Rule == rule && it.Line == line {
			return true
		}
	}
	return false
}

func TestDiffCommand(t *testing.T) {
	dir := t.TempDir()
	old := write(t, dir, "old.prfaq.md", draftOne)
	cur := write(t, dir, "launch.prfaq.md", draftTwo)

	code, out, errOut := runCLI("diff", "--format", "json", old, cur)
	if code != 1 {
		t.Errorf("exit %d, want 1 (a new warning)", code)
	}
	var d jsonDiff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("bad JSON (%v):\n%s", err, out)
	}
	if !d.has("fixed", "deferred-answer", 11) || !d.has("new", "unanswered-question", 21) || !d.has("remaining", "hype", 5) {
		t.Errorf("diff:\n%s", out)
	}
	for _, list := range []string{"fixed", "new"} {
		if d.has(list, "hype", 3) || d.has(list, "hype", 5) {
			t.Errorf("the moved paragraph's finding is %s:\n%s", list, out)
		}
	}
	if len(d.New) != 1 || d.New[0].Severity != "warning" || d.New[0].Column != 5 || !strings.Contains(d.New[0].Message, "Does it work offline?") {
		t.Errorf("new = %+v", d.New)
	}

	code, out, errOut = runCLI("diff", old, cur)
	for _, want := range []string{
		"new       " + cur + ":21:5: warning [unanswered-question] ",
		"fixed     " + old + ":11:1: warning [deferred-answer] ",
		"remaining " + cur + ":5:15: information [hype] ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, old+":3:") && strings.Contains(l, "[hype]") {
			t.Errorf("the moved hype word is reported at its old line:\n%s", out)
		}
	}
	if !strings.HasPrefix(errOut, "1 file compared with "+old+": new 1 warning; fixed 1 warning") {
		t.Errorf("summary: %q", errOut)
	}
	// the other way round nothing is new but the deferral
	if code, out, _ := runCLI("diff", "--format", "json", cur, old); code != 1 || !strings.Contains(out, `"rule": "deferred-answer"`) {
		t.Errorf("reverse: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI("diff", "--fail-on", "error", old, cur); code != 0 {
		t.Errorf("--fail-on error: exit %d, want 0", code)
	}
	if code, _, _ := runCLI("diff", cur, cur); code != 0 {
		t.Errorf("a draft against itself: exit %d, want 0", code)
	}
	for _, args := range [][]string{{"diff", old}, {"diff", "--format", "sarif", old, cur}, {"diff", old, filepath.Join(dir, "missing.md")}} {
		if code, _, errOut := runCLI(args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a reason", args, code, errOut)
		}
	}
}

// git runs git in dir for a test repository, with no user configuration.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("git %v: %v: %s", args, err, stderr.String())
	}
}

func TestCheckBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	launch := write(t, repo, "docs/launch.prfaq.md", draftOne)
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "first draft")
	git(t, repo, "tag", "v1")
	write(t, repo, "docs/launch.prfaq.md", draftTwo)
	added := write(t, repo, "docs/added.prfaq.md", deferredDoc) // not at v1: all new

	code, out, errOut := runCLI("check", "--base", "v1", "--format", "json", filepath.Join(repo, "docs"))
	if code != 1 {
		t.Errorf("exit %d, want 1 (new warnings): %s", code, errOut)
	}
	var got struct {
		Base  string
		Files []struct {
			Path    string
			NewFile bool
			jsonDiff
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Base != "v1" || len(got.Files) != 2 {
		t.Fatalf("bad JSON (%v):\n%s", err, out)
	}
	for _, f := range got.Files {
		switch f.Path {
		case launch:
			if f.NewFile || !f.has("fixed", "deferred-answer", 11) || !f.has("new", "unanswered-question", 21) || !f.has("remaining", "hype", 5) || len(f.New) != 1 {
				t.Errorf("launch: %+v", f)
			}
		case added:
			if !f.NewFile || len(f.Fixed)+len(f.Remaining) != 0 || !f.has("new", "deferred-answer", 7) {
				t.Errorf("added: %+v", f)
			}
		default:
			t.Errorf("unexpected file %s", f.Path)
		}
	}

	// text: the comparison, the fixed finding named by revision and path
	_, out, errOut = runCLI("check", "--base", "v1", launch)
	if !strings.Contains(out, "fixed     v1:"+filepath.ToSlash(launch)+":11:1: warning [deferred-answer]") ||
		!strings.Contains(out, "new       "+launch+":21:5: warning [unanswered-question]") {
		t.Errorf("text:\n%s", out)
	}
	if !strings.HasPrefix(errOut, "1 file compared with v1: new 1 warning;") {
		t.Errorf("summary: %q", errOut)
	}
	// github annotations: only what is new
	_, out, _ = runCLI("check", "--base", "v1", "--format", "github", launch)
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "title=prfaq unanswered-question::") {
		t.Errorf("github annotations must be the new findings only:\n%s", out)
	}
	// markdown: new, fixed and remaining sections
	_, out, _ = runCLI("check", "--base", "v1", "--format", "markdown", filepath.Join(repo, "docs"))
	for _, want := range []string{"compared with `v1`", "#### New (1)", "#### Fixed (", "<details><summary>Remaining (", "New file: not in `v1`"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}

	// once committed, nothing is new: exit 0 although warnings remain
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "second draft")
	if code, out, errOut := runCLI("check", "--base", "HEAD", filepath.Join(repo, "docs")); code != 0 || strings.Contains(out, "new ") {
		t.Errorf("against HEAD: exit %d, want 0:\n%s%s", code, out, errOut)
	}
	// HEAD~1 is v1, named relative to the file's own repository from anywhere
	t.Chdir(t.TempDir())
	if code, out, _ := runCLI("check", "--base", "HEAD~1", launch); code != 1 || !strings.Contains(out, "fixed     HEAD~1:") {
		t.Errorf("HEAD~1 from outside the repository: exit %d\n%s", code, out)
	}

	// clear errors: an unknown revision, a file outside any repository
	if code, out, errOut := runCLI("check", "--base", "no-such-branch", launch); code != 2 || out != "" ||
		!strings.Contains(errOut, `prfaq check: --base: unknown revision "no-such-branch"`) {
		t.Errorf("unknown revision: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := runCLI("check", "--base", "--help", launch); code != 2 || errOut == "" {
		t.Errorf("a revision that is an option: exit %d, stderr %q", code, errOut)
	}
	outside := write(t, t.TempDir(), "solo.prfaq.md", draftTwo)
	if code, _, errOut := runCLI("check", "--base", "HEAD", outside); code != 2 || !strings.Contains(errOut, "is not in a git repository") {
		t.Errorf("outside a repository: exit %d, stderr %q", code, errOut)
	}
}

// The golden review, rendered as GitHub does (CommonMark with GFM), shows
// each message as the text it is: no emphasis, no tag, no link from a
// placeholder, and each rule id links to its documentation.
func TestReviewMarkdownRendersAsText(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/review.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var review []byte
	for _, f := range ar.Files {
		if f.Name == "want-diff.md" {
			review = f.Data
		}
	}
	var rendered bytes.Buffer
	// GitHub keeps <details> and <summary>; unsafe shows that raw HTML, and
	// any other tag a message let through.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := md.Convert(review, &rendered); err != nil {
		t.Fatal(err)
	}
	got := rendered.String()
	for _, want := range []string{
		`Placeholder &quot;YOUR_NAME&quot; left in`,
		`Placeholder &quot;[Risk lead]&quot; left in`,
		`Placeholder &quot;&lt;date&gt;&quot; left in`,
		`<a href="https://github.com/prfaq-lsp/prfaq-lsp/blob/main/docs/rules.md#placeholder"><code>placeholder</code></a>`,
		"<h3>launch.prfaq.md</h3>",
		"<h4>New (4)</h4>",
		"<details><summary>Remaining (9)</summary>",
		"<strong>FAQ:</strong> 6 questions: 5 answered, 0 deferred, 1 unanswered",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered review lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"<em>", "<date>", `href="Risk`} {
		if strings.Contains(got, bad) {
			t.Errorf("rendered review has %q:\n%s", bad, got)
		}
	}
}
