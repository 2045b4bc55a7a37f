// The bench's baseline (PRFAQ_WEB_BENCH_PAGE=bare in test/run.sh, never in
// dist/): the page's CodeMirror with the page's editor extensions and
// styles but no lint, no worker, no panels, timed as the page times a
// keystroke (paint.js). What it takes to paint a typed character here is
// the editor's and the browser's cost on this host, the page's floor.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { editorExtensions, editorKeymap, fromBase64url } from './editor.js';
import { editClock } from './paint.js';

const editTimes = editClock();
let version = 0;
const m = location.hash.match(/^#text=([A-Za-z0-9_-]*)/);
const doc = m ? fromBase64url(m[1]) : '';

const view = new EditorView({
  parent: document.getElementById('editor'),
  state: EditorState.create({
    doc,
    extensions: [
      ...editorExtensions(),
      editorKeymap(),
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
