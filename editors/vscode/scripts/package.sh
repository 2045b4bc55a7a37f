#!/usr/bin/env bash
# Cross-compiles prfaq-lsp (CGO_ENABLED=0) and packages one VSIX per target
# with `vsce package --target`, staging only that target's binary each time.
#
#   scripts/package.sh                 # every target
#   scripts/package.sh linux-x64 ...   # only these
# VSIXes go to editors/vscode/vsix/. Needs Go and `npm ci` done here.
set -euo pipefail
ext=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$ext/../.." && pwd)
GO=${GO:-go}
all=(linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64 alpine-x64)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
version=$(node -p "require('$ext/package.json').version")
mkdir -p "$ext/vsix"

cd "$ext"
npm run -s typecheck
npm run -s bundle

for t in "${targets[@]}"; do
  case $t in
    linux-x64 | alpine-x64) goos=linux goarch=amd64 ;;
    linux-arm64 | alpine-arm64) goos=linux goarch=arm64 ;;
    darwin-x64) goos=darwin goarch=amd64 ;;
    darwin-arm64) goos=darwin goarch=arm64 ;;
    win32-x64) goos=windows goarch=amd64 ;;
    win32-arm64) goos=windows goarch=arm64 ;;
    *) echo "unknown target $t (want one of ${all[*]})" >&2; exit 2 ;;
  esac
  exe=prfaq-lsp
  [ "$goos" = windows ] && exe=prfaq-lsp.exe
  rm -rf "$ext/bin"
  mkdir -p "$ext/bin/$t"
  (cd "$root" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch $GO build -trimpath -ldflags="-s -w -X github.com/prfaq-lsp/prfaq-lsp/cmd/internal/version.stamped=${VERSION:-v$version}" -o "$ext/bin/$t/$exe" "${PRFAQ_LSP_PKG:-./cmd/prfaq-lsp}")
  out="$ext/vsix/prfaq-$t-$version.vsix"
  # --no-dependencies: dist/extension.js is a bundle; node_modules stays out.
  npx --no-install vsce package --no-dependencies --target "$t" --out "$out" </dev/null
  echo "packaged $out ($(du -k "$out" | cut -f1) KiB)"
done
rm -rf "$ext/bin"
