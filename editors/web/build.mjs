// Bundles the page into dist/ (build.sh has built prfaq.wasm and copied
// wasm_exec.js there): app.js (CodeMirror and the page), worker.js, the
// static files, and offline.js for a page opened from a folder.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('./dist/', import.meta.url).pathname;
mkdirSync(dist, { recursive: true });
const common = { bundle: true, minify: true, target: 'es2020', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/main.js'], outfile: `${dist}app.js`, format: 'iife' });
await build({ ...common, entryPoints: ['src/worker.js'], outfile: `${dist}worker.js`, format: 'iife' });
for (const f of ['index.html', 'style.css']) copyFileSync(`src/${f}`, `${dist}${f}`);

// offline.js: what the page needs when it is opened as a file (file://),
// where browsers fetch nothing and start no worker from a file URL: the
// worker's code (wasm_exec.js in front) and the engine's bytes, as text. A
// served page never loads it.
const workerSource = readFileSync(`${dist}wasm_exec.js`, 'utf8') + '\n' + readFileSync(`${dist}worker.js`, 'utf8');
const wasmBase64 = readFileSync(`${dist}prfaq.wasm`).toString('base64');
writeFileSync(`${dist}offline.js`, `globalThis.prfaqOffline={workerSource:${JSON.stringify(workerSource)},wasmBase64:"${wasmBase64}"};\n`);

// The bench's baseline (PRFAQ_WEB_BENCH_PAGE=bare, test/run.sh): the bare
// editor of src/bare.js in dist-bare/, outside the page a server is given.
if (process.env.PRFAQ_WEB_BENCH_PAGE === 'bare') {
  const bare = new URL('./dist-bare/', import.meta.url).pathname;
  mkdirSync(bare, { recursive: true });
  await build({ ...common, entryPoints: ['src/bare.js'], outfile: `${bare}bare.js`, format: 'iife' });
  copyFileSync('src/bare.html', `${bare}index.html`);
}
