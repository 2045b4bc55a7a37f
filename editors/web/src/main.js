// The page: CodeMirror 6 with the prfaq engine in a Web Worker. Everything
// the page knows about PR/FAQs comes from the engine (../engine via
// prfaq.wasm); this file only shows it: underlines and hovers, the findings
// and outline panels, quick fixes, the skeleton, the settings.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { editorExtensions, editorKeymap, fromBase64url } from './editor.js';
import { setDiagnostics, forEachDiagnostic, lintGutter, lintKeymap } from '@codemirror/lint';
import { afterNextPaint, editClock } from './paint.js';

const TEXT_KEY = 'prfaq.text';
const CONFIG_KEY = 'prfaq.config';
const $ = (id) => document.getElementById(id);

// ---- the engine, in a worker -------------------------------------------
// Served, the worker loads worker.js and fetches prfaq.wasm. Opened as a
// file (a downloaded folder), browsers fetch nothing and start no worker
// from a file:// URL, so the page loads offline.js (a classic script, which
// file pages may load): the worker's code and the engine's bytes, as text.
// The worker is then started from a blob: URL and given the bytes.
const fromFile = location.protocol === 'file:';
let nextId = 0;
const waiting = new Map();
const workerReady = (fromFile ? fileWorker() : Promise.resolve(new Worker('worker.js'))).then((worker) => {
  worker.onmessage = (e) => {
    const { id, result, json, error, ms, at } = e.data;
    const w = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) w.reject(new Error(error));
    else w.resolve({ result: json !== undefined ? JSON.parse(json) : result, json, ms, at: at && at.map((t) => t - performance.timeOrigin) });
  };
  worker.onerror = (e) => setStatus(`The engine failed to load: ${e.message}`);
  return worker;
});
let worker = null; // set once started: call() posts without waiting then
workerReady.then((w) => (worker = w), () => {});

function fileWorker() {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'offline.js';
    script.onerror = () => reject(new Error('offline.js is missing next to index.html (make web builds it)'));
    script.onload = () => {
      const { workerSource, wasmBase64 } = globalThis.prfaqOffline;
      const w = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
      const bin = atob(wasmBase64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      w.postMessage({ wasm: bytes.buffer }, [bytes.buffer]);
      delete globalThis.prfaqOffline; // 10 MB of text, no longer needed
      resolve(w);
    };
    document.head.appendChild(script);
  });
}

function call(method, ...args) {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    waiting.set(id, { resolve, reject });
    if (worker) worker.postMessage({ id, method, args });
    else workerReady.then((w) => w.postMessage({ id, method, args }), (err) => {
      waiting.delete(id);
      reject(err);
    });
  });
}

// ---- the text: URL fragment, else local storage --------------------------
export function toBase64url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
// textFromFragment reads a #text= fragment once and clears it: later edits
// live in local storage, and a reload must not bring the fragment's text
// back over them. It returns null when there is none.
function textFromFragment() {
  const m = location.hash.match(/^#text=([A-Za-z0-9_-]*)/);
  if (m) {
    try {
      const text = fromBase64url(m[1]);
      window.history.replaceState(null, '', location.pathname + location.search);
      return text;
    } catch {
      setStatus('The #text= in the address is not base64url UTF-8; it was ignored.');
    }
  }
  return null;
}
function initialText() {
  return textFromFragment() ?? localStorage.getItem(TEXT_KEY) ?? '';
}
let configText = localStorage.getItem(CONFIG_KEY) ?? '';

// ---- the editor ----------------------------------------------------------
let version = 0; // bumped on every change of the text
const recent = []; // {version, doc, changes} of the last versions (show)
const RECENT = 64;
const versionTimes = []; // performance.now() when each version was made
const editPainted = []; // when the frame showing each version was rendered
// Whether that frame has begun: its animation frame callbacks ran, and the
// rest of it (style, layout, paint) runs in the same task, so any task after
// them, such as a check's result, comes after the frame is rendered.
const editFramed = [];
const pendingKeys = []; // keydown times not yet shown underlined
const latencies = []; // keystroke → underline painted, ms
const editTimes = editClock(); // keystroke → its edit painted (the floor of latencies)
const stages = []; // per shown version: when each step of the way ended
const sentTimes = []; // when each version went to the worker
let saveTimer = 0;

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      ...editorExtensions(),
      lintGutter(),
      editorKeymap(...lintKeymap),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        version++;
        recent.push({ version, doc: u.state.doc, changes: u.changes });
        if (recent.length > RECENT) recent.shift();
        versionTimes[version] = performance.now();
        const v = version;
        editTimes.edited((t) => (editPainted[v] = t), () => (editFramed[v] = true));
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(save, { timeout: 1000 }) : save()), 500);
        if (!confirmGuess(u)) scheduleCheck();
      }),
      EditorView.domEventHandlers({
        keydown(e) {
          // Keys that type or delete text; a shortcut or an arrow changes no
          // finding and would wait for the next one.
          const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
          const t = editTimes.keydown(e);
          if (t !== null) pendingKeys.push(t);
          if (typed && !e.isComposing) guessCheck(e.key);
        },
      }),
    ],
  }),
});
recent.push({ version: 0, doc: view.state.doc, changes: null });
function save() {
  localStorage.setItem(TEXT_KEY, view.state.doc.toString());
}
// Lazily: the text is written when typing pauses, and when the page is
// left or hidden (a closed tab or a phone's app switch), so nothing is lost.
window.addEventListener('pagehide', save);
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save());

// ---- checking: one check in flight, the latest text next -----------------
// A keystroke sends the engine its edits, not the text: the engine keeps
// the text it checked last (engine.CheckEdits) and answers with the
// findings' underlines only; their fixes come when typing pauses
// (renderPanels). The whole text goes across for the first check and
// whenever the engine's text and the editor's parted (a failed call, or a
// length that differs).
let inFlight = false;
let queued = false;
let last = null; // {version, result}: the last full result, with fixes
let underlined = -1; // the version whose findings are underlined
let engineVersion = -1; // the version whose text the engine holds
let rules = new Map();
let firstCheckMs = null; // ms from navigation to the first findings shown
const checkTimes = []; // the engine's time for each check, ms

// editsSince lists the changes from version `from` (in `recent`) to the
// editor's text, as [startLine, startCharacter, endLine, endCharacter,
// newText, …] in the coordinates of version `from`; null when that version
// is too old to be kept.
function editsSince(from) {
  const i = recent.findIndex((r) => r.version === from);
  if (i < 0) return null;
  let changes = null;
  for (const r of recent.slice(i + 1)) changes = changes ? changes.compose(r.changes) : r.changes;
  const flat = [];
  if (!changes) return flat;
  const doc = recent[i].doc;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    const a = doc.lineAt(fromA), b = doc.lineAt(toA);
    flat.push(a.number - 1, fromA - a.from, b.number - 1, toA - b.from, inserted.toString());
  });
  return flat;
}

let paused = false; // window.prfaq.paused: no checks (the test times the editor alone)
function scheduleCheck() {
  if (paused) return;
  if (inFlight) {
    queued = true;
    return;
  }
  const v = version;
  const doc = view.state.doc;
  const edits = engineVersion >= 0 ? editsSince(engineVersion) : null;
  send(v, doc, edits ? null : doc.toString(), edits, null);
}

// A typed character's check starts at its keydown, on the text the key is
// about to make, while the browser and the editor are still inserting it:
// when the editor's change is that insertion (confirmGuess) the check is
// the new version's; else its result is dropped and the engine gets the
// whole text again. Only a plain character typed at a cursor, with the
// engine on the current text, is guessed.
let guess = null; // {base, pos, insert, settle(matched)}
const guesses = { made: 0, hit: 0 };
// results whose findings only moved (the engine said so, or the page saw
// it; some with new messages), or changed
const results = { moved: 0, changed: 0, movedByEngine: 0, reworded: 0 };
function guessCheck(key) {
  const state = view.state;
  const sel = state.selection;
  if (paused || inFlight || guess || engineVersion !== version || sel.ranges.length !== 1 || !sel.main.empty) return;
  const pos = sel.main.head;
  const line = state.doc.lineAt(pos);
  const at = line.number - 1, ch = pos - line.from;
  let settle;
  const settled = new Promise((resolve) => (settle = resolve));
  const g = { base: version, pos, insert: key, settle };
  guess = g;
  guesses.made++;
  // No change from the key (a handler took it) settles it as a miss.
  const timer = setTimeout(() => {
    if (guess === g) guess = null;
    g.settle(false);
  }, 250);
  settled.then(() => clearTimeout(timer));
  send(version + 1, null, null, [at, ch, at, ch, key], settled);
}
function confirmGuess(u) {
  const g = guess;
  if (!g) return false;
  guess = null;
  let single = 0, matched = version === g.base + 1;
  u.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    single++;
    matched = matched && fromA === g.pos && toA === g.pos && inserted.toString() === g.insert;
  });
  matched = matched && single === 1;
  if (matched) guesses.hit++;
  g.settle(matched);
  return matched;
}

// send starts a check of version v (whose document is doc) on text or
// edits; for a guess, `guessed` settles whether v is the guessed text
// (and its document is known only then).
function send(v, doc, text, edits, guessed) {
  inFlight = true;
  queued = false;
  sentTimes[v] = performance.now();
  // The editor shows the findings of the engine's text, moved with the
  // edits since: an answer whose findings only moved (most keystrokes)
  // then leaves them out.
  const shown = text === null && underlined === engineVersion;
  Promise.all([call('checkEdits', text, edits, configText, shown), guessed])
    .then(([{ result, ms, at }, matched]) => {
      if (guessed) {
        if (!matched) {
          engineVersion = -1; // the engine has the text that was not typed
          queued = true;
          return;
        }
        doc = recent.find((r) => r.version === v)?.doc;
        if (!doc) throw new Error('the guessed version is gone');
      }
      if (result.length !== doc.length) throw new Error(`the engine's text (${result.length} characters) is not the editor's (${doc.length})`);
      engineVersion = v;
      checkTimes.push(ms);
      show(v, result.moved && shown ? null : result.findings, ms, at);
      if (firstCheckMs === null) firstCheckMs = performance.now();
    })
    .catch((err) => {
      // The next check sends the whole text, at once if these were edits.
      engineVersion = -1;
      if (edits) queued = true;
      setStatus(`Check failed: ${err.message}`);
    })
    .finally(() => {
      inFlight = false;
      if (queued || v !== version) scheduleCheck();
    });
}

const cmSeverity = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

// offset converts an LSP position (0-based line, UTF-16 column) to the
// editor's offset; CodeMirror's lines are the engine's (\n, \r\n and \r).
function offset(doc, p) {
  if (p.line >= doc.lines) return doc.length;
  const line = doc.line(p.line + 1);
  return Math.min(line.from + p.character, line.to);
}

function applyFix(fix, v) {
  if (v !== version) {
    setStatus('The text changed since this fix was offered; it is being checked again.');
    return false;
  }
  const doc = view.state.doc;
  const changes = fix.edits.map((e) => ({ from: offset(doc, e.range.start), to: offset(doc, e.range.end), insert: e.newText }));
  view.dispatch({ changes, userEvent: 'input.fix' });
  view.focus();
  setStatus(`Applied: ${fix.title}`);
  return true;
}

function hover(rule, message) {
  return () => {
    const el = document.createElement('div');
    const msg = document.createElement('div');
    msg.textContent = message;
    el.append(msg);
    const doc = rules.get(rule);
    if (doc) {
      const why = document.createElement('div');
      why.className = 'prfaq-why';
      why.textContent = doc.why;
      el.append(why);
    }
    return el;
  };
}

// Findings for an older version are shown too, moved through the edits
// made since: while someone types faster than a check's round trip, every
// result is a keystroke behind, and waiting for a current one would leave
// the underlines stale until typing pauses. Their fixes wait for a current
// check (applyFix).

//
// findings null: the engine found them only moved with the text (see
// engine.CheckEdits), so the underlines the editor moved through the same
// edits are the new ones already.
function show(v, findings, ms, at = [0, 0]) {
  const received = performance.now();
  let same = findings === null;
  if (!same) {
    let doc = view.state.doc;
    let mapping = null;
    if (v !== version) {
      const at = recent.find((r) => r.version === v);
      if (!at) return; // too old to move: the next check is on its way
      doc = at.doc;
      for (const r of recent) if (r.version > v) mapping = mapping ? mapping.compose(r.changes) : r.changes;
    }
    const pos = (line, character, assoc) => {
      const o = offset(doc, { line, character });
      return mapping ? mapping.mapPos(o, assoc) : o;
    };
    const diagnostics = findings.map(([rule, severity, message, sl, sc, el, ec]) => {
      const from = pos(sl, sc, 1);
      return { from, to: Math.max(from, pos(el, ec, -1)), severity: cmSeverity[severity] ?? 'info', source: rule, message, renderMessage: hover(rule, message) };
    });
    // The findings may still be the ones shown, moved in a way the engine
    // does not vouch for (an edit at a finding's edge), or with only their
    // messages changed (a count in one, as a word is typed): the underlines
    // on the screen are the new ones then, and setting them again would only
    // cost a frame's styling, painting and raster for the same pixels. A new
    // message goes into the shown diagnostic, for its next hover (the lint
    // panel, which lists them, gets them set anew when it is open).
    const pairs = pairShown(view.state, diagnostics);
    const reworded = pairs ? pairs.filter(([d, n]) => d.message !== n.message) : [];
    same = pairs !== null && (reworded.length === 0 || !view.dom.querySelector('.cm-panel-lint'));
    if (!same) view.dispatch(setDiagnostics(view.state, diagnostics));
    else if (reworded.length) {
      results.reworded++;
      for (const [d, n] of reworded) {
        d.message = n.message;
        d.renderMessage = n.renderMessage;
      }
    }
  }
  results[same ? 'moved' : 'changed']++;
  if (findings === null) results.movedByEngine++;
  underlined = v;
  const made = versionTimes[v] ?? 0;
  const dispatched = performance.now();
  // A keystroke's underlines are on the screen once the frame with them is
  // rendered: the next one when they were set, else the one that showed
  // the edit (with the underlines moved), or now if that one was before.
  const shown = (painted) => {
    stages.push({ key: pendingKeys[0] ?? made, made, sent: sentTimes[v] ?? made, started: at[0], ended: at[1], received, dispatched, painted, engine: ms });
    while (pendingKeys.length && pendingKeys[0] <= made) latencies.push(painted - pendingKeys.shift());
  };
  if (same && editFramed[v]) shown(performance.now());
  else afterNextPaint(() => shown(performance.now()));
  // The panels and the fixes follow when typing pauses: rebuilding
  // hundreds of list items on every keystroke would cost the next
  // keystroke its frame.
  clearTimeout(panelTimer);
  panelTimer = setTimeout(() => renderPanels(v, ms), firstPanels ? 0 : 150);
  firstPanels = false;
}
// pairShown pairs each diagnostic the editor shows with one of diagnostics
// at the same range, severity and rule (with the same message if there is
// one), or returns null when they are not the same underlines.
function pairShown(state, diagnostics) {
  const key = (d, from, to) => `${from}|${to}|${d.severity}|${d.source}`;
  const byKey = new Map();
  for (const d of diagnostics) {
    const k = key(d, d.from, d.to);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(d);
  }
  const pairs = [], unpaired = [];
  forEachDiagnostic(state, (d, from, to) => {
    const group = byKey.get(key(d, from, to));
    const i = group ? group.findIndex((n) => n.message === d.message) : -1;
    if (i >= 0) pairs.push([d, group.splice(i, 1)[0]]);
    else unpaired.push([d, group]);
  });
  for (const [d, group] of unpaired) {
    if (!group || !group.length) return null;
    pairs.push([d, group.shift()]);
  }
  return pairs.length === diagnostics.length ? pairs : null;
}

let panelTimer = 0;
let firstPanels = true;
let panelsVersion = -1;
let panelsJson = null; // the findings' and the outline's JSON the panels show
let outlineJson = null;
const panelTimes = []; // the main thread's time for each renderPanels, ms

async function renderPanels(v, ms) {
  if (v !== version) return; // a newer check is on its way
  // The findings with their fixes, and the outline, of the text just
  // checked: the engine keeps its parse.
  // One after the other, the outline only if no key came meanwhile: the
  // worker takes a keystroke's check only after what it was given before.
  const { result, json } = await call('last');
  if (v !== version || inFlight) return;
  const { result: outline, json: oJson } = await call('lastOutline');
  if (v !== version || inFlight) return;
  const t0 = performance.now();
  last = { version: v, result };
  addFixes(result.findings, v);
  // A panel is rebuilt only when what it shows changed: after most pauses
  // in typing, a few findings moved, the outline did not.
  if (json !== panelsJson) {
    renderFindings(result.findings);
    renderConfigErrors(result.configErrors);
    panelsJson = json;
  }
  if (oJson !== outlineJson) {
    renderOutline(outline);
    outlineJson = oJson;
  }
  const n = result.findings.length;
  setStatus(`${n} finding${n === 1 ? '' : 's'} · checked in ${ms.toFixed(1)} ms · all in this browser`);
  panelsVersion = v;
  panelTimes.push(performance.now() - t0);
}

// addFixes gives the underlines their quick fixes (for version v's text)
// in the hover. The underlines shown are findings' already: each gets its
// fixes in place, so that nothing is drawn again; only when they are not
// the findings (a check on its way) are they set anew.
function addFixes(findings, v) {
  const doc = view.state.doc;
  const key = (from, to, severity, rule, message) => `${from}|${to}|${severity}|${rule}|${message}`;
  const byKey = new Map();
  const diagnostics = findings.map((f) => {
    const from = offset(doc, f.range.start);
    const d = {
      from, to: Math.max(from, offset(doc, f.range.end)), severity: cmSeverity[f.severity] ?? 'info', source: f.rule, message: f.message,
      renderMessage: hover(f.rule, f.message), actions: f.fixes.map((fix) => ({ name: fix.title, apply: () => applyFix(fix, v) })),
    };
    const k = key(d.from, d.to, d.severity, d.source, d.message);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(d);
    return d;
  });
  const shown = [];
  forEachDiagnostic(view.state, (d, from, to) => {
    const k = key(from, to, d.severity, d.source, d.message);
    shown.push([d, byKey.get(k)?.shift()]);
  });
  if (shown.length === diagnostics.length && shown.every(([, f]) => f)) {
    for (const [d, f] of shown) d.actions = f.actions;
  } else {
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }
}

// ---- panels ---------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, val] of Object.entries(attrs)) {
    if (k === 'class') e.className = val;
    else if (k.startsWith('data-')) e.setAttribute(k, val);
    else e[k] = val;
  }
  e.append(...children);
  return e;
}

function goToLine(line1) {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(line1, 1), doc.lines));
  view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
  view.focus();
}

// keyed rebuilds a list from items, reusing the element of every item whose
// key it showed before: a keystroke changes a few findings, not hundreds, so
// the panel adds and removes those few and leaves the others where they are
// (moving them all, as replaceChildren does, made the browser style and lay
// out hundreds of items again: 50-300 ms at 4,000 words on this host).
function keyed(list, cache, items, key, make) {
  const next = new Map();
  const seen = new Map();
  const els = items.map((item, index) => {
    const base = key(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const k = `${base}#${n}`;
    const e = cache.get(k) ?? make(item);
    const i = String(index);
    if (e.dataset.index !== i) e.dataset.index = i;
    next.set(k, e);
    return e;
  });
  const keep = new Set(els);
  for (const e of [...list.children]) if (!keep.has(e)) e.remove();
  let at = list.firstElementChild;
  for (const e of els) {
    if (e === at) at = at.nextElementSibling;
    else list.insertBefore(e, at);
  }
  return next;
}

// The finding an element of the findings panel shows, in the last check:
// its edits fit the text as it is now.
function currentFinding(li) {
  return last && last.result.findings[Number(li.dataset.index)];
}

let findingItems = new Map();
function renderFindings(findings) {
  $('count').textContent = `(${findings.length})`;
  findingItems = keyed($('findings'), findingItems, findings, findingKey, findingItem);
}
function findingKey(f) {
  return `${f.rule}|${f.severity}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}|${f.fixes.map((x) => x.title).join('|')}`;
}
function findingItem(f) {
  const line = f.range.start.line + 1;
  const li = el(
    'li',
    { 'data-rule': f.rule, 'data-line': String(line), 'data-severity': f.severity, title: rules.get(f.rule)?.summary ?? '' },
    el('span', { class: `sev sev-${cmSeverity[f.severity] ?? 'info'}` }),
    el('span', { class: 'where' }, `${line}:${f.range.start.character + 1}`),
    el('span', { class: 'message' }, f.message),
    ' ',
    el('span', { class: 'rule' }, f.rule),
  );
  const fixes = el('div', { class: 'fixes' });
  f.fixes.forEach((fix, i) => {
    const b = el('button', { type: 'button', class: 'fix', 'data-fix': String(i) }, fix.title);
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      const cur = currentFinding(li);
      if (cur && cur.rule === f.rule && cur.fixes[i]) applyFix(cur.fixes[i], last.version);
    });
    fixes.append(b);
  });
  const explain = el('button', { type: 'button', class: 'explain', title: 'What this rule checks and why' }, 'Why?');
  explain.addEventListener('click', (e) => {
    e.stopPropagation();
    showRuleDoc(f.rule);
  });
  fixes.append(explain);
  li.append(fixes);
  li.addEventListener('click', () => {
    const cur = currentFinding(li) ?? f;
    const doc = view.state.doc;
    view.dispatch({ selection: { anchor: offset(doc, cur.range.start), head: offset(doc, cur.range.end) }, scrollIntoView: true });
    view.focus();
  });
  return li;
}

const partNames = {
  headline: 'Headline', subheading: 'Subheading', summary: 'Summary', problem: 'Problem', solution: 'Solution',
  'leader-quote': 'Leader quote', 'customer-quote': 'Customer quote', 'call-to-action': 'Call to action',
  faq: 'FAQ', 'external-faq': 'External FAQ', 'internal-faq': 'Internal FAQ',
};

let partItems = new Map();
let questionItems = new Map();
function renderOutline(o) {
  partItems = keyed($('outline-parts'), partItems, o.parts, (p) => JSON.stringify(p), (p) => {
    const li = el(
      'li',
      { 'data-part': p.part, 'data-line': String(p.lines[0]), title: `lines ${p.lines[0]}–${p.lines[1]}; ${p.why || p.how}` },
      el('span', { class: 'kind' }, partNames[p.part] ?? p.part),
      el('span', { class: 'text' }, p.text),
    );
    li.addEventListener('click', () => goToLine(p.lines[0]));
    return li;
  });
  questionItems = keyed($('outline-questions'), questionItems, o.questions, (q) => `${q.line}|${q.group}|${q.status}|${q.text}`, (q) => {
    const li = el(
      'li',
      { 'data-line': String(q.line), 'data-status': q.status, 'data-group': q.group, title: q.text },
      el('span', { class: `status status-${q.status}` }, q.status),
      el('span', { class: 'text' }, q.text),
    );
    li.addEventListener('click', () => goToLine(q.line));
    return li;
  });
}

function showRuleDoc(id) {
  const r = rules.get(id);
  if (!r) return;
  $('rule-doc-id').textContent = id;
  $('rule-doc-text').textContent = r.markdown;
  $('rule-doc').hidden = false;
  $('rule-doc').scrollIntoView({ block: 'nearest' });
}
$('close-doc').addEventListener('click', () => ($('rule-doc').hidden = true));

// ---- settings: .prfaq.yaml text, severities through the engine ------------
const severities = ['default', 'off', 'error', 'warning', 'information', 'hint'];
function renderConfigErrors(errors) {
  $('config-errors').replaceChildren(...(errors ?? []).map((e) => el('li', {}, e)));
}
async function refreshSettings() {
  const { result } = await call('settings', configText);
  renderConfigErrors(result.errors);
  $('rule-settings').tBodies[0].replaceChildren(
    ...result.rules.map((r) => {
      const select = el('select', { 'data-rule': r.id, 'aria-label': `severity of ${r.id}` });
      for (const s of severities) {
        select.append(el('option', { value: s, selected: r.set ? s === r.severity : s === 'default' }, s === 'default' ? `default (${r.default})` : s));
      }
      select.addEventListener('change', () => setSeverity(r.id, select.value));
      const name = el('a', { href: '#', class: r.set ? 'set' : '' }, r.id);
      name.addEventListener('click', (e) => {
        e.preventDefault();
        showRuleDoc(r.id);
      });
      return el('tr', { 'data-rule': r.id }, el('td', {}, name), el('td', {}, select));
    }),
  );
  updateDownload();
}
async function setSeverity(id, severity) {
  const { result } = await call('setSeverity', configText, id, severity);
  if (result.error) {
    setStatus(`Settings not changed: ${result.error}`);
    await refreshSettings();
    return;
  }
  setConfig(result.yaml);
  $('config').value = configText;
}
function setConfig(text) {
  configText = text;
  localStorage.setItem(CONFIG_KEY, configText);
  scheduleCheck();
  refreshSettings();
}
let downloadUrl = '';
function updateDownload() {
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([configText], { type: 'text/yaml' }));
  $('download-config').href = downloadUrl;
}
let configTimer = 0;
$('config').value = configText;
$('config').addEventListener('input', () => {
  clearTimeout(configTimer);
  configTimer = setTimeout(() => setConfig($('config').value), 250);
});
$('toggle-settings').addEventListener('click', () => {
  const s = $('settings');
  s.hidden = !s.hidden;
  $('toggle-settings').setAttribute('aria-expanded', String(!s.hidden));
});

// ---- buttons ----------------------------------------------------------------
$('new').addEventListener('click', async () => {
  const { result } = await call('skeleton', '');
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: result }, selection: { anchor: 0 }, userEvent: 'input.new' });
  view.focus();
  setStatus('New PR/FAQ from the skeleton of prfaq new (Ctrl+Z brings your text back).');
});
$('copy-review').addEventListener('click', async () => {
  const { result } = await call('review', view.state.doc.toString(), configText);
  const out = $('review');
  out.value = result;
  try {
    await navigator.clipboard.writeText(result);
    setStatus('Review copied to the clipboard.');
  } catch {
    out.hidden = false;
    out.select();
    setStatus('The clipboard is not available here: the review is selected below, copy it with Ctrl+C.');
  }
});

function setStatus(s) {
  $('status').textContent = s;
}

// ---- start ----------------------------------------------------------------------
const text = initialText();
view.dispatch({ changes: { from: 0, to: 0, insert: text } });
// A #text= link opened in this tab replaces the text (Ctrl+Z undoes it).
window.addEventListener('hashchange', () => {
  const t = textFromFragment();
  if (t !== null) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t }, selection: { anchor: 0 } });
});
call('ready')
  .then(async ({ result }) => {
    window.prfaq.engineLoadMs = result.loadMs;
    scheduleCheck(); // first: the findings before the rule docs and settings
    const list = (await call('rules')).result;
    rules = new Map(list.map((r) => [r.id, r]));
    await refreshSettings();
  })
  .catch((err) => setStatus(`The engine failed to load: ${err.message}`));

// For tests and for the curious: the editor, the engine and the figures.
window.prfaq = {
  view,
  call,
  latencies,
  editLatencies: editTimes.latencies,
  editFrames: editTimes.frames,
  panelTimes,
  stages,
  resetTimings() {
    latencies.length = 0;
    editTimes.reset();
    panelTimes.length = 0;
    stages.length = 0;
    pendingKeys.length = 0;
    checkTimes.length = 0;
    guesses.made = guesses.hit = 0;
    results.moved = results.changed = results.movedByEngine = results.reworded = 0;
  },
  guesses,
  results,
  checkTimes,
  get version() {
    return version;
  },
  // The underlines the editor shows now, and its text.
  shown() {
    const diagnostics = [];
    forEachDiagnostic(view.state, (d, from, to) => diagnostics.push({ from, to, severity: d.severity, rule: d.source, message: d.message }));
    return { text: view.state.doc.toString(), diagnostics };
  },
  get paused() {
    return paused;
  },
  set paused(p) {
    paused = p;
    if (!p) scheduleCheck();
  },
  get last() {
    return last;
  },
  get underlined() {
    return underlined;
  },
  get panelsVersion() {
    return panelsVersion;
  },
  get firstCheckMs() {
    return firstCheckMs;
  },
  toBase64url,
};
