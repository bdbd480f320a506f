"""Query latency at 1k, 10k and 100k products: filter-first search against Chroma's `where`.

The catalog is the Flipkart sample scaled up (new ids, title variants, price jitter) with its
real embeddings plus small noise, so no 100k-product embedding run is needed. Per scale, on the
same queries, in one run:
  - ours, unfiltered and filtered (constraints parsed from the query), end to end (encode included)
  - ours vs Chroma's own `where`-filtered query with the same price filter (encode included)
Usage: python bench/query_latency.py [--scales 1000,10000,100000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.catalog import CatalogIndex  # noqa: E402
from assistant.constraints import Constraints  # noqa: E402
from assistant.evaluation.retrieval import load_queries  # noqa: E402
from assistant.search import Retriever  # noqa: E402
from assistant.understand import Query, Understander  # noqa: E402
from bench.common import BENCH_DIR, DEV_QUERIES, FLIPKART, FLIPKART_MAPPING, scale_up, summary_ms  # noqa: E402
from common.models import embedder, encode_query  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest import store  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.snapshot import read_snapshot, write_snapshot  # noqa: E402


def timed(fn, items, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    base_settings = Settings(data_dir=BENCH_DIR / "flipkart")
    ingest_catalog(base_settings, FLIPKART, FLIPKART_MAPPING, progress=False)
    base = read_snapshot(base_settings.index_dir)
    model = embedder(base_settings.embedding_model)
    texts = [q["query"] for q in load_queries(DEV_QUERIES)]
    model.encode(texts)  # warm up

    rng = np.random.default_rng(0)
    for n in [int(s) for s in args.scales.split(",")]:
        products = scale_up(base.products, n)
        reps = np.arange(n) % len(base.products)
        vectors = base.vectors[reps] + rng.normal(scale=0.02, size=(n, base.vectors.shape[1])).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        settings = Settings(data_dir=BENCH_DIR / f"latency-{n}")
        shutil.rmtree(settings.data_dir, ignore_errors=True)
        t = time.perf_counter()
        write_snapshot(settings.index_dir, products, vectors, "bench")
        coll = store.collection(store.chroma_client(settings), store.PRODUCTS)
        for i in range(0, n, 5000):
            chunk = products[i : i + 5000]
            coll.add(
                ids=[p.id for p in chunk],
                embeddings=vectors[i : i + 5000],
                metadatas=[{"price": p.price if p.price is not None else -1.0} for p in chunk],
            )
        build_s = time.perf_counter() - t
        catalog = CatalogIndex.load(settings.index_dir)
        retriever = Retriever(catalog, model)
        understander = Understander(catalog)
        parsed = [understander.parse(t) for t in texts]
        price_queries = [Query(t, t, Constraints(price_max=1000.0)) for t in texts]

        unfiltered = timed(lambda q: retriever.search(q, k=10, use_filters=False), parsed, args.repeat)
        filtered = timed(lambda q: retriever.search(q, k=10), parsed, args.repeat)
        ours_price = timed(lambda q: retriever.search(q, k=10), price_queries, args.repeat)
        chroma_price = timed(
            lambda q: coll.query(
                query_embeddings=[encode_query(model, q.text)],
                n_results=10,
                where={"$and": [{"price": {"$gte": 0.0}}, {"price": {"$lte": 1000.0}}]},
            ),
            price_queries,
            args.repeat,
        )
        chroma_plain = timed(
            lambda q: coll.query(query_embeddings=[encode_query(model, q.text)], n_results=10),
            price_queries,
            args.repeat,
        )
        print(f"\n== {n:,} products (index built in {build_s:.1f} s), {len(texts) * args.repeat} queries each")
        print(f"ours, unfiltered                 {summary_ms(unfiltered)}")
        print(f"ours, filtered (parsed)          {summary_ms(filtered)}")
        print(f"ours, price <= 1000              {summary_ms(ours_price)}")
        print(f"chroma where price <= 1000       {summary_ms(chroma_price)}")
        print(f"chroma unfiltered                {summary_ms(chroma_plain)}")
        p95 = lambda v: sorted(v)[int(0.95 * (len(v) - 1))]  # noqa: E731
        print(
            f"ratio chroma-where / ours (same price filter): p50 x{np.median(chroma_price) / np.median(ours_price):.1f}, "
            f"p95 x{p95(chroma_price) / p95(ours_price):.1f}; filtered p95 {p95(filtered):.1f} ms (target <= 25 ms at 100k)"
        )


if __name__ == "__main__":
    main()
