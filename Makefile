# postcoach build. Two commands do everything on a fresh machine (Rust toolchain, Node 20 + npm, apt):
#   make demo   set up, build the engine, extension and workshop page, serve the page on http://127.0.0.1:8080
#   make test   set up, then every check: fmt, clippy, cargo tests, wasm tests (Node + headless Chromium),
#               web type check and unit tests (tsc, node --test), browser end-to-end tests (Chromium;
#               Firefox ESR + geckodriver, set up first), web-ext lint
# Other targets: setup wasm extension www dist bench eval fit slips size clean. `make help` lists them.
#
# Set-up is idempotent and quick when everything is there: each tool is installed only when missing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Tools installed by `make setup` come first on PATH: wasm-opt/web-ext from npm, wasm-bindgen from cargo.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
WASM_BINDGEN_VERSION := 0.2.130
GECKODRIVER_VERSION := 0.37.1
# Features rustc's wasm32 output uses (its default target features); wasm-opt must accept them.
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
                     --enable-mutable-globals --enable-reference-types --enable-multivalue
ENGINE_DIR := dist/engine
# The engine with the history audit (wasm `audit_file`, feature `audit`), loaded only by the workshop's "Your mix"
# panel: the reader of the platforms' exports (serde_json, csv) stays out of the engine every page and the extension
# load. Built in its own target dir so the two feature sets do not rebuild each other.
AUDIT_ENGINE_DIR := dist/engine/audit
CORPUS ?= ../shared/corpus
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# The wasm tests run through wasm-bindgen-test-runner; in the browser pass it uses Debian's chromedriver with
# the capabilities in scripts/webdriver.json (the runner itself adds --headless and --no-sandbox).
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_TIMEOUT=120 \
             cargo test --target $(WASM_TARGET) --test wasm_api --features audit
BROWSER_ENV := WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
               WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/scripts/webdriver.json

.PHONY: help setup setup-rust setup-wasm-bindgen setup-node setup-chromium setup-firefox wasm extension www dist demo \
        test lint test-native test-wasm test-unit test-e2e lint-firefox bench eval fit slips size clean

help:
	@sed -n '1,9p' Makefile | sed 's/^# \{0,1\}//'

## Set-up ---------------------------------------------------------------------------------------------------

setup: setup-rust setup-wasm-bindgen setup-node setup-chromium

setup-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)

# wasm-bindgen-cli must match the wasm-bindgen crate exactly (Cargo.toml pins =0.2.130). No --locked: the
# published lock file of this version does not build with the current toolchain. Takes about 4 minutes.
setup-wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	    || ! command -v wasm-bindgen-test-runner >/dev/null; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes)..."; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# npm ci only when node_modules is missing or older than package-lock.json.
setup-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and ChromeDriver for the browser tests, zip for `make dist`.
setup-chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v zip >/dev/null; then \
	  $(SUDO) apt-get update \
	  && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium chromium-driver zip; \
	fi

# Debian's Firefox ESR and geckodriver (crates.io; a few minutes) for the Firefox end-to-end test, which drives
# the Firefox build over W3C WebDriver (Playwright's Firefox needs its own patched build).
setup-firefox:
	@if [ ! -x /usr/bin/firefox-esr ]; then \
	  $(SUDO) apt-get update \
	  && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y firefox-esr; \
	fi
	@if ! command -v geckodriver >/dev/null; then \
	  echo "Installing geckodriver $(GECKODRIVER_VERSION) (a few minutes)..."; \
	  cargo install geckodriver --version $(GECKODRIVER_VERSION); \
	fi

## Build ----------------------------------------------------------------------------------------------------

# The engine for the extension and the workshop page: dist/engine/postcoach.js + postcoach_bg.wasm, and the
# workshop's audit engine: dist/engine/audit/ (the same files, built with the `audit` feature).
# wasm-opt runs -Oz to a fixed point (--converge): 0.3-0.6 KB smaller gzipped than one pass, a few seconds more.
wasm: setup-rust setup-wasm-bindgen setup-node
	$(call build_engine,,target,$(ENGINE_DIR))
	$(call build_engine,--features audit,target/wasm-audit,$(AUDIT_ENGINE_DIR))
	@scripts/size-report $(ENGINE_DIR)/postcoach_bg.wasm $(ENGINE_DIR)/postcoach.js \
	  $(AUDIT_ENGINE_DIR)/postcoach_bg.wasm $(AUDIT_ENGINE_DIR)/postcoach.js

# $(call build_engine,CARGO_ARGS,TARGET_DIR,OUT_DIR): cargo release build, wasm-bindgen, wasm-opt into OUT_DIR.
build_engine = cargo build --profile wasm-release --lib --target $(WASM_TARGET) --target-dir $(2) $(1) \
	&& wasm-bindgen --target web --out-dir $(3) --out-name postcoach $(2)/$(WASM_TARGET)/wasm-release/postcoach.wasm \
	&& wasm-opt -Oz --converge $(WASM_OPT_FEATURES) --strip-debug --strip-producers \
	  $(3)/postcoach_bg.wasm -o $(3)/postcoach_bg.wasm

size:
	@scripts/size-report $(ENGINE_DIR)/postcoach_bg.wasm $(ENGINE_DIR)/postcoach.js \
	  $(AUDIT_ENGINE_DIR)/postcoach_bg.wasm $(AUDIT_ENGINE_DIR)/postcoach.js

# Each front end's build script belongs to its owner; until it exists the step says so and is skipped.
# $(call build_front_end,SCRIPT,ARGS)
build_front_end = if [ -f $(1) ]; then node $(1) $(2); else echo "note: $(1) does not exist yet; skipping it"; fi

extension: wasm
	@$(call build_front_end,extension/build.mjs)

www: wasm
	@$(call build_front_end,www/build.mjs)

dist: wasm
	@$(call build_front_end,extension/build.mjs,--zip)
	@$(call build_front_end,www/build.mjs)

demo: setup
	@$(MAKE) extension www
	@echo
	@echo "Unpacked Chrome extension: $(CURDIR)/dist/chrome   (chrome://extensions > Developer mode > Load unpacked)"
	@echo "Unpacked Firefox add-on:   $(CURDIR)/dist/firefox  (about:debugging > This Firefox > Load Temporary Add-on > manifest.json)"
	@echo
	@if [ -f www/serve.mjs ]; then node www/serve.mjs; \
	else echo "note: www/serve.mjs does not exist yet; coaching samples/sales-post.txt in the terminal instead:"; \
	  echo; cargo run --release --quiet --bin postcoach -- check samples/sales-post.txt --platform linkedin; fi

## Checks ---------------------------------------------------------------------------------------------------

test: setup
	@$(MAKE) lint
	@$(MAKE) test-native
	@$(MAKE) test-wasm
	@$(MAKE) test-unit
	@$(MAKE) extension www
	@$(MAKE) test-e2e
	@$(MAKE) lint-firefox

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --test wasm_api --features audit -- -D warnings

test-native:
	cargo test

test-wasm: setup-rust setup-wasm-bindgen setup-chromium
	@echo "wasm tests in Node:"
	$(WASM_TEST)
	@echo "wasm tests in headless Chromium:"
	$(BROWSER_ENV) $(WASM_TEST)

# The shared web layer: its JSDoc types checked by tsc (web/tsconfig.json, nothing emitted), then unit tests of its
# pure parts (text model, edits, apply strategy, protocol) with node --test, no browser.
test-unit: setup-node
	tsc -p web
	node --test tests/unit/*.test.mjs

# Browser end-to-end tests (*.test.mjs under tests/e2e, written with the extension and the workshop page):
# Chromium through playwright-core, Firefox ESR through geckodriver.
test-e2e: setup-firefox
	@files=$$(find tests/e2e -name '*.test.mjs' | sort); \
	if [ -n "$$files" ]; then node --test $$files; else echo "note: no tests/e2e/*.test.mjs yet; skipping"; fi

lint-firefox:
	@if [ -d dist/firefox ]; then web-ext lint --source-dir dist/firefox --no-config-discovery; \
	else echo "note: dist/firefox does not exist yet; skipping web-ext lint"; fi

## Figures --------------------------------------------------------------------------------------------------

bench:
	cargo bench --bench analyze
	@scripts/bench-summary

# The scorer on each corpus: AUC, means per label, AUC per length bin.
# The figures to report: each corpus's validation part (lines `make fit` never trains on; src/corpus.rs).
# PART=all or PART=train to see the others.
PART ?= validation
eval:
	cargo build --release --quiet --bin postcoach
	target/release/postcoach eval --part $(PART) $(CORPUS)/*.jsonl $(wildcard data/*.jsonl)

# Refit the rule weights, the gram model and the verdict thresholds on the corpora's training parts, writing
# them into rules/default.toml and rules/model.tsv (about a minute); rebuild and `make eval` after.
fit:
	cargo build --release --quiet --bin postcoach
	target/release/postcoach fit --corpus $(CORPUS) --corpus data

# Rewrite rules/slips.tsv, the misspellings the whole-post rewrite corrects, from typos-dict, SCOWL's English
# word lists (Debian's wamerican, wbritish and their -small lists, installed when missing) and the corpora's
# training parts (tools/slips, its own crate so that typos-dict is never built for the engine). Rerun when
# typos-dict is updated or the corpora change.
SLIPS_WORD_LISTS := wamerican wbritish wamerican-small wbritish-small
slips:
	@if [ ! -f /usr/share/dict/american-english-small ] || [ ! -f /usr/share/dict/british-english-small ] \
	    || [ ! -f /usr/share/dict/american-english ] || [ ! -f /usr/share/dict/british-english ]; then \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $(SLIPS_WORD_LISTS); \
	fi
	cargo run --release --quiet --manifest-path tools/slips/Cargo.toml -- $(CORPUS)

clean:
	rm -rf dist
	cargo clean
