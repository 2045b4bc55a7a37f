#!/usr/bin/env bash
# Emacs batch test of editors/emacs/prfaq-lsp.el. Usage: run.sh SERVER_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
editors=$(cd "$here/../.." && pwd)
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
# shellcheck source=/dev/null
. "$editors/testdata/workspace.sh"
make_workspace "$ws"
# The package byte-compiles without a single warning.
cp "$here/../prfaq-lsp.el" "$ws/home/"
HOME=$ws/home emacs -q --batch --eval '(package-initialize)' --eval '(setq byte-compile-error-on-warn t)' \
  -f batch-byte-compile "$ws/home/prfaq-lsp.el" >"$ws/bc.log" 2>&1 || { cat "$ws/bc.log"; exit 1; }
echo "ok   prfaq-lsp.el byte-compiles with no warnings (byte-compile-error-on-warn)"
PRFAQ_LSP=$1 PRFAQ_WS=$ws PRFAQ_TESTDATA=$editors/testdata HOME=$ws/home \
  timeout 120 emacs -q --batch -l "$here/test.el"
