#!/usr/bin/env bash
# Builds the browser page into editors/web/dist/ (`make web`): the engine as
# WebAssembly (Go's own js/wasm target, symbols stripped), Go's wasm_exec.js,
# and the page bundled by esbuild. Serve dist/ from any static server.
set -euo pipefail
web=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$web/../.." && pwd)
GO=${GO:-go}
dist=$web/dist
rm -rf "$dist" && mkdir -p "$dist"
(cd "$web" && { [ -d node_modules/@codemirror/view ] && [ -d node_modules/esbuild ]; } || npm ci --no-audit --no-fund --loglevel=error)
(cd "$root" && GOOS=js GOARCH=wasm CGO_ENABLED=0 $GO build -trimpath -ldflags='-s -w' -o "$dist/prfaq.wasm" ./editors/web/wasm)
goroot=$($GO env GOROOT)
exec_js=$goroot/lib/wasm/wasm_exec.js
[ -f "$exec_js" ] || exec_js=$goroot/misc/wasm/wasm_exec.js
cp "$exec_js" "$dist/wasm_exec.js"
(cd "$web" && node build.mjs)
# the served page's download: everything but offline.js, which only a page
# opened from a folder (file://) loads
served=$(cd "$dist" && ls | grep -v '^offline.js$')
echo "web: built $dist ($(du -sh "$dist" | cut -f1); served page gzip $(cd "$dist" && cat $served | gzip -9 | wc -c | awk '{printf "%.2f MB", $1/1e6}'))"
