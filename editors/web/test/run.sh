#!/usr/bin/env bash
# The browser page end to end: build dist/ (make web), get prfaq check's JSON
# for the corpus and prfaq new's skeleton from the command line, then drive
# the page in Debian's headless Chromium (test.mjs). PRFAQ_SHOTS=docs saves
# the README's screenshot.
# Usage: run.sh [PRFAQ_BINARY]
set -euo pipefail
web=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$web/../.." && pwd)
GO=${GO:-go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prfaq=${1:-}
if [ -z "$prfaq" ]; then
  $GO build -C "$root" -o "$tmp/prfaq" ./cmd/prfaq
  prfaq=$tmp/prfaq
fi

t0=$SECONDS
[ -d "$web/node_modules/playwright-core" ] || (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
bash "$web/build.sh" | sed 's/^/     /'
echo "ok   make web built dist/ ($((SECONDS - t0))s)"

corpus=()
for f in "$root"/diagnostics/testdata/corpus/*.md; do
  case $(basename "$f") in README.md | LABELS.md) ;; *) corpus+=("$f") ;; esac
done
# An empty configuration file: no .prfaq.yaml above the corpus may apply.
: >"$tmp/empty.yaml"
"$prfaq" check --format json --fail-on never --config "$tmp/empty.yaml" "${corpus[@]}" >"$tmp/corpus.json"
"$prfaq" new >"$tmp/new.md"
echo "ok   prfaq check --format json on ${#corpus[@]} corpus documents, and prfaq new"

shots=${PRFAQ_SHOTS:-}
[ -n "$shots" ] && mkdir -p "$shots" && shots=$(cd "$shots" && pwd)
node "$web/test/test.mjs" "$web/dist" "$root" "$tmp/corpus.json" "$tmp/new.md" "$shots"
