// What the page's editor and the bench's bare editor (bare.js) have in
// common: the CodeMirror extensions short of lint, its keys, and the
// #text= fragment's decoding. The baseline is a fair floor only while it
// is the page's editor, so both take it from here.
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';

// editorExtensions are the editor's extensions before the page's own.
export function editorExtensions() {
  return [
    lineNumbers(),
    history(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  ];
}

// editorKeymap is the editor's keys and more.
export function editorKeymap(...more) {
  return keymap.of([...defaultKeymap, ...historyKeymap, ...more]);
}

// fromBase64url decodes a #text= fragment's text; it throws on anything
// that is not base64url of UTF-8.
export function fromBase64url(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
