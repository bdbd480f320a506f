"""Serving search from Chroma shards (`dense_search: shards`) beside the in-process path, in one run.

Per scale, the Flipkart catalog (as ingested, or scaled up with its real MiniLM vectors plus
small noise, bench/common.py) is written once as a snapshot and through ingest's own writer
(`ingest.shards.ProductCollections`) as one embedded Chroma collection per top-level category
(`shard_by: category`) and, with --groups N, as the categories hashed into N collections. Then
one process loads the serving search engine (`assistant.engine.SearchEngine`) once per path over
the same snapshot: "local" (the default: exact, or faiss IVF past 50k products) and each shard
layout with `dense_search: shards`; BM25, fusion and cards are the same code on every path.

Every dev query, parsed as a shopper's message, is searched by each path in turn (so load on
the shared machine falls on all alike), unfiltered and with its parsed filters, top 10, query
encode included: the time to the first card, as bench/query_latency.py measures it. Printed per
path: p50 / p95, the ratio to the local path, how many shards a filtered search asked, and how
often the shard path's 10 cards are the local path's 10 in the same order, and how many searches
a shard failed or missed the deadline in (--timeout, 30 s here: on a machine this busy the 3 s
default was missed by an unfiltered 58-shard fan-out at 10k; such a search ranks locally).

Usage: python bench/shard_serving.py [--scales flipkart,10000,50000] [--repeat 2] [--groups 4]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, percentile, summary_ms  # noqa: E402

K = 10
WRITE_BATCH = 5000


def write_shards(settings, products, vectors: np.ndarray) -> float:
    """The products' stored vectors through ingest's writer in the settings' layout; seconds."""
    from ingest import store
    from ingest.shards import ProductCollections

    collections = ProductCollections(settings)
    t = time.perf_counter()
    for i in range(0, len(products), WRITE_BATCH):
        chunk = products[i : i + WRITE_BATCH]
        collections.upsert(chunk, vectors[i : i + WRITE_BATCH], [store.product_metadata(p, "bench") for p in chunk])
    return time.perf_counter() - t


def build(scale: str, groups: int) -> tuple[Path, dict[str, float]]:
    """The snapshot and shard collections for one scale under .cache/bench (rebuilt each run)."""
    from assistant.catalog import CatalogIndex
    from bench.common import indexed_flipkart, iter_scaled, scaled_vectors
    from ingest.snapshot import read_snapshot, write_snapshot

    base = read_snapshot(indexed_flipkart().index_dir)
    originals = list(base.products)
    n = len(originals) if scale == "flipkart" else int(scale)
    vectors = np.asarray(base.vectors) if scale == "flipkart" else scaled_vectors(np.asarray(base.vectors), n)
    root = BENCH_DIR / f"shard-serving-{scale}"
    shutil.rmtree(root, ignore_errors=True)
    products = originals if scale == "flipkart" else list(iter_scaled(originals, n))
    write_snapshot(root / "index", iter(products), vectors, "bench")
    t = time.perf_counter()
    CatalogIndex.load(root / "index")  # builds the search tables (and past 50k the IVF) once, as ingest does
    made = {"search tables": time.perf_counter() - t}
    for name, layout in layouts(root, groups).items():
        made[name] = write_shards(layout, products, vectors)
    return root, made


def layouts(root: Path, groups: int) -> dict:
    """The shard layouts over the one snapshot. Both live in the same embedded Chroma store: a
    reader takes only the collections of the layout its settings name (`in_layout`)."""
    from common.settings import Settings

    found = {"category shards": Settings(data_dir=root, shard_by="category")}
    if groups:
        found[f"{groups} groups"] = Settings(data_dir=root, shard_by="category", shard_groups=groups)
    return found


def run_scale(scale: str, repeat: int, groups: int, timeout_s: float) -> None:
    from assistant.engine import SearchEngine
    from assistant.evaluation.retrieval import load_queries
    from common.models import embedder
    from common.settings import Settings

    root, made = build(scale, groups)
    embed = embedder(Settings().embedding_model)
    t = time.perf_counter()
    engines = {"local": SearchEngine.load(Settings(data_dir=root), embed=embed)}
    opened = {"local": time.perf_counter() - t}
    for name, settings in layouts(root, groups).items():
        t = time.perf_counter()
        serving = settings.model_copy(update={"dense_search": "shards", "dependency_timeout_s": timeout_s})
        engines[name] = SearchEngine.load(serving, embed=embed)
        opened[name] = time.perf_counter() - t
    local = engines["local"]
    queries = [local.parse(q["query"]) for q in load_queries(DEV_QUERIES)]
    for engine in engines.values():  # warm: first calls pay imports and page faults
        engine.retriever.search(queries[0], k=K)

    times: dict[tuple[str, str], list[float]] = defaultdict(list)
    same: dict[tuple[str, str], int] = defaultdict(int)
    degraded: dict[tuple[str, str], int] = defaultdict(int)  # searches a shard failed (ranked locally)
    asked: dict[str, list[int]] = defaultdict(list)
    candidates = []
    for round_ in range(repeat):
        for query in queries:
            for kind, options in (("unfiltered", {"use_filters": False}), ("filtered", {})):
                cards = {}
                for name, engine in engines.items():
                    t = time.perf_counter()
                    result = engine.retriever.search(query, k=K, **options)
                    times[(name, kind)].append((time.perf_counter() - t) * 1000)
                    degraded[(name, kind)] += result.degraded is not None
                    cards[name] = [h.product.id for h in result.hits]
                if round_:
                    continue
                for name in engines:
                    same[(name, kind)] += cards[name] == cards["local"]
                if kind == "filtered":
                    mask = local.catalog.mask(result.constraints)
                    candidates.append(int(mask.sum()))
                    for name, engine in engines.items():
                        if engine.retriever.shards is not None:
                            asked[name].append(sum(bool(mask[s.rows].any()) for s in engine.retriever.shards.shards))

    n = len(local.catalog)
    dense = "faiss IVF past 20k candidates" if local.catalog.dense is not None else "exact"
    print(f"\n== {n:,} products ({scale}), {len(queries)} dev queries x {repeat}, top {K}, first card, encode included")
    print(
        "built: " + ", ".join(f"{name} {s:.1f} s" for name, s in made.items()) + "; opened: "
        f"{', '.join(f'{name} {s:.1f} s' for name, s in opened.items())}"
    )
    print(f"local dense search: {dense}; filtered queries keep median {np.median(candidates):,.0f} rows")
    for name, engine in engines.items():
        if engine.retriever.shards is not None:
            shares = np.array(asked[name])
            print(
                f"{name}: {len(engine.retriever.shards.shards)} collections (embedded Chroma); a filtered "
                f"search asks median {np.median(shares):.0f} ({np.mean(shares == 1):.0%} ask one)"
            )
    for kind in ("unfiltered", "filtered"):
        base = times[("local", kind)]
        for name in engines:
            ms = times[(name, kind)]
            print(
                f"{kind:10s} {name:16s} {summary_ms(ms)}  x{percentile(ms, 50) / percentile(base, 50):.2f} p50 "
                f"x{percentile(ms, 95) / percentile(base, 95):.2f} p95; same {K} cards as local "
                f"{same[(name, kind)]}/{len(queries)}"
                + (f"; {degraded[(name, kind)]} searches degraded" if degraded[(name, kind)] else "")
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="flipkart,10000,50000")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--groups", type=int, default=4, help="also the categories hashed into N shards (0: not)")
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="dependency_timeout_s of the shard paths (a busy machine)"
    )
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    for scale in args.scales.split(","):
        run_scale(scale, args.repeat, args.groups, args.timeout)


if __name__ == "__main__":
    main()
