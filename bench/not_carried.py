""" "We don't carry that" on held-out queries: real Wayfair shopper queries (WANDS, mostly furniture)
asked of the Flipkart catalog (mostly clothing, jewellery, watches), hand-labelled by whether the
catalog carries the product type asked for (`bench/data/wands_flipkart_carried.jsonl`; the labels
were made by searching the catalog, without looking at the assistant, and nothing was tuned on
them). Each query is one first turn through `Assistant.reply`, as a shopper would send it.

Each reply is one of: "don't carry" (no card; "we don't carry X"), "no match" (no card; nothing
matches the combination asked for, e.g. curtains exist but none in orange) or "shown" (cards as
matches). For queries whose type is not carried, the first two are honest and "shown" is not
(also counted: those where no product type was read at all). For carried queries, "don't carry"
is a false claim; "no match" is honest about the rest of the request. The LLM does not decide any of this, so the scripted
backend stands in for it; the embedder is the bundled model, as served.
Usage: python bench/not_carried.py [--labels FILE] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import FLIPKART, REPO, indexed_flipkart  # noqa: E402
from tests.fakes import ScriptedBackend  # noqa: E402

LABELS = REPO / "bench" / "data" / "wands_flipkart_carried.jsonl"


KINDS = ("don't carry", "no match", "shown")


def outcome(reply) -> str:
    if reply.products:
        return "shown"
    return "don't carry" if "don't carry" in reply.text else "no match"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--show-misses", action="store_true", help="print every query answered wrongly")
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    scored = [r for r in rows if not r["unclear"]]
    settings = indexed_flipkart()
    assistant = Assistant.load(settings, backend=ScriptedBackend())

    counts = {(carried, kind): 0 for carried in (True, False) for kind in KINDS}
    untyped_shown = 0
    misses = []
    for r in scored:
        reply = assistant.reply(Session(), r["query"])
        kind = outcome(reply)
        counts[(r["carried"], kind)] += 1
        typed = bool(reply.request and any(chip.slot == "type" for chip in reply.request))
        wrong = kind == "shown" if not r["carried"] else kind == "don't carry"
        if wrong:
            if not r["carried"] and kind == "shown" and not typed:
                untyped_shown += 1
            chips = " · ".join(c.label for c in reply.request)
            misses.append(f"  {'carried' if r['carried'] else 'not carried':11s} {r['query']!r:40s} -> {kind}: {chips}")

    n_not, n_car = sum(not r["carried"] for r in scored), sum(r["carried"] for r in scored)
    print(f"{len(rows)} labelled queries, {len(rows) - len(scored)} unclear left out")
    print(f"{'label':12s} {'n':>4s} " + " ".join(f"{k:>12s}" for k in KINDS))
    for carried, n in ((False, n_not), (True, n_car)):
        print(
            f"{'carried' if carried else 'not carried':12s} {n:4d} "
            + " ".join(f"{counts[(carried, k)]:12d}" for k in KINDS)
        )
    honest_rate = (n_not - counts[(False, "shown")]) / n_not if n_not else 0.0
    false_alarm = counts[(True, "don't carry")] / n_car if n_car else 0.0
    claims = counts[(False, "don't carry")] + counts[(True, "don't carry")]
    precision = counts[(False, "don't carry")] / claims if claims else 0.0
    print(
        f"not carried, no card shown as a match: {honest_rate:.3f} ({untyped_shown} of the rest: no product type read)"
    )
    print(
        f"'we don't carry' claims that are true: {precision:.3f}; carried types told 'we don't carry': {false_alarm:.3f}"
    )
    if args.show_misses:
        print("misses:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
