#!/usr/bin/env bash
# VS Code end to end: install the linux-x64 VSIX into code-server 4.100.x,
# open a PR/FAQ in Debian's headless Chromium and read the Problems panel and
# the Outline (test.mjs). Screenshots go to docs/ (PRFAQ_SHOTS to change).
# Usage: run.sh SERVER_BINARY (used only to check the VSIX's own binary runs).
set -euo pipefail
e2e=$(cd "$(dirname "$0")" && pwd)
ext=$(cd "$e2e/.." && pwd)
editors=$(cd "$ext/.." && pwd)
root=$(cd "$editors/.." && pwd)
# PRFAQ_SHOTS=docs refreshes the screenshots the README shows.
shots=${PRFAQ_SHOTS:-$(mktemp -d)}
mkdir -p "$shots"

t0=$SECONDS
"$e2e/setup.sh"
echo "ok   code-server $(node -p "require('$e2e/node_modules/code-server/package.json').version") and playwright-core $(node -p "require('$e2e/node_modules/playwright-core/package.json').version") installed ($((SECONDS - t0))s)"

vsix=$(ls "$ext"/vsix/prfaq-linux-x64-*.vsix 2>/dev/null | head -1 || true)
if [ -z "$vsix" ]; then
  (cd "$ext" && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
  bash "$ext/scripts/package.sh" linux-x64 >/dev/null
  vsix=$(ls "$ext"/vsix/prfaq-linux-x64-*.vsix | head -1)
fi

tmp=$(mktemp -d)
cs_pid=""
cleanup() {
  if [ -n "$cs_pid" ]; then kill -- "-$cs_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
# shellcheck source=/dev/null
. "$editors/testdata/workspace.sh"
ws=$tmp/ws
mkdir -p "$ws" "$tmp/ud/User" "$tmp/ext"
make_workspace "$ws"
rm -rf "$ws/home"
cat >"$tmp/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "files.autoSave": "off",
  "window.commandCenter": false,
  "prfaq.rules": { "deferred-answer": "error" }
}
JSON
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$tmp/config.yaml"
cs="node $e2e/node_modules/code-server/out/node/entry.js"
csargs=(--config "$tmp/config.yaml" --user-data-dir "$tmp/ud" --extensions-dir "$tmp/ext" --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override)

t1=$SECONDS
HOME=$tmp $cs "${csargs[@]}" --install-extension "$vsix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }
installed=$(HOME=$tmp $cs "${csargs[@]}" --list-extensions --show-versions 2>/dev/null | grep -i prfaq || true)
[ -n "$installed" ] || { echo "FAIL the VSIX did not install"; cat "$tmp/install.log"; exit 1; }
echo "ok   installed $(basename "$vsix") into code-server: $installed ($((SECONDS - t1))s)"

# A PATH without prfaq-lsp: the extension must use the binary in the VSIX.
clean_path=$(echo "$PATH" | tr ':' '\n' | while read -r d; do [ -n "$d" ] && [ ! -x "$d/prfaq-lsp" ] && echo "$d"; done | paste -sd:)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
t2=$SECONDS
setsid env HOME="$tmp" PATH="$clean_path" $cs "${csargs[@]}" --bind-addr "127.0.0.1:$port" "$ws" >"$tmp/code-server.log" 2>&1 &
cs_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "FAIL code-server did not start"; cat "$tmp/code-server.log"; exit 1; }
echo "ok   code-server listening on 127.0.0.1:$port ($((SECONDS - t2))s)"

t3=$SECONDS
rc=0
node "$e2e/test.mjs" "http://127.0.0.1:$port" "$ws" "$editors/testdata" "$shots" "$tmp/ud/logs" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "--- code-server log"; tail -30 "$tmp/code-server.log"
  find "$tmp/ud/logs" -name '*.log' -path '*exthost*' -exec tail -20 {} + 2>/dev/null | tail -60
  exit "$rc"
fi
echo "ok   browser session done ($((SECONDS - t3))s; whole e2e $((SECONDS - t0))s)"
