"""How many titles must name a phrase before it is read as one of the shop's product types
(`type_phrase_min_titles` in assistant/data/type_resolution.json; "bike alarm", whose last word
alone is no type of the shop). Prints, side by side in one run:

1. the catalog's side: two-word phrases named by exactly one title whose last word is a general
   product word but no type of this shop, split by whether the first word is the product's
   brand (the title's first word or its brand column: "nike polo"), with a sample of the rest;
2. the shopper's side: every labelled message (dev understanding sets, both WANDS label files,
   the dev queries) whose type reading changes when one title is enough instead of the
   configured number.
Usage: python bench/single_title_types.py [--devsets DIR] [--sample N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import assistant.type_resolution as type_resolution  # noqa: E402
from assistant.catalog_tables import type_phrases  # noqa: E402
from assistant.constraints import type_segments  # noqa: E402
from assistant.engine import SearchEngine  # noqa: E402
from assistant.vocabulary import is_type as is_general_type  # noqa: E402
from bench.common import DEV_QUERIES, REPO, indexed_flipkart  # noqa: E402
from common.text import terms  # noqa: E402


def labelled_messages(devsets: Path) -> list[str]:
    files = sorted(devsets.glob("*/understanding/*.jsonl"))
    files += sorted((REPO / "bench" / "data").glob("wands_flipkart_carried*.jsonl")) + [DEV_QUERIES]
    out: list[str] = []
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            out += [*row.get("turns", []), row.get("one_shot") or "", row.get("query") or row.get("text") or ""]
    return [m for m in out if m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devsets", type=Path, default=Path("/work/devsets"))
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    engine = SearchEngine.load(indexed_flipkart())
    types, catalog = engine.understander.types, engine.understander.catalog

    named_by: dict[str, set[int]] = {}
    for row, product in enumerate(catalog.products):
        for phrase in type_phrases(type_segments(product)):
            words = phrase.split()
            if len(words) != 2 or set(words) & type_resolution.NOT_TYPE_WORDS or any(w.isdigit() for w in phrase):
                continue
            if is_general_type(words[-1:]) and not types.is_type(words[-1:]) and not types.is_type(words):
                named_by.setdefault(phrase, set()).add(row)
    single = {phrase: next(iter(rows)) for phrase, rows in named_by.items() if len(rows) == 1}
    branded = {
        phrase
        for phrase, row in single.items()
        if phrase.split()[0] in {*terms(catalog.products[row].title)[:1], *terms(catalog.products[row].brand or "")}
    }
    print(f"two-word phrases, last word no type of the shop: {len(named_by)}; named by one title: {len(single)}")
    print(f"  first word the product's brand: {len(branded)}; the rest: {len(single) - len(branded)} (sample)")
    rest = sorted(set(single) - branded)
    for phrase in random.Random(0).sample(rest, min(args.sample, len(rest))):
        print(f"    {phrase!r:26s} {catalog.products[single[phrase]].title[:70]}")

    messages = labelled_messages(args.devsets)
    configured = type_resolution.TYPE_PHRASE_AT_LEAST
    before = [engine.understander.requested_type(m) for m in messages]
    type_resolution.TYPE_PHRASE_AT_LEAST = 1
    relaxed = SearchEngine.load(indexed_flipkart()).understander  # fresh caches
    changed = [(m, b, relaxed.requested_type(m)) for m, b in zip(messages, before, strict=True)]
    changed = [(m, b, a) for m, b, a in changed if a != b]
    print(f"labelled messages: {len(messages)}; reading changed by 1 title instead of {configured}: {len(changed)}")
    for message, was, now in changed:
        print(f"    {message!r:50.50s} {was.named!r} (carried {was.carried}) -> {now.named!r} (carried {now.carried})")


if __name__ == "__main__":
    main()
