# newsdesk: the two commands a fresh clone needs are `make run` and `make test`.
# Only python3 (>= 3.11) and make are assumed; everything else is installed into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NEWSDESK_HOME ?= $(CURDIR)/data
export NEWSDESK_HOME
STAMP := $(VENV)/.installed

.PHONY: run test dev lint bench test-ui clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# uv installs the locked set in seconds (pip takes over a minute); the lock pins every
# transitive package with hashes.
$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsdesk ingest samples
	$(BIN)/newsdesk build

test: $(STAMP)
	$(BIN)/python -m pytest -q

dev: $(STAMP)
	mkdir -p $(NEWSDESK_HOME)/dagster
	cp -n dagster.yaml $(NEWSDESK_HOME)/dagster/dagster.yaml 2>/dev/null || true
	DAGSTER_HOME=$(NEWSDESK_HOME)/dagster $(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench.extraction
	$(BIN)/python -m bench.quality_feeds
	$(BIN)/python -m bench.entities
	$(BIN)/python -m bench.refresh --stories 2000

# Needs Debian's chromium (Playwright drives it; never `playwright install`, which downloads).
test-ui: $(STAMP)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	$(BIN)/python -m pytest -q -m ui tests/ui

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
