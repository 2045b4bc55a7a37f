// Bundles the page into dist/ (build.sh has built prfaq.wasm and copied
// wasm_exec.js there): app.js (CodeMirror and the page), worker.js, and the
// static files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const dist = new URL('./dist/', import.meta.url).pathname;
mkdirSync(dist, { recursive: true });
const common = { bundle: true, minify: true, target: 'es2020', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/main.js'], outfile: `${dist}app.js`, format: 'iife' });
await build({ ...common, entryPoints: ['src/worker.js'], outfile: `${dist}worker.js`, format: 'iife' });
for (const f of ['index.html', 'style.css']) copyFileSync(`src/${f}`, `${dist}${f}`);
