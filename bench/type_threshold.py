"""Calibrate the similarity at which a product type the shop does not name is read as one it
does ("throw pillow" ~ "cushion"): for each hand-labelled WANDS query that understanding reads as
a type the catalog lacks, the best cosine similarity (bundled embedder) between that phrase and
the catalog's own type phrases, against the label (carried or not). Prints, per threshold, the
carried types recovered and the not-carried types wrongly taken as carried. Measured on both
label files: no threshold recovers the carried ones without taking many more not-carried ones,
so nearness is used to steer ranking (interests), not to claim a type is carried.
`--interests` prints the nearest types of 20 sample interests (how the steering thresholds in
assistant/data/steering.json were chosen).
Usage: python bench/type_threshold.py [--labels FILE] [--interests]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.engine import SearchEngine  # noqa: E402
from assistant.type_meaning import shares_word  # noqa: E402
from bench.common import REPO, indexed_flipkart  # noqa: E402

LABELS = REPO / "bench" / "data" / "wands_flipkart_carried.jsonl"
INTERESTS = (
    "cooking sports gaming gardening music football reading travel fitness makeup photography cars pets "
    "cricket tech painting yoga fashion coffee jewellery"
).split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--interests", action="store_true", help="print the nearest types of sample interests")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = SearchEngine.load(indexed_flipkart())
    u = engine.understander
    if args.interests:  # how steering.json's interest_types thresholds were read off
        for interest in INTERESTS:
            print(f"{interest:14s}", ", ".join(f"{t} {sim:.2f}" for sim, t in u.meaning.nearest(interest, 5)))
        return
    scored = []
    for r in rows:
        if r["unclear"]:
            continue
        named, carried = u.requested_type(r["query"])
        if named and not carried:
            for sim, phrase in u.meaning.nearest(named, 3):
                shared = shares_word(named, phrase)
                scored.append((sim, shared, r["carried"], r["query"], named, phrase))
    for sim, shared, carried, query, named, phrase in sorted(scored, reverse=True):
        label = "carried" if carried else "not    "
        print(f"{sim:.3f} {'lex' if shared else '   '} {label} {query!r:38s} {named!r:22s} ~ {phrase!r}")


if __name__ == "__main__":
    main()
