# Curator Console developer tasks. Recipes stay POSIX (macOS make and BSD tools work too).

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
PIP := $(VENV_PY) -m pip

.PHONY: venv run test bench bundle clean distclean

# Create the virtual environment when it is missing; always bring pip up to date.
venv:
	@if [ ! -x "$(VENV_PY)" ]; then \
		echo "creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv $(VENV); \
	fi
	$(PIP) install --upgrade pip

run: venv
	$(PIP) install -e .
	$(VENV)/bin/curator-console --demo

# lint-imports checks the import-linter contracts in pyproject.toml. pytest's exit code is not
# masked: "no tests collected" (5) fails the target like any failure.
test: venv
	$(PIP) install -e '.[test]'
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 $(VENV_PY) -m pytest -q

bench: venv
	$(PIP) install -e .
	$(VENV_PY) tests/benchmarks/run.py all

# The desktop app: dist/curator-console/ (Linux), built with PyInstaller and smoke-tested on its
# own (docs/packaging.md). About a minute and a half on two cores; not part of `make test`.
bundle: venv
	$(PIP) install -e '.[build]'
	$(VENV_PY) tools/build_bundle.py --dist .

clean:
	rm -rf build dist .pytest_cache .hypothesis .import_linter_cache *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
