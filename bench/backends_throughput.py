"""Throughput of the transformers backend vs vLLM (CPU build, over HTTP) on the bundled SmolLM2.

The same 16 short shopping prompts, greedy, run once one at a time and once from N threads.
Tokens are counted by re-tokenising each reply with the model's tokenizer, the same way for both.

    .venv/bin/python bench/backends_throughput.py                  # starts a vLLM server itself
    .venv/bin/python bench/backends_throughput.py --url http://127.0.0.1:8000/v1

The transformers backend runs first and is freed before vLLM starts, so they never share the CPU.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.backends import Backend, OpenAIBackend, Sampling, TransformersBackend  # noqa: E402
from common.models import llm_model_path  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.vllm_server import start_vllm_server, vllm_available  # noqa: E402

PROMPTS = [
    "Suggest a warm jacket for winter hiking.",
    "What should I look for in a budget laptop for students?",
    "Recommend running shoes for flat feet.",
    "Is a cast iron pan worth buying?",
    "Which headphones are good for long flights?",
    "Help me choose a gift for a ten-year-old who likes science.",
    "What size backpack do I need for a weekend trip?",
    "Compare electric and manual toothbrushes.",
    "What is a good first camera for travel photos?",
    "Recommend a quiet blender for smoothies.",
    "How do I pick a mattress for back pain?",
    "Suggest a durable phone case.",
    "What coffee maker suits a small kitchen?",
    "Which yoga mat is best for beginners?",
    "Recommend a rain jacket that packs small.",
    "What should I check before buying a used bike?",
]


def run(backend: Backend, sampling: Sampling, concurrency: int) -> tuple[list[str], float]:
    """All prompts through `backend`, `concurrency` at a time; the replies and the wall time."""

    def one(prompt: str) -> str:
        return "".join(backend.stream([{"role": "user", "content": prompt}], sampling))

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        replies = list(pool.map(one, PROMPTS))
    return replies, time.perf_counter() - start


def measure(name: str, backend: Backend, sampling: Sampling, concurrency: int, count: Callable[[str], int]) -> dict:
    run(backend, Sampling(8, 0.0, 1.0), 1)  # warm-up: first-call allocations, lazy imports
    rows = {}
    for mode, n in (("single", 1), (f"{concurrency} threads", concurrency)):
        replies, seconds = run(backend, sampling, n)
        tokens = sum(count(r) for r in replies)
        rows[mode] = dict(tokens=tokens, seconds=seconds, tps=tokens / seconds, replies=replies)
        load = os.getloadavg()[0]
        line = f"{name:12} {mode:10} {tokens:5d} tok {seconds:6.1f} s {tokens / seconds:6.1f} tok/s"
        print(f"  {line}   (load avg after: {load:.1f})")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an already running vLLM /v1 URL (else one is started)")
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    cache = os.environ.get("SHOPASSIST_MODEL_CACHE_DIR", str(REPO / ".cache" / "models"))
    settings = Settings(model_cache_dir=Path(cache))
    model_dir = llm_model_path(settings)
    sampling = Sampling(max_new_tokens=args.max_new_tokens, temperature=0.0, top_p=1.0)

    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)

    def count(text: str) -> int:
        return len(tokenizer(text, add_special_tokens=False).input_ids)

    print(f"{len(PROMPTS)} prompts, greedy, max_new_tokens={args.max_new_tokens}")
    # Other work on the machine skews CPU numbers badly (torch's OpenMP threads spin); say so.
    print(f"cpus={os.cpu_count()}, load avg before: {os.getloadavg()[0]:.1f}")
    backend = TransformersBackend(settings)
    hf = measure("transformers", backend, sampling, args.concurrency, count)
    del backend
    gc.collect()

    if args.url is None and not vllm_available():
        sys.exit("no .venv-vllm: run `bash scripts/setup-vllm.sh`, or pass --url")
    start = time.perf_counter()
    server = nullcontext(args.url) if args.url else start_vllm_server(model_dir)
    with server as url:
        if not args.url:
            print(f"  (vLLM server healthy after {time.perf_counter() - start:.0f} s)")
        vllm_backend = OpenAIBackend(settings.model_copy(update={"openai_base_url": url}))
        vl = measure("vllm", vllm_backend, sampling, args.concurrency, count)

    print()
    print("| mode | transformers tok/s | vLLM tok/s | vLLM / transformers |")
    print("| --- | ---: | ---: | ---: |")
    for mode in hf:
        a, b = hf[mode]["tps"], vl[mode]["tps"]
        print(f"| {mode} | {a:.1f} | {b:.1f} | {b / a:.2f}x |")
    same = sum(x == y for x, y in zip(hf["single"]["replies"], vl["single"]["replies"], strict=True))
    print(f"\ngreedy replies identical across backends: {same}/{len(PROMPTS)}")


if __name__ == "__main__":
    main()
