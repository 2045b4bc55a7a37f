package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The README's GitHub Actions workflows are valid YAML, and every prfaq
// command in them runs as written (flags known, --base resolvable) in a
// repository with a pull request's two commits.
func TestReadmeWorkflowCommands(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var commands []string
	for _, block := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Run string            `yaml:"run"`
					Env map[string]string `yaml:"env"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal([]byte(block[1]), &wf); err != nil {
			t.Fatalf("README workflow is not YAML: %v\n%s", err, block[1])
		}
		for _, job := range wf.Jobs {
			for _, step := range job.Steps {
				if cmd, ok := strings.CutPrefix(step.Run, "prfaq "); ok {
					if base, ok := step.Env["BASE"]; ok && !strings.Contains(base, "base.sha") {
						t.Errorf("BASE is %q, want the pull request's base commit", base)
					}
					commands = append(commands, cmd)
				}
			}
		}
	}
	if len(commands) < 3 {
		t.Fatalf("found %d prfaq commands in the README's workflows, want at least 3: %q", len(commands), commands)
	}

	repo := t.TempDir()
	git(t, repo, "init", "-q")
	write(t, repo, "docs/launch.prfaq.md", draftOne)
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-q", "-m", "base")
	write(t, repo, "docs/launch.prfaq.md", draftTwo)
	git(t, repo, "commit", "-q", "-a", "-m", "pull request")
	t.Chdir(repo)
	for _, cmd := range commands {
		// the command up to its shell redirection; $BASE is the base commit
		if i := strings.IndexAny(cmd, ">|;&"); i >= 0 {
			cmd = cmd[:i]
		}
		args := strings.Fields(strings.ReplaceAll(cmd, `"$BASE"`, "HEAD~1"))
		code, out, errOut := runCLI(args...)
		if code == 2 || out == "" {
			t.Errorf("prfaq %s: exit %d, stdout %d bytes:\n%s", cmd, code, len(out), errOut)
		}
		if strings.Contains(cmd, "--base") && !strings.Contains(out, "#### Fixed (") {
			t.Errorf("prfaq %s did not compare with the base commit:\n%s", cmd, out)
		}
	}
}
