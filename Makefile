# Every command a contributor needs. `make help` lists them.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
CHROMIUM ?= /usr/bin/chromium
# Silence the MkDocs 2 / end-of-life banners that Material and its plugins print.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help serve build test lint stale bench linkcheck system-deps clean

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

clean: ## Remove build output and the virtual environment
	rm -rf site $(VENV) .pytest_cache
