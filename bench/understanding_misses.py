"""Per-query diagnostic of one-shot understanding: the parsed request next to the labels, to see
which class of failure each miss belongs to.

For every labelled query it prints the request as understood (product type and whether the shop
carries it, every hard filter, the steers, spelling corrections), the label's own constraints,
nDCG@10 of the search, and for the relevant products the search did not rank in its top 10 the
filter that dropped each (a product a filter removed cannot be ranked back: a filter class miss)
or "ranked lower" (a ranking class miss). A query whose type is read as not carried, or whose
filters leave nothing, is marked so. Only queries below `--below` nDCG@10 (default 1.0) print.
Usage: python bench/understanding_misses.py --queries FILE [--below 0.9]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.engine import SearchEngine  # noqa: E402
from assistant.evaluation.retrieval import load_queries, ndcg  # noqa: E402
from bench.common import DEV_QUERIES, indexed_flipkart  # noqa: E402


def parsed(query) -> str:
    """The understood request in one line, only what is set."""
    c = query.constraints
    fields = {
        "type": f"{query.product_type}{'' if query.type_carried else ' (NOT CARRIED)'}" if query.product_type else None,
        "categories": c.categories,
        "attributes": c.attributes,
        "brands": c.brands,
        "colours": c.colours,
        "audience": c.audience,
        "price": (c.price_min, c.price_max) if c.price_min is not None or c.price_max is not None else None,
        "near": c.price_near,
        "rating": c.min_rating,
        "premium": c.premium or None,
        "cheap": c.cheap or None,
        "steer": c.steer_types,
        "corrected": query.corrections,
    }
    return "  ".join(f"{k}={v}" for k, v in fields.items() if v)


def labelled(constraints: dict) -> str:
    return "  ".join(f"{k}={v}" for k, v in constraints.items() if v and k != "category_field")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    parser.add_argument("--below", type=float, default=1.0, help="print only queries under this nDCG@10")
    args = parser.parse_args()
    engine = SearchEngine.load(indexed_flipkart())
    cat = engine.catalog
    scores = []
    for q in load_queries(args.queries):
        query, result = engine.search(q["query"], k=10)
        if q.get("unsatisfiable"):
            if result.hits:
                print(
                    f"{q['qid']} UNSATISFIABLE but {len(result.hits)} shown: {q['query']!r}\n  parsed: {parsed(query)}"
                )
            continue
        grades = q["relevant"]
        ranked = [h.product.id for h in result.hits]
        score = ndcg(ranked, grades)
        scores.append(score)
        if score >= args.below:
            continue
        print(f"{q['qid']} nDCG@10 {score:.3f}  {q['query']!r}")
        print(f"  parsed: {parsed(query)}")
        print(f"  label:  {labelled(q.get('constraints') or {})}")
        if not query.type_carried:
            print("  CLASS: type read as not carried")
        elif not result.hits:
            print(f"  CLASS: no card ({result.empty_reason})")
        masks = cat.constraint_masks(result.constraints)
        for pid, grade in sorted(grades.items(), key=lambda x: -x[1]):
            if pid in ranked[:10] or grade < 1:
                continue
            row = cat.row_of.get(pid)
            dropped = [name for name, m in masks if row is not None and not m[row]]
            title = cat.products[row].title[:70] if row is not None else "?"
            print(
                f"    missed g{grade} {pid} {title!r}: {'dropped by ' + ', '.join(dropped) if dropped else 'ranked lower'}"
            )
        for h in result.hits[:5]:
            if grades.get(h.product.id, 0) < 1:
                print(f"    shown, not relevant: {h.product.title[:80]!r}")
    print(json.dumps({"queries": len(scores), "ndcg@10": round(sum(scores) / max(len(scores), 1), 3)}))


if __name__ == "__main__":
    main()
