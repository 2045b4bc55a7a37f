// The bench's baseline (PRFAQ_WEB_BENCH_PAGE=bare in test/run.sh, never in
// dist/): the page's CodeMirror with the page's editor extensions and
// styles but no lint, no worker, no panels, timed as the page times a
// keystroke (paint.js). What it takes to paint a typed character here is
// the editor's and the browser's cost on this host, the page's floor.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { editClock } from './paint.js';

const editTimes = editClock();
let version = 0;
const m = location.hash.match(/^#text=([A-Za-z0-9_-]*)/);
const doc = m ? new TextDecoder().decode(Uint8Array.from(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))) : '';

const view = new EditorView({
  parent: document.getElementById('editor'),
  state: EditorState.create({
    doc,
    extensions: [
      lineNumbers(),
      history(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      markdown(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        version++;
        editTimes.edited();
      }),
      EditorView.domEventHandlers({
        keydown(e) {
          editTimes.keydown(e);
        },
      }),
    ],
  }),
});

window.prfaq = {
  view,
  editLatencies: editTimes.latencies,
  editFrames: editTimes.frames,
  bare: true,
  get version() {
    return version;
  },
  resetTimings() {
    editTimes.reset();
  },
};
