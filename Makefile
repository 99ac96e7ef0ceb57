# Everyday commands. `make serve` and `make test` set up everything they need.
.DEFAULT_GOAL := help
SHELL := bash

# A Python >= 3.12 for the tooling (pyodide-build needs it). Override with
# `make PYTHON=/path/to/python3.13 ...`.
PYTHON ?= $(shell for p in python3.13 python3.14 python3.12 $(HOME)/.pyenv/versions/3.1[234]*/bin/python3 python3; do \
    command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
    && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup setup-site serve build check test lint bench lock clean python

help:
	@echo "make serve   set up and serve the site at http://127.0.0.1:8000/"
	@echo "make check   the fast loop before each commit: lint, types, engine and node tests (< 30 s)"
	@echo "make test    set up and run every test (installs Chromium via apt-get when root)"
	@echo "make build   build the static site into site/"
	@echo "make bench   measure load times and sizes"
	@echo "make lint    ruff, mypy --strict, ESLint and tsc --strict on all the JavaScript"
	@echo "make lock    re-pin requirements/site.lock and test.lock (with hashes) from pyproject.toml"

python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "No Python >= 3.12 found (tried python3.13, python3.14, python3.12, ~/.pyenv/versions/3.1x, python3)." >&2; \
	  echo "Install one (e.g. 'pyenv install 3.13') or run 'make PYTHON=/path/to/python3.13 ...'." >&2; \
	  exit 1; fi

# Two lock files, both with hashes (pip checks every file it installs):
# requirements/site.lock is what building and serving the site needs;
# requirements/test.lock adds the tests, lint and bench tools (same versions).
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes

$(BIN)/python: | python
	$(PYTHON) -m venv $(VENV)

$(BIN)/.site-stamp: requirements/site.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements/site.lock
	@touch $@

# test.lock holds site.lock's pins too, so one install gives both (not two in a row).
$(BIN)/.test-stamp: requirements/test.lock requirements/site.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements/test.lock
	@touch $(BIN)/.site-stamp $@

# npm: the site's build needs only the dependencies (Pyodide, Workbox); the
# linters, type checker and test drivers are devDependencies. The full install
# includes the site's, so `make setup` runs `npm ci` once, not twice.
node_modules/.site-stamp: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --omit=dev
	@touch $@

node_modules/.stamp: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch node_modules/.site-stamp $@

# Lighthouse, for `make bench` only.
scripts/bench/node_modules/.stamp: scripts/bench/package-lock.json
	npm ci --prefix scripts/bench --no-audit --no-fund --ignore-scripts
	@touch $@

setup-site: $(BIN)/.site-stamp node_modules/.site-stamp

# Python's and npm's installs are independent and mostly wait on disk and the
# registries: side by side (and each once), a fresh setup took a median of 31 s
# here, against 51 s one after another.
setup:
	@$(MAKE) --no-print-directory --silent -j2 $(BIN)/.test-stamp node_modules/.stamp

build: setup-site
	$(BIN)/mkdocs build --strict

serve: setup-site
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# The linters and type checks, one shell line (`make test` runs it in the background).
LINT = $(BIN)/ruff check . \
  && $(BIN)/ruff format --check . \
  && $(BIN)/mypy \
  && $(BIN)/python scripts/engine_types.py --check \
  && $(BIN)/python scripts/engine_fixture.py --check \
  && node_modules/.bin/eslint . \
  && node_modules/.bin/tsc -p jsconfig.json \
  && node_modules/.bin/tsc -p scripts/service-worker/jsconfig.json

lint: setup
	$(LINT)

# The inner loop: no browser, no site build, no Pyodide. The Pyodide tests run the
# same engine tests in the browser's Python; they need the wheel, so `make test`.
check: setup
	$(LINT)
	node --test tests/js/
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/checklist \
	  --ignore=tests/checklist/test_pyodide.py --ignore=tests/checklist/test_progress_code_pyodide.py

# Serial tests that run beside the engines and judges, so both streams take about as long.
SECOND_STREAM := tests/browser/test_offline_update.py
PYTEST := TEST_SITE=$(CURDIR)/build/test-site $(BIN)/python -m pytest --cov --cov-branch

test: setup
	scripts/system-deps
	@# Most tests run in three processes (two cores, and browsers that often wait),
	@# handed out one at a time, longest first (tests/conftest.py), so that all three
	@# end together. The "serial" ones run afterwards, away from that load: those
	@# timed or waiting out a window, and those sharing the sub-path build (built and
	@# swept once). They mostly wait on slow links and windows, so they run in two
	@# streams side by side, one browser each: the other engines, the judges and the
	@# service worker's updates (SECOND_STREAM; their output follows the other
	@# stream's), and every other serial test, about as long. Both
	@# parts share one build of the site (TEST_SITE, tests/conftest.py); removing its
	@# mark makes the first part build it afresh. The lint and node's unit tests
	@# run beside the first part's start, where one process builds the site (on a
	@# fresh clone about 20 s on one core, Python's engine compiled for Pyodide
	@# included) while the others wait for it; their output follows the first
	@# part's. (`make check` runs them on their own, in seconds.)
	rm -f build/test-site.built
	mkdir -p build/checks
	{ $(LINT) && node --test tests/js/; } > build/checks/log 2>&1 & checks=$$!; \
	$(PYTEST) -n 3 --maxschedchunk=1 -m "not serial" --durations=15; parallel=$$?; \
	wait $$checks; lint=$$?; cat build/checks/log; \
	test $$parallel = 0 -a $$lint = 0
	rm -rf build/serial-engines && mkdir -p build/serial-engines
	COVERAGE_FILE=build/serial-engines/.coverage $(PYTEST) -m serial --durations=5 \
	  tests/engines tests/judges $(SECOND_STREAM) > build/serial-engines/log 2>&1 & engines=$$!; \
	$(PYTEST) -m serial --cov-append --durations=5 \
	  --ignore=tests/engines --ignore=tests/judges $(SECOND_STREAM:%=--ignore=%); browser=$$?; \
	wait $$engines; other=$$?; cat build/serial-engines/log; \
	$(BIN)/python -m coverage combine --append build/serial-engines/.coverage; \
	test $$browser = 0 -a $$other = 0
	@# The build hooks are measured (and reported above); the engine must stay at 100 %.
	$(BIN)/python -m coverage report --include='checklist/*' --fail-under=100 --skip-covered

bench: setup scripts/bench/node_modules/.stamp
	scripts/system-deps
	$(BIN)/python scripts/bench.py

# Re-pin both lock files from pyproject.toml (newest versions its ranges allow;
# the test lock keeps the site lock's versions), with every file's hash.
LOCK_OPTS := --quiet --upgrade --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: | python
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet pip-tools==7.7.0
	.lock-venv/bin/pip-compile $(LOCK_OPTS) --extra site -o requirements/site.lock pyproject.toml
	.lock-venv/bin/pip-compile $(LOCK_OPTS) --extra site --extra test \
	  -c requirements/site.lock -o requirements/test.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf site build .pytest_cache .ruff_cache .coverage
