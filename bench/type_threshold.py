"""Calibrate the similarity at which a product type the shop does not name is read as one it
does ("throw pillow" ~ "cushion"): for each hand-labelled WANDS query that understanding reads as
a type the catalog lacks, the best cosine similarity (bundled embedder) between that phrase and
the catalog's own type phrases, against the label (carried or not). Prints, per threshold, the
carried types recovered and the not-carried types wrongly taken as carried. Measured on both
label files: no threshold recovers the carried ones without taking many more not-carried ones,
so nearness is used to steer ranking (interests), not to claim a type is carried.
`--interests` prints the nearest types of 20 sample interests (how the steering thresholds in
assistant/data/steering.json were chosen).
`--sub-kinds`: for each labelled query whose type is carried and said after a modifier no product
of the type records ("surge protector"), the best cosine between the shopper's compound and the
shop's own compounds of that type ("mattress protector"), against the label: how
`sub_kind_nearness` in assistant/data/type_resolution.json was chosen.
Usage: python bench/type_threshold.py [--labels FILE ...] [--interests | --sub-kinds]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.engine import SearchEngine  # noqa: E402
from assistant.type_meaning import shares_word  # noqa: E402
from bench.common import REPO, indexed_flipkart  # noqa: E402
from common.text import tokenize  # noqa: E402

LABELS = REPO / "bench" / "data" / "wands_flipkart_carried.jsonl"
INTERESTS = (
    "cooking sports gaming gardening music football reading travel fitness makeup photography cars pets "
    "cricket tech painting yoga fashion coffee jewellery"
).split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=Path, nargs="+", default=[LABELS, LABELS.with_name(LABELS.stem + "_2.jsonl")])
    parser.add_argument("--interests", action="store_true", help="print the nearest types of sample interests")
    parser.add_argument("--sub-kinds", action="store_true", help="modifier + carried type vs the shop's compounds")
    args = parser.parse_args()
    rows = [
        json.loads(line) for f in args.labels for line in f.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    engine = SearchEngine.load(indexed_flipkart())
    u = engine.understander
    if args.interests:  # how steering.json's interest_types thresholds were read off
        for interest in INTERESTS:
            print(f"{interest:14s}", ", ".join(f"{t} {sim:.2f}" for sim, t in u.meaning.nearest(interest, 5)))
        return
    if args.sub_kinds:
        sub_kinds(u, rows)
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


def sub_kinds(u, rows: list[dict]) -> None:
    """Per labelled query read as a carried type after an unrecorded modifier: the best cosine
    to the shop's compounds of the type, then how many of each label a threshold keeps."""
    types, found = u.types, []
    for r in rows:
        if r["unclear"]:
            continue
        words = tokenize(r["query"].replace("'", ""))
        spans = types._spans(words)
        named = spans and types._asked_among([spans[-1][2]])
        if not named or not types.carried(named):
            continue
        modifier = types._modifier_before(words, spans, named)
        if not modifier or types._described_as(named, [modifier]):
            continue
        names = types.sub_kinds(named)
        if not names:
            continue
        vectors = np.asarray(u.embed.encode(names, normalize_embeddings=True))
        said = np.asarray(u.embed.encode([" ".join([modifier, *named])], normalize_embeddings=True))[0]
        sims = vectors @ said
        best = int(np.argmax(sims))
        found.append((float(sims[best]), r["carried"], r["query"], f"{modifier} {' '.join(named)}", names[best]))
    for sim, carried, query, compound, nearest in sorted(found, reverse=True):
        print(f"{sim:.2f} {'carried' if carried else 'not    '} {query!r:42s} {compound!r:24s} ~ {nearest!r}")
    n_car, n_not = sum(c for _, c, *_ in found), sum(not c for _, c, *_ in found)
    print(f"threshold  carried kept (of {n_car})  not carried told so (of {n_not})")
    for t in np.arange(0.50, 0.81, 0.02):
        kept = sum(c and s >= t for s, c, *_ in found)
        told = sum(not c and s < t for s, c, *_ in found)
        print(f"{t:9.2f}  {kept:21d}  {told:26d}")


if __name__ == "__main__":
    main()
