# Two commands: `make run` opens the app, `make test` runs every check headless.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint catalogue installer bench clean

$(STAMP): pyproject.toml
	scripts/ensure-system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,installer]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/career-explorer

test: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Rebuild the bundled catalogue from its sources (commit the result).
catalogue: $(STAMP)
	$(BIN)/career-explorer catalogue build career_explorer/data/catalogue -o career_explorer/data/catalogue.sqlite

installer: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build_installer.spec

bench: $(STAMP)
	for b in bench/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

clean:
	rm -rf build dist .pytest_cache
