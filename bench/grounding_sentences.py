"""Grounding on labelled model sentences: false prices, empty praise and near-repeats go, true
sentences stay.

Each turn of `bench/data/grounding_sentences.jsonl` (written for this project over the demo
catalog, in the ways small models go wrong: a price in the shopper's budget said of a product
that costs less, "I'm sure they'll love it", the same clause twice in one sentence) names the
products shown, what the shopper said, and the model's sentences in order, each labelled:
`keep` (true and grounded), `drop` (must not reach the shopper), or `fix` (a price claim that must
be removed or corrected to the record's `record` price). The sentences go through
`assistant.grounding.Grounder` as one reply.

Prints per class: sentences, handled right (keep: kept unchanged in substance; drop: removed;
fix: removed, or kept with the record's price and not the false one) and the wrong ones.
Usage: python bench/grounding_sentences.py [--data FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import vocabulary  # noqa: E402
from assistant.grounding import PRICE, Grounder  # noqa: E402
from bench.common import REPO  # noqa: E402
from ingest.pipeline import load_catalog  # noqa: E402

DATA = REPO / "bench" / "data" / "grounding_sentences.jsonl"
CATALOG = REPO / "data" / "catalog.csv"


def handled(label: str, text: str, out: str | None, record: str = "") -> bool:
    if label == "keep":
        return out is not None
    if label == "drop":
        return out is None
    # fix: gone, or every price in it is the record's
    return out is None or (record in out and all(m.group() in record for m in PRICE.finditer(out)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print every sentence that went wrong")
    args = parser.parse_args()
    products, _ = load_catalog(CATALOG)
    by_id = {p.id: p for p in products}
    brands = sorted({(p.brand or "").lower() for p in products if p.brand})
    kinds = vocabulary.type_words()  # the kinds of product the assistant knows, as grounding gets them
    totals: dict[str, list[int]] = {}
    for line in args.data.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        turn = json.loads(line)
        shown = [by_id[i] for i in turn["products"]]
        g = Grounder(shown, brands, kinds, shopper_said=turn["said"])
        g.counts = {len(shown)}
        for s in turn["sentences"]:
            out = g.sentence(s["text"])
            ok = handled(s["label"], s["text"], out, s.get("record", ""))
            for key in (s["class"], "all"):
                t = totals.setdefault(key, [0, 0])
                t[0] += 1
                t[1] += ok
            if args.show and not ok:
                print(f"WRONG {turn['id']} [{s['label']}] {s['text']!r} -> {out!r}")
    print(f"{args.data.name}: grounding of labelled model sentences")
    print(f"{'class':<8}{'sentences':>10}{'right':>8}{'wrong':>7}")
    for key in sorted(totals, key=lambda k: (k == "all", k)):
        n, right = totals[key]
        print(f"{key:<8}{n:>10}{right / n:>8.0%}{n - right:>7}")


if __name__ == "__main__":
    main()
