"""Retrieval quality on the labelled Flipkart queries, side by side in one run.

BM25 only, dense only, hybrid (RRF), and hybrid + filters (filter-first), on the same index and
queries. Usage: python bench/retrieval_quality.py [--queries FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.engine import SearchEngine  # noqa: E402
from assistant.evaluation.retrieval import load_queries, run_queries, score_run  # noqa: E402
from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, FLIPKART_MAPPING  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    settings = Settings(data_dir=BENCH_DIR / "flipkart")
    report = ingest_catalog(settings, FLIPKART, FLIPKART_MAPPING, progress=True)
    print(f"index: {report.accepted} products ({report.added} embedded now, {report.unchanged} unchanged)")
    engine = SearchEngine.load(settings)
    queries = load_queries(args.queries)
    configs = [
        ("BM25 only", "bm25", False),
        ("dense only", "dense", False),
        ("hybrid (RRF)", "hybrid", False),
        ("hybrid + filters", "hybrid", True),
    ]
    print(f"\n{len(queries)} queries from {args.queries}")
    print(f"{'configuration':<18} {'nDCG@10':>8} {'Recall@50':>10} {'CP@5':>6} {'unsat honest':>13}")
    results = {}
    for name, mode, filters in configs:
        runs = run_queries(
            queries,
            lambda t, m=mode, f=filters: [h.product.id for h in engine.search(t, k=50, mode=m, use_filters=f)[1].hits],
        )
        m = score_run(queries, runs)
        results[name] = m
        honest = round(m["unsat_honesty"] * m["unsat_queries"])
        print(
            f"{name:<18} {m['ndcg@10']:>8.3f} {m['recall@50']:>10.3f} {m['cp@5']:>6.3f} {honest:>9} of {m['unsat_queries']}"
        )
    best, base = results["hybrid + filters"], results["BM25 only"]
    print(
        f"\nratio hybrid+filters / BM25 only: nDCG@10 x{best['ndcg@10'] / base['ndcg@10']:.2f}, "
        f"CP@5 x{best['cp@5'] / base['cp@5']:.2f}"
    )
    print("targets: nDCG@10 >= 0.85, CP@5 >= 0.62, >= 2 of 3 unsatisfiable answered honestly")


if __name__ == "__main__":
    main()
