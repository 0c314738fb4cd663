# Two commands set everything up on a fresh machine with Python 3.11:
#   make site   (creates .venv, installs the locked requirements, builds site/ and dist/)
#   make test   (adds the locked test requirements and Debian's chromium, runs the tests)
#   make lock   (after changing a pin in requirements*.txt: regenerates the *.lock files)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve generate validate offline pdf export test test-fast lint-imports bench clean lock

# The locked requirements (every package, each with its hashes: README, "Dependencies"), the
# build backend among them (setuptools, requirements-build.txt: the pin pyproject.toml's
# [build-system] names), then the package itself, editable, without dependencies
# (pyproject.toml reads requirements.txt's pins) and without build isolation: built by that
# locked, hashed setuptools, not by one pip would download unhashed into an isolated
# environment. `pip check` fails if a lock is older than a pin of requirements*.txt (run
# `make lock`).
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check
$(VENV)/.installed: requirements.lock requirements.txt requirements-build.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "make: needs $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --require-hashes -r requirements.lock
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	$(PY) -m pip check --disable-pip-version-check
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(PIP_INSTALL) --require-hashes -r requirements-test.lock
	$(PY) -m pip check --disable-pip-version-check
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make: needs npm (Debian: apt-get install npm) for the fonts"; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $@

setup: $(VENV)/.installed node_modules/.installed

site: setup
	$(PY) -m constitution site

serve: setup
	test -f dist/manifest.json || $(PY) -m constitution site  # the pages show the downloads' sizes
	$(PY) -m constitution serve  # http://127.0.0.1:8000/, an edit of translations/ shown in about a second

generate validate offline pdf export: setup
	$(PY) -m constitution $@

# Every tier: unit, build (full builds, PDFs, the Nu Html Checker on Java, the site served by
# Debian's nginx, a PDF read back by poppler's pdftotext) and browser (Debian's chromium).
test: setup $(VENV)/.installed-test lint-imports
	@bash .ci/ensure-chromium
	@bash .ci/ensure-java
	@bash .ci/ensure-nginx
	@bash .ci/ensure-poppler
	$(PY) -m pytest

# The unit tier alone: no build, no browser (under 30 s).
test-fast: setup $(VENV)/.installed-test lint-imports
	$(PY) -m pytest -m unit

# The layers of the package (pyproject.toml, [tool.importlinter]).
lint-imports: $(VENV)/.installed-test
	$(VENV)/bin/lint-imports --no-cache

bench: setup $(VENV)/.installed-test
	$(PY) -m benchmarks

clean:
	rm -rf site dist .build

# The locks, for CPython 3.11 (3.11.5 or later: pymdown-extensions needs it) on Linux, any
# architecture (every file's hash): requirements.lock from requirements.txt and
# requirements-build.txt (the build backend), then requirements-test.lock from
# requirements-test.txt within it (-c), so the two agree. uv runs
# from a throwaway venv, removed afterwards. Versions already locked are kept unless
# `make lock LOCK_FLAGS=--upgrade` (the newest of every package the pins allow).
UV_VERSION := 0.13.9
LOCK_FLAGS ?=
UV_COMPILE := pip compile --quiet --generate-hashes --python-version 3.11.5 --python-platform linux \
	--custom-compile-command "make lock" $(LOCK_FLAGS)
lock:
	@command -v $(PYTHON) >/dev/null || { echo "make: needs $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 1; }
	tool=$$(mktemp -d) && trap 'rm -rf "$$tool"' EXIT && \
	$(PYTHON) -m venv "$$tool" && "$$tool/bin/pip" install --quiet --disable-pip-version-check uv==$(UV_VERSION) && \
	"$$tool/bin/uv" $(UV_COMPILE) requirements.txt requirements-build.txt -o requirements.lock && \
	"$$tool/bin/uv" $(UV_COMPILE) requirements-test.txt -c requirements.lock -o requirements-test.lock
