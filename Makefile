# newsline: `make run` installs and runs the ETL on seeds/; `make test` installs and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS ?= seeds
WAREHOUSE ?= warehouse

.PHONY: install install-test run test lint typecheck unit corpus score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/newsline run $(SEEDS) --warehouse $(WAREHOUSE)

lint: install-test
	$(BIN)/ruff check flows tests

typecheck: install-test
	$(BIN)/mypy flows

unit: install-test
	$(BIN)/pytest

test: lint typecheck unit

# The whole shared corpus, then the scorer on the annotated documents.
corpus: install
	$(BIN)/newsline run ../shared/corpus --warehouse $(WAREHOUSE) --quiet

score: corpus
	$(BIN)/python ../shared/eval/score.py --gold ../shared/gold/dev.jsonl --duckdb $(WAREHOUSE)/newsline.duckdb

clean:
	rm -rf $(WAREHOUSE)/newsline.duckdb* $(WAREHOUSE)/parquet

# Throughput on N articles made from ../shared/corpus (make bench N=1000000); the last line printed is JSON.
N ?= 100000

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

bench: install $(VENV)/.installed-bench
	$(BIN)/python -m flows.bench --n $(N)

.PHONY: bench
