#!/usr/bin/env bash
# The protocol test: node --test with Microsoft's client libraries over stdio.
# Usage: run.sh SERVER_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
PRFAQ_LSP=$1 node --test --test-reporter=spec lsp.test.mjs
