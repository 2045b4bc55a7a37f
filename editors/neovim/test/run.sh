#!/usr/bin/env bash
# Neovim headless test of editors/neovim. Usage: run.sh SERVER_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
editors=$(cd "$here/../.." && pwd)
server=$1
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
# shellcheck source=/dev/null
. "$editors/testdata/workspace.sh"
make_workspace "$ws"
PRFAQ_LSP=$server PRFAQ_WS=$ws PRFAQ_TESTDATA=$editors/testdata HOME=$ws/home XDG_CONFIG_HOME=$ws/home/.config XDG_DATA_HOME=$ws/home/.local/share XDG_STATE_HOME=$ws/home/.local/state \
  timeout 120 nvim --headless -i NONE -u "$here/init.lua"
