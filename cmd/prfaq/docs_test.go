package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
)

//go:generate sh -c "go run . rules --markdown > ../../docs/rules.md"

// docs/rules.md is generated from the rule registry; CI fails when a rule's
// doc changed and the file was not regenerated (run `go generate ./cmd/prfaq`).
func TestRulesReferenceIsUpToDate(t *testing.T) {
	want := diagnostics.RulesMarkdown()
	got, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Error("docs/rules.md is out of date: run `go generate ./cmd/prfaq`")
	}
	for _, r := range diagnostics.Rules() {
		if r.Summary == "" || r.Why == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("rule %s lacks part of its doc (summary, why, bad and good examples)", r.ID)
		}
		if !strings.Contains(want, "### `"+r.ID+"`") {
			t.Errorf("rule %s missing from the reference", r.ID)
		}
	}
}

// The project's own PR/FAQ practises what the tool preaches: `prfaq check`
// passes on it with no warning.
func TestOwnPRFAQPasses(t *testing.T) {
	code, out, errOut := runCLI("check", "--fail-on", "warning", "../../PRFAQ.md")
	if code != 0 {
		t.Errorf("prfaq check PRFAQ.md: exit %d\n%s%s", code, out, errOut)
	}
}

// The release build stamps the version into the binary (Makefile LDFLAGS).
func TestVersionIsStamped(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "prfaq")
	build := exec.Command("go", "build", "-ldflags", "-X github.com/prfaq-lsp/prfaq-lsp/cmd/internal/version.stamped=v9.8.7", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || strings.TrimSpace(string(out)) != "prfaq v9.8.7" {
		t.Errorf("prfaq version = %q, %v", out, err)
	}
}
