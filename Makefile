# courtapp: `make run` starts the app on a demo database; `make test` runs every check.
# Packaging: `make dist` (the bundle), `make deb`, `make wheel-check` (see README, Install).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint typecheck pytest translations previews bench clean dist deb smoke wheel-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[gui,test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	sh tools/ensure-gui-libs.sh
	$(BIN)/courtapp --demo

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check courtapp tests tools benchmarks installer setup.py

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

translations: $(STAMP)
	$(BIN)/python tools/i18n.py update
	$(BIN)/python tools/i18n.py release

previews: $(STAMP)
	$(BIN)/python tools/previews.py --cli

# One table of every figure of issue 11's table, each with its baseline from the
# same run: `make bench` (20,000 cases, a few minutes), `make bench
# BENCH_ARGS="--cases 1000000"` (the issue's size), `BENCH_ARGS="--database URL"`
# for PostgreSQL.  The detailed scripts: benchmarks/case_list.py, notices.py,
# reports.py, issue_notices.py.
bench: $(STAMP)
	$(BIN)/python benchmarks/scale.py $(BENCH_ARGS)

# The PyInstaller one-folder bundle in dist/courtapp (installer/courtapp.spec).
dist: $(STAMP)
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[gui,dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller installer/courtapp.spec
	@du -sh dist/courtapp

# The smoke test of the bundle, run from another directory.
smoke: $(STAMP)
	test -x dist/courtapp/courtapp || $(MAKE) dist
	cd /tmp && $(CURDIR)/dist/courtapp/courtapp --smoke-test

# The Debian package dist/courtapp_<version>_<arch>.deb, from the bundle.
deb: $(STAMP)
	test -x dist/courtapp/courtapp || $(MAKE) dist
	sh installer/linux/build-deb.sh dist/courtapp dist

# Build the wheel, install it without extras in a fresh venv, issue and verify a notice.
wheel-check: $(STAMP)
	$(BIN)/python installer/check_wheel.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
