#!/usr/bin/env bash
# Runs every editor test against the real editors and prints what each one
# checked. Builds the server first (bin/prfaq-lsp).
#
# With CI=true a missing editor or tool fails the run; otherwise the test is
# skipped with the reason. Select tests by name: editors/test.sh neovim vim
set -uo pipefail
editors=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$editors/.." && pwd)
cd "$root"
export PATH="$root/bin:$PATH"
GO=${GO:-go}
ci=${CI:-}
[ "$ci" = "true" ] || [ "$ci" = "1" ] && ci=true || ci=

passed=0 failed=0 skipped=0
failures=()
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

skip() { # name reason
  if [ -n "$ci" ]; then
    echo "FAIL $1: $2 (CI=true: every editor must be installed; see .ci/run)"
    failed=$((failed + 1)); failures+=("$1")
  else
    echo "SKIP $1: $2"
    skipped=$((skipped + 1))
  fi
}

need() { # name command...: all commands exist, else skip
  local name=$1; shift
  local c
  for c in "$@"; do
    if ! command -v "$c" >/dev/null 2>&1 && [ ! -e "$c" ]; then
      skip "$name" "$c not installed"
      return 1
    fi
  done
}

run() { # name command...: run one test, show its output, count it
  local name=$1; shift
  local start=$SECONDS
  echo "=== $name: $*"
  if "$@" 2>"$log_dir/$name.err"; then
    echo "--- $name: passed ($((SECONDS - start))s)"
    passed=$((passed + 1))
  else
    local rc=$?
    sed 's/^/    stderr: /' "$log_dir/$name.err" | tail -40
    echo "--- $name: FAILED (exit $rc, $((SECONDS - start))s)"
    failed=$((failed + 1)); failures+=("$name")
  fi
}

want() { # name: whether this test was selected
  [ ${#selected[@]} -eq 0 ] && return 0
  local s
  for s in "${selected[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}
selected=("$@")

# The server, built the way users build it.
server="${PRFAQ_LSP:-}"
if [ -z "$server" ] && ls cmd/prfaq-lsp/*.go >/dev/null 2>&1; then
  echo "=== build: $GO build -o bin/prfaq-lsp ./cmd/prfaq-lsp"
  if $GO build -o bin/prfaq-lsp ./cmd/prfaq-lsp; then
    server="$root/bin/prfaq-lsp"
  else
    echo "FAIL build: the server does not build"
    failed=$((failed + 1)); failures+=("build")
  fi
fi
server_test() { # name: true when the server is there to test against
  if [ -z "$server" ]; then
    if [ ${#failures[@]} -gt 0 ] && [ "${failures[0]}" = build ]; then
      echo "FAIL $1: the server did not build"; failed=$((failed + 1)); failures+=("$1")
    else
      # Not an editor missing: the server itself is not written yet.
      echo "SKIP $1: cmd/prfaq-lsp has no server yet"
      skipped=$((skipped + 1))
    fi
    return 1
  fi
}

if want static; then
  need static python3 && run static python3 "$editors/static_test.py"
fi
if want neovim; then
  server_test neovim && need neovim nvim && run neovim "$editors/neovim/test/run.sh" "$server"
fi
if want emacs; then
  server_test emacs && need emacs emacs && {
    emacs -q --batch --eval "(progn (package-initialize) (require 'eglot) (require 'markdown-mode))" >/dev/null 2>&1 ||
      { skip emacs "eglot or markdown-mode not installed (Debian: elpa-eglot elpa-markdown-mode)"; false; }
  } && run emacs "$editors/emacs/test/run.sh" "$server"
fi
if want vim; then
  server_test vim && need vim vim /usr/share/vim-ale && run vim "$editors/vim/test/run.sh" "$server"
fi
if want protocol; then
  server_test protocol && need protocol node npm && run protocol "$editors/protocol/run.sh" "$server"
fi
if want vscode; then
  server_test vscode && need vscode node npm && run vscode "$editors/vscode/test/run.sh"
fi

if want vscode-e2e; then
  server_test vscode-e2e && need vscode-e2e node npm /usr/bin/chromium rg && run vscode-e2e "$editors/vscode/e2e/run.sh" "$server"
fi

if want web; then
  need web node npm /usr/bin/chromium && run web "$editors/web/test/run.sh" "${PRFAQ:-}"
fi

echo
[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "editors: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
