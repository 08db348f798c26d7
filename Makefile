# untoc_desktop: `make run` starts the desktop application, `make test` runs every test.
# Both create the virtual environment .venv and install what they need on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test test-fast check format cli translations extract-messages system-deps benchmark benchmark-instructions clean package package-test benchmark-package

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

translations: $(VENV)/.installed
	$(BIN)/pybabel compile -d translations -D untoc_desktop

extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F translations/babel.cfg -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 -k npgettext:1c,2,3 \
	    --project untoc_desktop -o translations/untoc_desktop.pot untoc_desktop
	$(BIN)/pybabel update -i translations/untoc_desktop.pot -d translations -D untoc_desktop

system-deps:
	sh packaging/debian-deps.sh

## Start the desktop application (ARGS=path/to/draft.untoc to open one).
## Without a display it runs on an Xvfb virtual screen.
## A system package that cannot be installed never stops it: what is missing is said, and the window starts
## when Qt can run (spell checking, for one, is simply off without its dictionaries).
run: $(VENV)/.installed translations
	@sh packaging/debian-deps.sh || echo "Starting anyway: the application works without the packages above, or says what it lacks."
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	    $(BIN)/untoc-desktop $(ARGS); \
	elif command -v xvfb-run >/dev/null 2>&1; then \
	    echo "No display found: starting on an Xvfb virtual screen."; \
	    xvfb-run -a -s '-screen 0 1400x900x24' $(BIN)/untoc-desktop $(ARGS); \
	else \
	    echo "No display and no Xvfb: run 'make run' in a desktop session, or install xvfb."; exit 1; \
	fi

## The command-line tool: make cli ARGS="validate draft.untoc"
cli: $(VENV)/.installed
	$(BIN)/untoc $(ARGS)

# Qt tests run offscreen. Byte code is written (into the __pycache__ folders git ignores) even where
# PYTHONDONTWRITEBYTECODE is set, as in many containers: without it every pytest worker rewrites every
# test module again and every child process a test starts compiles the package again.
TEST_ENV := QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=
# One pytest worker more than there are cores: many tests wait on a child process (crash harnesses,
# LibreOffice, Tesseract, the command line) and the extra worker uses the core they leave idle
# (3:24 instead of 3:41 for `make test` on 2 cores). `make test TEST_WORKERS=2` to choose.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print((os.cpu_count() or 1) + 1)')

## Run the whole test suite, on every core.
test: $(VENV)/.installed translations
	$(TEST_ENV) $(BIN)/python -m pytest -q -n $(TEST_WORKERS) $(ARGS)

## The edit loop: everything but the slow tests (crash harnesses, OCR, property-based merging).
test-fast: $(VENV)/.installed translations
	$(TEST_ENV) $(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "not slow" $(ARGS)

$(VENV)/.checking: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,check]'
	touch $@

## Lint (ruff), format (ruff format --check), types (mypy) and import contracts (lint-imports).
check: $(VENV)/.checking
	$(BIN)/ruff check untoc_desktop tests benchmarks packaging tools
	$(BIN)/ruff format --check untoc_desktop tests benchmarks packaging tools
	$(BIN)/mypy
	$(BIN)/lint-imports

## Apply ruff's safe fixes and formatting.
format: $(VENV)/.checking
	$(BIN)/ruff check --fix untoc_desktop tests benchmarks packaging tools
	$(BIN)/ruff format untoc_desktop tests benchmarks packaging tools

benchmark: $(VENV)/.installed translations
	$(BIN)/python benchmarks/run.py

## Instructions run until the window shows, ours beside a bare PySide6 window (callgrind; noise-free, about 1 min).
benchmark-instructions: $(VENV)/.installed translations
	$(BIN)/python benchmarks/startup_instructions.py

## Start-up of the bundled application beside the source checkout's (builds the bundle first).
benchmark-package: package
	$(BIN)/python benchmarks/startup_bundle.py

## Installers (packaging/README.md): the one-folder bundle dist/untoc-desktop/ (PyInstaller),
## dist/untoc-desktop_<version>_amd64.deb and the tarball dist/untoc-desktop_<version>_linux-x86_64.tar.gz.
$(VENV)/.packaging: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $@

package: $(VENV)/.packaging translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	    packaging/untoc-desktop.spec
	$(BIN)/python packaging/linux/build_packages.py

## Build the packages, then run the bundle and the installed .deb like the source (packaging/tests/).
package-test: package
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider packaging/tests $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
	find translations -name '*.mo' -delete
