#!/usr/bin/env bash
# Vim + ALE test of editors/vim/prfaq-lsp.vim. Usage: run.sh SERVER_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
editors=$(cd "$here/../.." && pwd)
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
# shellcheck source=/dev/null
. "$editors/testdata/workspace.sh"
make_workspace "$ws"
out=$ws/report.txt
: >"$out"
rc=0
PRFAQ_LSP=$1 PRFAQ_WS=$ws PRFAQ_TESTDATA=$editors/testdata PRFAQ_OUT=$out HOME=$ws/home \
  timeout 120 vim -N -u NONE -i NONE -es -S "$here/test.vim" </dev/null >/dev/null 2>&1 || rc=$?
cat "$out"
if [ "$rc" -ne 0 ] || ! grep -q '^vim: .* checks passed' "$out"; then
  echo "vim exited $rc" >&2
  exit 1
fi
