# Every command a contributor needs. `make help` lists them; tools/README.md says what each tool does.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
# The Chromium path has one home, tools/paths.py (override with CHROMIUM=/path/to/chromium).
CHROMIUM ?= $(shell $(PYTHON) -m tools.paths chromium)
# Silence the MkDocs 2 / end-of-life banners that Material and its plugins print.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help serve build zensical test lint stale bench linkcheck system-deps social-card manifest pins theme-copies clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

# Building needs requirements.txt only; tests, lint and bench add tools/requirements/dev.txt.
$(BIN)/.build-installed: requirements.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.dev-installed: $(BIN)/.build-installed tools/requirements/dev.txt
	$(BIN)/python -m pip install --quiet -r tools/requirements/dev.txt
	touch $@

serve: $(BIN)/.build-installed ## Preview at http://127.0.0.1:8000, rebuilt when docs/, data/, macros/, overrides/ or mkdocs.yml change (EDITION=vi|th|id: that edition, at /vi/ ...)
ifeq ($(EDITION),)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000
else
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/python -m tools.editions configs
	PYTHONPATH=$(CURDIR) SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 -f .mkdocs-$(EDITION).yml
endif

build: $(BIN)/.build-installed ## Strict MkDocs build into site/: English, then the vi, th and id editions (tools/editions.py)
	$(BIN)/python -m tools.editions build

zensical: $(BIN)/.build-installed ## Strict Zensical build of the same sites into site-zensical/
	$(BIN)/python -m tools.editions build --engine zensical

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

lint: $(BIN)/.dev-installed ## Style checks: ruff, YAML, Markdown, spelling, data, theme copies, workflow schemas
	$(BIN)/ruff check macros tests tools
	$(BIN)/ruff format --check macros tests tools
	$(BIN)/yamllint -c .yamllint.yml --strict data mkdocs.yml .github tests/search-queries.yml .pre-commit-config.yaml
	$(BIN)/pymarkdown --config .pymarkdown.yml scan -r docs README.md CONTRIBUTING.md tools/README.md .github/contributing
	$(BIN)/python -m tools.spellcheck
	$(BIN)/python -m tools.check_data
	$(BIN)/python -m tools.theme_copies --check
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms .github/ISSUE_TEMPLATE/[!c]*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml

test: $(BIN)/.dev-installed system-deps lint ## Run every check: lint, data, macros, both builds, browser
	$(BIN)/python -m pytest

stale: $(BIN)/.build-installed ## List pages whose reviewed date is more than 12 months old
	$(BIN)/python -m tools.stale $(if $(CI),--github,)

linkcheck: build $(BIN)/.dev-installed ## Check external links (needs internet; never part of make test)
	$(BIN)/python -m tools.linkcheck site

bench: $(BIN)/.dev-installed system-deps ## Measure build time, scaling, page weight, Lighthouse; writes BENCHMARKS.md
	$(BIN)/python -m tools.bench

manifest: $(BIN)/.dev-installed ## Record every published URL and anchor in tests/published-urls.txt
	$(BIN)/python -m tools.editions build --site-dir .manifest-site
	$(BIN)/python -m tools.url_manifest .manifest-site
	rm -rf .manifest-site

pins: $(BIN)/.dev-installed ## Re-pin requirements.txt and tools/requirements/dev.txt from tools/requirements/*.in
	$(BIN)/python -m tools.pins

theme-copies: $(BIN)/.dev-installed ## Rewrite the fixed copies of theme templates in overrides/ (after an engine upgrade)
	$(BIN)/python -m tools.theme_copies

social-card: system-deps ## Rebuild docs/assets/social-card.png from tools/social-card.html
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 \
	  --screenshot=docs/assets/social-card.png file://$(CURDIR)/tools/social-card.html

clean: ## Remove build output and the virtual environment
	rm -rf site site-zensical build .cache $(VENV) .pytest_cache
