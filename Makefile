# okrportal: the two set-up commands of the README, and the benchmarks.
#   make site   builds the demo organisation into public/
#   make test   runs the whole test suite
SWIFT ?= swift
AS_OF ?=

.PHONY: deps test-deps site check test bench clean

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

site: deps
	$(SWIFT) build -c release --product okrportal
	.build/release/okrportal build . $(if $(AS_OF),--as-of $(AS_OF))

check: deps
	$(SWIFT) run okrportal check . $(if $(AS_OF),--as-of $(AS_OF))

test: test-deps
	$(SWIFT) test
	scripts/validate-html.sh

bench: deps
	scripts/bench.sh

clean:
	rm -rf .build public/*
