// prfaq-lsp over stdio, driven by Microsoft's client libraries
// (vscode-languageserver-protocol over vscode-jsonrpc): initialize,
// diagnostics, outline, completion, an edit, shutdown and exit.
//   PRFAQ_LSP=bin/prfaq-lsp node --test editors/protocol/
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pkg from 'vscode-languageserver-protocol/node';

const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  DocumentSymbolRequest,
  CompletionRequest,
  ConfigurationRequest,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
} = pkg;

const here = dirname(fileURLToPath(import.meta.url));
const testdata = join(here, '..', 'testdata');
const server = process.env.PRFAQ_LSP;
// deferred-answer is a warning by default: the settings make it an error.
const settings = { wordsPerPage: 500, rules: { 'deferred-answer': 'error' } };

const lines = (f) =>
  readFileSync(join(testdata, f), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
const expected = lines('launch.prfaq.expected').map((l) => {
  const [line, code] = l.split(/\s+/);
  return { line: Number(line) - 1, code };
});
const outline = lines('launch.prfaq.outline');
const prfaqText = readFileSync(join(testdata, 'launch.prfaq.md'), 'utf8');
const readmeText = readFileSync(join(testdata, 'README.md'), 'utf8');
const root = pathToFileURL(testdata).href;
const prfaqUri = `${root}/launch.prfaq.md`;
const readmeUri = `${root}/README.md`;

let proc;
let conn;
let exited;
const diagnostics = new Map(); // uri -> [{version, diagnostics}]
const waiters = [];
const configAsked = [];

function publishes(uri) {
  return diagnostics.get(uri) ?? [];
}

/** Resolves when pred() holds after a publishDiagnostics, or rejects after ms. */
function waitFor(pred, ms, what) {
  if (pred()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms}ms waiting for ${what}`)), ms);
    waiters.push(() => {
      if (pred()) {
        clearTimeout(timer);
        resolve();
        return true;
      }
      return false;
    });
  });
}

before(async () => {
  assert.ok(server, 'PRFAQ_LSP must name the server binary');
  proc = spawn(server, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const list = diagnostics.get(p.uri) ?? [];
    list.push(p);
    diagnostics.set(p.uri, list);
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]()) waiters.splice(i, 1);
  });
  conn.onRequest(ConfigurationRequest.type, (p) => {
    configAsked.push(...p.items.map((i) => i.section));
    return p.items.map((i) => (i.section === 'prfaq' ? settings : null));
  });
  conn.onRequest(RegistrationRequest.type, () => null);
  conn.listen();
});

after(async () => {
  if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
});

test('initialize: capabilities for sync, diagnostics, outline and completion', async () => {
  const res = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'prfaq protocol test', version: '1' },
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'testdata' }],
    initializationOptions: { prfaq: settings },
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { versionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        completion: { completionItem: { snippetSupport: true } },
      },
    },
  });
  const caps = res.capabilities;
  console.log(`     server ${res.serverInfo?.name} ${res.serverInfo?.version ?? ''}; capabilities: ${Object.keys(caps).join(', ')}`);
  assert.ok(caps.textDocumentSync, 'textDocumentSync');
  assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
  assert.ok(caps.completionProvider, 'completionProvider');
  assert.ok((caps.completionProvider.triggerCharacters ?? []).includes('#'), 'completion triggers on #');
  if (caps.positionEncoding) assert.equal(caps.positionEncoding, 'utf-16');
  await conn.sendNotification(InitializedNotification.type, {});
});

test('diagnostics: the PR/FAQ gets the expected findings, README.md none', async () => {
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: prfaqUri, languageId: 'markdown', version: 1, text: prfaqText },
  });
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: readmeUri, languageId: 'markdown', version: 1, text: readmeText },
  });
  const latest = () => publishes(prfaqUri).at(-1)?.diagnostics ?? [];
  const haveAll = () => expected.every((w) => latest().some((d) => d.range.start.line === w.line && d.code === w.code));
  await waitFor(haveAll, 10000, 'the expected diagnostics');
  for (const d of latest()) console.log(`     ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} [${d.source}] ${d.message}`);
  for (const d of latest()) {
    assert.equal(d.source, 'prfaq');
    assert.ok(typeof d.code === 'string' && d.code.length > 0, 'code is the rule id');
  }
  const deferred = latest().find((d) => d.code === 'deferred-answer');
  assert.equal(deferred.severity, 1, 'deferred-answer is an error, as the prfaq settings say');
  const v = publishes(prfaqUri).at(-1).version;
  assert.ok(v === undefined || v === 1, `diagnostics carry the document version (${v})`);
  // README.md: give the server time, then it must have published nothing non-empty.
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(publishes(readmeUri).flatMap((p) => p.diagnostics), [], 'README.md gets no findings');
  assert.ok(configAsked.length === 0 || configAsked.includes('prfaq'), `workspace/configuration asks for section prfaq (${configAsked})`);
});

test('outline: documentSymbol gives the press release and the FAQ', async () => {
  const syms = await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: prfaqUri } });
  const names = [];
  const walk = (list, depth) => {
    for (const s of list ?? []) {
      names.push(s.name);
      console.log(`     ${'  '.repeat(depth)}${s.name} (line ${(s.range ?? s.location.range).start.line + 1})`);
      walk(s.children, depth + 1);
    }
  };
  walk(syms, 0);
  for (const w of outline) assert.ok(names.some((n) => n.includes(w)), `outline has "${w}"`);
  assert.ok(syms.every((s) => 'range' in s && 'selectionRange' in s), 'hierarchical DocumentSymbol[] for a client that supports it');
});

test('completion: typing # at the end of the FAQ offers an FAQ entry', async () => {
  const end = prfaqText.split('\n').length - 1; // the empty line after the final newline
  await conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: prfaqUri, version: 2 },
    contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '\n#' }],
  });
  const res = await conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: prfaqUri },
    position: { line: end + 1, character: 1 },
    context: { triggerKind: 2, triggerCharacter: '#' },
  });
  const items = Array.isArray(res) ? res : res.items;
  console.log(`     ${items.length} items: ${items.map((i) => i.label).join(' | ')}`);
  assert.ok(items.length > 0, 'some completions');
  assert.ok(items.some((i) => /faq entry/i.test(i.label)), 'an FAQ entry is offered inside the FAQ');
});

test('edits: answering the TBD question clears deferred-answer', async () => {
  const tbd = prfaqText.split('\n').indexOf('TBD.');
  assert.ok(tbd > 0);
  const before = publishes(prfaqUri).length;
  await conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: prfaqUri, version: 3 },
    contentChanges: [{ range: { start: { line: tbd, character: 0 }, end: { line: tbd, character: 4 } }, text: 'Ledger costs $5 a month per shop.' }],
  });
  const latest = () => publishes(prfaqUri).at(-1);
  await waitFor(
    () => publishes(prfaqUri).length > before && (latest().version === undefined || latest().version === 3),
    10000,
    'diagnostics for version 3',
  );
  assert.ok(!latest().diagnostics.some((d) => d.code === 'deferred-answer'), 'no deferred-answer after the edit');
  assert.ok(latest().diagnostics.some((d) => d.code === 'missing-section'), 'missing-section still reported');
});

test('shutdown and exit: the server answers null and exits 0', async () => {
  const res = await conn.sendRequest(ShutdownRequest.type);
  assert.equal(res, null);
  await conn.sendNotification(ExitNotification.type);
  const { code, signal } = await Promise.race([
    exited,
    new Promise((_, reject) => setTimeout(() => reject(new Error('server did not exit within 5s')), 5000).unref()),
  ]);
  assert.equal(signal, null);
  assert.equal(code, 0);
  conn.dispose();
});
