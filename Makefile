# `make test` runs every test; .ci/run calls it after installing what the
# editor tests need.
GO ?= go

.PHONY: test test-go build
test: test-go

test-go:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

build:
	$(GO) build -o bin/ ./cmd/...
