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
PRFAQ_LSP=$1 PRFAQ_WS=$ws PRFAQ_TESTDATA=$editors/testdata HOME=$ws/home \
  timeout 120 emacs -q --batch -l "$here/test.el"
