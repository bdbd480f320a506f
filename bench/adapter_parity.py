"""The same LoRA adapter, served by vLLM (cpu build, `--lora-modules`) and by transformers (peft),
gives the same greedy reply on the same support prompts. Also prints base vs adapter replies.

Usage: python bench/adapter_parity.py --adapter .cache/adapters/support-pairs [--prompts 5]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.backends import OpenAIBackend, Sampling, TransformersBackend
from common.models import llm_model_path
from common.settings import Settings
from common.vllm_server import start_vllm_server, vllm_inprocess_replies

PROMPTS = [
    "I placed an order yesterday, how can I check its status?",
    "My package arrived damaged, what should I do?",
    "How long does a refund take to reach my card?",
    "Can I change the delivery address of my order?",
    "I want to switch to a different account, how do I do that?",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adapter", type=Path, required=True)
    parser.add_argument("--prompts", type=int, default=5)
    parser.add_argument("--max-new-tokens", type=int, default=48)
    args = parser.parse_args()
    rank = json.loads((args.adapter / "adapter_config.json").read_text())["r"]
    settings = Settings(model_cache_dir=Path(".cache/models"))
    model_dir = llm_model_path(settings)
    sampling = Sampling(max_new_tokens=args.max_new_tokens, temperature=0.0, top_p=1.0)
    prompts = [[{"role": "user", "content": p}] for p in PROMPTS[: args.prompts]]

    local = TransformersBackend(settings)
    hf_adapter = ["".join(local.stream(m, sampling, adapter=str(args.adapter))) for m in prompts]
    hf_base = ["".join(local.stream(m, sampling)) for m in prompts]
    vllm_rank = next(r for r in (8, 16, 32, 64, 128) if r >= rank)
    with start_vllm_server(
        model_dir, lora_modules={"support": str(args.adapter.resolve())}, max_lora_rank=vllm_rank
    ) as url:
        remote = OpenAIBackend(settings.model_copy(update={"openai_base_url": url, "llm_timeout_s": 120}))
        vllm_adapter = ["".join(remote.stream(m, sampling, adapter="support")) for m in prompts]
    inprocess = vllm_inprocess_replies(args.adapter, prompts, args.max_new_tokens)

    same = same_inprocess = 0
    for prompt, a, b, c, base in zip(PROMPTS, hf_adapter, vllm_adapter, inprocess, hf_base, strict=False):
        match = a.strip() == b.strip()
        same += match
        same_inprocess += a.strip() == c.strip()
        print(
            f"\nprompt: {prompt}\n  transformers+LoRA:      {a.strip()!r}\n  vllm serve+LoRA:        {b.strip()!r}"
            f"\n  vllm.LLM+LoRARequest:   {c.strip()!r}\n  base (no adapter):      {base.strip()!r}\n  identical: {match}"
        )
    changed = sum(a.strip() != b.strip() for a, b in zip(hf_adapter, hf_base, strict=False))
    print(
        f"\nidentical greedy replies with the adapter: vllm serve vs transformers {same}/{len(prompts)}, "
        f"in-process vllm.LLM vs transformers {same_inprocess}/{len(prompts)}; "
        f"adapter changes the base reply on {changed}/{len(prompts)} prompts"
    )


if __name__ == "__main__":
    main()
