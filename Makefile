# Two commands: `make run` opens the app, `make test` runs every check headless (the linters first).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint catalogue installer bench fuzz screenshots clean

$(STAMP): pyproject.toml
	scripts/ensure-system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,installer]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/career-explorer

# ruff (style, unused names, import order, likely bugs: [tool.ruff] in pyproject) and the layer contracts.
lint: $(STAMP)
	$(BIN)/ruff check career_explorer tests bench tools
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Rebuild the bundled catalogue (commit the result): the curated sources plus every O*NET occupation
# and each OEWS national release found in the shared data folder (years are read from the workbooks).
SHARED_DATA ?= ../shared/data
OEWS_FILES  := $(sort $(wildcard $(SHARED_DATA)/bls-oews-*/national_*.xlsx))
catalogue: $(STAMP)
	$(BIN)/career-explorer catalogue build career_explorer/data/catalogue --onet $(SHARED_DATA)/onet-29.0 \
		$(foreach f,$(OEWS_FILES),--wages $(f)) -o career_explorer/data/catalogue.sqlite

installer: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build_installer.spec

# Every view and dialog, offscreen, light and dark at three sizes and light at 200%, into screenshots/.
# The three runs go side by side (each has its own home and file names): under two minutes on two cores.
screenshots: $(STAMP)
	export QT_QPA_PLATFORM=offscreen; \
	$(BIN)/python tools/screenshots.py & light=$$!; \
	$(BIN)/python tools/screenshots.py --dark & dark=$$!; \
	$(BIN)/python tools/screenshots.py --scale 2 --only browse path-ladder profile-csr plan cohort; scaled=$$?; \
	wait $$light && wait $$dark && test $$scaled -eq 0

bench: $(STAMP)
	for b in bench/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

# The whole hostile framework corpus (tests/framework_fuzz*.py), zip bombs and 100,000-role frameworks
# included, each case in a child limited to 3 GiB of address space and 180 s; the CI runs the small set.
# Add BEFORE=../main to compare with another checkout.
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/framework_fuzz.py --full $(if $(BEFORE),--before $(BEFORE))

clean:
	rm -rf build dist .pytest_cache
