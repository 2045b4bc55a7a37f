//go:build js && wasm

// Command wasm is the prfaq engine for the browser page (GOOS=js
// GOARCH=wasm). It sets globalThis.prfaqEngine, whose functions take and
// return strings (JSON for structured values), and then waits: the page's
// Web Worker calls it for every check. All logic is in ../engine.
package main

import (
	"encoding/json"
	"runtime/debug"
	"syscall/js"

	"github.com/prfaq-lsp/prfaq-lsp/document"
	"github.com/prfaq-lsp/prfaq-lsp/editors/web/engine"
)

var (
	eng      engine.Engine
	checkBuf []byte // reused: a check's JSON is about 100 kB at 4,000 words
)

func jsonString(v any) js.Value {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": err.Error()})
	}
	return js.ValueOf(string(b))
}

func arg(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

// fn wraps a Go function; a panic becomes a JSON error rather than the end
// of the Go program (after which every later call would fail).
func fn(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		defer func() {
			if p := recover(); p != nil {
				out = jsonString(map[string]any{"error": p})
			}
		}()
		return f(args)
	})
}

func main() {
	// As the server does (cmd/prfaq-lsp tuneGC): wasm's collector stops the
	// one thread, so collect less often. Measured as wasm at 4,000 words
	// (0.35 MB allocated per keystroke, 3 MB live): a collection on one
	// keystroke in 14 at Go's default 100, one in 100 at 400 (beyond the
	// 95th percentile), one in 300 at 1600 for a heap of 68 MB instead of
	// 51. The limit is the backstop.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(512 << 20)
	api := map[string]any{
		// check(text, yaml) → Result JSON
		"check": fn(func(a []js.Value) any {
			r := eng.Check(arg(a, 0), arg(a, 1))
			checkBuf = engine.AppendJSON(checkBuf[:0], &r)
			return js.ValueOf(string(checkBuf))
		}),
		// checkEdits(text or null, [startLine, startCharacter, endLine,
		// endCharacter, newText, …], yaml, shown) → Underlines JSON: a
		// keystroke's check, on the edits to the text it checked last (see
		// engine.CheckEdits), without the fixes; with shown true (the page
		// shows the last checkEdits's findings, moved with the text), moved
		// findings are left out.
		"checkEdits": fn(func(a []js.Value) any {
			var text *string
			if len(a) > 0 && a[0].Type() == js.TypeString {
				s := a[0].String()
				text = &s
			}
			var edits []engine.TextEdit
			if len(a) > 1 && a[1].Type() == js.TypeObject {
				flat := a[1]
				for i := 0; i+4 < flat.Length(); i += 5 {
					edits = append(edits, engine.TextEdit{
						Start:   document.Position{Line: flat.Index(i).Int(), Character: flat.Index(i + 1).Int()},
						End:     document.Position{Line: flat.Index(i + 2).Int(), Character: flat.Index(i + 3).Int()},
						NewText: flat.Index(i + 4).String(),
					})
				}
			}
			u, err := eng.CheckEdits(text, edits, arg(a, 2))
			if err != nil {
				return jsonString(map[string]string{"error": err.Error()})
			}
			shown := len(a) > 3 && a[3].Type() == js.TypeBoolean && a[3].Bool()
			checkBuf = engine.AppendUnderlinesJSON(checkBuf[:0], &u, shown)
			return js.ValueOf(string(checkBuf))
		}),
		// last() → the Result JSON (with the fixes) of the last check
		"last": fn(func(a []js.Value) any {
			r := eng.Last()
			return js.ValueOf(string(engine.AppendJSON(nil, &r)))
		}),
		// outline(text) → Outline JSON
		"outline": fn(func(a []js.Value) any {
			o := engine.Outline(arg(a, 0))
			return js.ValueOf(string(engine.AppendOutlineJSON(nil, &o)))
		}),
		// lastOutline() → the Outline JSON of the text check saw last
		"lastOutline": fn(func(a []js.Value) any {
			o := eng.LastOutline()
			return js.ValueOf(string(engine.AppendOutlineJSON(nil, &o)))
		}),
		// rules() → [RuleDoc] JSON
		"rules": fn(func(a []js.Value) any { return jsonString(engine.Rules()) }),
		// skeleton(title) → text
		"skeleton": fn(func(a []js.Value) any { return js.ValueOf(engine.Skeleton(arg(a, 0))) }),
		// review(text, yaml) → text
		"review": fn(func(a []js.Value) any { return js.ValueOf(eng.Review(arg(a, 0), arg(a, 1))) }),
		// settings(yaml) → Settings JSON
		"settings": fn(func(a []js.Value) any { return jsonString(engine.ReadSettings(arg(a, 0))) }),
		// setSeverity(yaml, id, severity) → {yaml, error}
		"setSeverity": fn(func(a []js.Value) any {
			out, err := engine.SetSeverity(arg(a, 0), arg(a, 1), arg(a, 2))
			res := map[string]string{"yaml": out}
			if err != nil {
				res["error"] = err.Error()
			}
			return jsonString(res)
		}),
	}
	js.Global().Set("prfaqEngine", js.ValueOf(api))
	select {}
}
