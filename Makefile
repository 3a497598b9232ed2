# fiscguard: make build | test | e2e | run | bench | lint
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

.PHONY: build test e2e fuzz run bench release lint rego-test sarif-validate clean docs tfschema browser-test screenshot

## build: a single static binary in bin/fiscguard
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/fiscguard

## test: lint, every Go test but the end-to-end ones (Rego unit tests, fixtures, corpus), the CLI's own Rego test run
test: lint build
	$(GO) test -short ./...
	$(BIN) test

## e2e: what builds binaries or needs npm: the built binary in git repositories, the Action's steps,
## pre-commit, reviewdog (test/e2e, uncached: go test cannot see the sources they build), SARIF validation;
## and the findings and messages of every corpus directory (skipped by -short)
e2e: build
	$(GO) test -count=1 ./test/e2e/
	$(GO) test -count=1 -run 'TestOneFindingPerResourceAndCause|TestMessages' ./engine/scan/
	$(MAKE) sarif-validate

## fuzz: each fuzz target for FUZZTIME (10,000 executions), seeded from the fixtures and the corpus; a
## crash fails (its input lands in the package's testdata/fuzz/, where go test replays it from then on);
## an input that finds new coverage is minimised in at most FUZZMINIMIZE executions, so the run keeps
## mutating: under Go's default (60 s per input) hclconf spent a 20 s run minimising, 70 executions.
## A count, not a duration: Go 1.26's coordinator can fail a run that ends on its deadline with
## "context deadline exceeded" and no input (golang/go#75804, fixed in Go 1.27).
FUZZTIME ?= 10000x
FUZZMINIMIZE ?= 50x
FUZZ_TARGETS := engine/plan:FuzzLoad engine/hclconf:FuzzLoad engine/waiver:FuzzLoadFile engine/waiver:FuzzScanInline \
	engine/config:FuzzLoad engine/baseline:FuzzLoad engine/report:FuzzEscape engine/report:FuzzIndent
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $${t%%:*} $${t##*:} for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t##*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./$${t%%:*}/; \
	done

## run: scan the demo plan (exit 1 means findings were shown, which is the point)
run: build
	$(BIN) scan $(DEMO) || test $$? -eq 1

## bench: Go benchmarks over 10,000-resource plans (a third, then most of them misconfigured) and
## reference resolution over 40,000 counted instances; then the binary beside conftest on the same
## synthetic plans (10k and 50k resources), with the ratio of their times and fiscguard's peak memory
CONFTEST := bin/tools/conftest
bench: build $(CONFTEST)
	$(GO) test -run '^$$' -bench . -benchmem ./engine/scan/ ./engine/plan/
	scripts/bench-scale.sh $(BIN) $(CONFTEST) bin

# conftest v0.71.1, for make bench only (go install, from the Go module proxy)
$(CONFTEST):
	GOBIN=$(CURDIR)/bin/tools $(GO) install github.com/open-policy-agent/conftest@v0.71.1

## release: static, stripped binaries for every platform in $(DIST)/ with SHA256SUMS, stamped like
## make build (a release: make release VERSION=1.2.0, as .github/workflows/release.yml does on a tag)
PLATFORMS ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
DIST      ?= dist
release:
	scripts/release.sh '$(DIST)' '$(LDFLAGS)' $(PLATFORMS)

## docs: regenerate docs/policies.md and docs/fisc-coverage.md from the policy library (a test fails when they are stale)
docs:
	$(GO) run ./engine/docs/gendocs docs

## tfschema: regenerate engine/tfschema/aws.json from the AWS provider schema in ../shared and the policy library (a test fails when it is stale)
tfschema:
	$(GO) run ./engine/tfschema/gentable

## browser-test: the HTML evidence report in headless Chromium (apt-get install chromium): no console
## errors, nothing loaded, a screenshot that is not blank, and a PDF printed with a page per category
EVIDENCE_PAGES := $(CURDIR)/bin/evidence-demo.html,$(CURDIR)/bin/evidence-demo-ja.html
browser-test: build
	SOURCE_DATE_EPOCH=1767225600 $(BIN) evidence $(DEMO) --format html -o bin/evidence-demo.html
	SOURCE_DATE_EPOCH=1767225600 $(BIN) evidence fixtures/hcl/demo --profile strict --lang ja --format html -o bin/evidence-demo-ja.html
	$(GO) test -tags browser -count=1 -run Browser ./engine/evidence/render/ -args -pages $(EVIDENCE_PAGES)

## screenshot: refresh docs/evidence-report.png, the README's picture of the HTML evidence report
screenshot: browser-test
	$(GO) test -tags browser -count=1 -run Browser ./engine/evidence/render/ -args -pages $(EVIDENCE_PAGES) -screenshot $(CURDIR)/docs/evidence-report.png

## lint: gofmt over every Go file git does not ignore (untracked ones too), go vet, staticcheck (pinned
## in tools/go.mod), and opa check --strict over policies/ with fiscguard's capabilities
lint:
	@files=$$(git ls-files --cached --others --exclude-standard -- '*.go' | while read -r f; do [ ! -f "$$f" ] || echo "$$f"; done); \
	out=$$(gofmt -l $$files) || exit 1; \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	staticcheck=$$($(GO) -C tools tool -n staticcheck) && $$staticcheck ./...
	$(GO) run ./engine/policy/regocheck policies
	$(GO) vet -tags browser ./engine/evidence/render/

rego-test: build
	$(BIN) test

## sarif-validate: the demo scan's SARIF passes Microsoft's validator with GitHub's rules
sarif-validate: build node_modules
	$(BIN) scan $(DEMO) --format sarif --output bin/demo.sarif || test $$? -eq 1
	$(BIN) scan $(DEMO) --profile strict --lang ja --format sarif --output bin/demo-strict-ja.sarif || test $$? -eq 1
	$(BIN) scan engine/scan/testdata/mapped/plan.json --format sarif --output bin/mapped.sarif || test $$? -eq 1
	$(BIN) scan engine/hclconf/testdata/basic --include-suppressed --format sarif --output bin/hcl.sarif || test $$? -eq 1
	$(BIN) scan engine/runner/testdata/monorepo --repo-root engine/runner/testdata/monorepo -o sarif=bin/monorepo.sarif || test $$? -eq 1
	scripts/validate-sarif.sh bin/demo.sarif bin/demo-strict-ja.sarif bin/mapped.sarif bin/hcl.sarif bin/monorepo.sarif \
		engine/report/testdata/sarif_en.golden engine/report/testdata/sarif_ja.golden engine/report/testdata/sarif_waived_en.golden \
		engine/report/testdata/set_sarif_en.golden

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

clean:
	rm -rf bin dist
