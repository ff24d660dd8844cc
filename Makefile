# Every command a contributor needs. `make help` lists them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
CHROMIUM ?= /usr/bin/chromium
# Silence the MkDocs 2 / end-of-life banners that Material and its plugins print.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help serve build test lint stale bench linkcheck system-deps social-card manifest clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

serve: $(BIN)/.installed ## Preview the site with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed ## Strict build into site/
	$(BIN)/mkdocs build --strict

system-deps: ## Install Debian's chromium (browser tests) and a Java runtime (HTML checker) if missing
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi
	@test -x "$(CHROMIUM)" || { echo "ERROR: $(CHROMIUM) not found; browser tests cannot run"; exit 1; }
	@command -v java >/dev/null || { echo "ERROR: java not found; the HTML checker cannot run"; exit 1; }

test: $(BIN)/.installed system-deps ## Run every check: data, macros, build, browser
	$(BIN)/python -m pytest

bench: $(BIN)/.installed system-deps ## Measure build time, scaling, page weight, Lighthouse; writes BENCHMARKS.md
	$(BIN)/python -m tests.bench.run_bench

manifest: $(BIN)/.installed ## Record every published URL and anchor in tests/published-urls.txt
	$(BIN)/mkdocs build --strict --quiet --site-dir .manifest-site
	$(BIN)/python -m tests.site.url_manifest .manifest-site
	rm -rf .manifest-site

social-card: system-deps ## Rebuild docs/assets/social-card.png from overrides/social-card.html
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 \
	  --screenshot=docs/assets/social-card.png file://$(CURDIR)/overrides/social-card.html

clean: ## Remove build output and the virtual environment
	rm -rf site $(VENV) .pytest_cache
