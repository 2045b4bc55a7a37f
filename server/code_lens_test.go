package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// stagedDoc has one deferred answer, one placeholder and one unanswered
// question; its front matter names the stage.
const stagedDoc = `---
stage: STAGE
---
# Acme Ledger lets [customer segment] send invoices in one click

## FAQ

### How much will it cost?

TBD.

### Who supports shops at night?
`

// The second lens on the headline shows the document's stage and what stands
// between it and the next; the diagnostics follow the same stage.
func TestCodeLensShowsStage(t *testing.T) {
	const uri = "file:///ws/staged.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	lens := func() (string, protocol.Range) {
		var lenses []protocol.CodeLens
		c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: docID(uri)}, &lenses)
		if len(lenses) != 2 || lenses[1].Command == nil {
			t.Fatalf("lenses = %+v", lenses)
		}
		if lenses[1].Range != lenses[0].Range {
			t.Errorf("stage lens at %v, readiness lens at %v: want both on the headline", lenses[1].Range, lenses[0].Range)
		}
		return lenses[1].Command.Title, lenses[1].Range
	}
	severities := func(p publishParams) string {
		var out []string
		for _, d := range p.Diagnostics {
			switch code, _ := d.Code.(string); code {
			case "deferred-answer", "placeholder", "unanswered-question":
				out = append(out, code+"="+severityName(d.Severity))
			}
		}
		return strings.Join(out, " ")
	}

	c.open(uri, strings.Replace(stagedDoc, "STAGE", "draft", 1), 1)
	p := c.waitVersion(uri, 1)
	title, at := lens()
	if want := "stage: draft — to reach review: 1 deferred answer, 1 placeholder, 1 unanswered question"; title != want {
		t.Errorf("draft lens %q, want %q", title, want)
	}
	if at.Start.Line != 3 {
		t.Errorf("lens on line %d, want the headline (3)", at.Start.Line)
	}
	if got, want := severities(p), "placeholder=information deferred-answer=information unanswered-question=information"; got != want {
		t.Errorf("draft diagnostics %s, want %s", got, want)
	}

	c.change(uri, 2, full(strings.Replace(stagedDoc, "STAGE", "final", 1)))
	p = c.waitVersion(uri, 2)
	if title, _ := lens(); title != "stage: final — still open: 1 deferred answer, 1 placeholder, 1 unanswered question" {
		t.Errorf("final lens %q", title)
	}
	if got, want := severities(p), "placeholder=error deferred-answer=error unanswered-question=error"; got != want {
		t.Errorf("final diagnostics %s, want %s", got, want)
	}
}

func severityName(s protocol.DiagnosticSeverity) string {
	return [...]string{"", "error", "warning", "information", "hint"}[int(s)]
}

// The stage can come from the editor's settings; the front matter still wins.
func TestStageFromSettings(t *testing.T) {
	const uri = "file:///ws/settings.prfaq.md"
	c := newClient(t)
	c.initialize(nil)
	noStage := strings.Replace(stagedDoc, "---\nstage: STAGE\n---\n", "", 1)
	c.open(uri, noStage, 1)
	c.waitVersion(uri, 1)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"prfaq": map[string]any{"stage": "final"}}})
	p := c.waitPublish(uri, func(p publishParams) bool {
		for _, d := range p.Diagnostics {
			if code, _ := d.Code.(string); code == "unanswered-question" {
				return d.Severity == protocol.DiagnosticSeverityError
			}
		}
		return false
	})
	if *p.Version != 1 {
		t.Errorf("published version %d", *p.Version)
	}
	var lenses []protocol.CodeLens
	c.mustCall("textDocument/codeLens", protocol.CodeLensParams{TextDocument: docID(uri)}, &lenses)
	if len(lenses) != 2 || lenses[1].Command == nil || !strings.HasPrefix(lenses[1].Command.Title, "stage: final — still open: ") {
		t.Errorf("lenses = %+v", lenses)
	}
	c.change(uri, 2, full(strings.Replace(stagedDoc, "STAGE", "draft", 1)))
	p = c.waitVersion(uri, 2)
	found := 0
	for _, d := range p.Diagnostics {
		if code, _ := d.Code.(string); code == "unanswered-question" {
			found++
			if d.Severity != protocol.DiagnosticSeverityInformation {
				t.Errorf("front matter draft under settings final: unanswered-question is %v", d.Severity)
			}
		}
	}
	if found != 1 {
		t.Errorf("%d unanswered-question findings, want 1", found)
	}
}
