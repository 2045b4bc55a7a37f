package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/version"
	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// writeText prints path:line:col: severity [rule] message (1-based).
func writeText(w io.Writer, results []fileResult) {
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(w, "%s: error: %v\n", r.Path, r.Err)
			continue
		}
		for _, f := range r.Findings {
			p := r.Doc.Mapper.Position(f.Span.Start)
			fmt.Fprintf(w, "%s:%d:%d: %s [%s] %s\n", r.Path, p.Line+1, p.Character+1, f.Severity, f.Rule, f.Message)
		}
	}
}

type jsonDiagnostic struct {
	Rule     string         `json:"rule"`
	Severity string         `json:"severity"`
	Message  string         `json:"message"`
	Range    document.Range `json:"range"`
	Data     map[string]any `json:"data,omitempty"`
}

type jsonFile struct {
	Path        string           `json:"path"`
	PRFAQ       bool             `json:"prfaq"`
	Error       string           `json:"error,omitempty"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

// writeJSON prints {"files":[…]} with LSP positions (0-based, UTF-16).
func writeJSON(w io.Writer, results []fileResult) {
	out := struct {
		Files []jsonFile `json:"files"`
	}{Files: []jsonFile{}}
	for _, r := range results {
		jf := jsonFile{Path: r.Path, PRFAQ: r.PRFAQ, Diagnostics: []jsonDiagnostic{}}
		if r.Err != nil {
			jf.Error = r.Err.Error()
		}
		for _, f := range r.Findings {
			jf.Diagnostics = append(jf.Diagnostics, jsonDiagnostic{
				Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
				Range: r.Doc.Mapper.Range(f.Span.Start, f.Span.End), Data: f.Data,
			})
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// writeGitHub prints workflow commands that annotate the pull request.
func writeGitHub(w io.Writer, results []fileResult) {
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(w, "::error file=%s,title=prfaq::%s\n", ghProperty(r.Path), ghData(r.Err.Error()))
			continue
		}
		for _, f := range r.Findings {
			rg := r.Doc.Mapper.Range(f.Span.Start, f.Span.End)
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				ghLevel(f.Severity), ghProperty(filepath.ToSlash(r.Path)), rg.Start.Line+1, rg.Start.Character+1,
				rg.End.Line+1, rg.End.Character+1, ghProperty("prfaq "+f.Rule), ghData(f.Message))
		}
	}
}

func ghLevel(s diagnostics.Severity) string {
	switch s {
	case diagnostics.Error:
		return "error"
	case diagnostics.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a workflow command's message; ghProperty also escapes the
// separators of its properties.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(ghData(s))
}

// writeSARIF prints a SARIF 2.1.0 log for code scanning.
func writeSARIF(w io.Writer, results []fileResult) {
	type msg struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	type rule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     msg               `json:"shortDescription"`
		FullDescription      msg               `json:"fullDescription"`
		Help                 msg               `json:"help"`
		DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region region `json:"region"`
		} `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   msg        `json:"message"`
		Locations []location `json:"locations"`
	}
	var rules []rule
	index := map[string]int{}
	for i, r := range diagnostics.Rules() {
		index[r.ID] = i
		rules = append(rules, rule{
			ID: r.ID, Name: r.ID,
			ShortDescription:     msg{Text: r.Summary},
			FullDescription:      msg{Text: r.Why},
			Help:                 msg{Text: r.Summary + " " + r.Why, Markdown: r.Doc()},
			DefaultConfiguration: map[string]string{"level": sarifLevel(r.Severity)},
		})
	}
	out := []result{}
	var notifications []map[string]any
	for _, r := range results {
		if r.Err != nil {
			notifications = append(notifications, map[string]any{"level": "error", "message": msg{Text: r.Path + ": " + r.Err.Error()}})
			continue
		}
		for _, f := range r.Findings {
			rg := r.Doc.Mapper.Range(f.Span.Start, f.Span.End)
			var loc location
			loc.PhysicalLocation.ArtifactLocation.URI = filepath.ToSlash(r.Path)
			loc.PhysicalLocation.Region = region{rg.Start.Line + 1, rg.Start.Character + 1, rg.End.Line + 1, rg.End.Character + 1}
			idx, ok := index[f.Rule]
			if !ok {
				idx = -1
			}
			out = append(out, result{RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity), Message: msg{Text: f.Message}, Locations: []location{loc}})
		}
	}
	invocation := map[string]any{"executionSuccessful": len(notifications) == 0}
	if len(notifications) > 0 {
		invocation["toolExecutionNotifications"] = notifications
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "prfaq", "version": version.String(),
				"informationUri": "https://github.com/prfaq-lsp/prfaq-lsp",
				"rules":          rules,
			}},
			"columnKind":  "utf16CodeUnits",
			"invocations": []any{invocation},
			"results":     out,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(log)
}

func sarifLevel(s diagnostics.Severity) string {
	switch s {
	case diagnostics.Error:
		return "error"
	case diagnostics.Warning:
		return "warning"
	}
	return "note"
}
