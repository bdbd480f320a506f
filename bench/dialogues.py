"""Multi-turn dev dialogues written from labelled one-shot queries, deterministically.

Each labelled query (format: ../shared/datasets/queries/README.md) becomes several dialogues,
one per follow-up kind that fits its constraints: the first turn asks for less, later turns add
the rest in varied phrasings (an audience, a relation, a budget, a colour, a brand, a correction,
a new product type, a question in between). After the final turn the request holds exactly the
query's hard constraints, so its relevance labels still apply. Output: the dialogue-log format,
one dialogue a line: {"id", "turns": [{"role": "user", "text"}], "labels": {...}, "meta": {...}}.

The dialogues derive from the query file, so they are written under .cache/ (not data/): the
query file's own terms govern them. Usage:
    python bench/dialogues.py [--queries FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_DIR, DEV_QUERIES  # noqa: E402

AUDIENCE_SAYINGS = {
    "women": ["for women", "ladies", "it's for my wife", "it's for a woman", "for my mom"],
    "men": ["for men", "it's for my husband", "for my dad", "gents please", "it's for my brother"],
    "girls": ["for girls", "it's for my daughter", "for a girl"],
    "boys": ["for boys", "it's for my son", "for a boy"],
    "kids": ["for kids", "it's for my kid", "for children"],
    "couple": ["for a couple", "his and hers"],
}
WRONG_AUDIENCE = {"women": "men", "men": "women", "girls": "boys", "boys": "girls", "kids": "men", "couple": "men"}
BUDGET_SAYINGS = ["budget is {hi}", "max {hi} rupees", "less than {hi} please", "keep it under {hi}", "under {hi} rs"]
COLOUR_SAYINGS = ["in {c}", "do you have them in {c}?", "{c} please", "any in {c}?"]
BRAND_SAYINGS = ["any from {b}?", "only {b}", "only from {b} please"]
CORRECTION_SAYINGS = ["I meant {a}", "sorry, {a}", "no, {a}", "actually {a}"]
QUESTIONS = ["what is your return policy?", "how long does shipping take?", "do you deliver on weekends?"]
OTHER_TYPES = ["backpack", "watch", "sunglasses", "mug"]

AUDIENCE_WORDS = (
    r"(?:for\s+(?:a\s+)?(?:\d+\s+year\s+old\s+)?(?:women|men|kids|girls|boys|ladies|youth|boy|girl|my \w+)"
    r"|women'?s?|men'?s?|ladies|girls|boys|gents|his and hers?|his and her|couple)"
)
PRICE_WORDS = (
    r"(?:under|below|less than|within|between\s+\d+\s+and|over|above)\s+(?:rs\.?\s*)?\d[\d,]*(?:\s*(?:rs|rupees|inr))?"
)


def without(text: str, pattern: str) -> str:
    """The text without the phrase, and without a preposition the removal left dangling."""
    text = " ".join(re.sub(pattern, " ", text, flags=re.I).split())
    return re.sub(r"\s+(?:in|with|for|of)\s*$", "", text, flags=re.I)


def price_saying(c: dict, rng: random.Random) -> str | None:
    lo, hi = c.get("price_min"), c.get("price_max")
    if lo is not None and hi is not None:
        return f"between {lo:g} and {hi:g}"
    if hi is not None:
        return rng.choice(BUDGET_SAYINGS).format(hi=f"{hi:g}")
    if lo is not None:
        return f"over {lo:g}"
    return None


def dialogues_for(q: dict) -> list[dict]:
    """The dialogues one labelled query gives (deterministic: seeded by its qid)."""
    rng = random.Random(q["qid"])
    c = q.get("constraints") or {}
    text = q["query"]
    out: list[tuple[str, list[str]]] = []
    audience = c.get("ideal_for")
    if audience in AUDIENCE_SAYINGS and re.search(AUDIENCE_WORDS, text, re.I):
        base = without(text, AUDIENCE_WORDS)
        if base:
            out.append(("audience", [base, rng.choice(AUDIENCE_SAYINGS[audience])]))
            wrong = rng.choice(AUDIENCE_SAYINGS[WRONG_AUDIENCE[audience]][:1])
            right = AUDIENCE_SAYINGS[audience][0]
            out.append(("correction", [f"{base} {wrong}", rng.choice(CORRECTION_SAYINGS).format(a=right)]))
    saying = price_saying(c, rng)
    if saying and re.search(PRICE_WORDS, text, re.I):
        base = without(text, PRICE_WORDS)
        out.append(("absolute budget", [base, saying]))
        out.append(("question in between", [base, rng.choice(QUESTIONS), saying]))
    colour = c.get("colour")
    if colour and re.search(rf"\b{colour}\b", text, re.I):
        base = without(text, rf"\b{colour}\b")
        out.append(("colour", [base, rng.choice(COLOUR_SAYINGS).format(c=colour)]))
    brand = c.get("brand")
    if brand and re.search(rf"\b{brand}\b", text, re.I):
        base = without(text, rf"\b{brand}\b")
        out.append(("brand", [base, rng.choice(BRAND_SAYINGS).format(b=brand)]))
    if audience in AUDIENCE_SAYINGS and saying and re.search(AUDIENCE_WORDS, text, re.I):
        base = without(without(text, AUDIENCE_WORDS), PRICE_WORDS)
        if base:
            out.append(("three turns", [base, rng.choice(AUDIENCE_SAYINGS[audience]), saying]))
    types = c.get("category_any") or []
    if types and (audience or saying):
        other = rng.choice([t for t in OTHER_TYPES if t not in types])
        extras = [AUDIENCE_SAYINGS[audience][0]] if audience in AUDIENCE_SAYINGS else []
        extras += [saying] if saying else []
        if not re.search(AUDIENCE_WORDS, text, re.I) or re.search(PRICE_WORDS, text, re.I) or not saying:
            out.append(("new type", [f"{other} {' '.join(extras)}", f"what about {text} instead?"]))
    if not out:  # nothing to split off: ask it, ask a question, then come back to it
        out.append(("question in between", [text, rng.choice(QUESTIONS), "ok, show me those again"]))
    labels = {
        "constraints": c,
        "relevant_products": q.get("relevant", {}),
        "unsatisfiable": bool(q.get("unsatisfiable")),
        "intents": ["search"],
    }
    return [
        {
            "id": f"{q['qid']}-{i}",
            "turns": [{"role": "user", "text": t} for t in turns],
            "labels": labels,
            "meta": {"follow_up_kind": kind, "source_query": q["qid"]},
        }
        for i, (kind, turns) in enumerate(out)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "dev_dialogues.jsonl")
    args = parser.parse_args()
    from assistant.evaluation.retrieval import load_queries

    dialogues = [d for q in load_queries(args.queries) for d in dialogues_for(q)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dialogues), encoding="utf-8")
    print(f"wrote {len(dialogues)} dialogues from {args.queries} to {args.out}")


if __name__ == "__main__":
    main()
