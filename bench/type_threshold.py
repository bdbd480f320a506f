"""Calibrate the similarity at which a product type the shop does not name is read as one it
does ("throw pillow" ~ "cushion"): for each hand-labelled WANDS query that understanding reads as
a type the catalog lacks, the best cosine similarity (bundled embedder) between that phrase and
the catalog's own type phrases, against the label (carried or not). Prints, per threshold, the
carried types recovered and the not-carried types wrongly taken as carried.
Usage: python bench/type_threshold.py [--labels FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.engine import SearchEngine  # noqa: E402
from bench.common import REPO, indexed_flipkart  # noqa: E402

LABELS = REPO / "bench" / "data" / "wands_flipkart_carried.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = SearchEngine.load(indexed_flipkart())
    u = engine.understander
    scored = []
    for r in rows:
        if r["unclear"]:
            continue
        named, carried = u.requested_type(r["query"])
        if named and not carried:
            for sim, phrase in u.nearest_types(named, engine.retriever.embed, 3):
                shared = u.shares_word(named, phrase)
                scored.append((sim, shared, r["carried"], r["query"], named, phrase))
    for sim, shared, carried, query, named, phrase in sorted(scored, reverse=True):
        label = "carried" if carried else "not    "
        print(f"{sim:.3f} {'lex' if shared else '   '} {label} {query!r:38s} {named!r:22s} ~ {phrase!r}")


if __name__ == "__main__":
    main()
