#!/usr/bin/env bash
# VS Code extension, offline: type-check, bundle, and `vsce package` the
# linux-x64 VSIX (with the cross-compiled server), then check what it holds.
# PRFAQ_VSCODE_ALL_TARGETS=1 packages every target.
set -euo pipefail
ext=$(cd "$(dirname "$0")/.." && pwd)
cd "$ext"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
checks=0
ok() { checks=$((checks + 1)); echo "ok   $*"; }

npm run -s typecheck && ok "tsc --noEmit: src/extension.ts type-checks against @types/vscode $(node -p "require('@types/vscode/package.json').version") (engines.vscode $(node -p "require('./package.json').engines.vscode"))"
types=$(node -p "require('@types/vscode/package.json').version")
engine=$(node -p "require('./package.json').engines.vscode.replace(/^[^0-9]*/, '')")
node -e "const [a,b]=[process.argv[1],process.argv[2]].map(v=>v.split('.').map(Number));process.exit(a[0]<b[0]||(a[0]==b[0]&&(a[1]<b[1]||(a[1]==b[1]&&a[2]<=b[2])))?0:1)" "$types" "$engine" \
  && ok "@types/vscode $types is not newer than engines.vscode $engine"

targets=(linux-x64)
[ "${PRFAQ_VSCODE_ALL_TARGETS:-}" = 1 ] && targets=(linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64 alpine-x64)
rm -rf vsix
start=$SECONDS
bash scripts/package.sh "${targets[@]}" >"$ext/vsix.log" 2>&1 || { cat "$ext/vsix.log"; exit 1; }
ok "scripts/package.sh ${targets[*]}: bundled and packaged offline in $((SECONDS - start))s"
rm -f "$ext/vsix.log"

for t in "${targets[@]}"; do
  vsix=$(ls vsix/prfaq-"$t"-*.vsix)
  node - "$vsix" "$t" <<'JS'
// A VSIX is a zip: list its entries from the central directory.
const fs = require('fs');
const [file, target] = process.argv.slice(2);
const buf = fs.readFileSync(file);
let eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const count = buf.readUInt16LE(eocd + 10);
let off = buf.readUInt32LE(eocd + 16);
const names = [];
for (let i = 0; i < count; i++) {
  const n = buf.readUInt16LE(off + 28), x = buf.readUInt16LE(off + 30), c = buf.readUInt16LE(off + 32);
  names.push(buf.toString('utf8', off + 46, off + 46 + n));
  off += 46 + n + x + c;
}
const exe = target.startsWith('win32') ? 'prfaq-lsp.exe' : 'prfaq-lsp';
const must = ['extension/package.json', 'extension/dist/extension.js', 'extension/LICENSE.txt', `extension/bin/${target}/${exe}`, 'extension.vsixmanifest'];
for (const m of must) if (!names.includes(m)) { console.error(`FAIL ${file}: no ${m} in ${names.join(', ')}`); process.exit(1); }
const bins = names.filter((n) => n.startsWith('extension/bin/'));
if (bins.length !== 1) { console.error(`FAIL ${file}: want one binary, have ${bins.join(', ')}`); process.exit(1); }
if (names.some((n) => n.includes('node_modules/') || n.includes('/src/'))) { console.error(`FAIL ${file}: ships sources or node_modules`); process.exit(1); }
console.log(`ok   ${file.replace(/.*\//, '')}: ${names.length} files, only bin/${target}/${exe}, no node_modules or sources (${(buf.length / 1024).toFixed(0)} KiB)`);
JS
  checks=$((checks + 1))
  unzip -p "$vsix" extension.vsixmanifest | grep -q "TargetPlatform=\"$t\"" && ok "$t: extension.vsixmanifest declares TargetPlatform=\"$t\""
done
echo "vscode: $checks checks passed"
