"""Greedy replies from vLLM's in-process engine (`vllm.LLM` + `LoRARequest`), as JSON on stdout.

Runs inside .venv-vllm (vLLM's own environment) with the repo on PYTHONPATH; called by
bench/adapter_parity.py. Usage: PYTHONPATH=. .venv-vllm/bin/python bench/vllm_inprocess_replies.py ADAPTER PROMPTS.json N
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# The repo first: run as a script, this folder would come first and its bench/common.py would
# shadow the `common` package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from assistant.backends import Sampling, VLLMBackend
    from common.settings import Settings

    adapter, prompts_file, max_new_tokens = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    os.environ.setdefault("SHOPASSIST_MODEL_CACHE_DIR", ".cache/models")
    settings = Settings(llm_adapter=adapter)
    backend = VLLMBackend(settings)
    sampling = Sampling(max_new_tokens=max_new_tokens, temperature=0.0, top_p=1.0)
    replies = ["".join(backend.stream(m, sampling, adapter=adapter)) for m in json.loads(prompts_file.read_text())]
    print("REPLIES " + json.dumps(replies))


if __name__ == "__main__":  # vLLM spawns workers: the guard is required
    main()
