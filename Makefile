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
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

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

lint: $(BIN)/.installed ## Style checks: ruff, YAML, Markdown, spelling, data and workflow schemas
	$(BIN)/ruff check macros tests
	$(BIN)/ruff format --check macros tests
	$(BIN)/yamllint -c .yamllint.yml --strict data mkdocs.yml .github tests/search-queries.yml .pre-commit-config.yaml
	$(BIN)/pymarkdown --config .pymarkdown.yml scan -r docs README.md CONTRIBUTING.md
	$(BIN)/python -m tests.spellcheck
	$(BIN)/check-jsonschema --schemafile data/schema/glossary.schema.json data/glossary.yml
	$(BIN)/check-jsonschema --schemafile data/schema/sources.schema.json data/sources.yml
	$(BIN)/check-jsonschema --schemafile data/schema/misconceptions.schema.json data/misconceptions.yml
	$(BIN)/check-jsonschema --schemafile data/schema/facts.schema.json data/facts.yml
	$(BIN)/check-jsonschema --schemafile data/schema/checklist.schema.json data/checklists/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms .github/ISSUE_TEMPLATE/[!c]*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml

test: $(BIN)/.installed system-deps lint ## Run every check: lint, data, macros, build, browser
	$(BIN)/python -m pytest

stale: $(BIN)/.installed ## List pages whose reviewed date is more than 12 months old
	$(BIN)/python -m tests.stale $(if $(CI),--github,)

linkcheck: build ## Check external links (needs internet; never part of make test)
	$(BIN)/python -m tests.linkcheck site

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
