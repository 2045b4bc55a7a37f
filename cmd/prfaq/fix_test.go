package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const fixableDoc = "# Acme Ledger lets small shops send invoices in one click\n\n" +
	"SEATTLE — Acme today announced Ledger. Ledger leverages the order the shop keeps and is really fast.\n\n" +
	"## FAQ\n\n### How much does it cost\n\nFive dollars a month.\n\n### When does it ship?\n\nTBD.\n"

func TestCheckFix(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "launch.prfaq.md", fixableDoc)
	if err := os.Chmod(f, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("check", "--fix", f)
	got, _ := os.ReadFile(f)
	for _, want := range []string{"Ledger uses the order", "and is fast.", "### How much does it cost?"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("fixed file lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(errOut, f+": fixed 3 (jargon 1, question-format 1, weasel-word 1)") {
		t.Errorf("stderr does not say what was fixed:\n%s", errOut)
	}
	// What is left is reported: the deferred answer has no safe fix.
	if code != 1 || !strings.Contains(out, "[deferred-answer]") || strings.Contains(out, "[jargon]") {
		t.Errorf("exit %d; report after fixing:\n%s", code, out)
	}
	if st, err := os.Stat(f); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Errorf("file mode not kept: %v %v", st.Mode(), err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*prfaq-*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// Nothing left to fix: the file is not written at all.
	before, _ := os.Stat(f)
	past := before.ModTime().Add(-3600e9)
	os.Chtimes(f, past, past)
	_, _, errOut = runCLI("check", "--fix", f)
	if after, _ := os.Stat(f); !after.ModTime().Equal(past) {
		t.Errorf("a file with nothing to fix was written again")
	}
	if strings.Contains(errOut, "fixed") {
		t.Errorf("says it fixed something: %s", errOut)
	}
}

// A link to a PR/FAQ stays a link: the file it points to is fixed.
func TestCheckFixFollowsLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	target := write(t, dir, "real.prfaq.md", fixableDoc)
	link := filepath.Join(dir, "link.prfaq.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	runCLI("check", "--fix", link)
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), "Ledger uses") {
		t.Errorf("the target was not fixed:\n%s", got)
	}
}

func TestAllowCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	// No configuration: one is created here.
	code, out, errOut := runCLI("allow", "Kubernetes", "best of breed")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, ".prfaq.yaml"))
	if string(got) != "allow:\n  - Kubernetes\n  - best of breed\n" {
		t.Errorf("new .prfaq.yaml:\n%s", got)
	}
	if !strings.Contains(out, `allowed "Kubernetes" in .prfaq.yaml`) {
		t.Errorf("stdout: %s", out)
	}

	// From a subfolder, the nearest one above is edited; comments stay.
	write(t, dir, ".prfaq.yaml", "# ours\nallow:\n  - Kubernetes # product\n\nrules:\n  hype: off\n")
	sub := filepath.Join(dir, "docs", "drafts")
	os.MkdirAll(sub, 0o755)
	t.Chdir(sub)
	if code, _, errOut := runCLI("allow", "Helm"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, _ = os.ReadFile(filepath.Join(dir, ".prfaq.yaml"))
	if string(got) != "# ours\nallow:\n  - Kubernetes # product\n  - Helm\n\nrules:\n  hype: off\n" {
		t.Errorf("edited .prfaq.yaml:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(sub, ".prfaq.yaml")); err == nil {
		t.Error("a second .prfaq.yaml was created in the subfolder")
	}

	// Already allowed: said, not written.
	before, _ := os.Stat(filepath.Join(dir, ".prfaq.yaml"))
	_, out, _ = runCLI("allow", "helm")
	after, _ := os.Stat(filepath.Join(dir, ".prfaq.yaml"))
	if !strings.Contains(out, "already allowed") || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("already allowed: %q, written again: %v", out, !after.ModTime().Equal(before.ModTime()))
	}

	// --config names the file.
	other := filepath.Join(dir, "team.yaml")
	if code, _, errOut := runCLI("allow", "--config", other, "SRE"); code != 0 {
		t.Fatalf("--config: exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(other); string(got) != "allow:\n  - SRE\n" {
		t.Errorf("--config file:\n%s", got)
	}
}

func TestAllowRefusesBrokenConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	broken := "allow: [a\nrules:\n"
	write(t, dir, ".prfaq.yaml", broken)
	code, _, errOut := runCLI("allow", "Helm")
	if code != 2 || !strings.Contains(errOut, "invalid YAML") {
		t.Errorf("exit %d, stderr %q; want 2 and a clear error", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ".prfaq.yaml")); string(got) != broken {
		t.Errorf("the broken file was changed:\n%s", got)
	}
	if code, _, _ := runCLI("allow"); code != 2 {
		t.Errorf("no word: exit %d, want 2", code)
	}
}
