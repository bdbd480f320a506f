"""Turn latency on CPU with the default model: first product card, first text, first LLM token.

Per turn, split into understand / retrieve / generate, over the same shopper messages, on the
demo catalog with the transformers backend (bundled SmolLM2-135M-Instruct).
Usage: python bench/turn_latency.py [--turns 12]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import BENCH_DIR, REPO, percentile  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

MESSAGES = [
    "waterproof jacket for hiking under $120",
    "running shoes for women",
    "black leather wallet for men",
    "wireless earbuds",
    "yoga mat between 20 and 40 dollars",
    "a gift for my mom",
    "coffee maker",
    "kids backpack for school",
    "bluetooth speaker",
    "dog shampoo",
    "camping tent",
    "silver necklace",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=len(MESSAGES))
    args = parser.parse_args()
    settings = Settings(data_dir=BENCH_DIR / "demo")
    ingest_catalog(settings, REPO / "data" / "catalog.csv", progress=False)
    ingest_policies(settings, [REPO / "data" / "policies"])
    assistant = Assistant.load(settings)
    assistant.reply(Session(), "warm up: mugs")  # loads the LLM, fills caches
    keys = ["understand", "retrieve", "first_card", "first_text", "first_llm_token", "generate", "total"]
    rows: dict[str, list[float]] = {k: [] for k in keys}
    for message in (MESSAGES * 2)[: args.turns]:
        reply = assistant.reply(Session(), message)
        for k in keys:
            if k in reply.timings_ms:
                rows[k].append(reply.timings_ms[k])
    print(f"{args.turns} turns, backend {settings.llm_backend}, max_new_tokens {settings.max_new_tokens}")
    print(f"{'stage (ms from request)':<26} {'p50':>9} {'p95':>9}")
    for k in keys:
        if rows[k]:
            print(f"{k:<26} {percentile(rows[k], 50):>9.1f} {percentile(rows[k], 95):>9.1f}")
    card, token = percentile(rows["first_card"], 95), percentile(rows["first_llm_token"], 95)
    print(
        f"\nfirst card p95 {card:.0f} ms (target <= 300 ms); first LLM token p95 {token:.0f} ms "
        f"(target <= 1500 ms); cards arrive {percentile(rows['total'], 50) / percentile(rows['first_card'], 50):.0f}x "
        "sooner than the finished reply (p50)"
    )


if __name__ == "__main__":
    main()
