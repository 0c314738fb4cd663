# Two commands set everything up on a fresh machine with Python 3.11:
#   make site   (creates .venv, installs pinned requirements, builds site/ and dist/)
#   make test   (adds the test requirements and Debian's chromium, runs the tests)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve generate validate offline pdf export test test-fast lint-imports bench clean

# The pinned requirements, then the package itself, editable (pyproject.toml reads the same pins).
$(VENV)/.installed: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "make: needs $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
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
	$(PY) -m constitution generate
	$(VENV)/bin/mkdocs serve --livereload

generate validate offline pdf export: setup
	$(PY) -m constitution $@

# Every tier: unit, build (full builds, PDFs) and browser (Debian's chromium).
test: setup $(VENV)/.installed-test lint-imports
	@bash .ci/ensure-chromium
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
