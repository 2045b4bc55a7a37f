// The checks run here, off the main thread, so typing never waits for them.
// The Go engine (prfaq.wasm, GOOS=js GOARCH=wasm) sets globalThis.prfaqEngine;
// every message is {id, method, args} and gets {id, result} or {id, error}.
/* global Go, importScripts */
// Started from a blob: URL (the page opened as a file), wasm_exec.js is
// already in this script and the page sends the engine's bytes first.
const fromBlob = self.location.protocol === 'blob:';
if (!fromBlob) importScripts('wasm_exec.js');

const started = performance.now();
let giveBytes;
const given = new Promise((resolve) => (giveBytes = resolve));
const ready = (async () => {
  const go = new Go();
  let result;
  if (fromBlob) {
    result = await WebAssembly.instantiate(await given, go.importObject);
  } else {
    try {
      result = await WebAssembly.instantiateStreaming(fetch('prfaq.wasm'), go.importObject);
    } catch {
      // A server that sends the wasm without application/wasm.
      const bytes = await (await fetch('prfaq.wasm')).arrayBuffer();
      result = await WebAssembly.instantiate(bytes, go.importObject);
    }
  }
  go.run(result.instance); // main() sets prfaqEngine, then waits for calls
  if (!globalThis.prfaqEngine) throw new Error('the engine did not start');
  return performance.now() - started;
})();

const structured = new Set(['check', 'checkEdits', 'last', 'outline', 'lastOutline', 'rules', 'settings', 'setSeverity']);

self.onmessage = async (e) => {
  if (e.data.wasm) {
    giveBytes(e.data.wasm);
    return;
  }
  const { id, method, args } = e.data;
  try {
    const loadMs = await ready;
    if (method === 'ready') {
      self.postMessage({ id, result: { loadMs } });
      return;
    }
    const fn = globalThis.prfaqEngine[method];
    if (typeof fn !== 'function') throw new Error(`no engine method ${method}`);
    const t0 = performance.now();
    const out = fn(...args);
    const t1 = performance.now();
    const ms = t1 - t0;
    // When the engine started and ended, on the clock the page shares
    // (timeOrigin differs between the page and its worker).
    const at = [performance.timeOrigin + t0, performance.timeOrigin + t1];
    if (!structured.has(method)) {
      self.postMessage({ id, result: out, ms, at });
      return;
    }
    // JSON text crosses to the page as one string, cheaper to copy than the
    // object graph; the engine reports a failure as {"error": …}.
    if (out.startsWith('{"error":') && method !== 'setSeverity') throw new Error(JSON.parse(out).error);
    self.postMessage({ id, json: out, ms, at });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
