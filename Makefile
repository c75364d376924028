# kinerja-audit: every target sets up its own local environment (.venv) first.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: run test bench bench-data lint corpus readme clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: audit the bundled sample report
run: $(STAMP)
	$(BIN)/kinerja-audit demo

## test: run the whole test suite (installs Chromium for the HTML browser test when root)
test: $(STAMP)
	sh tests/setup/all.sh
	$(BIN)/python -m pytest

## bench: timing and memory benchmarks (figures go into the README)
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## bench-data: indicator datasets, every engine, 10,000 and 1,000,000 rows (figures go into the README)
bench-data: $(STAMP)
	sh tests/setup/all.sh
	$(BIN)/python benchmarks/bench_data.py

## lint: static checks (ruff, installed with the test extras; also run by make test)
lint: $(STAMP)
	$(BIN)/ruff check kinerja_audit tests benchmarks schemas checks

## readme: regenerate the rule table of README.md from the rule packs
readme: $(STAMP)
	$(BIN)/python -m tests.readme_rules --write

## corpus: regenerate the synthetic test corpus (deterministic)
corpus: $(STAMP)
	$(BIN)/python -m tests.corpus.generator --out tests/corpus/reports --count 40 --seed 2025

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
