# fiscguard: make build | test | run | bench | lint
GO      ?= go
BIN     := bin/fiscguard
# The version, commit and date fiscguard version reports (engine/version);
# the date is the commit's, so the same commit builds the same binary.
VERSION ?= 0.1.0-dev
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
DATE    ?= $(shell git log -1 --format=%cI 2>/dev/null)
VERSIONPKG := github.com/fiscguard/fiscguard/engine/version
LDFLAGS := -s -w -X $(VERSIONPKG).version=$(VERSION) -X $(VERSIONPKG).commit=$(COMMIT) -X $(VERSIONPKG).date=$(DATE)
DEMO    := fixtures/plans/demo.json

.PHONY: build test run bench lint rego-test sarif-validate clean docs

## build: a single static binary in bin/fiscguard
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/fiscguard

## test: lint, every Go test (Rego unit tests, fixtures, corpus), the CLI's own Rego test run, SARIF validation
test: lint build
	$(GO) test ./...
	$(BIN) test
	$(MAKE) sarif-validate

## run: scan the demo plan (exit 1 means findings were shown, which is the point)
run: build
	$(BIN) scan $(DEMO) || test $$? -eq 1

## bench: Go benchmarks over a 10,000-resource plan and reference resolution over 40,000 counted instances, then the binary's time and peak memory on one
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./engine/scan/ ./engine/plan/
	$(GO) run ./fixtures/synth/synthplan -n 10000 > bin/plan-10k.json
	/usr/bin/time -f 'whole scan of 10,000 resources to SARIF: %e s, peak %M KB' $(BIN) scan bin/plan-10k.json --profile strict --format sarif --output /dev/null || test $$? -eq 1

## docs: regenerate docs/policies.md and docs/fisc-coverage.md from the policy library (a test fails when they are stale)
docs:
	$(GO) run ./engine/docs/gendocs docs

## lint: gofmt and go vet must be clean
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go') 2>/dev/null); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

rego-test: build
	$(BIN) test

## sarif-validate: the demo scan's SARIF passes Microsoft's validator with GitHub's rules
sarif-validate: build node_modules
	$(BIN) scan $(DEMO) --format sarif --output bin/demo.sarif || test $$? -eq 1
	$(BIN) scan $(DEMO) --profile strict --lang ja --format sarif --output bin/demo-strict-ja.sarif || test $$? -eq 1
	$(BIN) scan engine/scan/testdata/mapped/plan.json --format sarif --output bin/mapped.sarif || test $$? -eq 1
	$(BIN) scan engine/hclconf/testdata/basic --include-suppressed --format sarif --output bin/hcl.sarif || test $$? -eq 1
	scripts/validate-sarif.sh bin/demo.sarif bin/demo-strict-ja.sarif bin/mapped.sarif bin/hcl.sarif \
		engine/report/testdata/sarif_en.golden engine/report/testdata/sarif_ja.golden engine/report/testdata/sarif_waived_en.golden

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

clean:
	rm -rf bin
