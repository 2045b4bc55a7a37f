#!/usr/bin/env bash
# Installs code-server 4.100.x (VS Code 1.100) from npm and playwright-core for
# the end-to-end test, offline-safe: no step downloads a prebuilt binary.
#  - install with --ignore-scripts, then build the native modules from source
#    (argon2, kerberos needs libkrb5-dev, node-pty, spdlog, watcher...);
#  - @vscode/ripgrep would download rg: its bin/rg links to Debian's ripgrep;
#  - as root npm needs npm_config_unsafe_perm=true; npm_config_yes=true so
#    nothing prompts.
# Idempotent: a marker records a finished setup for this package-lock.json.
set -euo pipefail
e2e=$(cd "$(dirname "$0")" && pwd)
cd "$e2e"
marker=node_modules/.prfaq-e2e-ready
stamp=$(sha256sum package-lock.json | cut -c1-16)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$stamp" ]; then
  exit 0
fi
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false npm_config_loglevel=error
# node-gyp builds against the installed Node's headers, never downloads them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$(dirname "$(dirname "$(command -v node)")")/include/node/node_api.h" ]; then
  export npm_config_nodedir
  npm_config_nodedir=$(dirname "$(dirname "$(command -v node)")")
fi
rg=$(command -v rg) || { echo "setup: ripgrep (rg) is needed" >&2; exit 1; }

npm ci --ignore-scripts
npm rebuild argon2 >/dev/null

cs=node_modules/code-server
(
  cd "$cs/lib/vscode"
  npm install --omit=dev --ignore-scripts --no-save
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$rg" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild >/dev/null
  ln -sfn node_modules node_modules.asar
  cd extensions
  npm install --omit=dev --ignore-scripts --no-save
)
test -f "$cs/lib/vscode/node_modules/node-pty/build/Release/pty.node"
test -f node_modules/argon2/lib/binding/napi-v3/argon2.node
echo "$stamp" >"$marker"
echo "setup: code-server $(node -p "require('./$cs/package.json').version") ready"
