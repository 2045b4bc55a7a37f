# `make test` runs every test; .ci/run calls it after installing what the
# editor tests need.
GO ?= go

.PHONY: test test-go test-editors build release web
test: test-go test-editors

test-go:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# Editor setups against the real editors (editors/test.sh builds the server
# first).
test-editors:
	bash editors/test.sh

build:
	$(GO) build -o bin/ ./cmd/...

# The browser page: the engine as WebAssembly and the page bundled into
# editors/web/dist/ (static files; editors/web/README.md).
web:
	GO=$(GO) bash editors/web/build.sh

# Release: both commands for linux, darwin and windows on amd64 and arm64,
# the version stamped in (`prfaq version`, `prfaq-lsp --version`), one VSIX
# per VS Code target, and SHA256SUMS, all in dist/.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/prfaq-lsp/prfaq-lsp/cmd/internal/version.stamped=$(VERSION)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

release:
	rm -rf dist && mkdir -p dist
	set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  for cmd in prfaq prfaq-lsp; do \
	    CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o dist/$$cmd-$(VERSION)-$$os-$$arch$$ext ./cmd/$$cmd; \
	  done; \
	done
	cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && VERSION=$(VERSION) bash scripts/package.sh
	cp editors/vscode/vsix/*.vsix dist/
	cd dist && sha256sum * > SHA256SUMS
	@echo "release $(VERSION) in dist/:" && ls dist
