package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// A small PR/FAQ whose one deferred answer sits after an emoji, so JSON
// columns (UTF-16) and text columns (1-based) can be checked.
const deferredDoc = "# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n### When does it ship?\n\n🚀 TBD.\n"

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckText(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "launch.prfaq.md", deferredDoc)
	code, out, _ := runCLI("check", f)
	if code != 1 {
		t.Errorf("exit %d, want 1 (warnings fail by default)", code)
	}
	want := f + ":7:4: warning [deferred-answer] " // 1-based UTF-16 column
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	if code, _, _ := runCLI("check", "--fail-on", "error", f); code != 0 {
		t.Errorf("--fail-on error: exit %d, want 0 (no errors)", code)
	}
	if code, _, _ := runCLI("check", "--fail-on", "never", f); code != 0 {
		t.Errorf("--fail-on never: exit %d", code)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "launch.prfaq.md", deferredDoc)
	write(t, dir, "README.md", "# Notes\n\nTBD.\n")
	_, out, _ := runCLI("check", "--format", "json", dir)
	var got struct {
		Files []struct {
			Path        string `json:"path"`
			PRFAQ       bool   `json:"prfaq"`
			Diagnostics []struct {
				Rule     string         `json:"rule"`
				Severity string         `json:"severity"`
				Data     map[string]any `json:"data"`
				Range    struct {
					Start struct{ Line, Character int } `json:"start"`
				} `json:"range"`
			} `json:"diagnostics"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if len(got.Files) != 2 {
		t.Fatalf("files = %d, want 2 (README listed, not a PR/FAQ)", len(got.Files))
	}
	for _, file := range got.Files {
		switch filepath.Base(file.Path) {
		case "README.md":
			if file.PRFAQ || len(file.Diagnostics) != 0 {
				t.Errorf("README: prfaq=%v, %d diagnostics", file.PRFAQ, len(file.Diagnostics))
			}
		case "launch.prfaq.md":
			found := false
			for _, d := range file.Diagnostics {
				if d.Rule == "deferred-answer" {
					found = true
					// 🚀 is two UTF-16 units and a space follows: TBD starts at character 3
					if d.Range.Start.Line != 6 || d.Range.Start.Character != 3 || d.Severity != "warning" || d.Data["phrase"] != "TBD" {
						t.Errorf("deferred-answer = %+v", d)
					}
				}
			}
			if !found || !file.PRFAQ {
				t.Errorf("launch: %+v", file)
			}
		}
	}
	_ = f
}

func TestCheckSARIFAndGitHub(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "launch.prfaq.md", deferredDoc)
	_, out, _ := runCLI("check", "--format", "sarif", f)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("bad SARIF (%v):\n%s", err, out)
	}
	run := log.Runs[0]
	ok := false
	for _, r := range run.Results {
		if r.RuleID == "deferred-answer" {
			ok = run.Tool.Driver.Rules[r.RuleIndex].ID == r.RuleID && r.Level == "warning" &&
				r.Locations[0].PhysicalLocation.Region.StartLine == 7 && r.Locations[0].PhysicalLocation.Region.StartColumn == 4
		}
	}
	if !ok {
		t.Errorf("SARIF result for deferred-answer wrong:\n%s", out)
	}
	_, out, _ = runCLI("check", "--format", "github", f)
	if !strings.Contains(out, "::warning file="+f+",line=7,col=4,endLine=7,endColumn=7,title=prfaq deferred-answer::") {
		t.Errorf("github output:\n%s", out)
	}
}

func TestCheckBadFilesAreReportedOthersChecked(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "a.prfaq.md", deferredDoc)
	bin := write(t, dir, "b.prfaq.md", "# x\x00\x01")
	latin := write(t, dir, "c.prfaq.md", "# caf\xe9\n")
	code, out, _ := runCLI("check", good, bin, latin, filepath.Join(dir, "missing.md"))
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"binary file", "not valid UTF-8 (first bad byte at offset 5)", "missing.md: error:", "[deferred-answer]"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckWalksAndSkips(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "docs/launch.prfaq.md", deferredDoc)
	write(t, dir, "node_modules/pkg/x.prfaq.md", deferredDoc)
	write(t, dir, ".git/y.prfaq.md", deferredDoc)
	write(t, dir, "vendor/z.prfaq.md", deferredDoc)
	_, out, _ := runCLI("check", dir)
	if !strings.Contains(out, "launch.prfaq.md") || strings.Contains(out, "node_modules") || strings.Contains(out, ".git") || strings.Contains(out, "vendor") {
		t.Errorf("walk output:\n%s", out)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"check"}, {"check", "--format", "xml", "x"}, {"check", "--fail-on", "loud", "x"}, {"nope"}, {}} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestCheckConfigErrorIsClearAndNotFatal(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "launch.prfaq.md", deferredDoc)
	write(t, dir, ".prfaq.yaml", "rules:\n  deferred-answer: shout\n")
	code, out, errOut := runCLI("check", f)
	if code != 1 || !strings.Contains(out, "[deferred-answer]") {
		t.Errorf("exit %d; defaults must apply:\n%s", code, out)
	}
	if !strings.Contains(errOut, ".prfaq.yaml:2: rules.deferred-answer: unknown severity") {
		t.Errorf("stderr lacks the config error:\n%s", errOut)
	}
	write(t, dir, ".prfaq.yaml", "rules:\n  deferred-answer: off\n")
	if code, out, _ := runCLI("check", f); strings.Contains(out, "deferred-answer") {
		t.Errorf("exit %d: rule not switched off:\n%s", code, out)
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := runCLI("rules")
	if code != 0 || !strings.Contains(out, "missing-section") || !strings.Contains(out, "deferred-answer") {
		t.Errorf("rules list:\n%s", out)
	}
	code, out, _ = runCLI("rules", "deferred-answer")
	if code != 0 || !strings.Contains(out, "Bad:") || !strings.Contains(out, "Good:") || !strings.Contains(out, "Quick fix:") {
		t.Errorf("rules deferred-answer:\n%s", out)
	}
	if code, _, _ := runCLI("rules", "no-such-rule"); code != 2 {
		t.Errorf("unknown rule: exit %d", code)
	}
}

func TestNewCommand(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "launch.prfaq.md")
	if code, _, errOut := runCLI("new", "--title", "Ledger lets shops bill in one click", f); code != 0 {
		t.Fatalf("new: exit %d: %s", code, errOut)
	}
	text, _ := os.ReadFile(f)
	if !strings.HasPrefix(string(text), "# Ledger lets shops bill in one click\n") || !strings.Contains(string(text), "### Internal FAQ") {
		t.Errorf("skeleton:\n%s", text)
	}
	os.WriteFile(f, []byte("my work"), 0o644)
	if code, _, errOut := runCLI("new", f); code != 2 || !strings.Contains(errOut, "--force") {
		t.Errorf("overwrite without --force: exit %d %s", code, errOut)
	}
	if kept, _ := os.ReadFile(f); string(kept) != "my work" {
		t.Error("the user's file was overwritten")
	}
	if code, _, _ := runCLI("new", "--force", f); code != 0 {
		t.Error("--force failed")
	}
	// the skeleton is a PR/FAQ with every part in place
	code, out, _ := runCLI("check", "--format", "json", f)
	if strings.Contains(out, "missing-section") {
		t.Errorf("skeleton misses sections (exit %d):\n%s", code, out)
	}
}

// --max-findings caps each rule's findings per file, with one that says
// how many more; it overrides max-findings in .prfaq.yaml.
func TestCheckMaxFindings(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("# Acme Ledger lets small shops send invoices in one click\n\n## FAQ\n\n### How fast is it?\n\n")
	for i := 0; i < 30; i++ {
		b.WriteString("It is very fast.\n\n")
	}
	f := write(t, dir, "launch.prfaq.md", b.String())
	weasels := func(args ...string) (n int, last string) {
		t.Helper()
		_, out, errOut := runCLI(append([]string{"check", "--format", "json"}, args...)...)
		var got struct {
			Files []struct {
				Diagnostics []struct{ Rule, Message string } `json:"diagnostics"`
			} `json:"files"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Files) != 1 {
			t.Fatalf("bad JSON: %v\n%s\n%s", err, out, errOut)
		}
		for _, d := range got.Files[0].Diagnostics {
			if d.Rule == "weasel-word" {
				n++
				last = d.Message
			}
		}
		return n, last
	}
	if n, _ := weasels(f); n != 30 {
		t.Fatalf("%d weasel-word findings by default, want 30", n)
	}
	if n, last := weasels("--max-findings", "4", f); n != 5 || !strings.Contains(last, "26 more weasel-word findings") {
		t.Errorf("--max-findings 4: %d findings, last %q", n, last)
	}
	write(t, dir, ".prfaq.yaml", "max-findings: 10\n")
	if n, last := weasels(f); n != 11 || !strings.Contains(last, "20 more") {
		t.Errorf("max-findings 10 in .prfaq.yaml: %d findings, last %q", n, last)
	}
	if n, _ := weasels("--max-findings", "0", f); n != 30 {
		t.Errorf("--max-findings 0 over the file's 10: %d findings, want all 30", n)
	}
}

// TestTuneGC: a check of small files raises GOGC, one of a large input sets
// a memory limit from its size; each restores what it changed, and an
// explicit GOGC or GOMEMLIMIT keeps the setting.
func TestTuneGC(t *testing.T) {
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small.md"), filepath.Join(dir, "large.md")
	if err := os.WriteFile(small, []byte(deferredDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, bytes.Repeat([]byte("x"), smallCheck+1), 0o644); err != nil {
		t.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	restore := tuneGC([]string{small})
	if got := debug.SetGCPercent(-1); got != 800 {
		t.Errorf("small input: GOGC = %d, want 800", got)
	}
	debug.SetGCPercent(800)
	restore()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("after restore GOGC = %d, want 100", got)
	}
	debug.SetGCPercent(100)

	restore = tuneGC([]string{small, large})
	want := int64(bigCheckBudget * (smallCheck + 1 + len(deferredDoc)))
	if got := debug.SetMemoryLimit(-1); got < want {
		t.Errorf("large input: memory limit %d, want at least %d", got, want)
	}
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("large input: GOGC = %d, want it untouched", got)
	}
	debug.SetGCPercent(100)
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after restore the memory limit is %d, want none", got)
	}

	t.Setenv("GOGC", "100")
	t.Setenv("GOMEMLIMIT", "1GiB")
	tuneGC([]string{small})()
	tuneGC([]string{large})()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("with GOGC set, GOGC = %d, want it untouched", got)
	}
	debug.SetGCPercent(100)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, the limit is %d, want it untouched", got)
	}
}
