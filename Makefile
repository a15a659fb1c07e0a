# One entry point for every task. `make site` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-core test-quick lint bench check clean chromium screenshots

# The virtual environment, rebuilt whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)  ## build site/ from data/
	$(BIN)/mkdocs build --strict

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000
	$(BIN)/mkdocs serve

check: $(STAMP)  ## validate data/ without building
	$(BIN)/parallax check data

test: $(STAMP) chromium  ## every test, browser included
	$(BIN)/python -m pytest

test-core: $(STAMP)  ## the core tests only: no real builds, no browser
	$(BIN)/python -m pytest -m "not build and not browser"

test-quick: $(STAMP)  ## the fast core tests while editing: no builds, browser, corpus or slow tests
	$(BIN)/python -m pytest -m "not build and not browser and not corpus and not slow"

# Browser tests drive Debian's chromium; Playwright's own browser download is never used.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    chromium fonts-dejavu-core >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	$(BIN)/ruff check plugins tests bench tools
	$(BIN)/mypy

bench: $(STAMP)  ## accuracy and reuse figures on ../shared/corpus, build speed and memory
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python bench/run_all.py

clean:
	rm -rf site .cache .pytest_cache

screenshots: site chromium  ## refresh the README's pictures from the built site
	$(BIN)/python -m tests.screenshot
