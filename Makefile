# `make test` runs every test; .ci/run calls it after installing what the
# editor tests need.
GO ?= go

.PHONY: test test-go test-editors build
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
