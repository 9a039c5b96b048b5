# okrportal: the two set-up commands of the README, and the benchmarks.
#   make site   builds the demo organisation into public/
#   make test   runs the whole test suite (Swift tests, HTML validation, browser tests)
SWIFT ?= swift
AS_OF ?=

.PHONY: deps test-deps site check test browser-test lint format bench clean import-roundtrip

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

site: deps
	$(SWIFT) build -c release --product okrportal
	.build/release/okrportal build . $(if $(AS_OF),--as-of $(AS_OF))

check: deps
	$(SWIFT) run okrportal check . $(if $(AS_OF),--as-of $(AS_OF))

test: test-deps lint
	$(SWIFT) test
	scripts/import-roundtrip.sh 1000
	scripts/validate-html.sh
	@$(MAKE) --no-print-directory browser-test

# okrportal import on a generated 1,000-objective organisation: same figures after the round trip.
import-roundtrip:
	$(SWIFT) build --product okrportal
	scripts/import-roundtrip.sh 1000

# Search, filters, pages without JavaScript and axe in headless Chromium (Tests/Browser/test_browser.py).
browser-test: test-deps
	python3 Tests/Browser/test_browser.py

# swift-format, configured in .swift-format, applied to every change.
lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Plugins Package.swift

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Plugins Package.swift

bench:
	@scripts/deps.sh bench
	EXTRA="nocharts check" scripts/bench.sh 10000
	scripts/bench-incremental.sh 1000

clean:
	rm -rf .build public/*
